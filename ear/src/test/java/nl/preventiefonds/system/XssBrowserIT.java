package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;

/**
 * Script in every free text a user can type shows as text on every page that shows it, and runs nowhere;
 * the decision letter (PDF) and the payment export (CSV) carry it literally.
 */
class XssBrowserIT extends BrowserTestBase {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";
    /** Each payload sets window.__xss when it runs; that flag, or an alert, is a failure. */
    private static final String SCRIPT = "<script>window.__xss='script';alert(1)</script>";
    private static final String IMG = "\"><img src=x onerror=\"window.__xss='img';alert(2)\">";
    private static final String SVG = "'><svg onload=window.__xss='svg'>";

    @Test
    void scriptInFreeTextIsShownAsTextAndNeverRuns() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        String title = "Titel " + SCRIPT;
        long app = Fixtures.applicationInAssessment(fund.callId(), title, "8000.00");
        Fixtures.withActivitiesAndPartner(app, Fixtures.demoPartnerId(), "8000.00");
        String orgName = "Stichting " + IMG;
        TestDatabase.update("UPDATE application SET org_name = ?, org_account_holder = ?, contact_name = ?, summary = ?"
                + " WHERE id = ?", orgName, "Houder \"; =cmd|' /C calc'!A0; " + SVG, "Contact " + SVG,
                "Samenvatting " + IMG, app);
        TestDatabase.update("UPDATE application_activity SET name = ?, description = ? WHERE application_id = ?",
                "Activiteit " + SVG, "Beschrijving " + SCRIPT, app);
        TestDatabase.update("UPDATE budget_line SET description = ? WHERE application_id = ?", "Kosten " + IMG, app);
        TestDatabase.update("UPDATE funding_call SET title = ?, description = ? WHERE id = ?", "Ronde " + SVG,
                "Oproep " + SCRIPT, fund.callId());
        TestDatabase.update("UPDATE fund SET name = ? WHERE id = ?", "Fonds " + IMG + " " + fund.fundId(),
                fund.fundId());
        Fixtures.completedReview(app, Fixtures.OFFICER);
        TestDatabase.update("UPDATE review_assignment SET advice_reasons = ? WHERE application_id = ?",
                "Advies " + SCRIPT + IMG, app);

        record Visit(String login, String path, List<String> texts) {
        }
        List<Visit> visits = List.of(
                new Visit(Fixtures.ORGANISER, "organiser/index.xhtml", List.of(title)),
                new Visit(Fixtures.ORGANISER, "applications/view.xhtml?id=" + app, List.of(title, orgName,
                        "Contact " + SVG, "Activiteit " + SVG, "Kosten " + IMG)),
                new Visit(Fixtures.PARTNER, "partner/index.xhtml", List.of(title)),
                new Visit(Fixtures.PARTNER, "applications/view.xhtml?id=" + app, List.of(title, "Activiteit " + SVG)),
                // The officer's start page lists intake work (this application is past intake): checked for running only.
                new Visit(Fixtures.OFFICER, "officer/index.xhtml", List.of()),
                new Visit(Fixtures.OFFICER, "applications/view.xhtml?id=" + app, List.of(title, orgName)),
                new Visit(Fixtures.OFFICER, "applications/ranking.xhtml?call=" + fund.callId(), List.of(title)),
                new Visit(Fixtures.DECISION_MAKER, "applications/view.xhtml?id=" + app, List.of(title)),
                new Visit(FUND_MANAGER, "admin/calls.xhtml", List.of("Ronde " + SVG)),
                new Visit(FUND_MANAGER, "admin/call.xhtml?id=" + fund.callId(), List.of()),
                new Visit(FUND_MANAGER, "admin/funds.xhtml", List.of()));
        List<String> wrong = new ArrayList<>();
        String loggedIn = null;
        int shot = 0;
        for (Visit visit : visits) {
            if (!visit.login().equals(loggedIn)) {
                chromium.login(base.toString(), visit.login(), Fixtures.PASSWORD);
                loggedIn = visit.login();
            }
            browser.get(base + visit.path());
            chromium.waitUpTo(20).until(d -> "complete".equals(
                    ((JavascriptExecutor) d).executeScript("return document.readyState")));
            if (alertShown()) {
                wrong.add(visit.path() + " as " + visit.login() + ": an alert opened");
                continue;
            }
            Object flag = ((JavascriptExecutor) browser).executeScript("return window.__xss || null");
            if (flag != null) {
                wrong.add(visit.path() + " as " + visit.login() + ": the " + flag + " payload ran");
            }
            String text = browser.findElement(By.tagName("body")).getText();
            for (String expected : visit.texts()) {
                if (!text.contains(expected)) {
                    wrong.add(visit.path() + " as " + visit.login() + ": does not show literally " + expected);
                }
            }
            // An input shows the payload as its value, not as markup.
            String source = browser.getPageSource();
            if (source.contains("<script>window.__xss") || source.contains("<img src=\"x\" onerror")
                    || source.contains("<svg onload")) {
                wrong.add(visit.path() + " as " + visit.login() + ": the markup is in the page unescaped");
            }
            chromium.screenshot("xss-" + (++shot));
        }
        assertEquals(List.of(), wrong, String.join("\n", wrong));

