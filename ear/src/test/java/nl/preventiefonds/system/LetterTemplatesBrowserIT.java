package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import nl.preventiefonds.template.LetterKind;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The municipal administrator words the award letter on admin/templates.xhtml (issue 21): a text with an unknown
 * placeholder is refused, naming it, and stays in the editor; the preview fills the text with a real application of
 * the municipality; saved, it is the next version; and the next award letter is made from it, names that version in
 * its footer and on its stored document, and is addressed to the applicant's postal address. Run for a municipality
 * of its own (De Wolden), so the other tests' letters keep the built-in text. The same for the mails
 * (admin/mail-templates.xhtml): the request for information.
 */
class LetterTemplatesBrowserIT extends BrowserTestBase {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";
    private static final String MARKER = "Goed nieuws uit Meppel";

    private static long meppel() throws SQLException {
        List<List<Object>> found = TestDatabase.query("SELECT id FROM municipality WHERE code = 'GM1690'");
        if (found.isEmpty()) {
            TestDatabase.update("INSERT INTO municipality (code, name) VALUES ('GM1690', 'De Wolden')");
            found = TestDatabase.query("SELECT id FROM municipality WHERE code = 'GM1690'");
        }
        return ((Number) found.get(0).get(0)).longValue();
    }

    private static String staffOf(String email, long municipality) throws SQLException {
        String clone = TestDatabase.cloneAccount(email, null);
        TestDatabase.moveToMunicipality(clone, municipality);
        return clone;
    }

