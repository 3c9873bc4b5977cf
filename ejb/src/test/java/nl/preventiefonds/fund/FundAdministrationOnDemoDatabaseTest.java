package nl.preventiefonds.fund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.StaffOnDemoDatabase;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.ValidationFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two municipalities on one installation: each fund manager lists, opens, changes and creates the funds of their own
 * municipality only, and another municipality's fund is answered as unknown (its existence is not to be inferred).
 */
class FundAdministrationOnDemoDatabaseTest {
    private static DemoDatabase database;
    private static long assen;
    private static long stichtseVecht;
    private static long assenFund;

    @BeforeAll
    static void world() {
        database = new DemoDatabase("funds");
        assen = StaffOnDemoDatabase.municipality(database, "GM0106", "Assen");
        stichtseVecht = StaffOnDemoDatabase.municipality(database, "GM1904", "Stichtse Vecht");
        assenFund = database.inTransaction(em -> {
            Fund fund = new Fund(em.find(Municipality.class, assen), "Preventiefonds Assen", null,
                    new BigDecimal("1000000.00"));
            em.persist(fund);
            em.flush();
            return fund.getId();
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static <T> T asFundManagerOf(Long municipality, Function<FundAdministration, T> call) {
        return database.inTransaction(em -> call.apply(service(em, municipality)));
    }

    private static FundAdministration service(EntityManager em, Long municipality) {
        String email = "beheerder-" + municipality + "@example.org";
        AccessPolicy access = StaffOnDemoDatabase.accessOf(new Caller(1L, email, Role.FUND_MANAGER, null, municipality));
        AuditTrail audit = StaffOnDemoDatabase.auditAs(em, email);
        FundAdministration service = new FundAdministration();
        DemoDatabase.inject(service, "em", em);
        DemoDatabase.inject(service, "access", access);
        return DemoDatabase.inject(service, "audit", audit);
    }

    private static FundForm newFund(String name) {
        FundForm form = new FundForm();
        form.setName(name);
        form.setTotalBudget(new BigDecimal("250000.00"));
        return form;
    }

    @Test
    void eachFundManagerWorksOnTheFundsOfTheirOwnMunicipality() {
        long vitaleCoalitie = asFundManagerOf(stichtseVecht, s -> s.save(newFund("Vitale Coalitie")));
        long municipalityOfNewFund = database.inTransaction(em -> em.find(Fund.class, vitaleCoalitie)
                .getMunicipality().getId());
        assertEquals(stichtseVecht, municipalityOfNewFund, "a new fund belongs to its creator's municipality");

        assertEquals(List.of("Vitale Coalitie"), asFundManagerOf(stichtseVecht, s -> s.funds().stream()
                .map(Fund::getName).toList()));
        assertEquals(List.of("Preventiefonds Assen"), asFundManagerOf(assen, s -> s.funds().stream()
                .map(Fund::getName).toList()));

        ValidationFailedException opened = assertThrows(ValidationFailedException.class,
                () -> asFundManagerOf(stichtseVecht, s -> s.load(assenFund)));
        assertEquals("fund.notFound", opened.getProblems().get(0).key(), "as unknown as a fund that does not exist");
        FundForm takeover = asFundManagerOf(assen, s -> s.load(assenFund));
        takeover.setName("Overgenomen");
        assertThrows(ValidationFailedException.class, () -> asFundManagerOf(stichtseVecht, s -> s.save(takeover)));
        assertEquals("Preventiefonds Assen", database.inTransaction(em -> em.find(Fund.class, assenFund).getName()),
                "nothing changed");
    }

    @Test
    void aFundManagerOfNoMunicipalityMayDoNothing() {
        assertThrows(AccessDeniedException.class, () -> asFundManagerOf(null, FundAdministration::funds));
        assertThrows(AccessDeniedException.class, () -> asFundManagerOf(null, s -> s.save(newFund("Zwevend"))));
    }
}
