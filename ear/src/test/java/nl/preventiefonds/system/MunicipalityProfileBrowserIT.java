package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A municipal administrator fills in the profile of their municipality on admin/municipality.xhtml: a wrong IBAN is
 * shown at its field and nothing typed is lost; corrected, it is saved; a logo is uploaded, previewed with a text
 * alternative, and removed. Run for a municipality of its own (Drechterland), so the demo world's Assen stays as it
 * is for the other tests.
 */
class MunicipalityProfileBrowserIT extends BrowserTestBase {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";

    private static String fundManagerOfOwnMunicipality() throws SQLException {
        List<List<Object>> found = TestDatabase.query("SELECT id FROM municipality WHERE code = 'GM0498'");
        if (found.isEmpty()) {
            TestDatabase.update("INSERT INTO municipality (code, name) VALUES ('GM0498', 'Drechterland')");
            found = TestDatabase.query("SELECT id FROM municipality WHERE code = 'GM0498'");
        }
        String clone = TestDatabase.cloneAccount(FUND_MANAGER, null);
        TestDatabase.moveToMunicipality(clone, found.get(0).get(0));
        return clone;
    }

    private static String stored(String column) throws SQLException {
        return (String) TestDatabase.query("SELECT " + column + " FROM municipality WHERE code = 'GM0498'").get(0)
                .get(0);
    }

    private WebElement field(String id) {
        return browser.findElement(By.id("profileForm:" + id));
    }

    private void type(String id, String text) {
        WebElement input = field(id);
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void theAdministratorFillsInTheProfileAndLogoWithoutLosingWhatTheyTyped() throws Exception {
        chromium.login(base.toString(), fundManagerOfOwnMunicipality(), Fixtures.PASSWORD);
        browser.get(base.toString());
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id("menuMunicipality"))).click();
        chromium.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("profileIntro")));
        assertTrue(browser.findElement(By.id("profileIntro")).getText().contains("Drechterland"));

        type("street", "Raadhuisplein 1");
        type("postalCode", "1617 ka");
        type("city", "Hoogkarspel");
        type("email", "info@drechterland.nl");
        type("reclaimIban", "NL91ABNA0417164301");
        field("save").click();
        WebElement problem = chromium.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id='profileForm:reclaimIban'] ~ .ui-message-error, .ui-message-error")));
        assertTrue(problem.getText().contains("IBAN"), problem.getText());
        assertEquals("true", field("reclaimIban").getAttribute("aria-invalid"));
        assertEquals("Raadhuisplein 1", field("street").getAttribute("value"), "nothing typed is lost");
        assertEquals("NL91ABNA0417164301", field("reclaimIban").getAttribute("value"));
        assertEquals(null, stored("street"), "nothing stored");
        chromium.fullPageScreenshot("municipality-profile-bad-iban");

        type("reclaimIban", "NL20 INGB 0001 2345 67");
        field("save").click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Het gemeenteprofiel is opgeslagen."));
        assertEquals("1617 KA", stored("postal_code"));
        assertEquals("NL20INGB0001234567", stored("reclaim_iban"));
        assertEquals("1617 KA", field("postalCode").getAttribute("value"), "the page shows what was stored");

        BufferedImage image = new BufferedImage(160, 60, BufferedImage.TYPE_INT_ARGB);
        for (int x = 10; x < 150; x++) {
            for (int y = 5; y < 55; y++) {
                image.setRGB(x, y, new Color(180, 20, 40).getRGB());
            }
        }
        Path png = Files.createTempFile("logo", ".png");
        ImageIO.write(image, "png", png.toFile());
        browser.findElement(By.id("logoForm:logoFile_input")).sendKeys(png.toAbsolutePath().toString());
        WebElement preview = chromium.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("logoImage")));
        assertEquals("Logo van gemeente Drechterland", preview.getAttribute("alt"));
        assertTrue(preview.getAttribute("src").startsWith("data:image/png;base64,"));
        chromium.fullPageScreenshot("municipality-profile-logo");

        // The form was saved before the logo: saving it again after the logo is not refused as changed elsewhere.
        type("phone", "0228 352 222");
        field("save").click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Het gemeenteprofiel is opgeslagen."));
        assertEquals("0228 352 222", stored("phone"));

        browser.findElement(By.id("logoForm:removeLogo")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("noLogo")));
        assertFalse(browser.findElements(By.id("logoImage")).stream().anyMatch(WebElement::isDisplayed));
        assertEquals(null, stored("logo_sha256"));
    }
}
