package nl.preventiefonds.identity;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.platform.DemoDatabase;

/** What the services' tests on the embedded database share: municipalities, and a member of staff calling. */
public final class StaffOnDemoDatabase {
    public static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private StaffOnDemoDatabase() {
    }

    /** A new municipality; its id. */
    public static long municipality(DemoDatabase database, String code, String name) {
        return database.inTransaction(em -> {
            Municipality municipality = new Municipality(code, name);
            em.persist(municipality);
            em.flush();
            return municipality.getId();
        });
    }

    /** The access policy of this caller, whatever the principal. */
    public static AccessPolicy accessOf(Caller caller) {
        return new AccessPolicy() {
            @Override
            public Caller caller() {
                return caller;
            }
        };
    }

    /** An audit trail writing in {@code em} as {@code actor}, at {@link #NOW}. */
    public static AuditTrail auditAs(EntityManager em, String actor) {
        return DemoDatabase.inject(DemoDatabase.inject(new AuditTrail() {
            @Override
            public void record(String action, String subjectType, Object subjectId, String before, String after) {
                recordAs(actor, action, subjectType, subjectId, before, after);
            }

            @Override
            protected String currentActor() {
                return actor;
            }
        }, "em", em), "clock", Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
    }

    /**
     * The account service as the container would give it to this caller, at {@link #NOW}: its mails queued in
     * {@code em}, passwords "hashed" as plain text so the tests run fast.
     */
    public static AccountService accountsAs(EntityManager em, Caller caller) {
        Clock clock = Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam"));
        AccountService service = new AccountService();
        DemoDatabase.inject(service, "em", em);
        DemoDatabase.inject(service, "access", accessOf(caller));
        DemoDatabase.inject(service, "audit", auditAs(em, caller.email()));
        DemoDatabase.inject(service, "clock", clock);
        DemoDatabase.inject(service, "hasher", new PasswordHasher() {
            @Override
            public String hash(String password) {
                return "plain:" + password;
            }

            @Override
            public boolean matches(String password, String storedHash) {
                return ("plain:" + password).equals(storedHash);
            }

            @Override
            public void spendEqualTime(String password) {
            }
        });
        return DemoDatabase.inject(service, "outbox",
                DemoDatabase.inject(DemoDatabase.inject(new Outbox(), "em", em), "clock", clock));
    }
}