    private WebElement byId(String id) {
        return chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id)));
    }

    private void text(String value) {
        WebElement editor = byId("templateForm:text");
        editor.clear();
        editor.sendKeys(value);
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theAdministratorRewordsTheAwardAndTheNextAwardLetterUsesThatVersion() throws Exception {
        long municipality = meppel();
        Fixtures.FundAndCall fund = Fixtures.fundWithCallIn(municipality, "100000.00");
        String title = "Buurtkamer Meppel " + System.nanoTime();
        long applicationId = Fixtures.applicationInAssessment(fund.callId(), title, "20000.00");
        TestDatabase.update("UPDATE application SET postal_street = 'Hoofdstraat 7', postal_code = '7941 AA',"
                + " postal_town = 'Meppel' WHERE id = ?", applicationId);
        Fixtures.completedReview(applicationId, Fixtures.OFFICER);
        String reference = (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?",
                applicationId).get(0).get(0);
        long before = TestDatabase.count("SELECT COALESCE(MAX(current_number), 0) FROM letter_template"
                + " WHERE municipality_id = ? AND kind = 'AWARD'", municipality);
        String expectedLabel = "Sjabloon toekenning v" + (before + 1);

        chromium.login(base.toString(), staffOf(FUND_MANAGER, municipality), Fixtures.PASSWORD);
        browser.get(base.toString());
        byId("menuTemplates").click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("templateForm:text")));
        assertTrue(browser.findElement(By.id("placeholders")).getText().contains("{{aanvrager}}"),
                "the placeholders are listed");
        if (before == 0) {
            assertEquals(LetterKind.AWARD.builtInText().strip(),
                    byId("templateForm:text").getAttribute("value").strip(), "the built-in text to start from");
        }

        // An unknown placeholder: refused, named, and the text stays as typed.
        String wrong = "Beste {{aanvrager}}, u ontvangt {{bedrag}} op {{iban}}.";
        text(wrong);
        byId("templateForm:save").click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "{{iban}}"));
        assertEquals(wrong, byId("templateForm:text").getAttribute("value"));
        assertEquals(before, TestDatabase.count("SELECT COALESCE(MAX(current_number), 0) FROM letter_template"
                + " WHERE municipality_id = ? AND kind = 'AWARD'", municipality), "nothing saved");

        // The new wording, previewed with the application of this municipality (the latest, chosen already).
        text("Beste {{contactpersoon}},\n\n# Besluit\n\n" + MARKER + ": wij verlenen {{aanvrager}} {{bedrag}}"
                + " (zegge: {{bedrag_in_woorden}}) voor {{titel}}, kenmerk {{kenmerk}}.\n\n{{motivering}}\n\n"
                + "Dit besluit is genomen op grond van {{grondslag}}.");
        assertTrue(browser.findElement(By.id("templateForm:application_label")).getText().contains(reference),
                browser.findElement(By.id("templateForm:application_label")).getText());
        byId("templateForm:preview").click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("previewText")));
        String preview = browser.findElement(By.id("previewText")).getText();
        assertTrue(preview.contains(MARKER + ": wij verlenen Stichting Café Noë € 20.000,00 (zegge: twintigduizend"
                + " euro) voor " + title + ", kenmerk " + reference + "."), preview);
        chromium.screenshot("templates-preview");

        byId("templateForm:save").click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Opgeslagen: " + expectedLabel));
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("historyForm"),
                "v" + (before + 1)));
        long versionId = TestDatabase.count("SELECT v.id FROM letter_template_version v JOIN letter_template t"
                + " ON t.id = v.template_id WHERE t.municipality_id = ? AND t.kind = 'AWARD' AND v.number = ?",
                municipality, before + 1);
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'LETTER_TEMPLATE_SAVED'"
                + " AND municipality_id = ? AND after_summary LIKE ?", municipality, "toekenning v" + (before + 1)
                + ",%"), "audited");

        // A decision maker of Meppel awards: the letter is made from the new version.
        WebSession decider = WebSession.loggedIn(base, staffOf(Fixtures.DECISION_MAKER, municipality));
        HttpResponse<String> decided = decider.api("POST", "applications/" + applicationId + "/decision",
                "{\"outcome\":\"AWARD\",\"advancePercent\":80}");
        assertEquals(200, decided.statusCode(), decided.body());
        List<Object> document = TestDatabase.query("SELECT template_version_id, template_label, content FROM"
                + " issued_document WHERE application_id = ? AND kind = 'DECISION_LETTER'", applicationId).get(0);
        assertEquals(versionId, ((Number) document.get(0)).longValue());
        assertEquals(expectedLabel, document.get(1));
        String letter = pdfText((byte[]) document.get(2));
        assertTrue(letter.contains("Beste Anna de Vries,"), letter);
        assertTrue(letter.contains(MARKER + ": wij verlenen Stichting Café Noë € 20.000,00"), letter);
        assertTrue(letter.contains(expectedLabel + " · Pagina 1 van"), letter);
        assertTrue(letter.contains("Hoofdstraat 7 7941 AA Meppel"), "the address block: " + letter);
        assertTrue(letter.contains("bezwaar maken"), "the objection clause stays: " + letter);
    }

    /**
     * The administrator words the request-for-information mail on admin/mail-templates.xhtml: an unknown placeholder in
     * the subject is refused and named; the preview fills subject and body with a real application; saved, the next
     * request an officer of the municipality sends goes out in those words and names the version on the mail.
     */
    @Test
    void theAdministratorRewordsTheRequestForInformationMailAndTheNextRequestUsesIt() throws Exception {
        long municipality = meppel();
        Fixtures.FundAndCall fund = Fixtures.fundWithCallIn(municipality, "100000.00");
        String title = "Speeltuin De Wolden " + System.nanoTime();
        long applicationId = Fixtures.applicationInAssessment(fund.callId(), title, "8000.00");
        TestDatabase.update("UPDATE application SET status = 'SUBMITTED', intake_completed_at = NULL WHERE id = ?",
                applicationId);
        String reference = (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?",
                applicationId).get(0).get(0);
        long before = TestDatabase.count("SELECT COALESCE(MAX(current_number), 0) FROM mail_template"
                + " WHERE municipality_id = ? AND kind = 'INFORMATION_REQUESTED'", municipality);
        String expectedLabel = "verzoek om aanvulling v" + (before + 1);

        chromium.login(base.toString(), staffOf(FUND_MANAGER, municipality), Fixtures.PASSWORD);
        browser.get(base.toString());
        byId("menuMailTemplates").click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("mailForm:subject")));
        if (before == 0) {
            assertEquals("Wij hebben meer informatie nodig voor aanvraag {{kenmerk}}",
                    byId("mailForm:subject").getAttribute("value"), "the built-in text to start from");
        }

        WebElement subject = byId("mailForm:subject");
        subject.clear();
        subject.sendKeys("Aanvulling nodig voor {{kenmerk}} ({{iban}})");
        byId("mailForm:save").click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "{{iban}}"));
        assertEquals("Aanvulling nodig voor {{kenmerk}} ({{iban}})", byId("mailForm:subject").getAttribute("value"),
                "the subject stays as typed");
        assertEquals(before, TestDatabase.count("SELECT COALESCE(MAX(current_number), 0) FROM mail_template"
                + " WHERE municipality_id = ? AND kind = 'INFORMATION_REQUESTED'", municipality), "nothing saved");

        subject = byId("mailForm:subject");
        subject.clear();
        subject.sendKeys("De Wolden vraagt een aanvulling op {{kenmerk}}");
        WebElement body = byId("mailForm:body");
        body.clear();
        body.sendKeys("Beste {{naam}},\n\nVoor {{titel}} vragen wij:\n\n{{gevraagd}}\n\nGraag voor {{uiterlijk}}."
                + "\n\nTeam subsidies De Wolden");
        byId("mailForm:preview").click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("previewSubject")));
        String previewSubject = browser.findElement(By.id("previewSubject")).getText();
        assertTrue(previewSubject.startsWith("De Wolden vraagt een aanvulling op T-"), previewSubject);
        assertTrue(browser.findElement(By.id("previewBody")).getText().contains("Beste Anna de Vries,"),
                browser.findElement(By.id("previewBody")).getText());
        byId("mailForm:save").click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Opgeslagen: " + expectedLabel));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'MAIL_TEMPLATE_SAVED'"
                + " AND municipality_id = ? AND after_summary LIKE ?", municipality, expectedLabel + ",%"), "audited");

        // An officer of the municipality asks for information: the mail is made from the new version.
        WebSession officer = WebSession.loggedIn(base, staffOf(Fixtures.OFFICER, municipality));
        String deadline = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).plusDays(21).toString();
        HttpResponse<String> asked = officer.api("POST", "applications/" + applicationId + "/information-requests",
                "{\"message\":\"Stuur de offerte voor de speeltoestellen mee.\",\"answerDeadline\":\""
                        + deadline + "\"}");
        assertEquals(200, asked.statusCode(), asked.body());
        List<Object> mail = TestDatabase.query("SELECT subject, body, template_label FROM outbound_mail WHERE"
                + " subject LIKE ? ORDER BY id DESC", "%" + reference).get(0);
        assertEquals("De Wolden vraagt een aanvulling op " + reference, mail.get(0));
        assertTrue(((String) mail.get(1)).contains("Voor " + title + " vragen wij:\n\nStuur de offerte voor de"
                + " speeltoestellen mee."), (String) mail.get(1));
        assertTrue(((String) mail.get(1)).endsWith("Team subsidies De Wolden"), (String) mail.get(1));
        assertEquals(expectedLabel, mail.get(2));
    }
}
