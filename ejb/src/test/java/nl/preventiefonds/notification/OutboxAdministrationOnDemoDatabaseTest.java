package nl.preventiefonds.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.SessionContext;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.preventiefonds.identity.AccountStatus;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.StaffOnDemoDatabase;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.notification.OutboxAdministration.MailLine;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.ConflictException;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.RoleNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which mail each administrator sees and may send again, on the embedded database with the real migrations. */
class OutboxAdministrationOnDemoDatabaseTest {
    private static final Instant NOW = StaffOnDemoDatabase.NOW;
    private static final String ASSEN_MANAGER = "beheer@assen.example.org";
    private static final String VECHT_MANAGER = "beheer@stichtsevecht.example.org";
    private static final String INSTALLATION = "installatie@example.org";
    private static DemoDatabase database;
    private static long assen;
    private static long stichtseVecht;

    @BeforeAll
    static void world() {
        database = new DemoDatabase("outbox-administration");
        assen = StaffOnDemoDatabase.municipality(database, "GM0106", "Assen");
        stichtseVecht = StaffOnDemoDatabase.municipality(database, "GM0355", "Stichtse Vecht");
        account(ASSEN_MANAGER, Role.FUND_MANAGER, assen);
        account(VECHT_MANAGER, Role.FUND_MANAGER, stichtseVecht);
        account(INSTALLATION, Role.INSTALLATION_ADMIN, null);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static void account(String email, Role role, Long municipality) {
        database.inTransaction(em -> {
            UserAccount account = new UserAccount(email, "Beheer", "plain:x", role, AccountStatus.ACTIVE, NOW);
            em.persist(account);
            em.flush();
            return em.createNativeQuery("UPDATE app_user SET municipality_id = ?1 WHERE id = ?2")
                    .setParameter(1, municipality).setParameter(2, account.getId()).executeUpdate();
        });
    }

    private static SessionContext caller(String name, String role) {
        return (SessionContext) Proxy.newProxyInstance(OutboxAdministrationOnDemoDatabaseTest.class.getClassLoader(),
                new Class<?>[] {SessionContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCallerPrincipal" -> (Principal) () -> name;
                    case "isCallerInRole" -> role.equals(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Clock at(Instant moment) {
        return Clock.fixed(moment, ZoneId.of("Europe/Amsterdam"));
    }

    /** Queues a mail as this caller would cause it (the municipality is the caller's); its id. */
    private static long queue(String callerName, String recipient) {
        return database.inTransaction(em -> {
            Outbox outbox = DemoDatabase.inject(DemoDatabase.inject(DemoDatabase.inject(new Outbox(), "em", em),
                    "clock", at(NOW)), "session", caller(callerName, ""));
            outbox.queue(recipient, "nl", "registration-existing");
            em.flush();
            return em.createQuery("SELECT MAX(m.id) FROM OutboundMail m", Long.class).getSingleResult();
        });
    }

    private static void fail(long id, boolean permanent) {
        database.inTransaction(em -> {
            em.find(OutboundMail.class, id).markAttemptFailed(NOW, permanent ? "550 5.1.1 User unknown"
                    : "Connection refused", permanent);
            return null;
        });
    }

    private static <T> T as(String name, String role, Instant now, Function<OutboxAdministration, T> call) {
        return database.inTransaction(em -> call.apply(administration(em, name, role, now)));
    }

    private static OutboxAdministration administration(EntityManager em, String name, String role, Instant now) {
        OutboxAdministration administration = new OutboxAdministration();
        DemoDatabase.inject(administration, "em", em);
        DemoDatabase.inject(administration, "clock", at(now));
        DemoDatabase.inject(administration, "session", caller(name, role));
        DemoDatabase.inject(administration, "audit", StaffOnDemoDatabase.auditAs(em, name));
        return administration;
    }

    private static Set<String> recipients(List<MailLine> lines) {
        return Set.copyOf(lines.stream().map(MailLine::getRecipient).toList());
    }

    @Test
    void eachAdministratorSeesTheStuckAndFailedMailTheyAnswerFor() {
        long assenFailed = queue(ASSEN_MANAGER, "zien-assen-mislukt@example.org");
        long assenRetrying = queue(ASSEN_MANAGER, "zien-assen-opnieuw@example.org");
        long vecht = queue(VECHT_MANAGER, "zien-vecht@example.org");
        long registration = queue("anonymous", "zien-niemand@example.org");
        queue(ASSEN_MANAGER, "zien-assen-nog-niet@example.org");
        long sent = queue(ASSEN_MANAGER, "zien-assen-verstuurd@example.org");
        fail(assenFailed, true);
        fail(assenRetrying, false);
        fail(vecht, false);
        fail(registration, false);
        database.inTransaction(em -> {
            em.find(OutboundMail.class, sent).markSent(NOW);
            return null;
        });

        Set<String> assenSees = recipients(as(ASSEN_MANAGER, RoleNames.FUND_MANAGER, NOW,
                OutboxAdministration::troubled));
        assertTrue(assenSees.containsAll(Set.of("zien-assen-mislukt@example.org", "zien-assen-opnieuw@example.org")),
                assenSees.toString());
        assertTrue(assenSees.stream().allMatch(r -> r.startsWith("zien-assen-") || !r.startsWith("zien-")),
                "only Assen's: " + assenSees);
        assertTrue(!assenSees.contains("zien-assen-nog-niet@example.org"), "waiting for its first attempt: not stuck");
        assertTrue(!assenSees.contains("zien-assen-verstuurd@example.org"), "sent: not listed");

        Set<String> vechtSees = recipients(as(VECHT_MANAGER, RoleNames.FUND_MANAGER, NOW,
                OutboxAdministration::troubled));
        assertTrue(vechtSees.contains("zien-vecht@example.org"));
        assertTrue(vechtSees.stream().noneMatch(r -> r.startsWith("zien-assen-") || r.equals("zien-niemand@example.org")));

        List<MailLine> all = as(INSTALLATION, RoleNames.INSTALLATION_ADMIN, NOW, OutboxAdministration::troubled);
        assertTrue(recipients(all).containsAll(Set.of("zien-assen-mislukt@example.org", "zien-assen-opnieuw@example.org",
                "zien-vecht@example.org", "zien-niemand@example.org")), recipients(all).toString());
        MailLine failed = all.stream().filter(l -> l.getId() == assenFailed).findFirst().orElseThrow();
        assertEquals(MailState.FAILED, failed.getState());
        assertEquals("Assen", failed.getMunicipality());
        assertEquals("550 5.1.1 User unknown", failed.getLastError());
        assertEquals(MailState.FAILED, all.get(0).getState(), "failed mail first");
        assertNull(all.stream().filter(l -> l.getId() == registration).findFirst().orElseThrow().getMunicipality(),
                "a registration is no municipality's");

        // Never attempted, five minutes after it became due: the worker is not running, so it is stuck too.
        Set<String> later = recipients(as(ASSEN_MANAGER, RoleNames.FUND_MANAGER, NOW.plus(Duration.ofMinutes(6)),
                OutboxAdministration::troubled));
        assertTrue(later.contains("zien-assen-nog-niet@example.org"), later.toString());
    }

    @Test
    void aFundManagerResendsTheirOwnMunicipalitysMailOnlyAndItIsAudited() {
        long own = queue(ASSEN_MANAGER, "opnieuw-assen@example.org");
        long other = queue(VECHT_MANAGER, "opnieuw-vecht@example.org");
        long none = queue("anonymous", "opnieuw-niemand@example.org");
        fail(own, true);
        fail(other, true);
        fail(none, true);
        Instant later = NOW.plus(Duration.ofDays(4));

        assertThrows(AccessDeniedException.class, () -> as(ASSEN_MANAGER, RoleNames.FUND_MANAGER, later, a -> {
            a.resend(other);
            return null;
        }), "another municipality's mail");
        assertThrows(AccessDeniedException.class, () -> as(ASSEN_MANAGER, RoleNames.FUND_MANAGER, later, a -> {
            a.resend(none);
            return null;
        }), "mail of no municipality is the installation's");

        as(ASSEN_MANAGER, RoleNames.FUND_MANAGER, later, a -> {
            a.resend(own);
            return null;
        });
        OutboundMail resent = database.inTransaction(em -> em.find(OutboundMail.class, own));
        assertEquals(MailState.WAITING, resent.getState());
        assertEquals(later, resent.getNextAttemptAt(), "due at once");
        assertEquals(later.plus(Duration.ofHours(72)), resent.getRetryUntil(), "with a new window");
        assertEquals(1, database.count("SELECT COUNT(a) FROM AuditEntry a WHERE a.action = 'MAIL_RESENT'"
                + " AND a.subjectId = ?1 AND a.actor = ?2 AND a.municipalityId = ?3", String.valueOf(own),
                ASSEN_MANAGER, assen));
        assertEquals(MailState.FAILED, database.inTransaction(em -> em.find(OutboundMail.class, other)).getState(),
                "the refused resend changed nothing");

        as(INSTALLATION, RoleNames.INSTALLATION_ADMIN, later, a -> {
            a.resend(none);
            return null;
        });
        assertEquals(MailState.WAITING, database.inTransaction(em -> em.find(OutboundMail.class, none)).getState(),
                "the installation administrator resends any mail");

        database.inTransaction(em -> {
            em.find(OutboundMail.class, own).markSent(later);
            return null;
        });
        assertThrows(ConflictException.class, () -> as(ASSEN_MANAGER, RoleNames.FUND_MANAGER, later, a -> {
            a.resend(own);
            return null;
        }), "a sent mail is not sent again");
    }
}
