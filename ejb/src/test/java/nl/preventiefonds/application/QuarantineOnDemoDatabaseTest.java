package nl.preventiefonds.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.StaffOnDemoDatabase;
import nl.preventiefonds.platform.DemoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The administrators' list of quarantined uploads on the run command's database (H2, every migration): the
 * installation administrator sees every municipality's, a fund manager only the own municipality's, newest first,
 * read without the bytes.
 */
class QuarantineOnDemoDatabaseTest {
    private static final Instant EARLIER = Instant.parse("2026-06-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-06-02T09:00:00Z");
    private static final Instant LATEST = Instant.parse("2026-06-03T09:00:00Z");
    private static DemoDatabase database;

    @BeforeAll
    static void quarantine() {
        database = new DemoDatabase("quarantine");
        database.inTransaction(em -> {
            byte[] content = "flagged".getBytes(StandardCharsets.US_ASCII);
            em.persist(new QuarantinedFile(11, 1, null, "a.pdf", "application/pdf", content, "Test.Sig", EARLIER,
                    "org@example.org"));
            em.persist(new QuarantinedFile(12, 1, 7L, "b.pdf", "application/pdf", content, "Test.Sig", LATER,
                    "org@example.org"));
            em.persist(new QuarantinedFile(21, 2, null, "c.pdf", "application/pdf", content, "Other.Sig", LATEST,
                    "other@example.org"));
            return null;
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static List<QuarantineEntry> listAs(Caller caller) {
        EntityManager em = database.entityManager();
        try {
            Quarantine quarantine = new Quarantine();
            DemoDatabase.inject(quarantine, "em", em);
            DemoDatabase.inject(quarantine, "access", StaffOnDemoDatabase.accessOf(caller));
            return quarantine.list();
        } finally {
            em.close();
        }
    }

    @Test
    void theInstallationAdministratorSeesEveryMunicipalitysNewestFirst() {
        List<QuarantineEntry> all = listAs(new Caller(1L, "admin@example.org", Role.INSTALLATION_ADMIN, null, null));
        assertEquals(List.of("c.pdf", "b.pdf", "a.pdf"), all.stream().map(QuarantineEntry::filename).toList());
    }

    @Test
    void aFundManagerSeesOnlyTheOwnMunicipalitys() {
        List<QuarantineEntry> own = listAs(new Caller(2L, "fm@example.org", Role.FUND_MANAGER, null, 1L));
        assertEquals(List.of("b.pdf", "a.pdf"), own.stream().map(QuarantineEntry::filename).toList());
        QuarantineEntry b = own.get(0);
        assertEquals(12, b.applicationId());
        assertEquals(7L, b.reportRequestId());
        assertEquals("Test.Sig", b.signature());
        assertEquals(7, b.sizeBytes());
        assertEquals(Hashes.sha256("flagged".getBytes(StandardCharsets.US_ASCII)), b.sha256());
        assertEquals(List.of("c.pdf"), listAs(new Caller(3L, "fm2@example.org", Role.FUND_MANAGER, null, 2L))
                .stream().map(QuarantineEntry::filename).toList());
    }
}
