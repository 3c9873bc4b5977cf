package nl.preventiefonds.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationService;
import nl.preventiefonds.application.AttachmentService;
import nl.preventiefonds.application.AttachmentStore;
import nl.preventiefonds.application.DecisionTermKeeper;
import nl.preventiefonds.application.StaffListCounts;
import nl.preventiefonds.calendar.StatutoryCalendar;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.StaffOnDemoDatabase;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The conversation on the embedded database, through the real services: messages and notes, who sees what, who is
 * refused (another organiser, another municipality's staff), read status, the mail and audit in the same
 * transaction, and an answer to a request for information from the thread that keeps the decision term as the
 * application's own answer does.
 */
class ConversationOnDemoDatabaseTest {
    private static final String NAME = "conversation";
    private static final String URL = "jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
            + "NON_KEYWORDS=VALUE,YEAR,MONTH";
    /** Assen's, owned by ORGANISER, in intake with no request. */
    private static final long TALK = 1;
    /** Assen's, owned by ORGANISER, an open request for information (received 2 Feb, asked 16 Feb). */
    private static final long ASKED = 2;
    /** Assen's, owned by OTHER_ORGANISER. */
    private static final long OTHERS = 3;
    private static final LocalDate RECEIVED_ON = LocalDate.of(2026, 2, 2);
    private static final LocalDate REQUESTED_ON = LocalDate.of(2026, 2, 16);
    private static final LocalDate ANSWER_DEADLINE = LocalDate.of(2026, 3, 16);
    private static final Caller ORGANISER = new Caller(1L, "o@example.org", Role.ORGANISER, null);
    private static final Caller OTHER_ORGANISER = new Caller(2L, "other@example.org", Role.ORGANISER, null);
    private static final Caller PARTNER = new Caller(5L, "bieb@example.org", Role.PARTNER, 1L);
    private static final Caller OFFICER = new Caller(10L, "adviseur@assen.example.org", Role.OFFICER, null, 1L);
    private static final Caller COLLEAGUE = new Caller(12L, "collega@assen.example.org", Role.OFFICER, null, 1L);
    private static final Caller VECHT_OFFICER = new Caller(11L, "adviseur@vecht.example.org", Role.OFFICER, null, 2L);
    private static DemoDatabase database;

    @BeforeAll
    static void world() throws SQLException {
        database = new DemoDatabase(NAME);
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO municipality (id, code, name) VALUES (1, 'GM0106', 'Assen'),"
                    + " (2, 'GM1904', 'Stichtse Vecht')");
            s.executeUpdate("INSERT INTO partner_organisation (id, name, municipality_id, kind) VALUES (1, 'Bibliotheek', 1, 'LIBRARY')");
            user(s, ORGANISER, "Olga Organisator", null);
            user(s, OTHER_ORGANISER, "Otto Ander", null);
            user(s, OFFICER, "Anna Adviseur", 1L);
            user(s, COLLEAGUE, "Cor Collega", 1L);
            user(s, VECHT_OFFICER, "Victor Vecht", 2L);
            s.executeUpdate("INSERT INTO app_user (id, email, display_name, password_hash, role, status, created_at,"
                    + " partner_id) VALUES (5, 'bieb@example.org', 'Bea Bieb', 'x', 'PARTNER', 'ACTIVE',"
                    + " TIMESTAMP '2026-01-01 00:00:00', 1)");
            s.executeUpdate("INSERT INTO neighbourhood (id, municipality_id, code, name) VALUES (1, 1, 'BU01060001',"
                    + " 'Centrum')");
            s.executeUpdate("INSERT INTO fund (id, municipality_id, name, total_budget) VALUES (1, 1, 'F', 1000000)");
            s.executeUpdate("INSERT INTO funding_call (id, fund_id, title, opens_at, closes_at, max_amount, min_amount,"
                    + " decision_term_weeks, budget_year, version) VALUES (1, 1, 'R', TIMESTAMP '2026-01-01 00:00:00',"
                    + " TIMESTAMP '2026-02-10 00:00:00', 50000, 0, 8, 2026, 0)");
            for (long a = TALK; a <= OTHERS; a++) {
                application(s, a, a == OTHERS ? OTHER_ORGANISER.userId() : ORGANISER.userId(),
                        a == ASKED ? "INFORMATION_REQUESTED" : "SUBMITTED");
            }
            s.executeUpdate("INSERT INTO application_partner (application_id, partner_id) VALUES (" + TALK + ", 1)");
            s.executeUpdate("INSERT INTO information_request (id, application_id, requested_at, requested_on,"
                    + " requested_by, message, answer_deadline) VALUES (1, " + ASKED + ", TIMESTAMP '2026-02-16 10:00:00',"
                    + " DATE '" + REQUESTED_ON + "', 'adviseur@assen.example.org', 'Stuur een offerte mee',"
                    + " DATE '" + ANSWER_DEADLINE + "')");
        }
    }

    private static void user(Statement s, Caller caller, String name, Long municipality) throws SQLException {
        s.executeUpdate("INSERT INTO app_user (id, email, display_name, password_hash, role, status, created_at,"
                + " municipality_id) VALUES (" + caller.userId() + ", '" + caller.email() + "', '" + name + "', 'x', '"
                + caller.role() + "', 'ACTIVE', TIMESTAMP '2026-01-01 00:00:00', " + municipality + ")");
        if (municipality != null) {
            s.executeUpdate("INSERT INTO staff_membership (account_id, municipality_id, role, created_at) VALUES ("
                    + caller.userId() + ", " + municipality + ", '" + caller.role() + "', TIMESTAMP '2026-01-01 00:00:00')");
        }
    }

    /** Complete enough for every eligibility rule, as a submitted application is. */
    private static void application(Statement s, long id, long owner, String status) throws SQLException {
        s.executeUpdate("INSERT INTO application (id, reference, call_id, municipality_id, owner_id, status, org_name,"
                + " org_legal_form, org_iban, org_account_holder, contact_name, contact_email, title, summary,"
                + " description, theory_of_change, start_date, end_date, total_costs, co_funding, requested_amount,"
                + " created_at, updated_at, submitted_at, received_on, decision_due_on, version, postal_street,"
                + " postal_code, postal_town) VALUES (" + id
                + ", 'PF-2026-00" + id + "', 1, 1, " + owner + ", '" + status + "', 'Buurtgroep " + id + "',"
                + " 'INFORMAL_GROUP', 'NL91ABNA0417164300', 'Buurtgroep', 'Olga', 'o@example.org', 'Buurtkamer " + id
                + "', 'Samen', 'Een plek om elkaar te ontmoeten', 'Minder eenzaamheid', DATE '2026-04-01',"
                + " DATE '2026-12-01', 4000, 0, 4000, TIMESTAMP '2026-01-20 00:00:00', TIMESTAMP '2026-02-02 00:00:00',"
                + " TIMESTAMP '2026-02-02 10:00:00', DATE '" + RECEIVED_ON + "', "
                + (status.equals("SUBMITTED") ? "DATE '2026-03-30'" : "NULL") + ", 0, 'Kerkplein 1', '9401 AB',"
                + " 'Assen')");
        s.executeUpdate("INSERT INTO application_neighbourhood (application_id, neighbourhood_id) VALUES (" + id + ", 1)");
        s.executeUpdate("INSERT INTO application_theme (application_id, theme) VALUES (" + id + ", 'MEETING_PLACE')");
        s.executeUpdate("INSERT INTO application_target_group (application_id, target_group) VALUES (" + id
                + ", 'OLDER_PEOPLE')");
        s.executeUpdate("INSERT INTO application_care_domain (application_id, care_domain) VALUES (" + id + ", 'WMO')");
        s.executeUpdate("INSERT INTO application_activity (application_id, position, name, planned_participants,"
                + " planned_sessions, planned_volunteers) VALUES (" + id + ", 1, 'Koffieochtend', 20, 10, 2)");
        s.executeUpdate("INSERT INTO budget_line (application_id, position, kind, description, amount) VALUES ("
                + id + ", 1, 'COST', 'Huur', 4000)");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void anOfficersMessageReachesTheOrganiserAndThePartnerByMailAndIsAudited() throws SQLException {
        long mailsBefore = count("SELECT COUNT(*) FROM outbound_mail WHERE recipient IN ('o@example.org',"
                + " 'bieb@example.org') AND subject LIKE '%PF-2026-001%'");
        long id = in(OFFICER, c -> c.post(TALK, "  Wilt u de huurovereenkomst sturen?  ", List.of()));
        assertEquals(mailsBefore + 2, count("SELECT COUNT(*) FROM outbound_mail WHERE recipient IN ('o@example.org',"
                + " 'bieb@example.org') AND subject LIKE '%PF-2026-001%'"), "the organiser and the partner are mailed");
        assertTrue(text("SELECT body FROM outbound_mail WHERE recipient = 'o@example.org' ORDER BY id DESC")
                .contains("/applications/view.xhtml?id=" + TALK), "the mail links to the application page");
        assertFalse(text("SELECT body FROM outbound_mail WHERE recipient = 'o@example.org' ORDER BY id DESC")
                .contains("huurovereenkomst"), "the message itself is not in the mail");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'THREAD_MESSAGE_POSTED'"
                + " AND subject_id = '" + TALK + "' AND after_summary LIKE 'message=" + id + ",%'"
                + " AND municipality_id = 1"));
        ConversationService.Item item = in(ORGANISER, c -> c.thread(TALK)).items().stream()
                .filter(i -> i.sourceId() == id).findFirst().orElseThrow();
        assertEquals("Wilt u de huurovereenkomst sturen?", item.body(), "stored stripped");
        assertEquals("Anna Adviseur", item.author());
        assertEquals(ThreadMessage.Side.STAFF, item.side());
    }

    @Test
    void theOrganisersMessageWithAFileMailsTheOfficersOfTheMunicipalityOnly() throws SQLException {
        long id = in(ORGANISER, c -> c.post(TALK, "Hierbij de offerte.",
                List.of(new ConversationService.NewFile("offerte.pdf", pdf()))));
        assertTrue(count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = 'adviseur@assen.example.org'") > 0);
        assertTrue(count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = 'collega@assen.example.org'") > 0);
        assertEquals(0, count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = 'adviseur@vecht.example.org'"),
                "another municipality's officer hears nothing");
        ConversationService.Item item = in(OFFICER, c -> c.thread(TALK)).items().stream()
                .filter(i -> i.sourceId() == id).findFirst().orElseThrow();
        assertEquals(1, item.files().size());
        assertEquals("offerte.pdf", item.files().get(0).filename());
        int ownFiles = in(ORGANISER, c -> queries(c).attachments(TALK).size());
        assertEquals(0, ownFiles,
                "a message's file is not one of the application's own files");
        assertEquals("offerte.pdf", in(OFFICER, c -> attachments().download(item.files().get(0).id()).filename()));
    }

    @Test
    void aFileRefusedByTheAttachmentPolicyLeavesNoMessage() throws SQLException {
        long before = count("SELECT COUNT(*) FROM thread_message");
        ValidationFailedException refused = assertThrows(ValidationFailedException.class, () -> in(ORGANISER,
                c -> c.post(TALK, "Zie bijlage", List.of(new ConversationService.NewFile("virus.exe",
                        "MZ not a document".getBytes())))));
        assertEquals("attachment.typeRefused", refused.getMessage());
        assertEquals(before, count("SELECT COUNT(*) FROM thread_message"), "nothing half-written");
        assertEquals("conversation.bodyRequired", assertThrows(ValidationFailedException.class,
                () -> in(ORGANISER, c -> c.post(TALK, "   ", List.of()))).getMessage());
        assertEquals("field.tooLong", assertThrows(ValidationFailedException.class,
                () -> in(ORGANISER, c -> c.post(TALK, "x".repeat(ThreadMessage.MAX_BODY + 1), List.of())))
                .getMessage());
    }

    @Test
    void anInternalNoteIsSeenByStaffOnlyAndMailsNobody() throws SQLException {
        long mails = count("SELECT COUNT(*) FROM outbound_mail");
        long note = in(OFFICER, c -> c.postNote(TALK, "Organisatie is betrouwbaar, eerder gesubsidieerd.",
                List.of(new ConversationService.NewFile("notitie.pdf", pdf()))));
        assertEquals(mails, count("SELECT COUNT(*) FROM outbound_mail"), "a note is mailed to nobody");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'THREAD_NOTE_POSTED'"
                + " AND after_summary LIKE 'message=" + note + ",%'"));
        assertTrue(in(COLLEAGUE, c -> c.thread(TALK)).items().stream()
                .anyMatch(i -> i.sourceId() == note && i.type() == ConversationService.ItemType.NOTE));
        for (Caller outsider : List.of(ORGANISER, PARTNER)) {
            ConversationService.Thread thread = in(outsider, c -> c.thread(TALK));
            assertTrue(thread.items().stream().noneMatch(i -> i.type() == ConversationService.ItemType.NOTE
                    || (i.type() == ConversationService.ItemType.MESSAGE && i.sourceId() == note)), outsider.email());
            assertFalse(thread.mayWriteNote());
        }
        long fileId = count("SELECT id FROM attachment WHERE thread_message_id = " + note);
        assertEquals("attachment.notFound", assertThrows(ValidationFailedException.class,
                () -> in(ORGANISER, c -> attachments().download(fileId))).getMessage(),
                "a note's file is to the organiser as one that does not exist");
        assertEquals("notitie.pdf", in(COLLEAGUE, c -> attachments().download(fileId).filename()));
        assertThrows(AccessDeniedException.class, () -> in(ORGANISER, c -> c.postNote(TALK, "Intern?", List.of())));
        assertThrows(AccessDeniedException.class, () -> in(PARTNER, c -> c.postNote(TALK, "Intern?", List.of())));
    }

    @Test
    void anotherOrganiserAndAnotherMunicipalitysStaffAreRefused() throws SQLException {
        long before = count("SELECT COUNT(*) FROM thread_message");
        assertThrows(AccessDeniedException.class, () -> in(OTHER_ORGANISER, c -> c.thread(TALK)));
        assertThrows(AccessDeniedException.class, () -> in(OTHER_ORGANISER, c -> c.post(TALK, "Hallo", List.of())));
        assertThrows(AccessDeniedException.class, () -> in(ORGANISER, c -> c.post(OTHERS, "Hallo", List.of())));
        ValidationFailedException vecht = assertThrows(ValidationFailedException.class,
                () -> in(VECHT_OFFICER, c -> c.thread(TALK)));
        assertEquals("application.notFound", vecht.getMessage(), "as if it did not exist");
        assertThrows(ValidationFailedException.class, () -> in(VECHT_OFFICER, c -> c.post(TALK, "Hallo", List.of())));
        assertThrows(ValidationFailedException.class,
                () -> in(VECHT_OFFICER, c -> c.postNote(TALK, "Hallo", List.of())));
        assertThrows(ValidationFailedException.class, () -> in(VECHT_OFFICER, c -> c.unreadCount(TALK)));
        assertThrows(AccessDeniedException.class, () -> in(PARTNER, c -> c.thread(OTHERS)),
                "a partner only on the applications that name it");
        assertEquals(before, count("SELECT COUNT(*) FROM thread_message"));
    }

    @Test
    void readStatusIsPerUserAndOwnMessagesNeverCount() {
        long first = in(OFFICER, c -> c.post(OTHERS, "Eerste vraag", List.of()));
        long second = in(OFFICER, c -> c.post(OTHERS, "Tweede vraag", List.of()));
        assertEquals(0, (long) in(OFFICER, c -> c.unreadCount(OTHERS)), "one's own messages are read");
        assertEquals(2, (long) in(OTHER_ORGANISER, c -> c.unreadCount(OTHERS)));
        assertEquals(2, in(OTHER_ORGANISER, c -> c.thread(OTHERS)).unread(), "reading the thread marks nothing");
        // Opening the application page: shown as new this once, read from then on.
        ConversationService.Thread opened = in(OTHER_ORGANISER, c -> c.open(OTHERS));
        assertEquals(2, opened.unread());
        assertTrue(opened.items().stream().filter(i -> i.sourceId() == first || i.sourceId() == second)
                .allMatch(ConversationService.Item::unread));
        assertEquals(0, (long) in(OTHER_ORGANISER, c -> c.unreadCount(OTHERS)));
        assertTrue(in(OTHER_ORGANISER, c -> c.open(OTHERS)).items().stream().noneMatch(ConversationService.Item::unread));
        assertEquals(2, (long) in(COLLEAGUE, c -> c.unreadCount(OTHERS)), "the colleague has read nothing yet");
        in(OFFICER, c -> c.postNote(OTHERS, "Notitie", List.of()));
        assertEquals(0, (long) in(OTHER_ORGANISER, c -> c.unreadCount(OTHERS)), "a note is never unread for them");
        assertEquals(3, (long) in(COLLEAGUE, c -> c.unreadCount(OTHERS)), "but it is for a colleague");
        in(COLLEAGUE, c -> {
            c.markRead(OTHERS);
            return null;
        });
        assertEquals(0, (long) in(COLLEAGUE, c -> c.unreadCount(OTHERS)));
        in(OTHER_ORGANISER, c -> c.post(OTHERS, "Antwoord", List.of()));
        assertEquals(1, (long) in(OFFICER, c -> c.unreadCount(OTHERS)));
        assertEquals(0, (long) in(OTHER_ORGANISER, c -> c.unreadCount(OTHERS)));
    }

    @Test
    void theOpenRequestIsInTheThreadAndItsAnswerFromTheThreadKeepsTheAwbClock() throws SQLException {
        ConversationService.Thread before = in(ORGANISER, c -> c.thread(ASKED));
        ConversationService.Item request = before.items().stream()
                .filter(i -> i.type() == ConversationService.ItemType.REQUEST).findFirst().orElseThrow();
        assertTrue(request.open());
        assertEquals("Stuur een offerte mee", request.body());
        assertEquals(ANSWER_DEADLINE, request.answerDeadline());
        assertTrue(before.mayAnswer());
        assertFalse(in(OFFICER, c -> c.thread(ASKED)).mayAnswer(), "only the organiser answers");
        assertNull(text("SELECT CAST(decision_due_on AS VARCHAR) FROM application WHERE id = " + ASKED),
                "the term is suspended while the request is open");
        assertThrows(AccessDeniedException.class, () -> in(OTHER_ORGANISER, c -> {
            c.answerRequest(ASKED, "Niet van mij");
            return null;
        }));

        in(ORGANISER, c -> {
            c.answerRequest(ASKED, "De offerte staat in de bijlagen.");
            return null;
        });

        LocalDate today = LocalDate.ofInstant(StaffOnDemoDatabase.NOW, ZoneId.of("Europe/Amsterdam"));
        assertEquals("SUBMITTED", text("SELECT status FROM application WHERE id = " + ASKED), "back to the officer");
        assertEquals(today.toString(), text("SELECT CAST(answered_on AS VARCHAR) FROM information_request WHERE id = 1"));
        LocalDate due = LocalDate.parse(text("SELECT CAST(decision_due_on AS VARCHAR) FROM application WHERE id = "
                + ASKED));
        // Eight weeks from 2 February is 30 March; the 13 days from 17 February to the answer on 2 March are added.
        assertEquals(LocalDate.of(2026, 4, 13), due, "the Awb 4:15 suspension is counted as by the application's page");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'INFORMATION_PROVIDED' AND subject_id = '"
                + ASKED + "'"));
        assertTrue(count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = 'adviseur@assen.example.org'"
                + " AND subject LIKE 'Aanvulling ontvangen%'") > 0);
        ConversationService.Thread after = in(OFFICER, c -> c.thread(ASKED));
        List<ConversationService.ItemType> types = new ArrayList<>();
        after.items().forEach(i -> types.add(i.type()));
        assertEquals(List.of(ConversationService.ItemType.REQUEST, ConversationService.ItemType.ANSWER), types);
        assertFalse(after.items().get(0).open());
        assertEquals("De offerte staat in de bijlagen.", after.items().get(1).body());
        assertEquals("application.noOpenRequest", assertThrows(ValidationFailedException.class, () -> in(ORGANISER,
                c -> {
                    c.answerRequest(ASKED, "Nog een keer");
                    return null;
                })).getMessage());
    }

    // --- wiring: the services as the container would give them to this caller, at StaffOnDemoDatabase.NOW

    private static <T> T in(Caller caller, Function<ConversationService, T> work) {
        return database.inTransaction(em -> work.apply(conversation(em, caller)));
    }

    private static ConversationService conversation(EntityManager em, Caller caller) {
        Clock clock = Clock.fixed(StaffOnDemoDatabase.NOW, ZoneId.of("Europe/Amsterdam"));
        ApplicationQueries queries = DemoDatabase.inject(new ApplicationQueries(), "em", em);
        DemoDatabase.inject(queries, "access", StaffOnDemoDatabase.accessOf(caller));
        DemoDatabase.inject(queries, "counts", new StaffListCounts());
        DemoDatabase.inject(queries, "clock", clock);
        DemoDatabase.inject(queries, "representation", DemoDatabase.inject(
                new nl.preventiefonds.organisation.Representatives(), "em", em));
        Outbox outbox = DemoDatabase.inject(DemoDatabase.inject(new Outbox(), "em", em), "clock", clock);
        DecisionTermKeeper terms = DemoDatabase.inject(new DecisionTermKeeper(), "em", em);
        DemoDatabase.inject(terms, "calendar", DemoDatabase.inject(new StatutoryCalendar(), "em", em));
        ApplicationService applications = DemoDatabase.inject(new ApplicationService(), "em", em);
        DemoDatabase.inject(applications, "access", StaffOnDemoDatabase.accessOf(caller));
        DemoDatabase.inject(applications, "audit", StaffOnDemoDatabase.auditAs(em, caller.email()));
        DemoDatabase.inject(applications, "outbox", outbox);
        DemoDatabase.inject(applications, "terms", terms);
        DemoDatabase.inject(applications, "clock", clock);
        DemoDatabase.inject(applications, "representation", DemoDatabase.inject(
                new nl.preventiefonds.organisation.Representatives(), "em", em));
        DemoDatabase.inject(applications, "deMinimis", DemoDatabase.inject(
                new nl.preventiefonds.organisation.RegistryAwards(), "em", em));
        ConversationService service = DemoDatabase.inject(new ConversationService(), "em", em);
        DemoDatabase.inject(service, "access", StaffOnDemoDatabase.accessOf(caller));
        DemoDatabase.inject(service, "queries", queries);
        DemoDatabase.inject(service, "applications", applications);
        // Scanning off, as in the demo: the files are stored NOT_SCANNED (MalwareScanIT covers the scan).
        nl.preventiefonds.application.UploadScan scan = DemoDatabase.inject(
                new nl.preventiefonds.application.UploadScan(), "scanning",
                new nl.preventiefonds.platform.scan.MalwareScanning());
        DemoDatabase.inject(service, "store", DemoDatabase.inject(DemoDatabase.inject(new AttachmentStore(), "em", em),
                "scan", scan));
        DemoDatabase.inject(service, "audit", StaffOnDemoDatabase.auditAs(em, caller.email()));
        DemoDatabase.inject(service, "outbox", outbox);
        DemoDatabase.inject(service, "clock", clock);
        currentEm = em;
        currentCaller = caller;
        return service;
    }

    private static EntityManager currentEm;
    private static Caller currentCaller;

    private static ApplicationQueries queries(ConversationService ignored) {
        ApplicationQueries queries = DemoDatabase.inject(new ApplicationQueries(), "em", currentEm);
        DemoDatabase.inject(queries, "access", StaffOnDemoDatabase.accessOf(currentCaller));
        DemoDatabase.inject(queries, "counts", new StaffListCounts());
        DemoDatabase.inject(queries, "representation", DemoDatabase.inject(
                new nl.preventiefonds.organisation.Representatives(), "em", currentEm));
        return queries;
    }

    private static AttachmentService attachments() {
        AttachmentService service = DemoDatabase.inject(new AttachmentService(), "em", currentEm);
        DemoDatabase.inject(service, "access", StaffOnDemoDatabase.accessOf(currentCaller));
        return DemoDatabase.inject(service, "queries", queries(null));
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static byte[] pdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
