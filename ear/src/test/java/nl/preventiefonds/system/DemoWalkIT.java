package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.preventiefonds.demo.DemoWorld;
import nl.preventiefonds.identity.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The README's "what to try" walk in headless Chromium, every role and every page it names, against the run
 * command's server: the build's EAR on a WildFly provisioned with the run profile's scripts, embedded H2 in MariaDB
 * mode, the demo world of Assen ({@link DemoServer}). Every role also opens every page of its menu. A page that shows
 * the error page fails the walk, and so does any database error in the server log.
 * <p>
 * Not an Arquillian test: it starts its own server, so it needs neither the MariaDB test server nor the test
 * database. The build provisions that server only when the walk is selected (see the README).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoWalkIT {
    private static DemoServer server;
    private static HeadlessChromium chromium;
    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        server = DemoServer.start();
        base = server.base.toString();
        chromium = new HeadlessChromium();
        browser = chromium.browser;
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (server != null) {
                List<String> errors = server.databaseErrors();
                server.close();
                assertEquals(List.of(), errors, "database errors in the demo server's log");
            }
        }
    }

    // ---- helpers

    private static void assertNoErrorPage(String where) throws IOException {
        if (!browser.findElements(By.id("errorPage")).isEmpty()) {
            chromium.fullPageScreenshot("walk-error-" + where.replaceAll("[^A-Za-z0-9]+", "-"));
            fail("the error page at " + where + " (" + browser.getCurrentUrl() + "): " + browser.getTitle()
                    + "; messages: " + messages());
        }
    }

    private static String messages() {
        return browser.findElements(By.id("messages")).stream().map(WebElement::getText)
                .collect(Collectors.joining());
    }

    private static void open(String path) throws IOException {
        browser.get(base + path);
        assertNoErrorPage(path);
        waitFor(By.id("main"), path);
    }

    private static WebElement waitFor(By locator, String step) throws IOException {
        try {
            return chromium.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(locator));
        } catch (TimeoutException e) {
            assertNoErrorPage(step);
            chromium.fullPageScreenshot("walk-stuck-" + step.replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError("did not reach " + step + " at " + browser.getCurrentUrl() + "; messages: "
                    + messages(), e);
        }
    }

    private static WebElement clickable(String id) {
        return chromium.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.id(id)));
    }

    private static void click(String id, String step) throws IOException {
        clickable(id).click();
        assertNoErrorPage(step);
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private static void login(Role role) throws IOException {
        chromium.login(base, DemoWorld.LOGINS.get(role), DemoWorld.PASSWORD);
        assertNoErrorPage("start page of " + role);
    }

    /** Every page of the role's menu opens without the error page. */
    private static void everyMenuPage(Role role) throws IOException {
        Set<String> pages = new LinkedHashSet<>();
        for (WebElement link : browser.findElements(By.cssSelector("a[id^='menu']"))) {
            String href = link.getAttribute("href");
            if (href != null && href.startsWith(base)) {
                pages.add(href.substring(base.length()));
            }
        }
        assertTrue(pages.size() >= 2, role + " has a menu: " + pages);
        for (String page : pages) {
            open(page);
            chromium.screenshot("walk-" + role.roleName() + "-" + page.replaceAll("[^A-Za-z0-9]+", "-"));
        }
    }

    /** Opens the first link in the table row that names this title. */
    private static void openRow(String title) throws IOException {
        WebElement link = waitFor(By.xpath("//tr[td[normalize-space(.)='" + title + "']]//a"), "row " + title);
        link.click();
        waitFor(By.id("summary"), "application " + title);
        assertNoErrorPage("application " + title);
    }

    private static String status() {
        return browser.findElement(By.id("status")).getAttribute("data-status");
    }

    private static byte[] download(String href) throws IOException, InterruptedException {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, answer.statusCode(), href);
        return answer.body();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    // ---- the walk

    @Test
    @Order(1)
    void aVisitorFindsTheApplicationAtTheRootAndTwoAwardsInThePublicRegister() throws Exception {
        HttpResponse<String> root = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(server.base.resolve("/")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, root.statusCode(), "http://localhost:" + server.httpPort + "/ leads to the application");
        assertTrue(root.body().contains("Welkom bij het Preventiefonds"), "the public start page");

        browser.manage().deleteAllCookies();
        open("index.xhtml");
        assertTrue(browser.findElement(By.id("demoNote")).isDisplayed(), "demo data is marked as such");
        open("open/register.xhtml");
        String register = waitFor(By.id("grants"), "public register").getText();
        assertTrue(register.contains("Voorlezen en ontmoeten in Kloosterveen")
                && register.contains("Huiskamer van de wijk Assen-Oost en Peelo"), register);
        chromium.fullPageScreenshot("walk-public-register");
    }

    @Test
    @Order(2)
    void theOrganiserSeesEveryStateAnswersTheRequestAndHasAReportToFillIn() throws Exception {
        login(Role.ORGANISER);
        String[][] states = {{"Wandelgroep voor ouderen", "DRAFT"}, {"Samen koken, samen eten", "SUBMITTED"},
                {"Mantelzorgcafé Lariks", "INFORMATION_REQUESTED"}, {"Buurtkamer Pittelo", "IN_ASSESSMENT"},
                {"Geldzaken op orde in de wijk", "WITHDRAWN"}};
        for (String[] state : states) {
            WebElement row = waitFor(By.xpath("//*[@id='mine']//tr[td[normalize-space(.)='" + state[0] + "']]"),
                    "dashboard row " + state[0]);
            assertEquals(state[1], row.findElement(By.cssSelector("[data-status]")).getAttribute("data-status"),
                    state[0]);
        }
        chromium.fullPageScreenshot("walk-organiser-dashboard");
        everyMenuPage(Role.ORGANISER);

        // The open request for information, answered.
        open("organiser/index.xhtml");
        openRow("Mantelzorgcafé Lariks");
        // Regression: the volunteers' hours in the budget read "360.00", a bare number in English notation.
        String budget = waitFor(By.id("budgetHeading"), "budget").findElement(By.xpath("..")).getText();
        assertTrue(budget.contains("360 uur") && !budget.contains("360.00"), budget);
        type(clickable("answerForm:answer"), "De begroting is aangevuld met de huur van de ruimte.");
        click("answerForm:sendAnswer", "answer sent");
        chromium.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Uw antwoord is verstuurd"));
        assertEquals("SUBMITTED", status());

        // The running grant's progress report is there to fill in.
        open("organiser/index.xhtml");
        WebElement report = waitFor(By.xpath("//*[@id='reports']//tr[td[contains(., 'Voorlezen en ontmoeten in"
                + " Kloosterveen')]]//a[contains(@id, 'fillReport')]"), "report to fill in");
        // Its final report waits until the reading mornings have ended: the line says from when, with no form.
        WebElement finalReport = waitFor(By.xpath("//*[@id='reports']//tr[td[contains(., 'Voorlezen en ontmoeten in"
                + " Kloosterveen')] and .//*[@data-purpose='FINAL']]"), "final report line");
        assertTrue(finalReport.getText().contains("in te dienen vanaf"), finalReport.getText());
        assertTrue(finalReport.findElements(By.xpath(".//a[contains(@id, 'fillReport')]")).isEmpty());
        report.click();
        waitFor(By.id("reportForm"), "organiser's report form");
        assertNoErrorPage("organiser's report form");
    }

    @Test
    @Order(3)
    void thePartnerSeesTheApplicationsNamingTheLibraryAndItsReport() throws Exception {
        login(Role.PARTNER);
        String involved = waitFor(By.id("involved"), "partner portal").getText();
        assertTrue(involved.contains("Buurtkamer Pittelo") && involved.contains("Voorlezen en ontmoeten in Kloosterveen"),
                involved);
        WebElement report = waitFor(By.xpath("//*[@id='reports']//tr[td[contains(., 'Voorlezen en ontmoeten in"
                + " Kloosterveen')]]//a[contains(@id, 'fillReport')]"), "partner's report to fill in");
        chromium.fullPageScreenshot("walk-partner-portal");
        report.click();
        waitFor(By.id("reportForm"), "partner's report form");
        assertNoErrorPage("partner's report form");
        open("partner/index.xhtml");
        everyMenuPage(Role.PARTNER);
        open("partner/upload.xhtml");
        waitFor(By.id("uploadForm"), "partner's CSV upload");
    }

    @Test
    @Order(4)
    void theOfficerDoesTheIntakeAssignsAReviewerAndScores() throws Exception {
        login(Role.OFFICER);
        everyMenuPage(Role.OFFICER);
        open("officer/index.xhtml");
        openRow("Samen koken, samen eten");
        assertEquals("SUBMITTED", status());
        String page = browser.getCurrentUrl();
        click("completeForm:completeIntake", "intake");
        chromium.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "compleet verklaard"));
        assertEquals("IN_ASSESSMENT", status());

        browser.get(page);
        waitFor(By.id("assignForm"), "assign reviewers");
        browser.findElement(By.xpath("//*[@id='assignForm']//label[starts-with(normalize-space(.), 'Fatima El Amrani')]"))
                .click();
        click("assignForm:assign", "assign");
        waitFor(By.id("declareForm"), "conflict of interest");
        chromium.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("label[for='declareForm:conflicted:0']"))).click();
        click("declareForm:declare", "declare");
        waitFor(By.id("reviewForm"), "scores");
        List<WebElement> scores = browser.findElements(By.cssSelector("[id^='reviewForm:criteria:'][id$=':score_input']"));
        assertFalse(scores.isEmpty(), "the call's criteria");
        for (int i = 0; i < scores.size(); i++) {
            type(clickable("reviewForm:criteria:" + i + ":score_input"), "7" + Keys.TAB);
            type(clickable("reviewForm:criteria:" + i + ":rationale"), "Onderbouwing bij criterium " + (i + 1) + ".");
        }
        chromium.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("reviewForm:weightedTotal"), "7,00"));
        chromium.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("label[for='reviewForm:advice:0']"))).click();
        type(clickable("reviewForm:adviceReasons"), "Goed plan met veel vrijwilligers.");
        click("reviewForm:submitReview", "review");
        chromium.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Gewogen score: 7,00 van 10"));
        chromium.fullPageScreenshot("walk-officer-reviewed");

        // The running grant's reports on the deadlines page.
        open("officer/deadlines.xhtml");
        String deadlines = browser.findElement(By.id("main")).getText();
        assertTrue(deadlines.contains("Voorlezen en ontmoeten in Kloosterveen"), deadlines);
        chromium.fullPageScreenshot("walk-officer-deadlines");
    }

    @Test
    @Order(5)
    void theDecisionMakerDecidesBuurtkamerPitteloAndSeesTheLetter() throws Exception {
        login(Role.DECISION_MAKER);
        everyMenuPage(Role.DECISION_MAKER);
        open("decision/index.xhtml");
        waitFor(By.xpath("//*[@id='awaitingTable']//tr[td[normalize-space(.)='Buurtkamer Pittelo']]//a"),
                "awaiting decision").click();
        waitFor(By.id("decideForm"), "decision form");
        assertNoErrorPage("decision form");
        chromium.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("label[for='decideForm:outcome:0']"))).click();
        chromium.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("decideForm:summary"),
                "€"));
        clickable("decideForm:decideButton").click();
        chromium.waitUpTo(10).until(ExpectedConditions.alertIsPresent());
        browser.switchTo().alert().accept();
        waitFor(By.id("decisionResult"), "decided");
        assertNoErrorPage("decided");
        assertEquals("AWARD", browser.findElement(By.id("decisionResult")).getAttribute("data-outcome"));
        chromium.fullPageScreenshot("walk-decision-taken");
        String letter = pdfText(download(browser.findElement(By.cssSelector("a[data-document-kind=DECISION_LETTER]")).getAttribute("href")));
        assertTrue(letter.contains("Buurtkamer Pittelo"), letter);
    }

    @Test
    @Order(6)
    void theFundManagerEditsAFundOpensACallAndImportsCareDemandFigures() throws Exception {
        login(Role.FUND_MANAGER);
        everyMenuPage(Role.FUND_MANAGER);

        open("admin/funds.xhtml");
        click("fundsForm:funds:0:edit", "edit fund");
        WebElement description = waitFor(By.id("fundForm:description"), "fund editor");
        description.sendKeys(" Bijgewerkt in de demo.");
        click("fundForm:save", "save fund");
        chromium.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "is opgeslagen"));

        // Opening a call for editing (saving one with scored reviews is a defect of its own, issue 17 §2).
        open("admin/calls.xhtml");
        waitFor(By.cssSelector("[id$=':editLink']"), "calls").click();
        waitFor(By.id("callForm"), "call editor");
        assertNoErrorPage("call editor");

        // Zorgvraagcijfers: seven years of demo figures, and a CBS-shaped file that replaces one period.
        open("admin/indicators.xhtml");
        List<WebElement> periods = browser.findElements(By.cssSelector("#storedTable tr[data-period]"));
        Set<String> years = new LinkedHashSet<>();
        periods.forEach(p -> years.add(p.getAttribute("data-period")));
        assertTrue(years.size() >= 7, "seven years of demo figures: " + years);
        String period = new ArrayList<>(years).get(0);
        Path csv = Files.createTempDirectory("pf-walk").resolve("kerncijfers.csv");
        Files.writeString(csv, "wijkcode;wijknaam;periode;indicator;waarde\n"
                + "WK010601;Centrum;" + period + ";WMO_CLIENTS_PER_1000;55,5\n"
                + "WK010602;Assen-Oost;" + period + ";WMO_CLIENTS_PER_1000;.\n", StandardCharsets.UTF_8);
        browser.findElement(By.id("uploadForm:csvFile_input")).sendKeys(csv.toAbsolutePath().toString());
        WebElement summary = waitFor(By.id("importSummary"), "import result");
        assertNoErrorPage("import");
        chromium.waitUpTo(30).until(ExpectedConditions.textToBePresentInElement(summary, "Opgeslagen"));
        java.util.regex.Matcher replaced = java.util.regex.Pattern.compile("Daarmee zijn (\\d+)")
                .matcher(summary.getText());
        assertTrue(replaced.find() && Integer.parseInt(replaced.group(1)) > 0,
                "a re-import replaces the stored figures of its period: " + summary.getText());
        chromium.fullPageScreenshot("walk-indicators-imported");
    }

    @Test
    @Order(7)
    void officerDecisionMakerAndFundManagerSeeTheImpactDashboard() throws Exception {
        for (Role role : List.of(Role.OFFICER, Role.DECISION_MAKER, Role.FUND_MANAGER)) {
            login(role);
            open("impact/dashboard.xhtml");
            waitFor(By.id("portfolio"), "impact dashboard of " + role);
            assertFalse(browser.findElement(By.id("tileAwards")).getText().isBlank());
            chromium.fullPageScreenshot("walk-impact-" + role.roleName());
        }
    }
}
