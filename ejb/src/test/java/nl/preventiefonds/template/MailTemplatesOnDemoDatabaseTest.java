package nl.preventiefonds.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import nl.preventiefonds.audit.AuditEntry;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.StaffOnDemoDatabase;
import nl.preventiefonds.notification.MailKind;
import nl.preventiefonds.notification.OutboundMail;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.ConflictException;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mail templates per municipality (issue 21) on the run command's database: the outbox sends the municipality's own
 * Dutch text once a fund manager saved one, names the version on the mail, and keeps the built-in text for English
 * readers and for every other municipality; a bad or stale text and another role are refused; the preview uses an
 * application of the own municipality only.
 */
class MailTemplatesOnDemoDatabaseTest {
    private static final String NAME = "mailtemplates";
    private static final Object[] ARGUMENTS = {"Anna de Vries", "PF-2026-00911", "Buurtkamer",
        "De begroting per activiteit", "3 maart 2026"};
    private static DemoDatabase database;
    private static long assen;
    private static long vecht;
    private static final long ASSEN_APPLICATION = 911;
    private static final long VECHT_APPLICATION = 912;

    @BeforeAll
    static void world() throws SQLException {
        database = new DemoDatabase(NAME);
        assen = StaffOnDemoDatabase.municipality(database, "GM0106", "Assen");
        vecht = StaffOnDemoDatabase.municipality(database, "GM1904", "Stichtse Vecht");
        String url = "jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                + "NON_KEYWORDS=VALUE,YEAR,MONTH";
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO app_user (id, email, display_name, password_hash, role, status, created_at)"
                    + " VALUES (911, 'o@example.org', 'O', 'x', 'ORGANISER', 'ACTIVE', TIMESTAMP '2026-01-01 00:00:00')");
            long[] municipalities = {assen, vecht};
            for (int i = 0; i < 2; i++) {
                long m = municipalities[i];
                long id = 911 + i;
                s.executeUpdate("INSERT INTO fund (id, municipality_id, name, total_budget) VALUES (" + id + ", " + m
                        + ", 'Fonds " + m + "', 1000000)");
                s.executeUpdate("INSERT INTO funding_call (id, fund_id, title, opens_at, closes_at, max_amount,"
                        + " min_amount, decision_term_weeks, budget_year, version) VALUES (" + id + ", " + id
                        + ", 'Ronde " + m + "', TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-12-01 00:00:00',"
                        + " 50000, 0, 8, 2026, 0)");
                s.executeUpdate("INSERT INTO application (id, reference, call_id, owner_id, status, org_name,"
                        + " contact_name, title, start_date, end_date, total_costs, co_funding, requested_amount,"
                        + " created_at, updated_at, decision_due_on, version, municipality_id) VALUES (" + id
                        + ", 'PF-2026-00" + id + "', " + id + ", 911, 'SUBMITTED', 'Stichting Buurtkracht',"
                        + " 'Anna de Vries', 'Buurtkamer " + id + "', DATE '2026-02-01', DATE '2026-12-01', 1234.56,"
                        + " 0, 1234.56, TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00',"
                        + " DATE '2026-06-03', 0, " + m + ")");
            }
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static <T> T as(Role role, Long municipality, Function<MailTemplates, T> call) {
        return database.inTransaction(em -> call.apply(service(em, role, municipality)));
    }

    private static MailTemplates service(EntityManager em, Role role, Long municipality) {
        String email = role.name().toLowerCase() + "-" + municipality + "@example.org";
        MailTemplates service = new MailTemplates();
        DemoDatabase.inject(service, "em", em);
        DemoDatabase.inject(service, "clock", Clock.fixed(StaffOnDemoDatabase.NOW, ZoneId.of("Europe/Amsterdam")));
        DemoDatabase.inject(service, "access",
                StaffOnDemoDatabase.accessOf(new Caller(1L, email, role, null, municipality)));
        return DemoDatabase.inject(service, "audit", StaffOnDemoDatabase.auditAs(em, email));
    }

    /** Queues the request-for-information mail of {@code municipality} as IntakeService does, and reads it back. */
    private static OutboundMail queued(long municipality, String locale) {
        return database.inTransaction(em -> {
            Outbox outbox = new Outbox();
            DemoDatabase.inject(outbox, "em", em);
            DemoDatabase.inject(outbox, "clock", Clock.fixed(StaffOnDemoDatabase.NOW, ZoneId.of("Europe/Amsterdam")));
            outbox.queueFor(municipality, "anna@example.org", locale, "information-requested", ARGUMENTS);
            em.flush();
            return em.createQuery("SELECT m FROM OutboundMail m ORDER BY m.id DESC", OutboundMail.class)
                    .setMaxResults(1).getSingleResult();
        });
    }

    private static List<String> keys(ValidationFailedException e) {
        return e.getProblems().stream().map(Problem::key).toList();
    }

