package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Local accounts in a real browser: "Wachtwoord vergeten?" from the login page to the new password through the
 * mail link, and a decision maker who enrols the second factor on the page the login leads to and then logs in
 * with codes (computed as an authenticator app does).
 */
class LocalAccountsBrowserIT extends BrowserTestBase {
    private static final String NEW_PASSWORD = "Een nieuwe zin voor de buurt";

    private static void type(String id, String text) {
        try {
            var field = chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id)));
            field.clear();
            field.sendKeys(text);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no field " + id + " at " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private static void click(String id) {
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    @Test
    void aForgottenPasswordIsResetThroughTheLinkInTheMail() throws Exception {
        String email = TestDatabase.cloneAccount(Fixtures.ORGANISER, null);
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        click("login:forgotPassword");
        type("forgot:email", email);
        click("forgot:submit");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("forgotDone")));

        String mail = (String) TestDatabase.query("SELECT body FROM outbound_mail WHERE recipient = ? ORDER BY id DESC",
                email).get(0).get(0);
        Matcher link = Pattern.compile("(http\\S+reset-password\\.xhtml\\?token=[A-Za-z0-9_-]+)").matcher(mail);
        assertTrue(link.find(), mail);
        browser.get(link.group(1));
        try {
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("reset:newPassword")));
        } catch (org.openqa.selenium.TimeoutException e) {
            chromium.fullPageScreenshot("local-accounts-reset-page");
            throw new AssertionError("no reset form at " + browser.getCurrentUrl() + ": " + browser.getPageSource(), e);
        }
        type("reset:newPassword", "qwertyuiop");
        type("reset:newPasswordRepeat", "qwertyuiop");
        click("reset:submit");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "veelgebruikte of uitgelekte wachtwoorden"));
        type("reset:newPassword", NEW_PASSWORD);
        type("reset:newPasswordRepeat", NEW_PASSWORD);
        click("reset:submit");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("resetDone")));
        chromium.fullPageScreenshot("local-accounts-reset-done");

        browser.get(link.group(1));
        assertTrue(chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("resetInvalid")))
                .getText().contains("al gebruikt of verlopen"), "a used link says so");
        chromium.login(base.toString(), email, NEW_PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("organiser/index.xhtml"), browser.getCurrentUrl());
    }

    @Test
    void aDecisionMakerEnrolsTheSecondFactorAndLogsInWithACode() throws Exception {
        String email = TestDatabase.cloneAccount(Fixtures.DECISION_MAKER, null);
        TestDatabase.update("UPDATE app_user SET second_factor_waived = FALSE WHERE email = ?", email);
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        type("login:email", email);
        type("login:password", Fixtures.PASSWORD);
        click("login:submit");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("mustEnrol")));
        assertTrue(browser.findElement(By.cssSelector("#qr svg")).isDisplayed(), "a QR code to scan");
        chromium.fullPageScreenshot("local-accounts-enrol");
        browser.get(base + "decision/index.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.urlContains("account/second-factor.xhtml"));

        String secret = browser.findElement(By.id("secret")).getText();
        Authenticator.remember(email, secret);
        type("enrol:code", nl.preventiefonds.identity.TotpCodes.codeAt(secret.replace(" ", ""),
                java.time.Instant.now().minusSeconds(600)));
        click("enrol:submit");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Deze code klopt niet"));
        type("enrol:code", Authenticator.nextCode(email));
        click("enrol:submit");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("recoveryCodes")));
        assertEquals(10, browser.findElements(By.cssSelector("#recoveryCodes li")).size());
        click("continue");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("startPage")));

        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        type("login:email", email);
        type("login:password", Fixtures.PASSWORD);
        click("login:submit");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("code:code")));
        assertFalse(browser.findElements(By.id("startPage")).size() > 0, "the password alone does not log in");
        type("code:code", Authenticator.nextCode(email));
        click("code:submit");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("startPage")));
        assertTrue(browser.getCurrentUrl().endsWith("decision/index.xhtml"), browser.getCurrentUrl());
    }
}
