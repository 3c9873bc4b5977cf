package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Reports in a real browser: a coalition partner fills in its report on an awarded initiative (a missing count
 * is refused in Dutch while everything typed stays), then sends it; a partner uploads a CSV with one good and one
 * bad row and sees per row what happened; the organiser sees its own requests on the dashboard, late ones marked.
 */
class ReportBrowserIT extends BrowserTestBase {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DUTCH_LONG = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl-NL"));

    private WebElement byId(String id) {
        return chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id)));
    }

    private void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private void waitFor(String id, String step) throws Exception {
        try {
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        } catch (TimeoutException e) {
            chromium.fullPageScreenshot("report-stuck-" + step);
            throw new AssertionError("did not reach " + step + "; messages on the page: " + messages(), e);
        }
    }

    private String messages() {
        return browser.findElements(By.id("messages")).stream().map(WebElement::getText)
                .collect(Collectors.joining());
    }

    private WebSession login(String email) throws Exception {
        return WebSession.loggedIn(base, email);
    }

    /** An application in assessment with two activities (the second by the demo partner), awarded over the API. */
    private long awarded(Fixtures.FundAndCall fund, String title, String amount) throws Exception {
        long id = Fixtures.applicationInAssessment(fund.callId(), title, amount);
        Fixtures.withActivitiesAndPartner(id, Fixtures.demoPartnerId(), amount);
        Fixtures.completedReview(id, Fixtures.OFFICER);
        HttpResponse<String> decided = login(Fixtures.DECISION_MAKER).api("POST", "applications/" + id + "/decision",
                "{\"outcome\":\"AWARD\",\"advancePercent\":80}");
        assertEquals(200, decided.statusCode(), decided.body());
        return id;
    }

    private static String reference(long applicationId) throws Exception {
        return (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?", applicationId)
                .get(0).get(0);
    }

    private static long requestId(long applicationId, boolean partner, String purpose) throws Exception {
        return TestDatabase.count("SELECT id FROM report_request WHERE application_id = ? AND purpose = ? AND partner_id IS "
                + (partner ? "NOT NULL" : "NULL"), applicationId, purpose);
    }

    private static LocalDate dueOn(long requestId) throws Exception {
        return LocalDate.parse(TestDatabase.query("SELECT due_on FROM report_request WHERE id = ?", requestId)
                .get(0).get(0).toString());
    }

    private static LocalDate dateOf(String column, long applicationId) throws Exception {
        return LocalDate.parse(TestDatabase.query("SELECT " + column + " FROM application WHERE id = ?", applicationId)
                .get(0).get(0).toString());
    }

    /** Moves the server's day; {@link #resetClock()} puts it back after each test. */
    private void moveClockTo(LocalDate day) throws Exception {
        HttpResponse<String> moved = login(Fixtures.OFFICER).api("PUT", "test-clock?at="
                + day.atTime(9, 0).atZone(AMSTERDAM).toInstant(), null);
        assertEquals(204, moved.statusCode(), moved.body());
    }

    @AfterEach
    void resetClock() throws Exception {
        login(Fixtures.OFFICER).api("DELETE", "test-clock", null);
    }

    /** The row of the report requests table that links to this request. */
    private WebElement requestRow(long requestId) {
        WebElement link = chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#reportRequests a[href$='request=" + requestId + "']")));
        return link.findElement(By.xpath("./ancestor::tr[1]"));
    }

    @Test
    void aPartnerFillsInItsReportFixesAMissingCountAndSubmits() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        long id = awarded(fund, "Voorlezen in Pittelo", "20000.00");
        String reference = reference(id);
        long progress = requestId(id, true, "PROGRESS");
        long organiserFinal = requestId(id, false, "FINAL");

        chromium.login(base.toString(), Fixtures.PARTNER, Fixtures.PASSWORD);
        // Before its six-month mark the half year is not over: the portal says from when, the page has no form.
        LocalDate opens = dateOf("start_date", id).plusMonths(6);
        browser.get(base + "partner/index.xhtml");
        waitFor("reportRequests", "partner portal before the mark");
        WebElement early = requestRow(progress);
        assertTrue(early.getText().contains("in te dienen vanaf " + opens.format(DUTCH_LONG)), early.getText());
        assertTrue(early.findElements(By.linkText("Verslag invullen")).isEmpty(), early.getText());
        browser.get(base + "reports/report.xhtml?request=" + progress);
        waitFor("notYetOpen", "progress report before its mark");
        assertTrue(browser.findElement(By.id("notYetOpen")).getText().contains(opens.format(DUTCH_LONG)));
        assertTrue(browser.findElements(By.id("reportForm")).isEmpty(), "no form that would be refused");

        moveClockTo(opens);
        browser.get(base + "partner/index.xhtml");
        waitFor("reportRequests", "partner portal");
        // The list of initiatives is still there, and the link to the bulk upload.
        assertTrue(browser.findElement(By.id("involved")).getText().contains(reference));
        assertFalse(browser.findElements(By.id("toUpload")).isEmpty());
        String row = requestRow(progress).getText();
        assertTrue(row.contains(reference) && row.contains("Voorlezen in Pittelo"), row);
        assertTrue(row.contains("voortgangsverslag") && row.contains("open"), row);
        assertEquals("OPEN", requestRow(progress).findElement(By.cssSelector("[data-status]")).getAttribute("data-status"));
        assertTrue(row.contains(dueOn(progress).format(DUTCH_LONG)), row);
        chromium.fullPageScreenshot("report-partner-portal");

        // The organiser's own request is not the partner's: it looks like nothing at all.
        browser.get(base + "reports/report.xhtml?request=" + organiserFinal);
        waitFor("notFound", "organiser's request as partner");
        assertTrue(browser.findElements(By.id("reportForm")).isEmpty());

        browser.get(base + "partner/index.xhtml");
        requestRow(progress).findElement(By.linkText("Verslag invullen")).click();
        waitFor("reportForm", "report page");
        assertEquals("voortgangsverslag", browser.findElement(By.id("purpose")).getText());
        assertEquals(dueOn(progress).format(DUTCH_LONG), browser.findElement(By.id("dueOn")).getText().strip());
        assertEquals("Nee", browser.findElement(By.id("financialRequired")).getText());
        // Only the activity the partner carries out, with its plan.
        List<WebElement> activities = browser.findElements(By.cssSelector("#reportForm fieldset[data-activity]"));
        assertEquals(1, activities.size());
        assertEquals("Voorleesochtend", activities.get(0).getAttribute("data-activity"));
        assertTrue(activities.get(0).getText().contains("Gepland: 30 deelnemers"), activities.get(0).getText());

        // An indicator row first (the form is redrawn), then everything except the number of participants.
        byId("reportForm:addIndicator").click();
        waitFor("reportForm:indicators:0:indicatorName", "indicator row");
        type(byId("reportForm:indicators:0:indicatorName"), "Kinderen die vaker lezen (%)");
        type(byId("reportForm:indicators:0:indicatorValue_input"), "40,5" + Keys.TAB);
        type(byId("reportForm:activities:0:sessions_input"), "19" + Keys.TAB);
        type(byId("reportForm:activities:0:volunteers_input"), "3" + Keys.TAB);
        type(byId("reportForm:activities:0:note"), "Elke woensdag in de bibliotheek.");
        String narrative = "Voorleesochtenden liepen goed; twaalf kinderen kwamen vaker.";
        type(byId("reportForm:narrative"), narrative);
        chromium.fullPageScreenshot("report-filled-in");
        byId("reportForm:submitReport").click();

        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "vul het aantal deelnemers in"));
        assertTrue(messages().contains("Regel 1: vul het aantal deelnemers in (0 als er geen waren)."), messages());
        WebElement participants = byId("reportForm:activities:0:participants_input");
        assertEquals("", participants.getAttribute("value"));
        assertTrue("true".equals(participants.getAttribute("aria-invalid"))
                || participants.getAttribute("class").contains("ui-state-error"), "the empty count is marked");
        assertEquals("19", byId("reportForm:activities:0:sessions_input").getAttribute("value"));
        assertEquals("3", byId("reportForm:activities:0:volunteers_input").getAttribute("value"));
        assertEquals("Elke woensdag in de bibliotheek.", byId("reportForm:activities:0:note").getAttribute("value"));
        assertEquals("Kinderen die vaker lezen (%)", byId("reportForm:indicators:0:indicatorName").getAttribute("value"));
        assertEquals("40,50", byId("reportForm:indicators:0:indicatorValue_input").getAttribute("value"));
        assertEquals(narrative, byId("reportForm:narrative").getAttribute("value"));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM report WHERE request_id = ?", progress));
        chromium.fullPageScreenshot("report-refused");
        // Regression: the refused page's address lost "?request=...", so switching the language (or a reload or a
        // bookmark) then said the report does not exist, and what was typed was gone.
        assertTrue(browser.getCurrentUrl().endsWith("reports/report.xhtml?request=" + progress),
                browser.getCurrentUrl());
        assertTrue(byId("langEn").getAttribute("href").contains("request%3D" + progress),
                byId("langEn").getAttribute("href"));

        type(byId("reportForm:activities:0:participants_input"), "27" + Keys.TAB);
        byId("reportForm:submitReport").click();
        chromium.waitUpTo(20).until(ExpectedConditions.urlContains("partner/index"));
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Uw verslag voor " + reference + " is ingediend."));
        WebElement afterStatus = requestRow(progress).findElement(By.cssSelector("[data-status]"));
        assertEquals("SUBMITTED", afterStatus.getAttribute("data-status"));
        assertEquals("ingediend", afterStatus.getText().strip());
        chromium.fullPageScreenshot("report-submitted");

        List<List<Object>> stored = TestDatabase.query("SELECT a.participants, a.sessions, a.volunteers, a.note,"
                + " r.narrative, r.via_upload, r.submitted_by FROM report r JOIN report_activity a ON a.report_id = r.id"
                + " WHERE r.request_id = ?", progress);
        assertEquals(1, stored.size(), stored.toString());
        List<Object> report = stored.get(0);
        assertEquals(27, ((Number) report.get(0)).intValue());
        assertEquals(19, ((Number) report.get(1)).intValue());
        assertEquals(3, ((Number) report.get(2)).intValue());
        assertEquals("Elke woensdag in de bibliotheek.", report.get(3));
        assertEquals(narrative, report.get(4));
        assertFalse((Boolean) report.get(5), "typed on the page, not uploaded");
        assertEquals(Fixtures.PARTNER, report.get(6));
        List<Object> indicator = TestDatabase.query("SELECT i.name, i.indicator_value FROM report_indicator i"
                + " JOIN report r ON r.id = i.report_id WHERE r.request_id = ?", progress).get(0);
        assertEquals("Kinderen die vaker lezen (%)", indicator.get(0));
        assertEquals(0, new BigDecimal("40.50").compareTo((BigDecimal) indicator.get(1)));
        assertEquals("SUBMITTED", TestDatabase.query("SELECT status FROM report_request WHERE id = ?", progress)
                .get(0).get(0));

        // Sent once: the page now says there is nothing to send.
        browser.get(base + "reports/report.xhtml?request=" + progress);
        waitFor("notOutstanding", "report after submission");
        assertTrue(browser.findElements(By.id("reportForm")).isEmpty());
    }

    @Test
    void aPartnerUploadsACsvAndSeesPerRowWhatWasSubmitted() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        long good = awarded(fund, "Bulk in de browser goed", "10000.00");
        long bad = awarded(fund, "Bulk in de browser fout", "12000.00");
        String goodRef = reference(good);
        String badRef = reference(bad);
        Path downloads = Files.createTempDirectory("pf-downloads");
        // The first progress reports open on their six-month mark: the server's day is moved there.
        LocalDate start = LocalDate.parse(TestDatabase.query("SELECT start_date FROM application WHERE id = ?", good)
                .get(0).get(0).toString());
        WebSession officer = login(Fixtures.OFFICER);
        HttpResponse<String> moved = officer.api("PUT", "test-clock?at="
                + start.plusMonths(6).atTime(9, 0).atZone(AMSTERDAM).toInstant(), null);
        assertEquals(204, moved.statusCode(), moved.body());
        try {
            uploadOnTheProgressMark(good, bad, goodRef, badRef, downloads);
        } finally {
            officer.api("DELETE", "test-clock", null);
        }
    }

    private void uploadOnTheProgressMark(long good, long bad, String goodRef, String badRef, Path downloads)
            throws Exception {
        chromium.login(base.toString(), Fixtures.PARTNER, Fixtures.PASSWORD);
        ((ChromiumDriver) browser).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        browser.get(base + "partner/index.xhtml");
        byId("toUpload").click();
        waitFor("uploadForm", "upload page");
        String columns = browser.findElement(By.id("columnTable")).getText();
        assertTrue(columns.contains("rapportage") && columns.contains("deelnemers") && columns.contains("toelichting"),
                columns);

        // The template: one row per activity the partner carries out in a report open today, the report named.
        byId("templateForm:downloadTemplate").click();
        String template = new String(downloaded(downloads, "verslagen-sjabloon.csv"), StandardCharsets.UTF_8);
        assertTrue(template.startsWith("\uFEFFreferentie;rapportage;activiteit;deelnemers;bijeenkomsten;"
                + "vrijwilligers;indicator;waarde;toelichting"), template);
        assertTrue(template.contains("\r\n" + goodRef + ";voortgang 1;Voorleesochtend;;;;;;\r\n"), template);
        assertTrue(template.contains("\r\n" + badRef + ";voortgang 1;Voorleesochtend;;;;;;\r\n"), template);
        assertFalse(template.contains(goodRef + ";eind"), "the final report is not open yet");
        assertFalse(template.contains("Wekelijkse inloop"), "the organiser's own activity is not the partner's");

        // One wrong row and a final report that is not open yet: nothing is filed, each problem with its row.
        Path csv = downloads.resolve("bereik.csv");
        Files.writeString(csv, "referentie;rapportage;activiteit;deelnemers;bijeenkomsten;vrijwilligers;indicator;"
                + "waarde;toelichting\n"
                + goodRef + ";voortgang 1;Voorleesochtend;31;20;4;Kinderen die vaker lezen (%);40,5;Goed bezocht\n"
                + badRef + ";voortgang 1;Voorleesochtend;-3;10;2;;;\n"
                + goodRef + ";eind;Voorleesochtend;31;20;4;;;\n", StandardCharsets.UTF_8);
        browser.findElement(By.id("uploadForm:csvFile_input")).sendKeys(csv.toAbsolutePath().toString());
        waitFor("rowProblems", "upload refused per row");
        chromium.fullPageScreenshot("report-upload-refused-rows");
        List<String> problems = browser.findElements(By.cssSelector("#rowProblemList li")).stream()
                .map(WebElement::getText).toList();
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("Regel 3: Het aantal in kolom \"deelnemers\" kan niet negatief zijn. Vul 0 of meer in.",
                problems.get(0));
        assertTrue(problems.get(1).startsWith("Regel 4: Het verslag \"eind\" van " + goodRef
                + " kunt u pas indienen vanaf "), problems.get(1));
        assertTrue(browser.findElements(By.id("uploadRows")).isEmpty(), "no row is shown as submitted");
        assertTrue(messages().contains("bereik.csv is niet verwerkt: er is niets ingediend"), messages());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM report r JOIN report_request q ON q.id = r.request_id"
                + " WHERE q.application_id IN (?, ?)", good, bad), "all or nothing");

        // The rows to fix, with the reason in Dutch, to correct and upload again.
        byId("rejectedForm:downloadRejected").click();
        String rejected = new String(downloaded(downloads, "niet-ingediend.csv"), StandardCharsets.UTF_8);
        assertTrue(rejected.contains("referentie;rapportage;activiteit;deelnemers;bijeenkomsten;vrijwilligers;"
                + "indicator;waarde;toelichting;fouten"), rejected);
        assertTrue(rejected.contains(badRef + ";voortgang 1;Voorleesochtend;-3;10;2;;;;"), rejected);
        assertTrue(rejected.contains("kan niet negatief zijn"), rejected);
        assertFalse(rejected.contains(goodRef + ";voortgang 1"), "only the rows with errors");

        // Corrected: both progress reports are filed, and only they.
        Files.writeString(csv, "referentie;rapportage;activiteit;deelnemers;bijeenkomsten;vrijwilligers;indicator;"
                + "waarde;toelichting\n"
                + goodRef + ";voortgang 1;Voorleesochtend;31;20;4;Kinderen die vaker lezen (%);40,5;Goed bezocht\n"
                + badRef + ";voortgang 1;Voorleesochtend;3;10;2;;;\n", StandardCharsets.UTF_8);
        browser.findElement(By.id("uploadForm:csvFile_input")).sendKeys(csv.toAbsolutePath().toString());
        waitFor("uploadRows", "upload result");
        chromium.fullPageScreenshot("report-upload-result");
        assertEquals("2 initiatieven ingediend (2 regels); 0 regels niet ingediend.",
                browser.findElement(By.id("uploadSummary")).getText());
        WebElement goodRow = browser.findElement(By.cssSelector("#uploadRows tr[data-line='2']"));
        assertEquals("true", goodRow.getAttribute("data-submitted"));
        assertTrue(goodRow.getText().contains(goodRef) && goodRow.getText().contains("Ingediend"), goodRow.getText());
        assertTrue(messages().contains("bereik.csv is verwerkt"), messages());
        long goodProgress = requestId(good, true, "PROGRESS");
        List<List<Object>> stored = TestDatabase.query("SELECT a.participants, a.sessions, a.volunteers, r.via_upload"
                + " FROM report r JOIN report_activity a ON a.report_id = r.id WHERE r.request_id = ?", goodProgress);
        assertEquals(1, stored.size(), stored.toString());
        assertEquals(List.of(31, 20, 4), stored.get(0).subList(0, 3).stream().map(n -> ((Number) n).intValue()).toList());
        assertTrue((Boolean) stored.get(0).get(3), "via the upload");
        assertEquals(2, TestDatabase.count("SELECT COUNT(*) FROM report r JOIN report_request q ON q.id = r.request_id"
                + " WHERE q.application_id IN (?, ?)", good, bad), "the two progress reports, no final report");

        browser.get(base + "partner/upload.xhtml");
        waitFor("uploadForm", "upload page again");
        // A file that is no CSV at all: said as a whole, nothing per row.
        Path excel = downloads.resolve("bereik.xlsx");
        Files.write(excel, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2});
        browser.findElement(By.id("uploadForm:csvFile_input")).sendKeys(excel.toAbsolutePath().toString());
        waitFor("fileProblems", "file refused");
        // it starts as a workbook (a zip) but is none: named as a damaged workbook
        assertTrue(browser.findElement(By.id("fileProblems")).getText()
                        .contains("Deze Excel-werkmap kan niet worden gelezen"),
                browser.findElement(By.id("fileProblems")).getText());
        assertTrue(browser.findElements(By.id("uploadRows")).isEmpty());
        chromium.fullPageScreenshot("report-upload-refused");
    }

    @Test
    void theOrganiserSaysWhichPartnerCarriesOutAnActivityAndItIsKept() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("100000.00");
        long partnerId = Fixtures.demoPartnerId();
        String partnerName = (String) TestDatabase.query("SELECT name FROM partner_organisation WHERE id = ?", partnerId)
                .get(0).get(0);
        HttpResponse<String> created = login(Fixtures.ORGANISER).api("POST", "calls/" + fund.callId() + "/applications",
                null);
        assertEquals(201, created.statusCode(), created.body());
        long id = TestDatabase.count("SELECT MAX(id) FROM application WHERE call_id = ?", fund.callId());

        chromium.login(base.toString(), Fixtures.ORGANISER, Fixtures.PASSWORD);
        browser.get(base + "organiser/application.xhtml?id=" + id);
        waitFor("wizard:step0", "wizard");
        byId("wizard:next").click();
        waitFor("wizard:step1", "step 2");
        byId("wizard:next").click();
        waitFor("wizard:step2", "step 3");
        assertTrue(browser.findElement(By.id("deliveredByHint")).getText().contains("stap 5"));
        byId("wizard:addActivity").click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$=':deliveredBy']")));
        type(browser.findElement(By.cssSelector("[id$=':activityName']")), "Voorleesochtend");
        String menu = browser.findElement(By.cssSelector("div[id$=':deliveredBy']")).getAttribute("id");
        assertEquals("Uw eigen organisatie", browser.findElement(By.id(menu + "_label")).getText());
        choose(menu, partnerName);
        // Not named yet in step 5: said at once, beside the choice.
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[id$=':deliveredByWarning']"),
                "staat nog niet bij de betrokken partners"));
        chromium.fullPageScreenshot("wizard-delivered-by");
        byId("wizard:next").click();
        waitFor("wizard:step3", "step 4");
        byId("wizard:next").click();
        waitFor("wizard:step4", "step 5");
        browser.findElement(By.xpath("//label[normalize-space(.)='" + partnerName + "']")).click();
        byId("wizard:save").click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "bewaard"));
        assertEquals(partnerId, TestDatabase.count("SELECT delivered_by_partner_id FROM application_activity"
                + " WHERE application_id = ? AND name = 'Voorleesochtend'", id));

        // Leave and come back: the choice is still there, and the warning is gone.
        browser.get(base + "organiser/index.xhtml");
        browser.get(base + "organiser/application.xhtml?id=" + id);
        waitFor("wizard:step4", "resumed at step 5");
        byId("wizard:previous").click();
        waitFor("wizard:step3", "back to step 4");
        byId("wizard:previous").click();
        waitFor("wizard:step2", "back to step 3");
        String again = browser.findElement(By.cssSelector("div[id$=':deliveredBy']")).getAttribute("id");
        assertEquals(partnerName, browser.findElement(By.id(again + "_label")).getText());
        assertEquals("", browser.findElement(By.cssSelector("[id$=':deliveredByWarning']")).getText());
    }

    /** Waits for the browser to finish a download into the folder and returns the file's bytes. */
    private static byte[] downloaded(Path folder, String name) throws Exception {
        Path file = folder.resolve(name);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            boolean partial;
            try (Stream<Path> files = Files.list(folder)) {
                partial = files.anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
            }
            if (Files.exists(file) && !partial && Files.size(file) > 0) {
                byte[] content = Files.readAllBytes(file);
                Files.delete(file);
                return content;
            }
            Thread.sleep(200);
        }
        try (Stream<Path> files = Files.list(folder)) {
            throw new AssertionError("no download " + name + " in " + files.toList());
        }
    }

    @Test
    void theOrganiserSeesItsReportsOnTheDashboardAndLateOnesMarked() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        long id = awarded(fund, "Dashboard met verslagen", "20000.00");
        String reference = reference(id);
        long progress = requestId(id, false, "PROGRESS");
        long finalReport = requestId(id, false, "FINAL");
        long partnerFinal = requestId(id, true, "FINAL");

        chromium.login(base.toString(), Fixtures.ORGANISER, Fixtures.PASSWORD);
        browser.get(base + "organiser/index.xhtml");
        waitFor("reports", "organiser dashboard");
        assertEquals("Verslagen", browser.findElement(By.id("reportsHeading")).getText());
        String progressRow = requestRow(progress).getText();
        assertTrue(progressRow.contains(reference + " – Dashboard met verslagen"), progressRow);
        assertTrue(progressRow.contains(dueOn(progress).format(DUTCH_LONG)), progressRow);
        // Nothing can be filed yet on the day of the award: each line says from when.
        assertTrue(progressRow.contains("voortgangsverslag") && progressRow.contains("in te dienen vanaf "
                + dateOf("start_date", id).plusMonths(6).format(DUTCH_LONG)), progressRow);
        assertFalse(progressRow.contains("Verslag invullen"), progressRow);
        LocalDate finalOpens = dateOf("end_date", id).plusDays(1);
        String finalRow = requestRow(finalReport).getText();
        assertTrue(finalRow.contains("eindverslag") && finalRow.contains(dueOn(finalReport).format(DUTCH_LONG)), finalRow);
        assertTrue(finalRow.contains("in te dienen vanaf " + finalOpens.format(DUTCH_LONG)), finalRow);
        assertFalse(finalRow.contains("Verslag invullen"), finalRow);

        // The day after the activities end, both can be filed (the progress report is late by then).
        moveClockTo(finalOpens);
        browser.get(base + "organiser/index.xhtml");
        waitFor("reports", "organiser dashboard after the end");
        assertTrue(requestRow(progress).getText().contains("Verslag invullen"), requestRow(progress).getText());
        assertTrue(browser.findElements(By.cssSelector("#reportRequests a[href$='request=" + partnerFinal + "']"))
                .isEmpty(), "the partner's requests are the partner's");
        chromium.fullPageScreenshot("report-organiser-dashboard");

        // The organiser's final report asks for the narrative and covers every activity; no money in this tier.
        requestRow(finalReport).findElement(By.linkText("Verslag invullen")).click();
        waitFor("reportForm", "organiser's report page");
        assertEquals(2, browser.findElements(By.cssSelector("#reportForm fieldset[data-activity]")).size());
        assertTrue(browser.findElement(By.cssSelector("label[for='reportForm:narrative']")).getText()
                .contains("(verplicht)"));
        assertTrue(browser.findElements(By.id("spendingSection")).isEmpty());
        // The partner's request of the same initiative is not for the organiser to fill in.
        browser.get(base + "reports/report.xhtml?request=" + partnerFinal);
        waitFor("notFound", "partner's request as organiser");

        // A day after the progress report was due: marked late, in words and with an icon, not by colour alone.
        WebSession officer = login(Fixtures.OFFICER);
        LocalDate late = dueOn(progress).plusDays(1);
        HttpResponse<String> moved = officer.api("PUT", "test-clock?at="
                + late.atTime(9, 0).atZone(AMSTERDAM).toInstant(), null);
        assertEquals(204, moved.statusCode(), moved.body());
        try {
            browser.get(base + "organiser/index.xhtml");
            waitFor("reports", "dashboard, later");
            WebElement status = requestRow(progress).findElement(By.cssSelector("[data-overdue]"));
            assertEquals("true", status.getAttribute("data-overdue"));
            assertTrue(status.getText().contains("te laat"), status.getText());
            assertFalse(status.findElements(By.cssSelector(".pf-overdue-icon")).isEmpty(), "an icon beside the words");
            assertEquals("false", requestRow(finalReport).findElement(By.cssSelector("[data-overdue]"))
                    .getAttribute("data-overdue"));
            chromium.fullPageScreenshot("report-organiser-late");
        } finally {
            officer.api("DELETE", "test-clock", null);
        }
    }
}
