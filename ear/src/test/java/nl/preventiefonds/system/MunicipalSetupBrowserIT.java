package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A municipality is set up on screens, not in code (issue 18): the fund manager keeps the neighbourhoods (by hand,
 * and from the CBS Kerncijfers file, previewed before anything is stored) and the partner organisations (KvK number
 * checked), and downloads them and the municipality's accounts as CSV and xlsx.
 */
class MunicipalSetupBrowserIT extends BrowserTestBase {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";

    private void waitFor(By locator, String step) throws Exception {
        try {
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(locator));
        } catch (TimeoutException e) {
            chromium.fullPageScreenshot("setup-stuck-" + step);
            throw new AssertionError("did not reach " + step + "; messages: " + browser.findElements(By.id("messages"))
                    .stream().map(WebElement::getText).collect(Collectors.joining()), e);
        }
    }

    @Test
    void theFundManagerImportsTheCbsFileAfterAPreviewAndCannotRemoveAWijkThatApplicationsName() throws Exception {
        chromium.login(base.toString(), FUND_MANAGER, Fixtures.PASSWORD);
        browser.get(base + "admin/index.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id("menuNeighbourhoods"))).click();
        waitFor(By.cssSelector("#neighbourhoods tr[data-code='WK010602']"), "neighbourhood list");
        assertTrue(browser.findElement(By.cssSelector("#neighbourhoods tr[data-code='WK010602']")).getText()
                .contains("Pittelo"));

        Path dir = Files.createTempDirectory("pf-neighbourhoods");
        Path bad = dir.resolve("kerncijfers-fout.csv");
        Files.writeString(bad, "WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;AantalInwoners_5\n"
                + "Centrum;Assen;Wijk;WK010600;5210\n"
                + "Maarssen;Stichtse Vecht;Wijk;WK190401;12000\n", StandardCharsets.UTF_8);
        browser.findElement(By.id("importForm:cbsFile_input")).sendKeys(bad.toAbsolutePath().toString());
        waitFor(By.id("importRows"), "preview of the bad file");
        String refused = browser.findElement(By.cssSelector("#importRows tr[data-line='3']")).getText();
        assertTrue(refused.contains("WK190401 hoort niet bij Assen"), refused);
        assertEquals(0, browser.findElements(By.id("confirmImportForm:importFile")).size(), "nothing to confirm");

        Path good = dir.resolve("kerncijfers.csv");
        Files.writeString(good, "WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;AantalInwoners_5\n"
                + "Assen;Assen;Gemeente;GM0106;69855\n"
                + "Centrum;Assen;Wijk;WK010600;5210\n"
                + "Testwijk;Assen;Wijk;WK010690;.\n", StandardCharsets.UTF_8);
        browser.get(base + "admin/neighbourhoods.xhtml");
        waitFor(By.id("importForm"), "page again");
        browser.findElement(By.id("importForm:cbsFile_input")).sendKeys(good.toAbsolutePath().toString());
        waitFor(By.id("confirmImportForm:importFile"), "preview of the good file");
        chromium.fullPageScreenshot("neighbourhoods-preview");
        assertEquals("1 nieuw, 1 bijgewerkt, 0 ongewijzigd, 1 overgeslagen, 0 met een probleem.",
                browser.findElement(By.id("importCounts")).getText());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM neighbourhood WHERE code = 'WK010690'"),
                "a preview stores nothing");
        browser.findElement(By.id("confirmImportForm:importFile")).click();
        waitFor(By.cssSelector("#neighbourhoods tr[data-code='WK010690']"), "the new wijk in the list");
        assertEquals(5210L, ((Number) TestDatabase.query("SELECT population FROM neighbourhood WHERE code = ?",
                "WK010600").get(0).get(0)).longValue());
        assertTrue(TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'NEIGHBOURHOODS_IMPORTED'") >= 1);

        // Exports: the municipality's list, with a CSV cell a spreadsheet cannot run.
        TestDatabase.update("UPDATE neighbourhood SET name = '=Testwijk' WHERE code = 'WK010690'");
        WebSession session = WebSession.loggedIn(base, FUND_MANAGER);
        HttpResponse<String> csv = session.submitForm("admin/neighbourhoods.xhtml", "downloadForm", "downloadCsv",
                Map.of());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().contains("WK010600;Centrum;5210"), csv.body());
        assertTrue(csv.body().contains("WK010690;'=Testwijk;\r\n"), "formula neutralised: " + csv.body());
        HttpResponse<String> xlsx = session.submitForm("admin/neighbourhoods.xhtml", "downloadForm", "downloadXlsx",
                Map.of());
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.body().startsWith("PK"), "a zip (xlsx) workbook");

        // Pittelo: applications name it, so it stays; the unused test wijk can go.
        browser.get(base + "admin/neighbourhoods.xhtml");
        waitFor(By.cssSelector("#neighbourhoods tr[data-code='WK010602']"), "list again");
        browser.findElement(By.cssSelector("#neighbourhoods tr[data-code='WK010602'] button[id$='remove']")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("neighbourhoodsForm:removeConfirm")));
        browser.findElement(By.id("neighbourhoodsForm:removeYes")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "kan niet worden verwijderd"));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM neighbourhood WHERE code = 'WK010602'"));
        browser.findElement(By.cssSelector("#neighbourhoods tr[data-code='WK010690'] button[id$='remove']")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("neighbourhoodsForm:removeConfirm")));
        browser.findElement(By.id("neighbourhoodsForm:removeYes")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#neighbourhoods tr[data-code='WK010690']")));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM neighbourhood WHERE code = 'WK010690'"));
    }

    @Test
    void theFundManagerAddsAPartnerWithACheckedKvkNumberAndDownloadsPartnersAndAccounts() throws Exception {
        chromium.login(base.toString(), FUND_MANAGER, Fixtures.PASSWORD);
        browser.get(base + "admin/index.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id("menuPartners"))).click();
        waitFor(By.id("partners"), "partner list");
        assertTrue(browser.findElement(By.id("partners")).getText().contains("Bibliotheek Assen (demo)"));

        browser.findElement(By.id("partnersForm:newPartner")).click();
        waitFor(By.id("partnerForm:name"), "partner editor");
        browser.findElement(By.id("partnerForm:name")).sendKeys("Buurtsportcoach Assen");
        browser.findElement(By.id("partnerForm:kvk")).sendKeys("4001 234");
        choose("partnerForm:kind", "Welzijn");
        browser.findElement(By.id("partnerForm:contactEmail")).sendKeys("coach@sport.example");
        browser.findElement(By.id("partnerForm:save")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("partnerForm"),
                "4001 234 is geen KvK-nummer: een KvK-nummer heeft 8 cijfers."));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM partner_organisation WHERE name = ?",
                "Buurtsportcoach Assen"));
        browser.findElement(By.id("partnerForm:kvk")).sendKeys("5");
        browser.findElement(By.id("partnerForm:save")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("partners"),
                "Buurtsportcoach Assen"));
        assertEquals(java.util.List.of(java.util.List.of("40012345", "GM0106")), TestDatabase.query(
                "SELECT p.kvk_number, m.code FROM partner_organisation p JOIN municipality m ON m.id = p.municipality_id"
                        + " WHERE p.name = ?", "Buurtsportcoach Assen"));

        WebSession session = WebSession.loggedIn(base, FUND_MANAGER);
        HttpResponse<String> partners = session.submitForm("admin/partners.xhtml", "downloadForm", "downloadCsv",
                Map.of());
        assertEquals(200, partners.statusCode());
        assertTrue(partners.body().contains("Buurtsportcoach Assen;40012345;Welzijn;;coach@sport.example;;ja"),
                partners.body());
        HttpResponse<String> accounts = session.submitForm("admin/users.xhtml", "downloadForm", "downloadCsv",
                Map.of());
        assertEquals(200, accounts.statusCode());
        assertTrue(accounts.body().contains(FUND_MANAGER) && accounts.body().contains("partner@demo.preventiefonds.nl"),
                accounts.body());
        assertTrue(!accounts.body().contains("organisator@demo.preventiefonds.nl"), "organisers are no staff");
        HttpResponse<String> xlsx = session.submitForm("admin/users.xhtml", "downloadForm", "downloadXlsx", Map.of());
        assertTrue(xlsx.body().startsWith("PK"), "a zip (xlsx) workbook");
    }
}
