package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The organisation registry in the browser: an officer of Assen finds an organisation by name on the registry page and
 * opens it (its awards in Assen, its de-minimis total over three years); the demo organiser, administrator of her
 * organisation through the broker's claim, authorises another organiser account on "Mijn organisatie" and revokes it.
 */
class OrganisationRegistryBrowserIT extends BrowserTestBase {
    private static final String KLOOSTERVEEN = "40023871";
    private static final String SCHULDHULP = "40031095";
    private static final String PITTELO = "40012345";

    private List<String> listedKvkNumbers() {
        return browser.findElements(By.cssSelector("#organisationTable tbody tr[data-kvk]")).stream()
                .map(row -> row.getAttribute("data-kvk")).toList();
    }

    @Test
    void anOfficerSearchesTheRegistryAndOpensAnOrganisation() throws Exception {
        chromium.login(base.toString(), Fixtures.OFFICER, Fixtures.PASSWORD);
        browser.get(base.toString());
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id("menuOrganisations"))).click();
        chromium.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("organisationTable")));
        assertTrue(listedKvkNumbers().containsAll(List.of(KLOOSTERVEEN, SCHULDHULP)), listedKvkNumbers().toString());

        WebElement search = browser.findElement(By.id("registryForm:search"));
        search.sendKeys("schuldhulp");
        browser.findElement(By.id("registryForm:searchButton")).click();
        // The table is redrawn by the search: rows read while it is swapped are stale, so read it again.
        chromium.waitUpTo(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> listedKvkNumbers().equals(List.of(SCHULDHULP)));
        chromium.fullPageScreenshot("organisation-registry-search");

        browser.findElement(By.cssSelector("tr[data-kvk='" + SCHULDHULP + "'] th a")).click();
        WebElement total = chromium.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("deMinimisTotal")));
        assertEquals(SCHULDHULP, browser.findElement(By.id("kvk")).getText());
        assertTrue(total.getText().contains("€"), total.getText());
        List<WebElement> awards = browser.findElements(By.cssSelector("#awards tr[data-award]"));
        assertEquals(3, awards.size(), "the demo's three awards in Assen, not Stichtse Vecht's application");
        assertTrue(browser.findElement(By.id("organisationHeading")).getText().contains("SchuldHulpMaatje"));
        chromium.fullPageScreenshot("organisation-registry-detail");

        // Another municipality's organisation looks like none: a number that applied in Stichtse Vecht only.
        long stichtseVecht = TestDatabase.count("SELECT id FROM municipality WHERE code = 'GM1904'");
        long elsewhere = Fixtures.applicationInAssessment(Fixtures.fundWithCallIn(stichtseVecht, "50000.00").callId(),
                "Alleen in Stichtse Vecht", "1000.00");
        String foreignKvk = String.valueOf(48_000_000 + (System.nanoTime() / 1000) % 1_000_000);
        TestDatabase.update("UPDATE application SET org_kvk_number = ? WHERE id = ?", foreignKvk, elsewhere);
        browser.get(base + "organisations/view.xhtml?kvk=" + foreignKvk);
        chromium.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("notFound")));
    }

    @Test
    void theAdministratorAuthorisesAColleagueAndRevokesIt() throws Exception {
        String colleague = TestDatabase.cloneAccount(Fixtures.ORGANISER, null);
        chromium.login(base.toString(), Fixtures.ORGANISER, Fixtures.PASSWORD);
        browser.get(base.toString());
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id("menuMyOrganisation"))).click();
        By section = By.cssSelector("section[data-kvk='" + PITTELO + "']");
        chromium.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(section));
        assertEquals("BROKER_CLAIM", browser.findElement(section).findElement(By.cssSelector("[data-basis]"))
                .getAttribute("data-basis"));

        WebElement email = browser.findElement(section).findElement(By.cssSelector("input[id$=':email']"));
        email.sendKeys(colleague);
        browser.findElement(section).findElement(By.cssSelector("[id$=':authorise']")).click();
        By row = By.cssSelector("section[data-kvk='" + PITTELO + "'] tr[data-representative='" + colleague + "']");
        // The section is redrawn by the ajax update: reads of a swapped node are tried again.
        chromium.waitUpTo(20).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.attributeToBe(row, "data-active", "true"));
        chromium.waitUpTo(20).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), colleague));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM organisation_representative r JOIN app_user u"
                + " ON u.id = r.user_id WHERE u.email = ? AND r.basis = 'AUTHORISATION' AND r.revoked_at IS NULL",
                colleague));
        chromium.fullPageScreenshot("my-organisation-authorised");

        chromium.waitUpTo(20).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            d.findElement(row).findElement(By.cssSelector("[id$=':revoke']")).click();
            return true;
        });
        chromium.waitUpTo(20).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.attributeToBe(row, "data-active", "false"));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM organisation_representative r JOIN app_user u"
                + " ON u.id = r.user_id WHERE u.email = ? AND r.revoked_at IS NULL", colleague));
        chromium.fullPageScreenshot("my-organisation-revoked");
    }
}
