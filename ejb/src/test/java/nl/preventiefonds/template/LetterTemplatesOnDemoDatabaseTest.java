package nl.preventiefonds.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.io.IOException;
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
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.ConflictException;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.TemplateText;
import nl.preventiefonds.platform.ValidationFailedException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Letter templates per municipality (issue 21) on the run command's database: the built-in text until a fund manager
 * saves one; every save a new version, audited; a stale save, a bad text and another role refused; nothing of one
 * municipality reaches another; the preview fills a text with a real application of the own municipality only.
 */
class LetterTemplatesOnDemoDatabaseTest {
    private static final String NAME = "lettertemplates";
    private static DemoDatabase database;
    private static long assen;
    private static long vecht;
    /** Submitted applications: one of Assen's (with a postal address), one of Stichtse Vecht's; and Assen's draft. */
    private static final long ASSEN_APPLICATION = 901;
    private static final long VECHT_APPLICATION = 902;
    private static final long ASSEN_DRAFT = 903;

    @BeforeAll
    static void world() throws SQLException {
        database = new DemoDatabase(NAME);
        assen = StaffOnDemoDatabase.municipality(database, "GM0106", "Assen");
        vecht = StaffOnDemoDatabase.municipality(database, "GM1904", "Stichtse Vecht");
        String url = "jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                + "NON_KEYWORDS=VALUE,YEAR,MONTH";
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO app_user (id, email, display_name, password_hash, role, status, created_at)"
                    + " VALUES (901, 'o@example.org', 'O', 'x', 'ORGANISER', 'ACTIVE', TIMESTAMP '2026-01-01 00:00:00')");
            long[] municipalities = {assen, vecht};
            for (int i = 0; i < 2; i++) {
                long m = municipalities[i];
                long id = 901 + i;
                s.executeUpdate("INSERT INTO fund (id, municipality_id, name, total_budget) VALUES (" + id + ", " + m
                        + ", 'Fonds " + m + "', 1000000)");
                s.executeUpdate("INSERT INTO funding_call (id, fund_id, title, opens_at, closes_at, max_amount,"
                        + " min_amount, decision_term_weeks, budget_year, version) VALUES (" + id + ", " + id
                        + ", 'Ronde " + m + "', TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-12-01 00:00:00',"
                        + " 50000, 0, 8, 2026, 0)");
            }
            application(s, ASSEN_APPLICATION, 901, assen, "'PF-2026-00901'", "'SUBMITTED'",
                    "'Stationsstraat 12', '9401 AB', 'Assen'");
            application(s, VECHT_APPLICATION, 902, vecht, "'PF-2026-00902'", "'SUBMITTED'", "NULL, NULL, NULL");
            application(s, ASSEN_DRAFT, 901, assen, "NULL", "'DRAFT'", "NULL, NULL, NULL");
        }
    }

    private static void application(Statement s, long id, long call, long municipality, String reference,
                                    String status, String address) throws SQLException {
        s.executeUpdate("INSERT INTO application (id, reference, call_id, owner_id, status, org_name, contact_name,"
                + " title, start_date, end_date, total_costs, co_funding, requested_amount, created_at, updated_at,"
                + " submitted_at, decision_due_on, version, municipality_id, postal_street, postal_code, postal_town)"
                + " VALUES (" + id + ", " + reference + ", " + call + ", 901, " + status + ", 'Stichting Buurtkracht',"
                + " 'Anna de Vries', 'Buurtkamer " + id + "', DATE '2026-02-01', DATE '2026-12-01', 1234.56, 0,"
                + " 1234.56, TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00', NULL,"
                + " DATE '2026-06-03', 0, " + municipality + ", " + address + ")");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static <T> T as(Role role, Long municipality, Function<LetterTemplates, T> call) {
        return database.inTransaction(em -> call.apply(service(em, role, municipality)));
    }

    private static LetterTemplates service(EntityManager em, Role role, Long municipality) {
        String email = role.name().toLowerCase() + "-" + municipality + "@example.org";
        LetterTemplates service = new LetterTemplates();
        DemoDatabase.inject(service, "em", em);
        DemoDatabase.inject(service, "clock", Clock.fixed(StaffOnDemoDatabase.NOW, ZoneId.of("Europe/Amsterdam")));
        DemoDatabase.inject(service, "access",
                StaffOnDemoDatabase.accessOf(new Caller(1L, email, role, null, municipality)));
        return DemoDatabase.inject(service, "audit", StaffOnDemoDatabase.auditAs(em, email));
    }

    private static List<String> keys(ValidationFailedException e) {
        return e.getProblems().stream().map(Problem::key).toList();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void savingAddsVersionsThatTheLettersUseAndNeverOverwritesAnEarlierOne() {
        LetterText builtIn = as(Role.FUND_MANAGER, assen, s -> s.current(LetterKind.REJECTION));
        assertTrue(builtIn.isBuiltIn());
        assertEquals(LetterKind.REJECTION.builtInText(), builtIn.text());
        assertEquals(List.of(), as(Role.FUND_MANAGER, assen, s -> s.history(LetterKind.REJECTION)));

        String first = "Beste {{aanvrager}},\n\nWij wijzen {{titel}} af.\n\n{{motivering}}";
        LetterText v1 = as(Role.FUND_MANAGER, assen, s -> s.save(LetterKind.REJECTION, first + "\r\n\n", 0));
        assertEquals(1, v1.number());
        assertEquals(first, v1.text(), "line ends normalised, trailing blank lines dropped");
        LetterText v2 = as(Role.FUND_MANAGER, assen, s -> s.save(LetterKind.REJECTION, "Tweede {{kenmerk}}", 1));
        assertEquals(2, v2.number());
        assertEquals("Sjabloon afwijzing v2", v2.label());

        LetterText used = database.inTransaction(em -> LetterTemplates.current(em, assen, LetterKind.REJECTION));
        assertEquals(v2, used, "the letters use the latest version");
        List<LetterTemplates.VersionRow> history = as(Role.FUND_MANAGER, assen, s -> s.history(LetterKind.REJECTION));
        assertEquals(List.of(2, 1), history.stream().map(LetterTemplates.VersionRow::number).toList());
        assertEquals(first, history.get(1).text(), "version 1 is kept as it was");
        assertTrue(history.get(0).current());
        assertEquals("fund_manager-" + assen + "@example.org", history.get(0).createdBy());

        assertTrue(database.inTransaction(em -> LetterTemplates.current(em, vecht, LetterKind.REJECTION))
                .isBuiltIn(), "another municipality still has the built-in text");
        assertTrue(database.inTransaction(em -> LetterTemplates.current(em, assen, LetterKind.AWARD)).isBuiltIn(),
                "another kind too");

        List<AuditEntry> audit = database.inTransaction(em -> em.createQuery("SELECT a FROM AuditEntry a WHERE"
                + " a.action = 'LETTER_TEMPLATE_SAVED' AND a.municipalityId = :m ORDER BY a.id", AuditEntry.class)
                .setParameter("m", assen).getResultList());
        assertEquals(2, audit.size());
        assertEquals("afwijzing standaard", audit.get(0).getBeforeSummary());
        assertTrue(audit.get(1).getAfterSummary().startsWith("afwijzing v2, tekens=18, sha256="),
                audit.get(1).getAfterSummary());
    }

    @Test
    void aSaveOverANewerVersionIsRefusedAndChangesNothing() {
        as(Role.FUND_MANAGER, vecht, s -> s.save(LetterKind.DETERMINATION, "Een {{inleiding}}", 0));
        ConflictException stale = assertThrows(ConflictException.class,
                () -> as(Role.FUND_MANAGER, vecht, s -> s.save(LetterKind.DETERMINATION, "Mijn {{kenmerk}}", 0)));
        assertEquals(List.of("template.changedElsewhere"), stale.getMessageKeys());
        assertEquals(1, as(Role.FUND_MANAGER, vecht, s -> s.history(LetterKind.DETERMINATION)).size());
    }

    @Test
    void aBadTextIsRefusedNamingTheProblemAndStoresNothing() {
        ValidationFailedException unknown = assertThrows(ValidationFailedException.class,
                () -> as(Role.FUND_MANAGER, assen, s -> s.save(LetterKind.AWARD, "U krijgt {{bedrag}} op {{iban}}",
                        0)));
        assertEquals(List.of("template.unknownPlaceholder"), keys(unknown));
        assertEquals(List.of("{{iban}}"), unknown.getProblems().get(0).args());
        ValidationFailedException braces = assertThrows(ValidationFailedException.class,
                () -> as(Role.FUND_MANAGER, assen, s -> s.save(LetterKind.AWARD, "U krijgt {{bedrag}", 0)));
        assertEquals(List.of("template.unclosedPlaceholder"), keys(braces));
        assertEquals(0L, database.count("SELECT COUNT(t) FROM LetterTemplate t WHERE t.municipalityId = ?1"
                + " AND t.kind = ?2", assen, LetterKind.AWARD));
    }

    @Test
    void onlyTheFundManagerOfAMunicipalityKeepsItsTemplates() {
        for (Role role : new Role[] {Role.OFFICER, Role.DECISION_MAKER, Role.ORGANISER}) {
            assertThrows(AccessDeniedException.class,
                    () -> as(role, assen, s -> s.save(LetterKind.PARTIAL_AWARD, "Tekst", 0)), role.name());
            assertThrows(AccessDeniedException.class, () -> as(role, assen, s -> s.overview()), role.name());
        }
        assertThrows(AccessDeniedException.class,
                () -> as(Role.FUND_MANAGER, null, s -> s.save(LetterKind.PARTIAL_AWARD, "Tekst", 0)),
                "staff of no municipality");
    }

    @Test
    void thePreviewFillsTheTextWithAnApplicationOfTheOwnMunicipalityOnly() throws IOException {
        List<LetterTemplates.Candidate> candidates = as(Role.FUND_MANAGER, assen, s -> s.previewCandidates());
        assertEquals(List.of(ASSEN_APPLICATION), candidates.stream().map(LetterTemplates.Candidate::id).toList(),
                "submitted applications of Assen only: not the draft, not Stichtse Vecht's");

        String draft = "# Besluit\n\nBeste {{aanvrager}} ({{adres}}), u krijgt {{bedrag}} voor {{titel}}.";
        LetterTemplates.Preview preview = as(Role.FUND_MANAGER, assen,
                s -> s.preview(LetterKind.AWARD, draft, ASSEN_APPLICATION));
        assertEquals(List.of(new TemplateText.Block(true, "Besluit"), new TemplateText.Block(false,
                "Beste Stichting Buurtkracht (Stationsstraat 12, 9401 AB Assen), u krijgt € 1.234,56 voor"
                        + " Buurtkamer 901.")), preview.blocks());
        String pdf = text(preview.pdf());
        assertTrue(pdf.contains("u krijgt € 1.234,56 voor Buurtkamer 901"), pdf);
        assertTrue(pdf.contains("Stationsstraat 12 9401 AB Assen"), "the address block: " + pdf);
        assertTrue(pdf.contains("Gemeente Assen"), pdf);
        assertTrue(pdf.contains("Voorbeeld · Sjabloon toekenning · Pagina 1 van 1"), pdf);
        assertEquals(0L, database.count("SELECT COUNT(t) FROM LetterTemplate t WHERE t.kind = ?1",
                LetterKind.AWARD), "a preview stores nothing");

        for (long other : new long[] {VECHT_APPLICATION, ASSEN_DRAFT, 999_999}) {
            ValidationFailedException refused = assertThrows(ValidationFailedException.class,
                    () -> as(Role.FUND_MANAGER, assen, s -> s.preview(LetterKind.AWARD, draft, other)));
            assertEquals(List.of("template.applicationNotFound"), keys(refused), "application " + other);
        }
        ValidationFailedException bad = assertThrows(ValidationFailedException.class,
                () -> as(Role.FUND_MANAGER, assen, s -> s.preview(LetterKind.AWARD, "{{nope}}", ASSEN_APPLICATION)));
        assertEquals(List.of("template.unknownPlaceholder"), keys(bad));
    }

    @Test
    void theOverviewListsEveryKindWithItsCurrentVersion() {
        as(Role.FUND_MANAGER, vecht, s -> s.save(LetterKind.PARTIAL_AWARD, "Deels {{bedrag}}", 0));
        List<LetterTemplates.KindState> overview = as(Role.FUND_MANAGER, vecht, s -> s.overview());
        assertEquals(List.of(LetterKind.values()), overview.stream().map(LetterTemplates.KindState::kind).toList());
        LetterTemplates.KindState partial = overview.get(LetterKind.PARTIAL_AWARD.ordinal());
        assertEquals(1, partial.current().number());
        assertEquals(StaffOnDemoDatabase.NOW, partial.savedAt());
        assertNull(overview.get(LetterKind.AWARD.ordinal()).savedAt());
    }
}
