package nl.preventiefonds.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.StaffOnDemoDatabase;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.DemoDatabase;

/**
 * The care-demand queries on the run command's embedded database (H2 in MariaDB mode, the real migrations and
 * persistence unit): the Zorgvraagcijfers page's summary failed there with "SUM or AVG on wrong data type", and a
 * second import of a period failed in its bulk delete. The system tests run the same service on MariaDB.
 */
class CareDemandServiceOnDemoDatabaseTest {
    private static final String HEADER = "wijkcode;wijknaam;periode;indicator;waarde\n";
    private static DemoDatabase database;
    private static long assen;
    private static long stichtseVecht;

    @BeforeAll
    static void world() {
        database = new DemoDatabase("caredemand");
        assen = database.inTransaction(em -> {
            Municipality municipality = new Municipality("GM0106", "Assen");
            em.persist(municipality);
            StandardIndicators.seed(em, municipality);
            em.persist(new Neighbourhood(municipality, "WK010601", "Assen-Oost"));
            em.persist(new Neighbourhood(municipality, "WK010602", "Pittelo"));
            em.flush();
            return municipality.getId();
        });
        stichtseVecht = database.inTransaction(em -> {
            Municipality municipality = new Municipality("GM1904", "Stichtse Vecht");
            em.persist(municipality);
            StandardIndicators.seed(em, municipality);
            em.persist(new Neighbourhood(municipality, "WK190401", "Maarssen"));
            em.flush();
            return municipality.getId();
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static <T> T asFundManager(Function<CareDemandService, T> call) {
        return asFundManagerOf(assen, call);
    }

    private static <T> T asFundManagerOf(long municipality, Function<CareDemandService, T> call) {
        return database.inTransaction(em -> call.apply(service(em, municipality)));
    }

    private static CareDemandService service(EntityManager em, long municipality) {
        AccessPolicy access = StaffOnDemoDatabase.accessOf(new Caller(1L, "beheerder@demo.preventiefonds.nl",
                Role.FUND_MANAGER, null, municipality));
        AuditTrail audit = StaffOnDemoDatabase.auditAs(em, "beheerder@demo.preventiefonds.nl");
        Clock clock = Clock.fixed(StaffOnDemoDatabase.NOW, ZoneId.of("Europe/Amsterdam"));
        CareDemandService service = new CareDemandService();
        DemoDatabase.inject(service, "em", em);
        DemoDatabase.inject(service, "access", access);
        DemoDatabase.inject(service, "audit", audit);
        return DemoDatabase.inject(service, "clock", clock);
    }

    private static byte[] csv(String rows) {
        return (HEADER + rows).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void importingAPeriodTwiceReplacesItAndTheSummaryCountsSuppressedValues() {
        CareDemandService.ImportResult first = asFundManager(s -> s.importCsv(assen, csv(
                "WK010601;Assen-Oost;2024;WMO_CLIENTS_PER_1000;61,4\n"
                        + "WK010602;Pittelo;2024;WMO_CLIENTS_PER_1000;.\n"
                        + "WK010601;Assen-Oost;2023;WMO_CLIENTS_PER_1000;60\n")));
        assertTrue(first.stored(), first.toString());
        assertEquals(3, first.valuesStored());

        // The corrected 2024 release: the bulk delete of the stored 2024 values runs here.
        CareDemandService.ImportResult second = asFundManager(s -> s.importCsv(assen, csv(
                "WK010601;Assen-Oost;2024;WMO_CLIENTS_PER_1000;.\n"
                        + "WK010602;Pittelo;2024;WMO_CLIENTS_PER_1000;.\n")));
        assertTrue(second.stored(), second.toString());
        assertEquals(2, second.replaced());

        // The Zorgvraagcijfers page's summary: SUM over a CASE of the suppressed flag.
        List<CareDemandService.Stored> stored = asFundManager(s -> s.stored(assen));
        assertEquals(List.of(
                new CareDemandService.Stored("2024", CareIndicator.WMO_CLIENTS_PER_1000.name(), 2, 2),
                new CareDemandService.Stored("2023", CareIndicator.WMO_CLIENTS_PER_1000.name(), 1, 0)), stored);
        assertEquals(2, asFundManager(s -> s.imports(assen, 10)).size());
        long counted = asFundManager(s -> s.countValues(assen, CareIndicator.WMO_CLIENTS_PER_1000.name(), 2023, 2024));
        assertEquals(3L, counted);
        assertEquals(1, asFundManager(s -> s.values(assen, null, 2023, 2023)).size());
        long audited = database.inTransaction(em -> em.createQuery("SELECT COUNT(a) FROM AuditEntry a"
                + " WHERE a.action = 'CARE_INDICATORS_IMPORTED' AND a.subjectId = :assen", Long.class)
                .setParameter("assen", String.valueOf(assen)).getSingleResult());
        assertEquals(2L, audited, "each import audited in its own transaction");
    }

    @Test
    void aFundManagerSeesAndImportsTheFiguresOfTheirOwnMunicipalityOnly() {
        asFundManagerOf(stichtseVecht, s -> s.importCsv(stichtseVecht,
                csv("WK190401;Maarssen;2022;WMO_CLIENTS_PER_1000;58\n")));
        assertEquals(stichtseVecht, asFundManagerOf(stichtseVecht, CareDemandService::ownMunicipalityId));
        assertEquals(assen, asFundManager(CareDemandService::ownMunicipalityId));
        assertTrue(asFundManager(s -> s.values(assen, null, 2022, 2022)).isEmpty(), "none of Stichtse Vecht's");
        // Assen's fund manager asks for Stichtse Vecht's figures by its id: refused, whatever the page shows.
        for (Function<CareDemandService, Object> intoOther : List.<Function<CareDemandService, Object>>of(
                s -> s.stored(stichtseVecht), s -> s.imports(stichtseVecht, 10),
                s -> s.countValues(stichtseVecht, null, 2000, 2030), s -> s.values(stichtseVecht, null, 2000, 2030),
                s -> s.importCsv(stichtseVecht, csv("WK190401;Maarssen;2022;WMO_CLIENTS_PER_1000;1\n")))) {
            assertThrows(AccessDeniedException.class, () -> asFundManager(intoOther));
        }
        long maarssen = database.inTransaction(em -> em.createQuery("SELECT n.id FROM Neighbourhood n"
                + " WHERE n.code = 'WK190401'", Long.class).getSingleResult());
        assertTrue(asFundManager(s -> s.series(maarssen, CareIndicator.WMO_CLIENTS_PER_1000.name())).isEmpty(),
                "another municipality's neighbourhood has no series for them");
        assertEquals(1, asFundManagerOf(stichtseVecht, s -> s.series(maarssen, CareIndicator.WMO_CLIENTS_PER_1000.name()))
                .size(), "its own staff see it, unchanged by the refused import");
        assertEquals(new java.math.BigDecimal("58.00"), asFundManagerOf(stichtseVecht,
                s -> s.series(maarssen, CareIndicator.WMO_CLIENTS_PER_1000.name())).get(0).value().setScale(2));
    }
}
