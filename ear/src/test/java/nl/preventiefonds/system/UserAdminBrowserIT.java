package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The fund manager's account list: each block button names its account for a screen reader, and blocking asks
 * first (one stray click used to lock someone out at once).
 */
class UserAdminBrowserIT extends BrowserTestBase {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";

    private static String status(String email) throws SQLException {
        return (String) TestDatabase.query("SELECT status FROM app_user WHERE email = ?", email).get(0).get(0);
    }

    private WebElement blockButtonOf(String email) {
        // Decision makers sort first in the list, so the clone is on its first page.
        return chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[aria-label*='" + email + "']")));
    }

    @Test
    void blockingAnAccountAsksFirstAndNamesTheAccount() throws IOException, SQLException {
        String clone = TestDatabase.cloneAccount(Fixtures.DECISION_MAKER, null);
        chromium.login(base.toString(), FUND_MANAGER, Fixtures.PASSWORD);
        browser.get(base + "admin/users.xhtml");

        WebElement block = blockButtonOf(clone);
        assertEquals("Blokkeren: Kloon (" + clone + ")", block.getAttribute("aria-label"));
        block.click();
        WebElement dialog = chromium.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("usersForm:blockConfirm")));
        chromium.fullPageScreenshot("users-block-confirm");
        assertEquals(true, dialog.getText().contains("Kloon (" + clone + "): dit account blokkeren?"),
                dialog.getText());
        browser.findElement(By.id("usersForm:blockNo")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.invisibilityOf(dialog));
        assertEquals("ACTIVE", status(clone), "cancelled: nothing changed");

        blockButtonOf(clone).click();
        chromium.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("usersForm:blockConfirm")));
        browser.findElement(By.id("usersForm:blockYes")).click();
        chromium.waitUpTo(20).until(driver -> {
            try {
                return "DISABLED".equals(status(clone));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("button[aria-label='Deblokkeren: Kloon (" + clone + ")']")));
    }

    /** A fund manager gives a colleague another staff role in the colleague's row; audited. */
    @Test
    void aFundManagerGivesAColleagueAnotherStaffRole() throws Exception {
        String clone = TestDatabase.cloneAccount(Fixtures.DECISION_MAKER, null);
        chromium.login(base.toString(), FUND_MANAGER, Fixtures.PASSWORD);
        browser.get(base + "admin/users.xhtml");
        WebElement row = chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[td[normalize-space(.)='" + clone + "']]")));
        String menu = row.findElement(By.cssSelector("div[id$=':newRole']")).getAttribute("id");
        assertEquals("beslisser", browser.findElement(By.id(menu + "_label")).getText(), "the current role first");
        choose(menu, "subsidieadviseur");
        browser.findElement(By.cssSelector("button[aria-label='Rol wijzigen: Kloon (" + clone + ")']")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "De rol van " + clone + " is gewijzigd."));
        assertEquals("OFFICER", TestDatabase.query("SELECT role FROM app_user WHERE email = ?", clone).get(0).get(0));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'ACCOUNT_ROLE_CHANGED'"
                + " AND after_summary LIKE ?", "%" + clone + "%role=OFFICER%"));
        assertTrue(browser.findElements(By.cssSelector("button[aria-label*='Rol wijzigen: '][aria-label*='("
                + FUND_MANAGER + ")']")).isEmpty(), "nobody changes their own role");
    }
}
