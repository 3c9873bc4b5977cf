package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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

    private static WebElement byId(String id) {
        return chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id)));
    }

    private static void type(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
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
        byId("invitation:accept").click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
        assertTrue(browser.findElements(By.id("invitationAccepted")).isEmpty(), "a short password is refused");
        type("invitation:password", NEW_PASSWORD);
        type("invitation:passwordRepeat", NEW_PASSWORD);
        byId("invitation:accept").click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("invitationAccepted")));
    }

    /** Adds a municipality and invites its first fund manager; the installation administrator's part. */
    void addMunicipalityAndInviteFundManager(String code, String name, String fundManagerEmail, String fundManagerName)
            throws Exception {
        chromium.login(base.toString(), INSTALLATION_ADMIN, INSTALLATION_PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("installation/index.xhtml"), browser.getCurrentUrl());
        type("newMunicipality:code", code.toLowerCase(java.util.Locale.ROOT));
        type("newMunicipality:name", name);
        byId("newMunicipality:create").click();
        waitForMessage("Gemeente " + name + " (" + code + ") is toegevoegd.");
        assertTrue(browser.findElement(By.id("municipalitiesForm:municipalities")).getText().contains(code));
        chromium.fullPageScreenshot("setup-1-municipality-added");

        // The new municipality is preselected for the invitation.
        assertEquals(name + " (" + code + ")", browser.findElement(By.id("inviteForm:municipality_label")).getText());
        type("inviteForm:inviteName", fundManagerName);
        type("inviteForm:inviteEmail", fundManagerEmail);
        byId("inviteForm:sendInvitation").click();
        waitForMessage("Uitnodiging verstuurd naar " + fundManagerEmail);

        // The same code twice is refused at the field, with the name kept.
        type("newMunicipality:code", code);
        type("newMunicipality:name", name + " (kopie)");
        byId("newMunicipality:create").click();
        waitForMessage("Deze installatie heeft al een gemeente met deze CBS-code.");
        assertEquals(name + " (kopie)", byId("newMunicipality:name").getAttribute("value"));
    }

    @Test
    void anInstallationAdministratorAddsAMunicipalityWhoseFundManagerInvitesColleagues() throws Exception {
        String fundManager = "fondsbeheer@meppel.example";
        addMunicipalityAndInviteFundManager("GM0119", "Meppel", fundManager, "Marloes Mulder");
        acceptInvitation(fundManager, "Marloes Mulder");

        chromium.login(base.toString(), fundManager, NEW_PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("admin/index.xhtml"), browser.getCurrentUrl());
        byId("menuUsers").click();
        type("newUser:displayName", "Omar Adviseur");
        type("newUser:email", "adviseur@meppel.example");
        byId("newUser:create").click();
        waitForMessage("Uitnodiging verstuurd naar adviseur@meppel.example");
        String list = browser.findElement(By.id("usersForm:users")).getText();
        assertTrue(list.contains("adviseur@meppel.example") && list.contains("wacht op bevestiging"), list);
        assertTrue(!list.contains(INSTALLATION_ADMIN) && !list.contains("beheerder@demo.preventiefonds.nl"),
                "neither the installation administrator nor another municipality's staff: " + list);
        acceptInvitation("adviseur@meppel.example", "Omar Adviseur");
        chromium.login(base.toString(), "adviseur@meppel.example", NEW_PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("officer/index.xhtml"), browser.getCurrentUrl());
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM app_user u JOIN municipality m"
                + " ON m.id = u.municipality_id WHERE u.email = ? AND m.code = 'GM0119' AND u.status = 'ACTIVE'",
                "adviseur@meppel.example"), "the officer works for Meppel");
        browser.findElement(By.tagName("body")).sendKeys(Keys.HOME);
    }
}
