package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.preventiefonds.platform.Amsterdam;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A municipality set up by people, from the installation's first administrator (created at start-up from the
 * settings, as on a real installation) to a fund manager who invites colleagues: only screens and the invitation
 * mails, no demo shortcut.
 */
class SetupBrowserIT extends BrowserTestBase {
    /** The first installation administrator the test server starts with (arquillian.xml). */
    static final String INSTALLATION_ADMIN = "installatie@test.preventiefonds.nl";
    static final String INSTALLATION_PASSWORD = "Eerste-installatie-2026";
    static final String NEW_PASSWORD = "Een wijk vol buren";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private static WebElement byId(String id) {
        return chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id)));
    }

    /** Types into the field, found afresh when an ajax update replaced it between finding and typing. */
    private static void type(String id, String text) {
        act(id, input -> {
            input.clear();
            input.sendKeys(text);
        });
    }

    private static void click(String id) {
        act(id, WebElement::click);
    }

    /**
     * Does this to the element once it is clickable; an ajax update of the form (a field's blur) may replace it
     * after it was found, and then it is found again instead of failing on the stale one.
     */
    private static void act(String id, java.util.function.Consumer<WebElement> action) {
        // "Node ... does not belong to the document": Chromium's word for the same replaced element.
        chromium.waitUpTo(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(By.id(id)).apply(d);
            if (element == null) {
                return false;
            }
            action.accept(element);
            return true;
        });
    }

    private static String messages() {
        return browser.findElement(By.id("messages")).getText();
    }

    private static void waitForMessage(String text) {
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), text));
    }

    /** The token of the last invitation mailed to this address. */
    static String invitationToken(String email) throws SQLException {
        var rows = TestDatabase.query("SELECT body FROM outbound_mail WHERE recipient = ? ORDER BY id DESC", email);
        assertTrue(!rows.isEmpty(), "an invitation was mailed to " + email);
        Matcher link = Pattern.compile("invitation\\.xhtml\\?token=([A-Za-z0-9_-]+)").matcher((String) rows.get(0).get(0));
        assertTrue(link.find(), "the mail holds the invitation link");
        return link.group(1);
    }

    /** The invited person opens the link in their mail and chooses a password. */
    void acceptInvitation(String email, String name) throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(base + "invitation.xhtml?token=" + invitationToken(email));
        assertTrue(byId("invitationGreeting").getText().contains(name), "greeted by name");
        type("invitation:password", "kort");
        type("invitation:passwordRepeat", "kort");
        click("invitation:accept");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
        assertTrue(browser.findElements(By.id("invitationAccepted")).isEmpty(), "a short password is refused");
        type("invitation:password", NEW_PASSWORD);
        type("invitation:passwordRepeat", NEW_PASSWORD);
        click("invitation:accept");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("invitationAccepted")));
    }

    /** Adds a municipality and invites its first fund manager; the installation administrator's part. */
    void addMunicipalityAndInviteFundManager(String code, String name, String fundManagerEmail, String fundManagerName)
            throws Exception {
        chromium.login(base.toString(), INSTALLATION_ADMIN, INSTALLATION_PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("installation/index.xhtml"), browser.getCurrentUrl());
        type("newMunicipality:code", code.toLowerCase(java.util.Locale.ROOT));
        type("newMunicipality:name", name);
        click("newMunicipality:create");
        waitForMessage("Gemeente " + name + " (" + code + ") is toegevoegd.");
        assertTrue(browser.findElement(By.id("municipalitiesForm:municipalities")).getText().contains(code));
        chromium.fullPageScreenshot("setup-1-municipality-added");

        // The new municipality is preselected for the invitation.
        assertEquals(name + " (" + code + ")", browser.findElement(By.id("inviteForm:municipality_label")).getText());
        type("inviteForm:inviteName", fundManagerName);
        type("inviteForm:inviteEmail", fundManagerEmail);
        click("inviteForm:sendInvitation");
        waitForMessage("Uitnodiging verstuurd naar " + fundManagerEmail);

        // The same code twice is refused at the field, with the name kept.
        type("newMunicipality:code", code);
        type("newMunicipality:name", name + " (kopie)");
        click("newMunicipality:create");
        waitForMessage("Deze installatie heeft al een gemeente met deze CBS-code.");
        assertEquals(name + " (kopie)", byId("newMunicipality:name").getAttribute("value"));
    }

    /** Clicks the label of a PrimeFaces radio button or checkbox (the input itself is hidden). */
    private static void clickLabelFor(String inputId) {
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("label[for='" + inputId + "']"))).click();
    }

    /** Ticks the checkbox whose label reads exactly this text. */
    private static void tick(String label) {
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//label[normalize-space(.)='" + label + "']"))).click();
    }

    private static void waitFor(String id, String step) throws IOException {
        try {
            chromium.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        } catch (TimeoutException e) {
            chromium.fullPageScreenshot("setup-stuck-" + step);
            throw new AssertionError("did not reach " + step + "; messages on the page: " + messages(), e);
        }
    }

    /** A fund manager invites a colleague on the users page (no password: an invitation), who accepts it. */
    private void inviteColleague(String fundManager, String name, String email, String roleLabel) throws Exception {
        chromium.login(base.toString(), fundManager, NEW_PASSWORD);
        click("menuUsers");
        type("newUser:displayName", name);
        type("newUser:email", email);
        choose("newUser:role", roleLabel);
        click("newUser:create");
        waitForMessage("Uitnodiging verstuurd naar " + email);
        String list = browser.findElement(By.id("usersForm:users")).getText();
        assertTrue(list.contains(email) && list.contains("wacht op bevestiging"), list);
        assertTrue(!list.contains(INSTALLATION_ADMIN) && !list.contains("beheerder@demo.preventiefonds.nl"),
                "neither the installation administrator nor another municipality's staff: " + list);
        acceptInvitation(email, name);
    }

    /**
     * Issue 18, done when: a new municipality is set up to its first awarded grant using only screens. The installation
     * administrator is the one the server creates from its settings at start-up; the demo municipality on the same
     * server is only a neighbour here (and must stay out of sight). Prints how long the walk took.
     */
    @Test
    void aNewMunicipalityIsSetUpByItsPeopleToItsFirstAwardedGrant() throws Exception {
        long started = System.nanoTime();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String fundManager = "fondsbeheer-" + suffix + "@meppel.example";
        addMunicipalityAndInviteFundManager("GM0119", "Meppel", fundManager, "Marloes Mulder");
        acceptInvitation(fundManager, "Marloes Mulder");

        // The fund manager: neighbourhoods from the CBS Kerncijfers file.
        chromium.login(base.toString(), fundManager, NEW_PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("admin/index.xhtml"), browser.getCurrentUrl());
        browser.get(base + "admin/neighbourhoods.xhtml");
        Path cbs = Files.createTempFile("kerncijfers-meppel", ".csv");
        Files.writeString(cbs, "WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;AantalInwoners_5\n"
                + "Meppel;Meppel;Gemeente;GM0119;34890\n"
                + "Wijk 00 Centrum;Meppel;Wijk;WK011900;6120\n"
                + "Wijk 01 Haveltermade;Meppel;Wijk;WK011901;8450\n");
        browser.findElement(By.id("importForm:cbsFile_input")).sendKeys(cbs.toAbsolutePath().toString());
        waitFor("confirmImportForm:importFile", "neighbourhood preview");
        click("confirmImportForm:importFile");
        chromium.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("neighbourhoods"),
                "Haveltermade"));
        chromium.fullPageScreenshot("setup-2-neighbourhoods");

        // A fund with a year budget.
        click("menuFunds");
        click("fundsForm:newFund");
        type("fundForm:name", "Preventiefonds Meppel");
        WebElement total = byId("fundForm:totalBudget_input");
        total.click();
        total.sendKeys("200000", Keys.TAB);
        WebElement year = byId("fundForm:years:0:budget_input");
        year.click();
        year.sendKeys("100000", Keys.TAB);
        click("fundForm:save");
        waitForMessage("Fonds Preventiefonds Meppel is aangemaakt.");

        // A call in that fund, open from today, for one of the new neighbourhoods.
        click("menuCalls");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("callsForm:calls")));
        browser.findElement(By.cssSelector("#newCall, #newCall a")).click();
        waitFor("callForm:title", "call form");
        assertEquals("Preventiefonds Meppel", browser.findElement(By.id("callForm:fund_label")).getText(),
                "the municipality's only fund is chosen; Assen's is not offered");
        String callTitle = "Meedoen in Meppel " + suffix;
        LocalDate today = LocalDate.now(Amsterdam.ZONE);
        type("callForm:title", callTitle);
        type("callForm:description", "Ontmoeting en minder eenzaamheid in Meppel.");
        browser.findElement(By.id("callForm:opensAt_input")).sendKeys(today.format(DATE) + " 00:00", Keys.TAB);
        browser.findElement(By.id("callForm:closesAt_input")).sendKeys(today.plusDays(60).format(DATE) + " 17:00",
                Keys.TAB);
        WebElement maxAmount = byId("callForm:maxAmount_input");
        maxAmount.click();
        maxAmount.sendKeys("25000", Keys.TAB);
        choose("callForm:budgetYear", String.valueOf(today.getYear()));
        WebElement budget = byId("callForm:budget_input");
        budget.click();
        budget.sendKeys("50000", Keys.TAB);
        tick("Minder eenzaamheid");
        tick("Wijk 00 Centrum");
        click("callForm:save");
        chromium.waitUpTo(20).until(ExpectedConditions.urlContains("admin/calls.xhtml"));
        waitForMessage("Subsidieronde " + callTitle + " is aangemaakt.");

        // Colleagues: an officer and a decision maker, each by invitation.
        String officer = "adviseur-" + suffix + "@meppel.example";
        String decisionMaker = "beslisser-" + suffix + "@meppel.example";
        inviteColleague(fundManager, "Omar Adviseur", officer, "subsidieadviseur");
        inviteColleague(fundManager, "Bea Beslisser", decisionMaker, "beslisser");

        // A resident registers, confirms the address and applies to Meppel's call.
        String organiser = "buurt-" + suffix + "@meppel.example";
        browser.manage().deleteAllCookies();
        browser.get(base + "register.xhtml");
        type("registration:displayName", "Sanne Smit");
        type("registration:email", organiser);
        type("registration:password", NEW_PASSWORD);
        type("registration:passwordRepeat", NEW_PASSWORD);
        click("registration:submit");
        waitFor("registrationDone", "registration");
        String mail = (String) TestDatabase.query("SELECT body FROM outbound_mail WHERE recipient = ?", organiser)
                .get(0).get(0);
        Matcher activation = Pattern.compile("activate\\.xhtml\\?token=([A-Za-z0-9_-]+)").matcher(mail);
        assertTrue(activation.find(), mail);
        browser.get(base + "activate.xhtml?token=" + activation.group(1));
        waitFor("activated", "activation");
        chromium.login(base.toString(), organiser, NEW_PASSWORD);
        startApplicationFor(callTitle);
        long applicationId = fillInAndSubmit();

        // The officer completes the intake and reviews.
        chromium.login(base.toString(), officer, NEW_PASSWORD);
        browser.get(base + "applications/view.xhtml?id=" + applicationId);
        waitFor("intake", "intake");
        click("completeForm:completeIntake");
        waitFor("assignForm", "assign");
        long officerId = TestDatabase.userId(officer);
        WebElement reviewer = browser.findElement(By.cssSelector("input[name='assignForm:reviewers'][value='"
                + officerId + "']"));
        clickLabelFor(reviewer.getAttribute("id"));
        click("assignForm:assign");
        waitFor("declareForm", "declare");
        clickLabelFor("declareForm:conflicted:0");
        click("declareForm:declare");
        waitFor("reviewForm", "review");
        for (int i = 0; i < 4; i++) {
            type("reviewForm:criteria:" + i + ":score_input", "8" + Keys.TAB);
            type("reviewForm:criteria:" + i + ":rationale", "Goed onderbouwd.");
        }
        clickLabelFor("reviewForm:advice:0");
        type("reviewForm:adviceReasons", "Sterk plan met veel vrijwilligers.");
        click("reviewForm:submitReview");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Gewogen score: 8,00 van 10"));

        // The decision maker awards it.
        chromium.login(base.toString(), decisionMaker, NEW_PASSWORD);
        browser.get(base + "applications/view.xhtml?id=" + applicationId);
        waitFor("decideForm", "decide");
        clickLabelFor("decideForm:outcome:0");
        click("decideForm:decideButton");
        chromium.waitUpTo(10).until(ExpectedConditions.alertIsPresent());
        browser.switchTo().alert().accept();
        waitFor("decisionResult", "decided");
        assertEquals("AWARD", browser.findElement(By.id("decisionResult")).getAttribute("data-outcome"));
        assertEquals("€ 4.250,75", browser.findElement(By.id("decisionAmount")).getText());
        chromium.fullPageScreenshot("setup-9-first-grant-awarded");
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("SetupBrowserIT: from a new municipality to its first awarded grant by screens in %.1f s%n",
                seconds);

        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM grant_decision d JOIN application a"
                + " ON a.id = d.application_id JOIN funding_call c ON c.id = a.call_id JOIN fund f ON f.id = c.fund_id"
                + " JOIN municipality m ON m.id = f.municipality_id WHERE a.id = ? AND m.code = 'GM0119'",
                applicationId), "the grant is Meppel's");
    }

    /** The installation administrator's API does what the page does, and nobody else's login may use it. */
    @Test
    void theInstallationApiAddsAMunicipalityAndInvitesItsFundManager() throws Exception {
        WebSession admin = new WebSession(base.toURI());
        // A real installation administrator: with a second factor (enrolled here if the other test did not yet).
        assertEquals(302, Authenticator.logIn(admin, INSTALLATION_ADMIN, INSTALLATION_PASSWORD).statusCode());
        HttpResponse<String> list = admin.api("GET", "municipalities", null);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"code\":\"GM0106\"") && list.body().contains("\"code\":\"GM1904\""),
                "both demo municipalities: " + list.body());
        // The demo's Stichtse Vecht was set up through the services the screens use, by its own fund manager.
        // Its kernen came from a CBS-shaped file, imported as the fund manager imports CBS's Kerncijfers.
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'NEIGHBOURHOODS_IMPORTED'"
                + " AND actor = ? AND after_summary LIKE 'created 8,%'", nl.preventiefonds.demo.StichtseVechtDemo.FUND_MANAGER),
                "the eight kernen");
        assertEquals(8, TestDatabase.count("SELECT COUNT(*) FROM neighbourhood n JOIN municipality m"
                + " ON m.id = n.municipality_id WHERE m.code = 'GM1904' AND n.population > 0"));
        // Assen's eleven wijken likewise, imported by Assen's own fund manager, every one with its residents.
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'NEIGHBOURHOODS_IMPORTED'"
                + " AND actor = ? AND after_summary LIKE 'created 11,%'", nl.preventiefonds.demo.AssenDemo.FUND_MANAGER));
        assertEquals(11, TestDatabase.count("SELECT COUNT(*) FROM neighbourhood WHERE code BETWEEN 'WK010600' AND"
                + " 'WK010610' AND population > 0"));

        HttpResponse<String> created = admin.api("POST", "municipalities", "{\"code\":\"gm0150\",\"name\":\"Deventer\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"code\":\"GM0150\""), created.body());
        long id = Json.createReader(new StringReader(created.body())).readObject().getJsonNumber("id").longValue();
        assertEquals(6, TestDatabase.count("SELECT COUNT(*) FROM care_indicator_definition WHERE municipality_id = ?"
                + " AND active", id), "a new municipality starts with the six standard care indicators");
        HttpResponse<String> twice = admin.api("POST", "municipalities", "{\"code\":\"GM0150\",\"name\":\"Deventer 2\"}");
        assertEquals(422, twice.statusCode(), twice.body());
        assertTrue(twice.body().contains("municipality.codeTaken"), twice.body());

        HttpResponse<String> organiser = admin.api("POST", "municipalities/" + id + "/invitations",
                "{\"email\":\"x@deventer.example\",\"name\":\"X\",\"role\":\"ORGANISER\"}");
        assertEquals(422, organiser.statusCode(), organiser.body());
        assertTrue(organiser.body().contains("role.notGiven"), organiser.body());
        HttpResponse<String> invited = admin.api("POST", "municipalities/" + id + "/invitations",
                "{\"email\":\"beheer@deventer.example\",\"name\":\"Dirk de Vries\",\"role\":\"FUND_MANAGER\"}");
        assertEquals(201, invited.statusCode(), invited.body());
        assertTrue(invited.body().contains("\"status\":\"PENDING\""), invited.body());
        HttpResponse<String> staff = admin.api("GET", "municipalities/" + id + "/staff", null);
        assertTrue(staff.body().contains("beheer@deventer.example"), staff.body());
        invitationToken("beheer@deventer.example");

        WebSession assen = WebSession.loggedIn(base, nl.preventiefonds.demo.DemoWorld.LOGINS.get(
                nl.preventiefonds.identity.Role.FUND_MANAGER));
        assertEquals(403, assen.api("GET", "municipalities", null).statusCode(), "a fund manager is no installation administrator");
        assertEquals(403, assen.api("POST", "municipalities/" + id + "/invitations",
                "{\"email\":\"y@deventer.example\",\"name\":\"Y\",\"role\":\"FUND_MANAGER\"}").statusCode());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM app_user WHERE email = 'y@deventer.example'"));
    }

    /** The organiser's dashboard lists every municipality's open calls, ten a page: leaf to the call. */
    private static void startApplicationFor(String callTitle) throws IOException {
        for (int page = 0; page < 30; page++) {
            List<WebElement> articles = browser.findElements(By.xpath("//article[h3[normalize-space(.)='"
                    + callTitle + "']]"));
            if (!articles.isEmpty()) {
                assertTrue(articles.get(0).getText().contains("Meppel"), "the call names its municipality");
                articles.get(0).findElement(By.cssSelector("[id$=':startApplication']")).click();
                waitFor("wizard:step0", "wizard");
                return;
            }
            List<WebElement> next = browser.findElements(By.cssSelector("#callsForm\\:openCalls .ui-paginator-next"));
            if (next.isEmpty() || next.get(0).getAttribute("class").contains("ui-state-disabled")) {
                break;
            }
            String before = browser.findElement(By.id("callsForm:openCalls")).getText();
            next.get(0).click();
            chromium.waitUpTo(20).until(d -> !d.findElement(By.id("callsForm:openCalls")).getText().equals(before));
        }
        chromium.fullPageScreenshot("setup-call-not-listed");
        throw new AssertionError("the organiser's dashboard does not offer " + callTitle);
    }

    private static void goToStep(String stepPanel) throws IOException {
        act("wizard:next", WebElement::click);
        waitFor(stepPanel, stepPanel.replace(':', '-'));
    }

    /** The application wizard, as ApplicationBrowserIT fills it in; the application's id. */
    private static long fillInAndSubmit() throws Exception {
        String reference = browser.findElement(By.id("reference")).getText();
        type("wizard:orgName", "Buurtvereniging Centrum Meppel");
        choose("wizard:legalForm", "Vereniging");
        type("wizard:kvk", "40012345");
        // An account number of its own: GdprIT checks that another organiser's is gone from the whole audit trail.
        type("wizard:iban", "NL20 INGB 0001 2345 67");
        type("wizard:accountHolder", "Buurtvereniging Centrum Meppel");
        // The postal address the letters go to: required before submitting.
        type("wizard:postalStreet", "Hoofdstraat 1");
        type("wizard:postalCode", "7941 AA");
        type("wizard:postalTown", "Meppel");
        goToStep("wizard:step1");
        type("wizard:title", "Samen aan tafel in het Centrum");
        type("wizard:summary", "Wekelijkse maaltijd voor alleenstaande ouderen.");
        type("wizard:description", "Vrijwilligers koken elke donderdag in het buurthuis.");
        assertTrue(browser.findElements(By.xpath("//label[normalize-space(.)='Kloosterveen']")).isEmpty(),
                "Assen's neighbourhoods are not offered for Meppel's call");
        tick("Wijk 00 Centrum");
        tick("Minder eenzaamheid");
        tick("Ouderen");
        LocalDate start = LocalDate.now(Amsterdam.ZONE).plusMonths(1);
        type("wizard:startDate_input", start.format(DATE) + Keys.TAB);
        type("wizard:endDate_input", start.plusMonths(6).format(DATE) + Keys.TAB);
        goToStep("wizard:step2");
        click("wizard:addActivity");
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$=':activityName']")))
                .sendKeys("Maaltijd op donderdag");
        WebElement participants = browser.findElement(By.cssSelector("[id$=':participants_input']"));
        participants.clear();
        participants.sendKeys("25");
        tick("Wmo-ondersteuning (begeleiding, huishoudelijke hulp, dagbesteding)");
        type("wizard:theoryOfChange", "Samen eten voorkomt eenzaamheid en daarmee vraag naar begeleiding.");
        goToStep("wizard:step3");
        click("wizard:addCost");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id$=':budgetDescription']")));
        List<WebElement> descriptions = browser.findElements(By.cssSelector("[id$=':budgetDescription']"));
        descriptions.get(descriptions.size() - 1).sendKeys("Boodschappen en huur keuken");
        List<WebElement> amounts = browser.findElements(By.cssSelector("[id$=':budgetAmount_input']"));
        amounts.get(amounts.size() - 1).sendKeys("4250,75");
        click("wizard:save");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("requestedAmount"),
                "4.250,75"));
        goToStep("wizard:step4");
        goToStep("wizard:step5");
        click("wizard:submit");
        waitFor("status", "submitted");
        assertEquals("SUBMITTED", browser.findElement(By.id("status")).getAttribute("data-status"));
        return TestDatabase.count("SELECT id FROM application WHERE reference = ?", reference);
    }
}
