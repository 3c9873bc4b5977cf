package nl.preventiefonds.fund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.StaffOnDemoDatabase;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * A municipality's own fund manager sets up its neighbourhoods: by hand and from the CBS file (85984NED's columns),
 * all or nothing, audited, and never those of another municipality.
 */
class NeighbourhoodAdministrationOnDemoDatabaseTest {
    private static final String HEADER = "ID;WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;"
            + "IndelingswijzigingWijkenEnBuurten_4;AantalInwoners_5;Mannen_6\n";
    private static DemoDatabase database;
    private static long aaHunze;
    private static long tynaarlo;
    private static long borgerOdoorn;

    @BeforeAll
    static void world() {
        database = new DemoDatabase("neighbourhoods");
        aaHunze = StaffOnDemoDatabase.municipality(database, "GM1680", "Aa en Hunze");
        tynaarlo = StaffOnDemoDatabase.municipality(database, "GM1730", "Tynaarlo");
        borgerOdoorn = StaffOnDemoDatabase.municipality(database, "GM1681", "Borger-Odoorn");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static <T> T as(Role role, Long municipality, Function<NeighbourhoodAdministration, T> call) {
        return database.inTransaction(em -> call.apply(service(em, role, municipality)));
    }

    private static <T> T asFundManagerOf(Long municipality, Function<NeighbourhoodAdministration, T> call) {
        return as(Role.FUND_MANAGER, municipality, call);
    }

    private static NeighbourhoodAdministration service(EntityManager em, Role role, Long municipality) {
        String email = "beheerder-" + municipality + "@example.org";
        AccessPolicy access = StaffOnDemoDatabase.accessOf(new Caller(1L, email, role, null, municipality));
        AuditTrail audit = StaffOnDemoDatabase.auditAs(em, email);
        NeighbourhoodAdministration service = new NeighbourhoodAdministration();
        DemoDatabase.inject(service, "em", em);
        DemoDatabase.inject(service, "access", access);
        return DemoDatabase.inject(service, "audit", audit);
    }

    private static byte[] file(String... lines) {
        return (HEADER + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Integer> populations(long municipality) {
        return database.inTransaction(em -> em.createQuery("SELECT n FROM Neighbourhood n WHERE"
                        + " n.municipality.id = :m", Neighbourhood.class).setParameter("m", municipality)
                .getResultList().stream().collect(Collectors.toMap(Neighbourhood::getCode,
                        n -> n.getPopulation() == null ? -1 : n.getPopulation())));
    }

    private static long audited(String action) {
        return database.inTransaction(em -> em.createQuery("SELECT COUNT(a) FROM AuditEntry a WHERE a.action = :a",
                Long.class).setParameter("a", action).getSingleResult());
    }

    private static List<String> keys(NeighbourhoodAdministration.ImportResult result, int line) {
        return result.rows().stream().filter(r -> r.row().line() == line).flatMap(r -> r.row().problems().stream())
                .map(Problem::key).toList();
    }

    @Test
    void theCbsFileCreatesAndUpdatesTheOwnWijkenAfterAPreviewThatWritesNothing() {
        long tynaarloOnly = asFundManagerOf(tynaarlo, s -> s.save(new NeighbourhoodForm(null, "WK173001",
                "Eelde-Paterswolde", null)));
        byte[] cbs = file(
                "1;NL01    ;Nederland;Land      ;NL01      ;1;17942942;8919591",
                "2;GM1730  ;Tynaarlo                                ;Gemeente  ;GM1730    ;1;34720;17100",
                "3;WK173000;Tynaarlo                                ;Wijk      ;WK173000  ;1;\"11 210\";5500",
                "4;WK173001;Tynaarlo;Wijk;WK173001;1;10.955;5400",
                "5;BU17300001;Tynaarlo;Buurt;BU17300001;1;2100;1000",
                "6;WK173002;Tynaarlo;Wijk;WK173002;1;.;.");
        // The raw open-data file has codes, no names: a name for a new wijk comes from a column naam here.
        byte[] named = new String(cbs, StandardCharsets.UTF_8).replace("Mannen_6", "naam")
                .replace("11 210\";5500", "11 210\";Vries").replace("5400\n", "Eelde\n")
                .replace(";.;.", ";.;Zuidlaren-Noord").getBytes(StandardCharsets.UTF_8);

        NeighbourhoodAdministration.ImportResult preview = asFundManagerOf(tynaarlo, s -> s.preview(named, false));
        assertTrue(preview.acceptable(), preview.rows().toString());
        assertFalse(preview.stored());
        assertEquals(2, preview.created(), "WK173000 and WK173002");
        assertEquals(1, preview.updated(), "WK173001 gets its name and population");
        assertEquals(3, preview.skipped(), "the country, the municipality itself and the buurt");
        assertEquals(Map.of("WK173001", -1), populations(tynaarlo), "a preview writes nothing");

        NeighbourhoodAdministration.ImportResult done = asFundManagerOf(tynaarlo, s -> s.importCsv(named, false));
        assertTrue(done.stored());
        assertEquals(Map.of("WK173000", 11210, "WK173001", 10955, "WK173002", -1), populations(tynaarlo),
                "spaces and points group digits; a suppressed population stays unknown");
        assertEquals("Eelde", asFundManagerOf(tynaarlo, s -> s.load(tynaarloOnly)).getName());
        assertEquals(1, audited("NEIGHBOURHOODS_IMPORTED"));

        // Again with buurten, and a suppressed value where one is known: the known number stays.
        NeighbourhoodAdministration.ImportResult again = asFundManagerOf(tynaarlo, s -> s.importCsv(
                new String(named, StandardCharsets.UTF_8).replace("10.955", ".").getBytes(StandardCharsets.UTF_8),
                true));
        assertTrue(again.stored(), again.rows().toString());
        assertEquals(1, again.created(), "the buurt");
        assertEquals(3, again.unchanged());
        assertEquals(10955, populations(tynaarlo).get("WK173001"));
    }

    @Test
    void rowsOfAnotherMunicipalityDuplicatesAndBadPopulationsAreRefusedWithTheirLinesAndNothingIsWritten() {
        byte[] bad = file(
                "1;WK168101;Borger-Odoorn;Wijk;WK168101;1;5000;Borger",
                "2;WK168102;Borger-Odoorn;Wijk;WK168102;1;vijf;Odoorn",
                "3;WK173003;Tynaarlo;Wijk;WK173003;1;1000;Vries",
                "4;WK168101;Borger-Odoorn;Wijk;WK168101;1;5000;Borger",
                "5;WK168103;Borger-Odoorn;Wijk;WK168103;1;-4;Exloo",
                "6;GM1730;Tynaarlo;Gemeente;GM1730;1;34720;Tynaarlo");
        NeighbourhoodAdministration.ImportResult result = asFundManagerOf(borgerOdoorn, s -> s.importCsv(
                new String(bad, StandardCharsets.UTF_8).replace("Mannen_6", "naam").getBytes(StandardCharsets.UTF_8),
                false));
        assertFalse(result.stored());
        assertEquals(5, result.refused());
        assertEquals(List.of(), keys(result, 2), "line 2 is right");
        assertEquals(List.of("neighbourhoods.populationInvalid"), keys(result, 3));
        assertEquals(List.of("neighbourhoods.otherMunicipality"), keys(result, 4));
        assertEquals(List.of("neighbourhoods.duplicate"), keys(result, 5));
        assertEquals(List.of("WK168101", 2), result.rows().stream().filter(r -> r.row().line() == 5)
                .findFirst().orElseThrow().row().problems().get(0).args(), "names the first line");
        assertEquals(List.of("neighbourhoods.populationInvalid"), keys(result, 6), "negative");
        assertEquals(List.of("neighbourhoods.otherMunicipality"), keys(result, 7), "another municipality's row");
        assertEquals(Map.of(), populations(borgerOdoorn), "all or nothing: the good line 2 is not written either");
        assertTrue(audited("NEIGHBOURHOODS_IMPORT_REFUSED") >= 1, "the refusal is on record");
    }

    @Test
    void aNewWijkWithoutANameInTheFileAndAFileWithoutCodesAreRefused() {
        NeighbourhoodAdministration.ImportResult noName = asFundManagerOf(aaHunze, s -> s.preview(
                file("1;WK168009;Aa en Hunze;Wijk;WK168009;1;100;50"), false));
        assertEquals(List.of("neighbourhoods.nameMissing"), keys(noName, 2));
        NeighbourhoodAdministration.ImportResult noCodes = asFundManagerOf(aaHunze, s -> s.preview(
                "Gemeentenaam_1;AantalInwoners_5\nAa en Hunze;25000\n".getBytes(StandardCharsets.UTF_8), false));
        assertEquals("csv.missingColumns", noCodes.fileProblems().get(0).key());
    }

    @Test
    void byHandTheCodeMustBeOneOfTheOwnMunicipality() {
        ValidationFailedException other = assertThrows(ValidationFailedException.class, () -> asFundManagerOf(
                aaHunze, s -> s.save(new NeighbourhoodForm(null, "WK173050", "Elders", 10))));
        assertEquals("neighbourhood.codeOtherMunicipality", other.getProblems().get(0).key());
        ValidationFailedException format = assertThrows(ValidationFailedException.class, () -> asFundManagerOf(
                aaHunze, s -> s.save(new NeighbourhoodForm(null, "WK1680", "Kort", -1))));
        assertEquals(List.of("neighbourhood.codeInvalid", "neighbourhood.populationRange"),
                format.getProblems().stream().map(Problem::key).toList());
        long gieten = asFundManagerOf(aaHunze, s -> s.save(new NeighbourhoodForm(null, " wk168020 ", "Gieten",
                4000)));
        ValidationFailedException twice = assertThrows(ValidationFailedException.class, () -> asFundManagerOf(
                aaHunze, s -> s.save(new NeighbourhoodForm(null, "WK168020", "Gieten 2", null))));
        assertEquals("neighbourhood.codeTaken", twice.getProblems().get(0).key());
        NeighbourhoodForm changed = asFundManagerOf(aaHunze, s -> s.load(gieten));
        assertEquals("WK168020", changed.getCode());
        changed.setPopulation(null);
        asFundManagerOf(aaHunze, s -> s.save(changed));
        assertNull(asFundManagerOf(aaHunze, s -> s.load(gieten)).getPopulation(), "unknown again");
    }

    @Test
    void anotherMunicipalitysNeighbourhoodIsUnknownAndStaffOnlyRead() {
        long rolde = asFundManagerOf(aaHunze, s -> s.save(new NeighbourhoodForm(null, "WK168030", "Rolde", 6000)));
        ValidationFailedException load = assertThrows(ValidationFailedException.class,
                () -> asFundManagerOf(tynaarlo, s -> s.load(rolde)));
        assertEquals("neighbourhood.notFound", load.getProblems().get(0).key());
        assertThrows(ValidationFailedException.class, () -> asFundManagerOf(tynaarlo, s -> {
            s.remove(rolde);
            return null;
        }));
        NeighbourhoodForm takeover = new NeighbourhoodForm(rolde, "WK173030", "Overgenomen", 1);
        assertThrows(ValidationFailedException.class, () -> asFundManagerOf(tynaarlo, s -> s.save(takeover)));
        assertTrue(as(Role.OFFICER, tynaarlo, NeighbourhoodAdministration::neighbourhoods).stream()
                .noneMatch(n -> n.getId() == rolde), "an officer reads the own municipality's only");
        assertTrue(as(Role.OFFICER, aaHunze, NeighbourhoodAdministration::neighbourhoods).stream()
                .anyMatch(n -> n.getId() == rolde));
        assertThrows(AccessDeniedException.class, () -> as(Role.FUND_MANAGER, null,
                NeighbourhoodAdministration::neighbourhoods), "staff of no municipality see nothing");
        assertEquals("Rolde", database.inTransaction(em -> em.find(Neighbourhood.class, rolde).getName()));
    }

    @Test
    void aNeighbourhoodThatCareFiguresOrApplicationsNameIsNotRemoved() {
        long annen = asFundManagerOf(aaHunze, s -> s.save(new NeighbourhoodForm(null, "WK168040", "Annen", 3000)));
        long empty = asFundManagerOf(aaHunze, s -> s.save(new NeighbourhoodForm(null, "WK168041", "Leeg", null)));
        database.inTransaction(em -> {
            em.createNativeQuery("INSERT INTO care_indicator_import (municipality_id, imported_at, imported_by,"
                    + " file_shape, row_count, value_count, suppressed_count, replaced_count, periods) VALUES (?,"
                    + " CURRENT_TIMESTAMP, 'x', 'LONG', 1, 1, 0, 0, '2024')").setParameter(1, aaHunze).executeUpdate();
            Object importId = em.createNativeQuery("SELECT MAX(id) FROM care_indicator_import").getSingleResult();
            return em.createNativeQuery("INSERT INTO care_indicator_value (neighbourhood_id, period_label,"
                    + " period_start, indicator, indicator_value, suppressed, imported_at, import_id) VALUES (?, '2024',"
                    + " DATE '2024-01-01', 'WMO_CLIENTS_PER_1000', 61.4, FALSE, CURRENT_TIMESTAMP, ?)")
                    .setParameter(1, annen).setParameter(2, importId).executeUpdate();
        });
        ValidationFailedException refused = assertThrows(ValidationFailedException.class,
                () -> asFundManagerOf(aaHunze, s -> {
                    s.remove(annen);
                    return null;
                }));
        assertEquals(Problem.of("neighbourhood.inUse", "WK168040", 0L, 0L, 1L), refused.getProblems().get(0));
        asFundManagerOf(aaHunze, s -> {
            s.remove(empty);
            return null;
        });
        assertNull(database.inTransaction(em -> em.find(Neighbourhood.class, empty)));
        assertEquals(1, audited("NEIGHBOURHOOD_REMOVED"));
    }

    @Test
    void officersDoNotChangeNeighbourhoods() {
        Municipality own = database.inTransaction(em -> em.find(Municipality.class, aaHunze));
        assertEquals("GM1680", own.getCode());
        assertThrows(AccessDeniedException.class, () -> as(Role.OFFICER, aaHunze,
                s -> s.save(new NeighbourhoodForm(null, "WK168099", "Niet", null))));
    }
}
