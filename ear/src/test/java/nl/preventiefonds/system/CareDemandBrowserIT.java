package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The fund manager imports care-demand figures on the page: a file with a bad line is refused per line in Dutch
 * and stores nothing; the corrected file is stored and shows up in the table of what is stored.
 */
class CareDemandBrowserIT extends BrowserTestBase {

    private void waitFor(By locator, String step) throws Exception {
        try {
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(locator));
        } catch (TimeoutException e) {
            chromium.fullPageScreenshot("indicators-stuck-" + step);
            throw new AssertionError("did not reach " + step + "; messages: " + browser.findElements(By.id("messages"))
                    .stream().map(WebElement::getText).collect(Collectors.joining()), e);
        }
    }

    @Test
    void aFundManagerImportsFiguresAllOrNothingAndSeesWhatIsStored() throws Exception {
        chromium.login(base.toString(), "beheerder@demo.preventiefonds.nl", Fixtures.PASSWORD);
        browser.get(base + "admin/index.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id("menuIndicators"))).click();
        waitFor(By.id("uploadForm"), "indicators page");
        assertTrue(browser.findElement(By.id("indicatorTable")).getText()
                .contains("Wmo-cliënten relatief (per 1 000 inwoners)"));
        assertTrue(browser.findElement(By.id("policy")).getText().startsWith("Alles of niets"));

        Path dir = Files.createTempDirectory("pf-indicators");
        Path bad = dir.resolve("kerncijfers-fout.csv");
        Files.writeString(bad, "wijkcode;wijknaam;periode;indicator;waarde\n"
                + "WK010601;Assen-Oost;2015;WMO_CLIENTS_PER_1000;55,5\n"
                + "WK010602;Pittelo;2015;WMO_CLIENTS_PER_1000;-4\n", StandardCharsets.UTF_8);
        browser.findElement(By.id("uploadForm:csvFile_input")).sendKeys(bad.toAbsolutePath().toString());
        waitFor(By.id("importRows"), "result of the bad file");
        chromium.fullPageScreenshot("indicators-refused");
        assertEquals("Er is niets opgeslagen: 1 van de 2 regels bevatten een fout. Verbeter die regels en lees het"
                + " hele bestand opnieuw in.", browser.findElement(By.id("importSummary")).getText());
        String badLine = browser.findElement(By.cssSelector("#importRows tr[data-line='3']")).getText();
        assertTrue(badLine.contains("kan niet negatief zijn"), badLine);
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM care_indicator_value WHERE period_label = '2015'"));

        Path good = dir.resolve("kerncijfers.csv");
        Files.writeString(good, "wijkcode;wijknaam;periode;indicator;waarde\n"
                + "WK010601;Assen-Oost;2015;WMO_CLIENTS_PER_1000;55,5\n"
                + "WK010602;Pittelo;2015;WMO_CLIENTS_PER_1000;.\n", StandardCharsets.UTF_8);
        browser.get(base + "admin/indicators.xhtml");
        waitFor(By.id("uploadForm"), "indicators page again");
        browser.findElement(By.id("uploadForm:csvFile_input")).sendKeys(good.toAbsolutePath().toString());
        waitFor(By.cssSelector("#storedTable tr[data-period='2015']"), "stored table with 2015");
        chromium.fullPageScreenshot("indicators-stored");
        String summary = browser.findElement(By.id("importSummary")).getText();
        assertTrue(summary.startsWith("Opgeslagen: 2 cijfers, waarvan 1 ontbrekend"), summary);
        String stored = browser.findElement(By.cssSelector("#storedTable tr[data-period='2015']")).getText();
        assertTrue(stored.contains("Wmo-cliënten per 1.000 inwoners") && stored.endsWith("2 1"), stored);
        assertEquals(2, TestDatabase.count("SELECT COUNT(*) FROM care_indicator_value WHERE period_label = '2015'"));
    }

    /** Issue 18: the fund manager adds an indicator of the municipality's own on the page and imports its column. */
    @Test
    void aFundManagerAddsAnIndicatorOnThePageAndImportsItsColumn() throws Exception {
        chromium.login(base.toString(), "beheerder@demo.preventiefonds.nl", Fixtures.PASSWORD);
        browser.get(base + "admin/indicators.xhtml");
        waitFor(By.id("definitionsForm:newDefinition"), "indicators of the municipality");
        browser.findElement(By.id("definitionsForm:newDefinition")).click();
        waitFor(By.id("definitionForm:code"), "the new indicator's form");
        browser.findElement(By.id("definitionForm:code")).sendKeys("BIJSTAND_SCHERM");
        browser.findElement(By.id("definitionForm:name")).sendKeys("Bijstand (aantal huishoudens)");
        browser.findElement(By.id("definitionForm:sourceColumn")).sendKeys("Huishoudens met bijstand (aantal)");
        browser.findElement(By.id("definitionForm:save")).click();
        waitFor(By.cssSelector("#definitionTable tr[data-code='BIJSTAND_SCHERM']"), "the new indicator listed");
        chromium.fullPageScreenshot("indicators-defined");
        String row = browser.findElement(By.cssSelector("#definitionTable tr[data-code='BIJSTAND_SCHERM']")).getText();
        assertTrue(row.contains("Bijstand (aantal huishoudens)") && row.contains("actief"), row);
        waitFor(By.cssSelector("#indicatorTable tr[data-code='BIJSTAND_SCHERM']"), "its column among those read");

        Path dir = Files.createTempDirectory("pf-own-indicator");
        Path file = dir.resolve("bijstand.csv");
        Files.writeString(file, "wijkcode;wijknaam;periode;Huishoudens met bijstand (aantal)\n"
                + "WK010601;Assen-Oost;2007;140\n", StandardCharsets.UTF_8);
        browser.findElement(By.id("uploadForm:csvFile_input")).sendKeys(file.toAbsolutePath().toString());
        waitFor(By.cssSelector("#storedTable tr[data-period='2007']"), "stored table with 2007");
        String stored = browser.findElement(By.cssSelector("#storedTable tr[data-period='2007']")).getText();
        assertTrue(stored.contains("Bijstand (aantal huishoudens)"), stored);
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM care_indicator_value WHERE indicator ="
                + " 'BIJSTAND_SCHERM' AND period_label = '2007'"));
    }
}
