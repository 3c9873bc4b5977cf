package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.preventiefonds.demo.DemoWorld;
import nl.preventiefonds.identity.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real browser: an awarded grant's final report came in and the advance was paid. The officer finds the
 * report waiting on the deadlines dashboard, accepts it on the application page, tries a lower final amount
 * without reasons (the Dutch problem shows, the amount stays), sees the live preview of the reclaim, determines
 * with reasons and downloads the determination letter. The fund manager then finds the reclaim and records a
 * repayment, after a refused one.
 */
class DeterminationBrowserIT extends BrowserTestBase {
    private static final String FUND_MANAGER = DemoWorld.LOGINS.get(Role.FUND_MANAGER);
    private static final String REASONS = "De helft van de bijeenkomsten is niet doorgegaan.";

    private WebElement byId(String id) {
        return chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id)));
    }

    private void waitFor(String id, String step) throws Exception {
        try {
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        } catch (TimeoutException e) {
            chromium.fullPageScreenshot("determination-stuck-" + step);
            throw new AssertionError("did not reach " + step + "; messages on the page: "
                    + browser.findElement(By.id("messages")).getText(), e);
        }
    }

    private void waitForText(By element, String text, String step) throws Exception {
        try {
            chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(element, text));
        } catch (TimeoutException e) {
            chromium.fullPageScreenshot("determination-stuck-" + step);
            List<WebElement> found = browser.findElements(element);
            throw new AssertionError("no \"" + text + "\" at " + step + " in: "
                    + (found.isEmpty() ? "(element missing)" : found.get(0).getText()) + "; messages: "
                    + browser.findElement(By.id("messages")).getText(), e);
        }
    }

    /** Replaces what a PrimeFaces number field holds and leaves it, which fires its change event. */
    private void typeAmount(WebElement input, String amount) {
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(amount, Keys.TAB);
    }

    private WebSession api(String email) throws Exception {
        return WebSession.loggedIn(base, email);
    }

    private void confirmDetermination(String screenshot) throws Exception {
        byId("determineForm:determineButton").click();
        WebElement yes = byId("determineForm:confirmDetermine");
        assertTrue(browser.findElement(By.id("determineForm:confirm")).getText().contains("€ 20.000,00"),
                "the dialog names the amount: " + browser.findElement(By.id("determineForm:confirm")).getText());
        if (screenshot != null) {
            chromium.screenshot(screenshot);
        }
        yes.click();
    }

    @Test
    void officerAcceptsTheFinalReportAndDeterminesLowerWithAReclaimThatTheFundManagerTracks() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        long id = Fixtures.applicationInAssessment(fund.callId(), "Buurtkamer Kloosterveen", "30000.00");
        Fixtures.Plan plan = Fixtures.withActivitiesAndPartner(id, Fixtures.demoPartnerId(), "30000.00");
        Fixtures.completedReview(id, Fixtures.OFFICER);
        String reference = (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?", id)
                .get(0).get(0);

        // Awarded with an 80% advance (€ 24.000,00), which the fund manager has paid.
        HttpResponse<String> decided = api(Fixtures.DECISION_MAKER).api("POST", "applications/" + id + "/decision",
                "{\"outcome\":\"AWARD\",\"advancePercent\":80}");
        assertEquals(200, decided.statusCode(), decided.body());
        long advance = TestDatabase.count("SELECT id FROM payment_instruction WHERE application_id = ?", id);
        HttpResponse<String> paid = api(FUND_MANAGER).api("POST", "payments/" + advance + "/paid",
                "{\"paidOn\":\"" + LocalDate.now() + "\"}");
        assertEquals(200, paid.statusCode(), paid.body());

        // The organiser's final report, once the activities have ended.
        Fixtures.activitiesEnded(id);
        long finalRequest = TestDatabase.count("SELECT id FROM report_request WHERE application_id = ?"
                + " AND partner_id IS NULL AND purpose = 'FINAL'", id);
        HttpResponse<String> report = api(Fixtures.ORGANISER).api("POST", "report-requests/" + finalRequest
                + "/report", "{\"narrative\":\"Elke week 15 tot 20 bewoners; twee doorverwijzingen naar het"
                + " wijkteam.\",\"activities\":[{\"activityId\":" + plan.ownActivity() + ",\"participants\":55,"
                + "\"sessions\":38,\"volunteers\":6},{\"activityId\":" + plan.partnerActivity() + ",\"participants\":25,"
                + "\"sessions\":18,\"volunteers\":2}],\"indicators\":[{\"name\":\"Minder eenzaam (%)\",\"value\":62.5}],"
                + "\"spending\":[{\"budgetLineId\":" + plan.costLine() + ",\"spent\":20000.00}]}");
        assertEquals(201, report.statusCode(), report.body());

        // The deadlines page is for officers and decision makers only.
        assertEquals(200, api(Fixtures.DECISION_MAKER).get("officer/deadlines.xhtml").statusCode());
        assertEquals(403, api(Fixtures.ORGANISER).get("officer/deadlines.xhtml").statusCode());

        // The officer sees the report waiting on the deadlines dashboard. The page shows the first 50 of what waits,
        // by due date, and other tests leave many grants of Assen waiting: this report is made the oldest for the look.
        List<List<Object>> due = TestDatabase.query("SELECT due_on FROM report_request WHERE id = ?", finalRequest);
        TestDatabase.update("UPDATE report_request SET due_on = ? WHERE id = ?",
                LocalDate.now().minusYears(5), finalRequest);
        chromium.login(base.toString(), Fixtures.OFFICER, Fixtures.PASSWORD);
        byId("menuDeadlines").click();
        waitFor("waitingTable", "deadlines");
        By waitingRow = By.cssSelector("#waitingTable tr[data-kind='REVIEW_REPORT'][data-application='" + id + "']");
        List<WebElement> rows = browser.findElements(waitingRow);
        assertEquals(1, rows.size(), browser.findElement(By.id("waitingTable")).getText());
        String row = rows.get(0).getText();
        assertTrue(row.contains("Verslag beoordelen") && row.contains(reference)
                && row.contains("Buurtkamer Kloosterveen") && row.contains("Aanvrager"), row);
        assertTrue(browser.findElement(By.id("waiting")).getText().matches("(?s).*\\d+ van \\d+.*"),
                browser.findElement(By.id("waiting")).getText());
        assertFalse(browser.findElements(By.id("overdueTable")).isEmpty());
        assertFalse(browser.findElements(By.id("thisWeekTable")).isEmpty());
        TestDatabase.update("UPDATE report_request SET due_on = ? WHERE id = ?", due.get(0).get(0), finalRequest);
        chromium.fullPageScreenshot("deadlines");

        // On the application page: the requests, the report awaiting review, and not yet determinable.
        rows.get(0).findElement(By.linkText(reference)).click();
        waitFor("monitoringReports", "application page");
        WebElement finalRow = browser.findElement(By.cssSelector("#reportRequests tr[data-request='" + finalRequest
                + "']"));
        assertEquals("SUBMITTED", finalRow.getAttribute("data-status"));
        assertTrue(finalRow.getText().toLowerCase().contains("eindverslag") && finalRow.getText().contains("Aanvrager"),
                finalRow.getText());
        assertEquals(4, browser.findElements(By.cssSelector("#reportRequests tr[data-request]")).size(),
                "progress and final, for the organiser and the partner");
        WebElement reportBody = browser.findElement(By.cssSelector("[data-report][data-awaiting='true']"));
        String reportText = reportBody.getText();
        assertTrue(reportText.contains("55 van 60") && reportText.contains("Minder eenzaam (%)")
                && reportText.contains("62,5") && reportText.contains("twee doorverwijzingen")
                && reportText.contains(Fixtures.ORGANISER), reportText);
        assertEquals("Beoordeel eerst het ingediende eindverslag.",
                browser.findElement(By.id("notDeterminable")).getText().strip());
        assertTrue(browser.findElements(By.id("determineForm")).isEmpty(), "no form before the review");
        assertTrue(browser.findElement(By.id("paymentTable")).getText().contains("betaald"));
        chromium.fullPageScreenshot("determination-report-to-review");

        // Asking for more needs a note: refused in Dutch, nothing changes.
        byId("reportsForm:reports:0:requestMore").click();
        waitForText(By.id("messages"), "Schrijf erbij wat er nog nodig is.", "more without note");
        assertEquals("true", byId("reportsForm:reports:0:reviewNote").getAttribute("aria-invalid"));
        assertEquals("SUBMITTED", TestDatabase.query("SELECT status FROM report_request WHERE id = ?", finalRequest)
                .get(0).get(0));

        // Accept the report: now the grant may be determined, the awarded amount filled in.
        byId("reportsForm:reports:0:accept").click();
        waitForText(By.id("messages"), "Verslag goedgekeurd", "accept");
        waitFor("determineForm", "determination form");
        assertEquals("ACCEPTED", browser.findElement(By.cssSelector("#reportRequests tr[data-request='"
                + finalRequest + "']")).getAttribute("data-status"));
        assertEquals("€ 30.000,00", browser.findElement(By.id("awarded")).getText());
        assertEquals("€ 24.000,00", browser.findElement(By.id("paidSoFar")).getText());
        assertEquals("€ 0,00", browser.findElement(By.id("scheduledUnpaid")).getText());
        assertTrue(byId("determineForm:finalAmount_input").getAttribute("value").contains("30.000,00"));
        waitForText(By.id("determineForm:preview"), "Nog te betalen binnen vier weken: € 6.000,00", "preview full");

        // Lower, without reasons: the live preview shows the reclaim; the service refuses in Dutch, input kept.
        typeAmount(byId("determineForm:finalAmount_input"), "20000,00");
        waitForText(By.id("determineForm:preview"), "Terug te vorderen: € 4.000,00", "preview lower");
        chromium.fullPageScreenshot("determination-preview");
        confirmDetermination(null);
        waitForText(By.id("messages"), "Motiveer waarom u lager vaststelt dan verleend.", "reasons required");
        assertTrue(byId("determineForm:finalAmount_input").getAttribute("value").contains("20.000,00"),
                "the typed amount stays: " + byId("determineForm:finalAmount_input").getAttribute("value"));
        assertEquals("true", byId("determineForm:reasons").getAttribute("aria-invalid"));
        assertTrue(browser.findElement(By.id("determineForm:preview")).getText().contains("€ 4.000,00"));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM determination WHERE application_id = ?", id));
        chromium.fullPageScreenshot("determination-refused");

        // With reasons: determined, with the reclaim and the letter.
        byId("determineForm:reasons").sendKeys(REASONS);
        confirmDetermination("determination-confirm");
        waitFor("determinationResult", "determined");
        waitForText(By.id("messages"), "De subsidie is vastgesteld op € 20.000,00", "determined message");
        assertEquals("DETERMINED", browser.findElement(By.id("status")).getAttribute("data-status"));
        assertEquals("€ 20.000,00", browser.findElement(By.id("determinedAmount")).getText());
        assertEquals("€ 24.000,00", browser.findElement(By.id("paidBefore")).getText());
        assertEquals(REASONS, browser.findElement(By.id("determinationReasons")).getText());
        assertEquals(Fixtures.OFFICER, browser.findElement(By.id("determinedBy")).getText());
        assertEquals("€ 4.000,00", browser.findElement(By.id("reclaimAmount")).getText());
        assertEquals("€ 4.000,00", browser.findElement(By.id("reclaimOutstanding")).getText());
        assertEquals("open", browser.findElement(By.id("reclaimStatus")).getText());
        assertTrue(browser.findElements(By.id("determine")).isEmpty(), "determined once");
        chromium.fullPageScreenshot("determination-taken");

        // The letter, downloaded with the browser's own session.
        String href = browser.findElement(By.id("determinationLetter")).getAttribute("href");
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains("€ 20.000,00"), text);
        assertTrue(text.contains("€ 4.000,00"), text);
        assertTrue(text.contains("4:57"), text);
        assertTrue(text.contains(REASONS), text);

        // The organiser sees the determination, the reclaim and the payments, without staff details or forms.
        chromium.login(base.toString(), Fixtures.ORGANISER, Fixtures.PASSWORD);
        browser.get(base + "applications/view.xhtml?id=" + id);
        waitFor("determinationResult", "organiser");
        assertEquals("€ 20.000,00", browser.findElement(By.id("determinedAmount")).getText());
        assertEquals("€ 4.000,00", browser.findElement(By.id("reclaimOutstanding")).getText());
        assertFalse(browser.findElements(By.id("determinationLetter")).isEmpty());
        assertTrue(browser.findElements(By.id("determinedBy")).isEmpty(), "no colleague's address for the organiser");
        assertTrue(browser.findElements(By.id("determine")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector(".pf-review-form")).isEmpty());
        assertEquals(4, browser.findElements(By.cssSelector("#reportRequests tr[data-request]")).size());
        assertFalse(browser.findElements(By.id("paymentTable")).isEmpty());

        // The partner sees its own report requests only, and no money.
        chromium.login(base.toString(), Fixtures.PARTNER, Fixtures.PASSWORD);
        browser.get(base + "applications/view.xhtml?id=" + id);
        waitFor("monitoringReports", "partner");
        List<WebElement> partnerRequests = browser.findElements(By.cssSelector("#reportRequests tr[data-request]"));
        assertEquals(2, partnerRequests.size());
        partnerRequests.forEach(r -> assertTrue(r.getText().contains("Bibliotheek"), r.getText()));
        assertTrue(browser.findElements(By.id("applicationPayments")).isEmpty());
        assertTrue(browser.findElements(By.id("determinationResult")).isEmpty());

        // The fund manager finds the reclaim among the open ones and records a repayment, after a refused one.
        chromium.login(base.toString(), FUND_MANAGER, Fixtures.PASSWORD);
        browser.get(base + "admin/payments.xhtml");
        waitFor("reclaims:reclaimTable", "reclaims");
        String rowXpath = "//*[@id='reclaims:reclaimTable']//tr[.//a[text()='" + reference + "']]";
        By reclaimRow = By.xpath(rowXpath);
        // Other tests leave open reclaims due earlier: the search finds this one whatever page it is on.
        browser.findElement(By.id("reclaims:reclaimSearch")).sendKeys(reference.toLowerCase(Locale.ROOT));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(reclaimRow).isEmpty()
                && d.findElements(By.xpath("//*[@id='reclaims:reclaimTable']//tr[@data-ri]")).size() == 1);
        // On a slow machine the keystrokes lie more than the search's 400 ms delay apart, so a search for part of
        // the reference can answer first and the last one re-renders the table after it: wait until none is due.
        Thread.sleep(500);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return PrimeFaces.ajax.Queue.isEmpty() && (!window.jQuery || jQuery.active === 0)")));
        // The form of an open reclaim is the line below it.
        By repayForm = By.xpath(rowXpath + "/following-sibling::tr[1]");
        String listed = browser.findElement(reclaimRow).getText();
        assertTrue(listed.contains("Stichting Café Noë") && listed.contains("€ 4.000,00") && listed.contains("open"),
                listed);
        typeAmount(browser.findElement(repayForm).findElement(By.cssSelector("input[id$=':repayAmount_input']")),
                "5000,00");
        browser.findElement(repayForm).findElement(By.cssSelector("button[id$=':recordRepayment']")).click();
        waitForText(By.id("messages"), "Het bedrag is hoger dan wat nog openstaat (€ 4.000,00).", "repayment refused");
        WebElement refusedAmount = browser.findElement(repayForm)
                .findElement(By.cssSelector("input[id$=':repayAmount_input']"));
        assertTrue(refusedAmount.getAttribute("value").contains("5.000,00"), "the typed amount stays");
        assertEquals("true", refusedAmount.getAttribute("aria-invalid"));
        chromium.fullPageScreenshot("reclaims-refused");
        typeAmount(browser.findElement(repayForm).findElement(By.cssSelector("input[id$=':repayAmount_input']")),
                "1500,00");
        browser.findElement(repayForm).findElement(By.cssSelector("button[id$=':recordRepayment']")).click();
        waitForText(By.id("messages"), "De terugbetaling voor " + reference + " is geregistreerd.", "repayment");
        waitForText(reclaimRow, "€ 2.500,00", "outstanding after repayment");
        List<Object> stored = TestDatabase.query("SELECT received, status FROM reclaim WHERE application_id = ?", id)
                .get(0);
        assertEquals(0, new java.math.BigDecimal("1500.00").compareTo((java.math.BigDecimal) stored.get(0)));
        assertEquals("OPEN", stored.get(1));
        // The payments list names the kind of each payment.
        assertTrue(browser.findElement(By.id("payments:instructions")).getText().contains("Soort"));
        chromium.fullPageScreenshot("reclaims");

        // On the application page the fund manager sees the money, not the reports.
        browser.get(base + "applications/view.xhtml?id=" + id);
        waitFor("determinationResult", "fund manager");
        assertEquals("€ 1.500,00", browser.findElement(By.id("reclaimReceived")).getText());
        assertEquals("€ 2.500,00", browser.findElement(By.id("reclaimOutstanding")).getText());
        assertTrue(browser.findElements(By.id("monitoringReports")).isEmpty());
        assertFalse(browser.findElements(By.id("paymentTable")).isEmpty());
    }

    /**
     * Objection against the determination on the application page: the organiser lodges one below the
     * determination (refused without grounds, the name typed kept), the officer upholds it with a higher final
     * amount (refused above the award first, the amount kept) and the page shows the new determination, the lowered
     * reclaim and the letter.
     */
    @Test
    void organiserObjectsToTheDeterminationAndTheOfficerUpholdsItWithAHigherAmount() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        long id = Fixtures.applicationInAssessment(fund.callId(), "Bezwaar in de browser", "20000.00");
        Fixtures.withActivitiesAndPartner(id, Fixtures.demoPartnerId(), "20000.00");
        Fixtures.completedReview(id, Fixtures.OFFICER);
        assertEquals(200, api(Fixtures.DECISION_MAKER).api("POST", "applications/" + id + "/decision",
                "{\"outcome\":\"AWARD\",\"advancePercent\":80}").statusCode());
        long advance = TestDatabase.count("SELECT id FROM payment_instruction WHERE application_id = ?", id);
        assertEquals(200, api(FUND_MANAGER).api("POST", "payments/" + advance + "/paid",
                "{\"paidOn\":\"" + LocalDate.now() + "\"}").statusCode());
        TestDatabase.update("UPDATE report_request SET due_on = ? WHERE application_id = ? AND partner_id IS NULL"
                + " AND purpose = 'FINAL'", LocalDate.now().minusDays(1), id);
        // Taken by the decision maker, so the officer may take the one in its place (four eyes).
        HttpResponse<String> determined = api(Fixtures.DECISION_MAKER).api("POST", "applications/" + id
                + "/determination", "{\"finalAmount\":10000,\"reasons\":\"Geen eindverslag.\"}");
        assertEquals(200, determined.statusCode(), determined.body());

        // The organiser lodges the objection below the determination.
        chromium.login(base.toString(), Fixtures.ORGANISER, Fixtures.PASSWORD);
        browser.get(base + "applications/view.xhtml?id=" + id);
        waitFor("detObjectionForm", "objection form");
        assertTrue(browser.findElements(By.id("detObjectionForm:receivedOn")).isEmpty(), "received today");
        assertTrue(browser.findElements(By.id("detConcludeForm")).isEmpty(), "staff decide");
        byId("detObjectionForm:lodgedBy").sendKeys("Anna de Vries");
        byId("detObjectionForm:registerDetObjection").click();
        waitForText(By.id("messages"), "Vul de gronden van het bezwaar in", "grounds required");
        assertEquals("Anna de Vries", byId("detObjectionForm:lodgedBy").getAttribute("value"));
        assertEquals("true", byId("detObjectionForm:grounds").getAttribute("aria-invalid"));
        byId("detObjectionForm:grounds").sendKeys("Het eindverslag is wel verstuurd.");
        byId("detObjectionForm:registerDetObjection").click();
        waitForText(By.id("messages"), "Het bezwaar tegen de vaststelling is geregistreerd.", "registered");
        String table = browser.findElement(By.id("detObjectionTable")).getText();
        assertTrue(table.contains("Anna de Vries") && table.contains("open"), table);
        assertTrue(browser.findElements(By.id("detObjectionForm")).isEmpty(), "one open objection at a time");
        chromium.fullPageScreenshot("determination-objection-lodged");

        // The officer upholds it: above the award refused with the amount kept, then 19,000.
        chromium.login(base.toString(), Fixtures.OFFICER, Fixtures.PASSWORD);
        browser.get(base + "applications/view.xhtml?id=" + id);
        waitFor("detConcludeForm", "conclude form");
        choose("detConcludeForm:outcome", "gegrond");
        typeAmount(byId("detConcludeForm:newAmount_input"), "20000,01");
        byId("detConcludeForm:newReasons").sendKeys("Eén activiteit ging niet door.");
        byId("detConcludeForm:concludeDetObjection").click();
        waitForText(By.id("messages"), "20.000,00", "above the award");
        assertTrue(byId("detConcludeForm:newAmount_input").getAttribute("value").contains("20.000,01"),
                "the typed amount stays: " + byId("detConcludeForm:newAmount_input").getAttribute("value"));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM determination WHERE application_id = ?", id));
        typeAmount(byId("detConcludeForm:newAmount_input"), "19000,00");
        byId("detConcludeForm:concludeDetObjection").click();
        waitForText(By.id("messages"), "Het bezwaar is gegrond verklaard", "upheld");
        assertEquals("€ 19.000,00", browser.findElement(By.id("determinedAmount")).getText());
        assertEquals("€ 0,00", browser.findElement(By.id("reclaimAmount")).getText());
        assertEquals("vervallen", browser.findElement(By.id("reclaimStatus")).getText().strip().split(" ")[0]);
        assertTrue(browser.findElement(By.id("detObjectionTable")).getText().contains("gegrond"));
        assertFalse(browser.findElement(By.id("detObjectionTable")).findElements(By.linkText("Beslissing op bezwaar"))
                .isEmpty());
        assertFalse(browser.findElements(By.id("detAppealOnly")).isEmpty(), "appeal only now");
        assertEquals("Beslissing op bezwaar tegen de vaststelling (PDF)",
                browser.findElement(By.id("determinationLetter")).getText().strip());
        assertTrue(browser.findElement(By.id("determinationResult")).getText().contains("Beroep mogelijk tot en met"));
        assertTrue(browser.findElements(By.id("detObjectionForm")).isEmpty());
        chromium.fullPageScreenshot("determination-objection-upheld");
    }
}
