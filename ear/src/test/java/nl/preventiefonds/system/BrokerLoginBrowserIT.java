package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Organisations and residents log in through a broker: the real Keycloak's realms eherkenning and digid (of
 * src/test/keycloak), their own login pages in the browser. The installation administrator connects Assen to both
 * on the screen. An organisation's board member at EH3 submits an application whose KvK number comes from the login
 * and cannot be changed; a volunteer at EH2 keeps the draft and gets the level message (page and API); a login
 * without a KvK number is refused with a clear page; a resident logs in with DigiD and starts an application, and
 * the BSN is in no page, no export, no audit entry and no server log line. Assen's brokers are switched off again
 * after the class, so other classes' local organisers submit in Assen as before.
 */
class BrokerLoginBrowserIT extends BrowserTestBase {
    private static final String INSTALLATION_ADMIN = "installatie@test.preventiefonds.nl";
    private static final String INSTALLATION_PASSWORD = "Eerste-installatie-2026";
    private static final String KEYCLOAK_PASSWORD = "Keycloak-2026";
    private static final String BSN = "999993653";

    @BeforeAll
    static void keycloak() {
        Keycloak.awaitReady();
    }

    @AfterAll
    static void brokersOff() throws Exception {
        TestDatabase.update("UPDATE broker_login SET enabled = FALSE");
    }

