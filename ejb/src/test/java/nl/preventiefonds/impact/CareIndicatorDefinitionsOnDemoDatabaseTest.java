package nl.preventiefonds.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.StaffOnDemoDatabase;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityCreated;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Care indicators per municipality on the run command's embedded database (the real migrations): a fund manager
 * defines one beyond the six, imports its column and sees it among the municipality's indicators; another
 * municipality neither sees, changes nor imports it; bad input is refused as a whole with its reasons.
 */
class CareIndicatorDefinitionsOnDemoDatabaseTest {
    private static final String BIJSTAND = "Huishoudens met een bijstandsuitkering";
    private static DemoDatabase database;
    private static long assen;
    private static long stichtseVecht;

    @BeforeAll
    static void world() {
        database = new DemoDatabase("caredefinitions");
        assen = municipality("GM0106", "Assen", "WK010601", "Assen-Oost");
        stichtseVecht = municipality("GM1904", "Stichtse Vecht", "WK190401", "Maarssen");
    }

    /** As the installation administrator's directory creates one: the six come with the event it fires. */
    private static long municipality(String code, String name, String neighbourhood, String neighbourhoodName) {
        return database.inTransaction(em -> {
            Municipality municipality = new Municipality(code, name);
            em.persist(municipality);
            DemoDatabase.inject(new StandardIndicators(), "em", em).onCreated(new MunicipalityCreated(municipality));
            em.persist(new Neighbourhood(municipality, neighbourhood, neighbourhoodName));
            em.flush();
            return municipality.getId();
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static Caller fundManagerOf(long municipality) {
        return new Caller(1L, "beheerder@demo.preventiefonds.nl", Role.FUND_MANAGER, null, municipality);
    }

    private static <T> T definitionsAs(long municipality, Function<CareIndicatorDefinitions, T> call) {
        return database.inTransaction(em -> {
            CareIndicatorDefinitions service = new CareIndicatorDefinitions();
            DemoDatabase.inject(service, "em", em);
            DemoDatabase.inject(service, "access", StaffOnDemoDatabase.accessOf(fundManagerOf(municipality)));
            DemoDatabase.inject(service, "audit", StaffOnDemoDatabase.auditAs(em, "beheerder@demo.preventiefonds.nl"));
            return call.apply(service);
        });
    }

    private static <T> T careDemandAs(long municipality, Function<CareDemandService, T> call) {
        return database.inTransaction(em -> call.apply(careDemand(em, municipality)));
    }

    private static CareDemandService careDemand(EntityManager em, long municipality) {
        CareDemandService service = new CareDemandService();
        DemoDatabase.inject(service, "em", em);
        DemoDatabase.inject(service, "access", StaffOnDemoDatabase.accessOf(fundManagerOf(municipality)));
        DemoDatabase.inject(service, "audit", StaffOnDemoDatabase.auditAs(em, "beheerder@demo.preventiefonds.nl"));
        return DemoDatabase.inject(service, "clock", Clock.fixed(StaffOnDemoDatabase.NOW, ZoneId.of("Europe/Amsterdam")));
    }

    private static byte[] wide(String code, String heading, String period, String value) {
        return ("wijkcode;wijknaam;periode;" + heading + "\n" + code + ";Wijk;" + period + ";" + value + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static long count(String jpql, long municipality) {
        return database.inTransaction(em -> em.createQuery(jpql, Long.class).setParameter("m", municipality)
                .getSingleResult());
    }

    private static List<String> problems(Runnable change) {
        return assertThrows(ValidationFailedException.class, change::run).getProblems().stream()
                .map(Problem::key).toList();
    }

    @Test
    void everyMunicipalityStartsWithTheSixUnderTheCodesItsValuesCarry() {
        List<CareIndicatorDefinition> six = definitionsAs(stichtseVecht, s -> s.definitions(stichtseVecht));
        assertEquals(List.of(CareIndicator.values()).stream().map(Enum::name).toList(),
                six.stream().map(CareIndicatorDefinition::getCode).toList().subList(0, 6));
        CareIndicatorDefinition wmo = six.get(0);
        assertEquals(CareIndicator.WMO_CLIENTS_PER_1000.cbsHeading(), wmo.getSourceColumn());
        assertNull(wmo.customName(), "unchanged: the page shows the bundle text, in the reader's language");
        assertNull(wmo.getCostPerCase(), "the care domain's cost parameter applies");
    }

    @Test
    void aCustomIndicatorIsImportedAndKeptForItsOwnMunicipalityOnly() {
        CareIndicatorDefinition created = definitionsAs(assen, s -> s.create(assen, new CareIndicatorDefinitions.Draft(
                "bijstand_per_1000", "Bijstand per 1.000 huishoudens", "PER_1000_HOUSEHOLDS", BIJSTAND, "DEBT_RELIEF",
                new BigDecimal("3100"))));
        assertEquals("BIJSTAND_PER_1000", created.getCode(), "upper case, as the values name it");
        assertEquals(new BigDecimal("3100.00"), created.getCostPerCase());
        assertEquals(1L, count("SELECT COUNT(a) FROM AuditEntry a WHERE a.action = 'CARE_INDICATOR_DEFINED'"
                + " AND a.municipalityId = :m", assen), "audited on Assen's trail");

        // Assen imports the column as CBS heads it (any case, accents and spaces), with a standard one beside it.
        CareDemandService.ImportResult imported = careDemandAs(assen, s -> s.importCsv(assen,
                ("wijkcode;wijknaam;periode;Wmo-cliënten relatief (per 1 000 inwoners);HUISHOUDENS MET EEN"
                        + " BIJSTANDSUITKERING\nWK010601;Assen-Oost;2024;61,4;37,5\n").getBytes(StandardCharsets.UTF_8)));
        assertTrue(imported.stored(), imported.toString());
        assertEquals(2, imported.valuesStored());
        List<CareDemandService.ValueRow> values = careDemandAs(assen, s -> s.values(assen, "BIJSTAND_PER_1000",
                2024, 2024));
        assertEquals(1, values.size());
        assertEquals(0, new BigDecimal("37.5").compareTo(values.get(0).value()));
        assertTrue(careDemandAs(assen, s -> s.activeDefinitions(assen)).stream()
                .anyMatch(d -> d.getCode().equals("BIJSTAND_PER_1000") && d.customName() != null));

        // Stichtse Vecht has no such indicator: its file with that column is refused as it was before.
        CareDemandService.ImportResult other = careDemandAs(stichtseVecht, s -> s.importCsv(stichtseVecht,
                wide("WK190401", BIJSTAND, "2024", "12")));
        assertFalse(other.stored());
        assertEquals(List.of("indicators.unknownColumns"), other.fileProblems().stream().map(Problem::key).toList());
        assertTrue(definitionsAs(stichtseVecht, s -> s.definitions(stichtseVecht)).stream()
                .noneMatch(d -> d.getCode().equals("BIJSTAND_PER_1000")));
        // Nor may its fund manager read, change or switch off Assen's, whatever id they send.
        long id = created.getId();
        CareIndicatorDefinitions.Draft change = new CareIndicatorDefinitions.Draft("BIJSTAND_PER_1000", "Anders",
                "COUNT", BIJSTAND, "WMO", null);
        assertThrows(AccessDeniedException.class, () -> definitionsAs(stichtseVecht, s -> s.definitions(assen)));
        assertThrows(AccessDeniedException.class, () -> definitionsAs(stichtseVecht, s -> s.update(id, change)));
        assertThrows(AccessDeniedException.class, () -> definitionsAs(stichtseVecht, s -> s.setActive(id, false)));
        assertThrows(AccessDeniedException.class, () -> definitionsAs(stichtseVecht, s -> s.create(assen, change)));
        assertEquals("Bijstand per 1.000 huishoudens", definitionsAs(assen, s -> s.definitions(assen)).stream()
                .filter(d -> d.getId() == id).findFirst().orElseThrow().getName(), "unchanged");

        // Its code carries values now: renaming it would orphan them.
        assertEquals(List.of("indicatorDefinition.codeHasValues"), problems(() -> definitionsAs(assen,
                s -> s.update(id, new CareIndicatorDefinitions.Draft("BIJSTAND", "Bijstand", "PER_1000_HOUSEHOLDS",
                        BIJSTAND, "DEBT_RELIEF", null)))));

        // Switched off: no longer imported, its values stay.
        definitionsAs(assen, s -> s.setActive(id, false));
        CareDemandService.ImportResult afterwards = careDemandAs(assen, s -> s.importCsv(assen,
                wide("WK010601", BIJSTAND, "2023", "30")));
        assertEquals(List.of("indicators.unknownColumns"), afterwards.fileProblems().stream().map(Problem::key).toList());
        assertEquals(1, careDemandAs(assen, s -> s.values(assen, "BIJSTAND_PER_1000", 2024, 2024)).size());
        assertTrue(careDemandAs(assen, s -> s.activeDefinitions(assen)).stream()
                .noneMatch(d -> d.getCode().equals("BIJSTAND_PER_1000")));
        definitionsAs(assen, s -> s.setActive(id, true));
    }

    @Test
    void badInputIsRefusedAsAWholeWithEveryReason() {
        long before = count("SELECT COUNT(d) FROM CareIndicatorDefinition d WHERE d.municipality.id = :m", stichtseVecht);
        long audited = count("SELECT COUNT(a) FROM AuditEntry a WHERE a.municipalityId = :m", stichtseVecht);
        assertEquals(List.of("indicatorDefinition.unitUnknown", "indicatorDefinition.careDomainUnknown",
                "indicatorDefinition.costInvalid", "indicatorDefinition.codeTaken"), problems(() -> definitionsAs(
                stichtseVecht, s -> s.create(stichtseVecht, new CareIndicatorDefinitions.Draft("WMO_CLIENTS",
                        "Wmo", "PER_MILLE", "Iets nieuws", "HEALTH", new BigDecimal("-1"))))));
        // A heading a file could not tell from a standard one's alias ("Beschermd wonen").
        assertEquals(List.of("indicatorDefinition.sourceColumnTaken"), problems(() -> definitionsAs(stichtseVecht,
                s -> s.create(stichtseVecht, new CareIndicatorDefinitions.Draft("BW", "Beschermd wonen", "COUNT",
                        "beschermd  WONEN", "SHELTERED_HOUSING", null)))));
        // The import's own columns are no indicator's.
        assertEquals(List.of("indicatorDefinition.sourceColumnReserved"), problems(() -> definitionsAs(stichtseVecht,
                s -> s.create(stichtseVecht, new CareIndicatorDefinitions.Draft("P", "Periode", "COUNT", "Perioden",
                        "WMO", null)))));
        assertEquals(List.of("indicatorDefinition.codeInvalid", "indicatorDefinition.nameRequired",
                "indicatorDefinition.sourceColumnRequired"), problems(() -> definitionsAs(stichtseVecht,
                s -> s.create(stichtseVecht, new CareIndicatorDefinitions.Draft("wmo-clients", " ", "COUNT", "--",
                        "WMO", null)))));
        assertEquals(before, count("SELECT COUNT(d) FROM CareIndicatorDefinition d WHERE d.municipality.id = :m",
                stichtseVecht), "nothing written");
        assertEquals(audited, count("SELECT COUNT(a) FROM AuditEntry a WHERE a.municipalityId = :m", stichtseVecht));

        // A new code without values may still be renamed; two definitions cannot read the same column.
        CareIndicatorDefinition made = definitionsAs(stichtseVecht, s -> s.create(stichtseVecht,
                new CareIndicatorDefinitions.Draft("EENZAAM", "Eenzaamheid (%)", "PERCENT", "Percentage eenzamen",
                        "INFORMAL_CARE", null)));
        CareIndicatorDefinition renamed = definitionsAs(stichtseVecht, s -> s.update(made.getId(),
                new CareIndicatorDefinitions.Draft("EENZAAMHEID", "Eenzaamheid (%)", "PERCENT", "Percentage eenzamen",
                        "INFORMAL_CARE", new BigDecimal("250.5"))));
        assertEquals("EENZAAMHEID", renamed.getCode());
        assertEquals(List.of("indicatorDefinition.sourceColumnTaken"), problems(() -> definitionsAs(stichtseVecht,
                s -> s.create(stichtseVecht, new CareIndicatorDefinitions.Draft("EENZAAM2", "Eenzaam", "PERCENT",
                        "Percentage  eenzamen", "INFORMAL_CARE", null)))));
        assertEquals(2L, count("SELECT COUNT(a) FROM AuditEntry a WHERE a.municipalityId = :m AND a.subjectType ="
                + " 'CareIndicatorDefinition'", stichtseVecht), "created and changed, each audited");
    }

    @Test
    void theLastActiveIndicatorStaysActive() {
        long tynaarlo = municipality("GM1730", "Tynaarlo", "WK173001", "Vries");
        List<CareIndicatorDefinition> six = definitionsAs(tynaarlo, s -> s.definitions(tynaarlo));
        for (CareIndicatorDefinition d : six.subList(0, 5)) {
            definitionsAs(tynaarlo, s -> s.setActive(d.getId(), false));
        }
        long lastId = six.get(5).getId();
        assertEquals(List.of("indicatorDefinition.lastActive"),
                problems(() -> definitionsAs(tynaarlo, s -> s.setActive(lastId, false))));
        assertEquals(1, careDemandAs(tynaarlo, s -> s.activeDefinitions(tynaarlo)).size());
        assertEquals(5L, count("SELECT COUNT(a) FROM AuditEntry a WHERE a.action = 'CARE_INDICATOR_DEACTIVATED'"
                + " AND a.municipalityId = :m", tynaarlo), "each audited, the refused one not");
    }

    /** The migration gives existing municipalities the six as a new one gets them: same names, headings, keys. */
    @Test
    void theMigrationSeedsTheSixAsTheCodeDefinesThem() throws java.io.IOException {
        String sql;
        try (var in = getClass().getResourceAsStream("/db/migration/V28__care_indicator_definitions.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (CareIndicator indicator : CareIndicator.values()) {
            String values = "'" + indicator.name() + "', '" + indicator.standardName() + "', '" + indicator.unit()
                    + "', '" + indicator.cbsHeading() + "', '" + CareIndicator.key(indicator.cbsHeading()) + "', '"
                    + indicator.domain() + "'";
            assertTrue(sql.contains(values), values);
        }
    }
}