        // The letter of a decision carries the texts as text.
        WebSession decider = new WebSession(base.toURI());
        decider.login(Fixtures.DECISION_MAKER, Fixtures.PASSWORD);
        HttpResponse<String> decided = decider.api("POST", "applications/" + app + "/decision",
                "{\"outcome\":\"AWARD\",\"advancePercent\":80}");
        assertEquals(200, decided.statusCode(), decided.body());
        long letter = TestDatabase.count("SELECT MAX(id) FROM issued_document WHERE application_id = ?"
                + " AND kind = 'DECISION_LETTER'", app);
        HttpResponse<byte[]> pdf = decider.getBytes("files/document/" + letter);
        assertEquals(200, pdf.statusCode());
        String letterText;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            letterText = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertTrue(letterText.contains("<script>window.__xss='script';alert(1)</script>"), letterText);
        assertTrue(letterText.contains("<img src=x onerror="), letterText);

        // The payment export keeps the payee's name in one field, quotes and separators included.
        WebSession fundManager = new WebSession(base.toURI());
        fundManager.login(FUND_MANAGER, Fixtures.PASSWORD);
        HttpResponse<String> csv = fundManager.get("api/payments/export?dueBefore=" + java.time.LocalDate.now().plusYears(50));
        assertEquals(200, csv.statusCode(), csv.body());
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .build().parse(new StringReader(csv.body())).getRecords();
        String holder = "Houder \"; =cmd|' /C calc'!A0; " + SVG;
        boolean found = records.stream().anyMatch(r -> r.toList().stream().anyMatch(v -> v.contains("calc'!A0")
                && v.endsWith(SVG)));
        assertTrue(found, "the payee as one field: " + holder + "\n" + csv.body());
        records.forEach(r -> assertEquals(records.get(0).size(), r.size(), "every row has as many fields"));
    }

    private boolean alertShown() {
        try {
            browser.switchTo().alert().dismiss();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    @Test
    void scriptTypedIntoTheWizardIsShownAsText() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("100000.00");
        WebSession organiser = new WebSession(base.toURI());
        organiser.login(Fixtures.ORGANISER, Fixtures.PASSWORD);
        HttpResponse<String> started = organiser.api("POST", "calls/" + fund.callId() + "/applications", null);
        long id = jakarta.json.Json.createReader(new StringReader(started.body())).readObject().getJsonNumber("id")
                .longValue();
        chromium.login(base.toString(), Fixtures.ORGANISER, Fixtures.PASSWORD);
        browser.get(base + "organiser/application.xhtml?id=" + id);
        chromium.waitUpTo(20).until(d -> !d.findElements(By.cssSelector("input[id$='orgName']")).isEmpty());
        var orgName = browser.findElement(By.cssSelector("input[id$='orgName']"));
        orgName.clear();
        orgName.sendKeys(SCRIPT + IMG);
        browser.findElement(By.cssSelector("button[id$='save']")).click();
        chromium.waitUpTo(20).until(d -> {
            try {
                return (SCRIPT + IMG).equals(TestDatabase.query("SELECT org_name FROM application WHERE id = ?", id)
                        .get(0).get(0));
            } catch (java.sql.SQLException e) {
                return false;
            }
        });
        assertTrue(!alertShown(), "no alert after the Ajax update");
        assertNull(((JavascriptExecutor) browser).executeScript("return window.__xss || null"));
        browser.get(base + "organiser/application.xhtml?id=" + id);
        chromium.waitUpTo(20).until(d -> !d.findElements(By.cssSelector("input[id$='orgName']")).isEmpty());
        assertTrue(!alertShown(), "no alert");
        assertNull(((JavascriptExecutor) browser).executeScript("return window.__xss || null"));
        assertEquals(SCRIPT + IMG, browser.findElement(By.cssSelector("input[id$='orgName']")).getAttribute("value"));
    }
}