    @Test
    void theOutboxSendsTheMunicipalitysOwnTextToDutchReadersAndNamesTheVersion() {
        OutboundMail before = queued(assen, "nl");
        assertEquals("Wij hebben meer informatie nodig voor aanvraag PF-2026-00911", before.getSubject());
        assertNull(before.getTemplateLabel(), "the built-in text");

        MailTemplates.MailText builtIn = as(Role.FUND_MANAGER, assen, s -> s.current(MailKind.INFORMATION_REQUESTED));
        assertTrue(builtIn.isBuiltIn());
        assertEquals("Wij hebben meer informatie nodig voor aanvraag {{kenmerk}}", builtIn.subject());

        MailTemplates.MailText saved = as(Role.FUND_MANAGER, assen, s -> s.save(MailKind.INFORMATION_REQUESTED,
                "  Aanvulling gevraagd: {{kenmerk}} ", "Beste {{naam}},\r\n\r\nVoor '{{titel}}' vragen wij:\n\n"
                        + "{{gevraagd}}\n\nGraag voor {{uiterlijk}}.\n\nGemeente Assen, team subsidies\n\n", 0));
        assertEquals(1, saved.number());
        assertEquals("Aanvulling gevraagd: {{kenmerk}}", saved.subject());

        OutboundMail own = queued(assen, "nl");
        assertEquals("Aanvulling gevraagd: PF-2026-00911", own.getSubject());
        assertEquals("Beste Anna de Vries,\n\nVoor 'Buurtkamer' vragen wij:\n\nDe begroting per activiteit\n\n"
                + "Graag voor 3 maart 2026.\n\nGemeente Assen, team subsidies", own.getBody());
        assertEquals("verzoek om aanvulling v1", own.getTemplateLabel());
        assertTrue(own.getTemplateVersionId() != null);

        assertEquals("We need more information for application PF-2026-00911", queued(assen, "en").getSubject(),
                "an English reader keeps the English text");
        OutboundMail other = queued(vecht, "nl");
        assertEquals("Wij hebben meer informatie nodig voor aanvraag PF-2026-00911", other.getSubject(),
                "another municipality keeps the built-in text");
        assertNull(other.getTemplateLabel());

        List<AuditEntry> audit = database.inTransaction(em -> em.createQuery("SELECT a FROM AuditEntry a WHERE"
                + " a.action = 'MAIL_TEMPLATE_SAVED' AND a.municipalityId = :m ORDER BY a.id", AuditEntry.class)
                .setParameter("m", assen).getResultList());
        assertEquals(1, audit.size());
        assertEquals("verzoek om aanvulling standaard", audit.get(0).getBeforeSummary());
        assertTrue(audit.get(0).getAfterSummary().startsWith("verzoek om aanvulling v1, tekens="),
                audit.get(0).getAfterSummary());
    }

    @Test
    void aBadOrStaleTextIsRefusedNamingTheProblemAndStoresNothing() {
        ValidationFailedException subject = assertThrows(ValidationFailedException.class,
                () -> as(Role.FUND_MANAGER, assen, s -> s.save(MailKind.DECISION_AWARD, "Besluit {{iban}}",
                        "Beste {{naam}}", 0)));
        assertEquals(List.of("mailTemplate.subject.unknownPlaceholder"), keys(subject));
        ValidationFailedException twoLines = assertThrows(ValidationFailedException.class,
                () -> as(Role.FUND_MANAGER, assen, s -> s.save(MailKind.DECISION_AWARD, "Besluit\nBcc: x@y.z",
                        "Beste {{naam}} {{bedrag}", 0)));
        assertEquals(List.of("mailTemplate.subjectOneLine", "template.unclosedPlaceholder"), keys(twoLines));
        ValidationFailedException empty = assertThrows(ValidationFailedException.class,
                () -> as(Role.FUND_MANAGER, assen, s -> s.save(MailKind.DECISION_AWARD, " ", "", 0)));
        assertEquals(List.of("mailTemplate.subject.textRequired", "template.textRequired"), keys(empty));
        assertEquals(0L, database.count("SELECT COUNT(t) FROM MailTemplate t WHERE t.kind = ?1",
                MailKind.DECISION_AWARD));

        as(Role.FUND_MANAGER, vecht, s -> s.save(MailKind.DETERMINATION, "Vastgesteld", "Op {{bedrag}}", 0));
        ConflictException stale = assertThrows(ConflictException.class, () -> as(Role.FUND_MANAGER, vecht,
                s -> s.save(MailKind.DETERMINATION, "Mijn versie", "Tekst", 0)));
        assertEquals(List.of("template.changedElsewhere"), stale.getMessageKeys());
        assertEquals(1, as(Role.FUND_MANAGER, vecht, s -> s.history(MailKind.DETERMINATION)).size());
    }

    @Test
    void onlyTheFundManagerOfAMunicipalityKeepsItsMailTemplates() {
        for (Role role : new Role[] {Role.OFFICER, Role.DECISION_MAKER, Role.ORGANISER}) {
            assertThrows(AccessDeniedException.class, () -> as(role, assen,
                    s -> s.save(MailKind.REPORT_REMINDER_OVERDUE, "Te laat", "Tekst", 0)), role.name());
            assertThrows(AccessDeniedException.class, () -> as(role, assen, s -> s.overview()), role.name());
        }
    }

    @Test
    void thePreviewFillsTheTextWithAnApplicationOfTheOwnMunicipalityOnly() {
        MailTemplates.Preview preview = as(Role.FUND_MANAGER, assen, s -> s.preview(MailKind.DECISION_AWARD,
                "Besluit {{kenmerk}}", "Beste {{naam}}, u krijgt {{bedrag}} voor {{titel}}.", ASSEN_APPLICATION));
        assertEquals("Besluit PF-2026-00911", preview.subject());
        assertEquals("Beste Anna de Vries, u krijgt € 1.234,56 voor Buurtkamer 911.", preview.body());
        ValidationFailedException foreign = assertThrows(ValidationFailedException.class,
                () -> as(Role.FUND_MANAGER, assen, s -> s.preview(MailKind.DECISION_AWARD, "Besluit",
                        "Tekst", VECHT_APPLICATION)));
        assertEquals(List.of("template.applicationNotFound"), keys(foreign));

        List<MailTemplates.MailText> overview = as(Role.FUND_MANAGER, assen, s -> s.overview());
        assertEquals(List.of(MailKind.values()), overview.stream().map(MailTemplates.MailText::kind).toList());
    }
}