    /** The installation administrator connects Assen's eHerkenning and DigiD brokers on the screen (once per run). */
    private void assenBrokersConnected() throws Exception {
        if (TestDatabase.count("SELECT COUNT(*) FROM broker_login l JOIN municipality m ON m.id = l.municipality_id"
                + " WHERE m.code = 'GM0106' AND l.enabled = TRUE") == 2) {
            return;
        }
        chromium.login(base.toString(), INSTALLATION_ADMIN, INSTALLATION_PASSWORD);
        for (String kind : List.of("eherkenning", "digid")) {
            String secret = kind + "-test-secret";
            browser.get(base + "installation/broker-login.xhtml?code=GM0106&kind=" + kind);
            chromium.waitUpTo(20).until(ExpectedConditions.textToBe(By.id("brokerHeading"), "Assen"));
            WebElement issuer = browser.findElement(By.id("brokerForm:issuer"));
            issuer.clear();
            issuer.sendKeys(Keycloak.issuer(kind));
            WebElement client = browser.findElement(By.id("brokerForm:clientId"));
            client.clear();
            client.sendKeys("preventiefonds");
            browser.findElement(By.id("brokerForm:clientSecret")).sendKeys(secret);
            if (kind.equals("eherkenning")) {
                assertEquals("EH3", new org.openqa.selenium.support.ui.Select(browser.findElement(
                        By.id("brokerForm:requiredLevel"))).getFirstSelectedOption().getText(), "EH3 by default");
            }
            browser.findElement(By.id("brokerForm:save")).click();
            chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "De makelaarinstellingen van Assen zijn opgeslagen."));
            assertEquals("Er is een client-geheim ingesteld.", browser.findElement(By.id("secretState")).getText()
                    .strip());
            assertFalse(browser.getPageSource().contains(secret), "the secret is never sent back to a browser");
            assertEquals(0L, TestDatabase.count("SELECT COUNT(*) FROM broker_login WHERE client_secret LIKE ?",
                    "%" + secret + "%"), "stored encrypted");
            assertEquals(0L, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE before_summary LIKE ?"
                    + " OR after_summary LIKE ?", "%" + secret + "%", "%" + secret + "%"), "nor in the audit trail");
        }
        assertTrue(TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'BROKER_LOGIN_CONFIGURED'"
                + " AND actor = ?", INSTALLATION_ADMIN) >= 2);
        browser.findElement(By.id("logoutForm:logout")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.urlContains("loggedOut=true"));
    }

    private void forgetEverything() {
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** From the application's login page through the broker's button to Keycloak's page, and logged in there. */
    private void logInThrough(String kind, String username) {
        browser.get(base + "login.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id("broker-" + kind + "-GM0106")))
                .click();
        chromium.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().startsWith(Keycloak.issuer(kind)), "Keycloak's own login page: "
                + browser.getCurrentUrl());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(KEYCLOAK_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
    }

    private WebElement byId(String id) {
        return chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id)));
    }

    private void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private void goToStep(String button, String stepPanel) {
        // The button may be re-rendered between finding and clicking it (an autosave's update on a loaded machine).
        for (int attempt = 1; ; attempt++) {
            try {
                byId(button).click();
                break;
            } catch (org.openqa.selenium.StaleElementReferenceException rendered) {
                if (attempt == 3) {
                    throw rendered;
                }
            }
        }
        try {
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(stepPanel)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("did not reach " + stepPanel + "; messages on the page: "
                    + browser.findElement(By.id("messages")).getText(), e);
        }
    }

    /** Starts an application in Assen's open demo call (as ApplicationBrowserIT does); its reference. */
    private String startAssenApplication() {
        By assen = By.xpath("//article[h3[contains(., 'sterke sociale basis in de wijk')]]"
                + "//*[contains(@id, ':startApplication')]");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("callsForm:openCalls")));
        for (int page = 0; page < 20 && browser.findElements(assen).isEmpty(); page++) {
            List<WebElement> next = browser.findElements(By.cssSelector("#callsForm\\:openCalls .ui-paginator-next"));
            if (next.isEmpty() || next.get(0).getAttribute("class").contains("ui-state-disabled")) {
                break;
            }
            WebElement firstTitle = browser.findElement(By.cssSelector("#callsForm\\:openCalls article h3"));
            next.get(0).click();
            chromium.waitUpTo(20).until(ExpectedConditions.stalenessOf(firstTitle));
        }
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(assen)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("wizard:step0")));
        return browser.findElement(By.id("reference")).getText();
    }

    /** Fills every step of an association's application up to the check step; the KvK number is the login's. */
    private void fillForAssociation(String title) throws Exception {
        type(byId("wizard:orgName"), "Buurtvereniging De Lariks");
        choose("wizard:legalForm", "Vereniging");
        WebElement kvk = byId("wizard:kvk");
        assertEquals("12345678", kvk.getAttribute("value"), "the KvK number of the eHerkenning login");
        assertTrue(kvk.getAttribute("readonly") != null, "and it cannot be changed for this application");
        type(byId("wizard:iban"), "NL91 ABNA 0417 1643 00");
        type(byId("wizard:accountHolder"), "Buurtvereniging De Lariks");
        type(byId("wizard:postalStreet"), "Larikslaan 3");
        type(byId("wizard:postalCode"), "9404 AB");
        type(byId("wizard:postalTown"), "Assen");
        goToStep("wizard:next", "wizard:step1");
        type(byId("wizard:title"), title);
        type(byId("wizard:summary"), "Koffie-ochtend voor buren die alleen wonen.");
        type(byId("wizard:description"), "Elke dinsdag in het buurthuis, met vrijwilligers uit de wijk.");
        browser.findElement(By.xpath("//label[normalize-space(.)='Lariks']")).click();
        browser.findElement(By.xpath("//label[normalize-space(.)='Minder eenzaamheid']")).click();
        browser.findElement(By.xpath("//label[normalize-space(.)='Ouderen']")).click();
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusMonths(1);
        DateTimeFormatter dutch = DateTimeFormatter.ofPattern("dd-MM-yyyy");
        type(byId("wizard:startDate_input"), start.format(dutch) + Keys.TAB);
        type(byId("wizard:endDate_input"), start.plusMonths(6).format(dutch) + Keys.TAB);
        goToStep("wizard:next", "wizard:step2");
        byId("wizard:addActivity").click();
        type(chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[id$=':activityName']"))), "Koffie-ochtend");
        type(chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[id$=':participants_input']"))), "20");
        browser.findElement(By.xpath("//label[normalize-space(.)="
                + "'Wmo-ondersteuning (begeleiding, huishoudelijke hulp, dagbesteding)']")).click();
        type(byId("wizard:theoryOfChange"), "Samen koffie drinken voorkomt eenzaamheid.");
        goToStep("wizard:next", "wizard:step3");
        byId("wizard:addCost").click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id$=':budgetDescription']")));
        List<WebElement> descriptions = browser.findElements(By.cssSelector("[id$=':budgetDescription']"));
        type(descriptions.get(descriptions.size() - 1), "Koffie, thee en huur buurthuis");
        List<WebElement> amounts = browser.findElements(By.cssSelector("[id$=':budgetAmount_input']"));
        type(amounts.get(amounts.size() - 1), "1800,00");
        byId("wizard:save").click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("requestedAmount"),
                "1.800,00"));
        goToStep("wizard:next", "wizard:step4");
        goToStep("wizard:next", "wizard:step5");
        String problems = browser.findElements(By.id("wizard:problems")).stream().map(WebElement::getText)
                .collect(Collectors.joining());
        assertEquals("", problems, "no eligibility problems left");
    }

    @Test
    void anOrganisationsBoardMemberAtEh3SubmitsWithTheKvkNumberOfTheLogin() throws Exception {
        assenBrokersConnected();
        forgetEverything();
        logInThrough("eherkenning", "bestuurder");
        chromium.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("callsForm:openCalls")));
        long userId = TestDatabase.count("SELECT u.id FROM app_user u JOIN broker_identity i ON i.user_id = u.id"
                + " WHERE i.subject = 'eh-ps-7f3a91c2'");
        assertEquals("ORGANISER", TestDatabase.query("SELECT role FROM app_user WHERE id = ?", userId).get(0).get(0));
        String reference = startAssenApplication();
        fillForAssociation("Koffie-ochtend in de Lariks");
        // The KvK number cannot be changed behind the page's back either: the service refuses another one.
        assertEquals("12345678", TestDatabase.query("SELECT org_kvk_number FROM application WHERE reference = ?",
                reference).get(0).get(0));
        byId("wizard:submit").click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
        assertEquals("SUBMITTED", browser.findElement(By.id("status")).getAttribute("data-status"));
        chromium.screenshot("broker-eh3-submitted");
        assertEquals(1L, TestDatabase.count("SELECT COUNT(*) FROM application WHERE reference = ? AND owner_id = ?"
                + " AND kvk_from_broker = TRUE AND org_kvk_number = '12345678'", reference, userId));
    }

    @Test
    void aVolunteerAtEh2KeepsTheDraftAndIsToldWhichLevelIsNeeded() throws Exception {
        assenBrokersConnected();
        forgetEverything();
        logInThrough("eherkenning", "vrijwilliger");
        chromium.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("callsForm:openCalls")));
        String reference = startAssenApplication();
        fillForAssociation("Wandelgroep Lariks");
        byId("wizard:submit").click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Voor indienen namens een organisatie is inloggen met eHerkenning op niveau EH3 nodig; u bent"
                        + " ingelogd met niveau EH2. Uw concept is bewaard."));
        chromium.screenshot("broker-eh2-level-message");
        assertEquals(1L, TestDatabase.count("SELECT COUNT(*) FROM application WHERE reference = ? AND status ="
                + " 'DRAFT' AND title = 'Wandelgroep Lariks'", reference), "the draft is kept as it was");

        // The API with the same session: 403 problem+json with the same message, still a draft.
        long id = TestDatabase.count("SELECT id FROM application WHERE reference = ?", reference);
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "api/applications/" + id + "/submit"))
                .header("Cookie", "JSESSIONID=" + session.getValue()).header("X-Requested-With", "test")
                .header("Accept", "application/json").header("Accept-Language", "nl")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, api.statusCode(), api.body());
        assertEquals("application/problem+json", api.headers().firstValue("Content-Type").orElse(""));
        assertTrue(api.body().contains("application.levelTooLow") && api.body().contains("niveau EH3"), api.body());
        assertEquals(1L, TestDatabase.count("SELECT COUNT(*) FROM application WHERE id = ? AND status = 'DRAFT'",
                id));
    }

    @Test
    void aLoginWithoutAKvkNumberIsRefusedWithAClearPage() throws Exception {
        assenBrokersConnected();
        forgetEverything();
        long accounts = TestDatabase.count("SELECT COUNT(*) FROM app_user");
        logInThrough("eherkenning", "zonderkvk");
        chromium.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("loginRefused")));
        assertEquals("broker.refused.noKvk", browser.findElement(By.id("loginRefused")).getAttribute("data-reason"));
        assertTrue(browser.findElement(By.id("loginRefused")).getText().contains("geen (geldig) KvK-nummer"),
                browser.findElement(By.id("loginRefused")).getText());
        assertEquals(accounts, TestDatabase.count("SELECT COUNT(*) FROM app_user"), "nobody created");
        browser.get(base + "organiser/index.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("login:email")));
        chromium.screenshot("broker-refused-no-kvk");
    }

    @Test
    void aResidentLogsInWithDigidStartsAnApplicationAndTheBsnIsNowhere() throws Exception {
        assenBrokersConnected();
        forgetEverything();
        logInThrough("digid", "inwoner");
        chromium.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("callsForm:openCalls")));
        assertFalse(browser.getPageSource().contains(BSN), "not on the dashboard");
        String reference = startAssenApplication();
        assertFalse(browser.getPageSource().contains(BSN), "not in the application form");
        assertEquals("", byId("wizard:kvk").getAttribute("value"), "a resident brings no KvK number");
        assertTrue(byId("wizard:kvk").getAttribute("readonly") == null);
        chromium.screenshot("broker-digid-draft");
        browser.get(base + "account/password.xhtml");
        assertFalse(browser.getPageSource().contains(BSN), "not on the account page");

        long userId = TestDatabase.count("SELECT user_id FROM broker_identity WHERE kind = 'DIGID'");
        assertEquals(1L, TestDatabase.count("SELECT COUNT(*) FROM application WHERE reference = ? AND owner_id = ?",
                reference, userId));
        List<Object> stored = TestDatabase.query("SELECT bsn_encrypted, bsn_lookup FROM broker_identity WHERE"
                + " user_id = ?", userId).get(0);
        assertTrue(String.valueOf(stored.get(0)).startsWith("enc:v1:"), "encrypted at rest");
        assertFalse(String.valueOf(stored.get(0)).contains(BSN));
        assertEquals(64, String.valueOf(stored.get(1)).length(), "the keyed hash");
        assertEquals(0L, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE before_summary LIKE ? OR"
                + " after_summary LIKE ? OR subject_id LIKE ?", "%" + BSN + "%", "%" + BSN + "%", "%" + BSN + "%"),
                "not in the audit trail");

        // The resident's own GDPR export (the zip of everything kept about them): no BSN in any file of it.
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "api/personal-data")).header("Cookie", "JSESSIONID=" + session.getValue())
                .header("X-Requested-With", "test").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, export.statusCode());
        int files = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(export.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String content = new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(BSN), "not in " + entry.getName());
                files++;
            }
        }
        assertTrue(files > 0, "the export has files");

        // Nor in the server's log, where the logins of this run were written.
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        String logged = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertTrue(logged.length() > 0);
        assertFalse(logged.contains(BSN), "not in " + log);
    }
}
