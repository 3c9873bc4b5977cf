package nl.preventiefonds.system;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One person, roles in two municipalities: Stichtse Vecht's fund manager gives an officer of Assen a role there on
 * the users page (no second account), the officer switches municipality in the header and works there in that role,
 * and a change of their role elsewhere ends the login rather than leaving it with roles no longer theirs.
 */
class MembershipBrowserIT extends BrowserTestBase {
    private static final String STICHTSE_VECHT_MANAGER = "beheerder@stichtsevecht.demo.preventiefonds.nl";

    private static Object municipality(String code) throws Exception {
        return TestDatabase.query("SELECT id FROM municipality WHERE code = ?", code).get(0).get(0);
    }

    private static Object workingIn(String email) throws Exception {
        return TestDatabase.query("SELECT municipality_id FROM app_user WHERE email = ?", email).get(0).get(0);
    }

    private void switchTo(String municipalityName, String startRole) {
        WebElement menu = chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                By.id("switchForm:municipalityChoice")));
        Select select = new Select(menu);
        select.getOptions().stream().filter(o -> o.getText().startsWith(municipalityName)).findFirst()
                .orElseThrow(() -> new AssertionError("no choice for " + municipalityName)).click();
        WebElement before = browser.findElement(By.id("switchForm:switchMunicipality"));
        before.click();
        // A new page, not the one the switch was made on: that may be the same role's start page.
        chromium.waitUpTo(20).until(d -> {
            try {
                before.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                // Stale, or in Chromium's words "node does not belong to the document": the page was replaced.
                return true;
            }
        });
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#startPage[data-role='" + startRole + "']")));
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.className("pf-municipality"),
                municipalityName));
    }

    @Test
    void anOfficerOfAssenAlsoDecidesInStichtseVechtAndSwitchesExplicitly() throws Exception {
        String officer = TestDatabase.cloneAccount(Fixtures.OFFICER, null);
        Object assen = municipality("GM0106");
        Object stichtseVecht = municipality("GM1904");

        chromium.login(base.toString(), STICHTSE_VECHT_MANAGER, Fixtures.PASSWORD);
        browser.get(base + "admin/users.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("newUser:email")))
                .sendKeys(officer);
        browser.findElement(By.id("newUser:displayName")).sendKeys("Een andere naam");
        choose("newUser:role", "beslisser");
        browser.findElement(By.id("newUser:create")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                officer + " werkt al voor een andere gemeente"));
        assertEquals(2L, TestDatabase.count("SELECT COUNT(*) FROM staff_membership s JOIN app_user u"
                + " ON u.id = s.account_id WHERE u.email = ?", officer), "a second role, not a second account");
        assertEquals(1L, TestDatabase.count("SELECT COUNT(*) FROM app_user WHERE email = ?", officer));
        WebElement row = chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[td[normalize-space(.)='" + officer + "']]")));
        assertTrue(row.getText().contains("beslisser (werkt ook voor een andere gemeente)"), row.getText());
        assertTrue(row.findElements(By.cssSelector("button[id$=':block']")).isEmpty(),
                "Stichtse Vecht cannot block her account: that would lock her out of Assen too");

        chromium.login(base.toString(), officer, Fixtures.PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("/officer/index.xhtml"), "she starts where she worked");
        List<String> choices = new Select(browser.findElement(By.id("switchForm:municipalityChoice"))).getOptions()
                .stream().map(WebElement::getText).toList();
        assertEquals(List.of("Assen – subsidieadviseur (nu)", "Stichtse Vecht – beslisser"), choices);

        switchTo("Stichtse Vecht", "decision");
        assertEquals(stichtseVecht, workingIn(officer));
        assertTrue(browser.findElement(By.className("pf-municipality")).getText().contains("Stichtse Vecht"),
                "the header names the municipality she works for now");
        assertEquals(1L, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'MUNICIPALITY_SWITCHED'"
                + " AND actor = ? AND municipality_id = ?", officer, stichtseVecht));
        browser.get(base + "officer/index.xhtml");
        assertTrue(browser.findElements(By.cssSelector("#startPage[data-role='officer']")).isEmpty(),
                "in Stichtse Vecht she is a decision maker, not an officer");

        // Her role in Stichtse Vecht changes while she works there: her login's roles are no longer hers.
        TestDatabase.update("UPDATE staff_membership SET role = 'OFFICER' WHERE municipality_id = ? AND account_id ="
                + " (SELECT id FROM app_user WHERE email = ?)", stichtseVecht, officer);
        TestDatabase.update("UPDATE app_user SET role = 'OFFICER' WHERE email = ?", officer);
        browser.get(base + "decision/index.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("changedNotice")));
        assertTrue(browser.getCurrentUrl().contains("login.xhtml"), browser.getCurrentUrl());

        chromium.login(base.toString(), officer, Fixtures.PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("/officer/index.xhtml"), "now an officer in Stichtse Vecht");
        switchTo("Assen", "officer");
        assertEquals(assen, workingIn(officer));
    }
}
