package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import nl.preventiefonds.demo.DemoWorld;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.Amsterdam;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The fund manager's screens in headless Chromium: a call created with weights that are wrong at
 * first, and a fund whose year budgets exceed its total at first. Screenshots for review.
 */
class CallAdministrationBrowserIT extends BrowserTestBase {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private static void retype(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    @Test
    void fundManagerCreatesACallFixingTheWeightsOnTheWay() throws IOException {
        chromium.login(base.toString(), DemoWorld.LOGINS.get(Role.FUND_MANAGER), DemoWorld.PASSWORD);

        browser.findElement(By.id("menuCalls")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("callsForm:calls")));
        browser.findElement(By.cssSelector("#newCall, #newCall a")).click();
        WebElement title = chromium.waitUpTo(20).until(
                ExpectedConditions.presenceOfElementLocated(By.id("callForm:title")));

        // Other tests add funds beside the demo fund: with several, the fund manager chooses (none is preselected).
        choose("callForm:fund", "Preventiefonds Assen");
        String callTitle = "Browserronde " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(Amsterdam.ZONE);
        title.sendKeys(callTitle);
        browser.findElement(By.id("callForm:description")).sendKeys("Ontmoeting en minder eenzaamheid in de wijk.");
        browser.findElement(By.id("callForm:opensAt_input")).sendKeys(today.plusDays(1).format(DATE) + " 09:00");
        // Closing before opening: a second problem, reported together with the weights.
        String closesTooEarly = today.format(DATE) + " 17:00";
        browser.findElement(By.id("callForm:closesAt_input")).sendKeys(closesTooEarly, Keys.TAB);
        WebElement maxAmount = browser.findElement(By.id("callForm:maxAmount_input"));
        maxAmount.click();
        maxAmount.sendKeys("25000", Keys.TAB);
        browser.findElement(By.cssSelector("label[for='callForm:themes:5']")).click();

        // 40 + 25 + 20 + 15 by default; 35 makes 95.
        retype(browser.findElement(By.id("callForm:criteria:0:criterionWeight")), "35");
        settled().until(ExpectedConditions.textToBe(By.id("callForm:weightTotal"),
                "Totaal: 95% (moet 100% zijn)"));
        browser.findElement(By.id("callForm:save")).click();

        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "De wegingen van de criteria moeten samen 100% zijn; nu is het 95%."));
        String messages = browser.findElement(By.id("messages")).getText();
        assertTrue(messages.contains("Niet opgeslagen"), messages);
        assertTrue(messages.contains("De ronde moet sluiten na het moment van openen."), "all problems at once");
        WebElement closesAt = browser.findElement(By.id("callForm:closesAt_input"));
        assertEquals(closesTooEarly, closesAt.getAttribute("value"), "the wrong date stays to be corrected");
        assertEquals("true", closesAt.getAttribute("aria-invalid"), "and is marked as the field in error");
        assertEquals(callTitle, browser.findElement(By.id("callForm:title")).getAttribute("value"),
                "what was typed is kept");
        assertEquals("35", browser.findElement(By.id("callForm:criteria:0:criterionWeight")).getAttribute("value"));
        chromium.fullPageScreenshot("call-weights-wrong");

        retype(browser.findElement(By.id("callForm:closesAt_input")), today.plusDays(60).format(DATE) + " 17:00");
        retype(browser.findElement(By.id("callForm:criteria:0:criterionWeight")), "40");
        settled().until(ExpectedConditions.textToBe(By.id("callForm:weightTotal"), "Totaal: 100%"));
        browser.findElement(By.id("callForm:save")).click();

        chromium.waitUpTo(20).until(ExpectedConditions.urlContains("admin/calls.xhtml"));
        WebElement table = chromium.waitUpTo(20).until(
                ExpectedConditions.presenceOfElementLocated(By.id("callsForm:calls")));
        assertTrue(table.getText().contains(callTitle), "the new call is listed");
        assertTrue(browser.findElement(By.id("messages")).getText()
                .contains("Subsidieronde " + callTitle + " is aangemaakt."));
        chromium.screenshot("call-saved-in-list");
    }

    @Test
    void fundManagerCreatesAFundWhoseYearsFitTheTotal() throws IOException {
        chromium.login(base.toString(), DemoWorld.LOGINS.get(Role.FUND_MANAGER), DemoWorld.PASSWORD);

        browser.findElement(By.id("menuFunds")).click();
        WebElement list = chromium.waitUpTo(20).until(
                ExpectedConditions.presenceOfElementLocated(By.id("fundsForm:funds")));
        assertTrue(list.getText().contains("Preventiefonds Assen"), list.getText());
        browser.findElement(By.id("fundsForm:newFund")).click();
        WebElement name = chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id("fundForm:name")));

        String fundName = "Testfonds " + UUID.randomUUID().toString().substring(0, 8);
        name.sendKeys(fundName);
        WebElement total = browser.findElement(By.id("fundForm:totalBudget_input"));
        total.click();
        total.sendKeys("100000", Keys.TAB);
        WebElement firstYear = browser.findElement(By.id("fundForm:years:0:budget_input"));
        firstYear.click();
        firstYear.sendKeys("150000", Keys.TAB);
        settled().until(driver -> text(driver, "fundForm:yearTotal").equals("€ 150.000,00"));
        browser.findElement(By.id("fundForm:save")).click();

        settled().until(driver -> text(driver, "messages").contains(
                "De jaarbudgetten zijn samen € 150.000,00; dat is meer dan het totale budget van € 100.000,00."));
        assertTrue(text(browser, "messages").contains("Niet opgeslagen"), "the summary the save action asked for");
        assertEquals(fundName, browser.findElement(By.id("fundForm:name")).getAttribute("value"), "the name is kept");
        assertEquals("€ 100.000,00", browser.findElement(By.id("fundForm:totalBudget_input")).getAttribute("value")
                .replace('\u00a0', ' '), "so is the total, though the problem is shown at it");
        chromium.fullPageScreenshot("fund-years-above-total");

        retype(browser.findElement(By.id("fundForm:years:0:budget_input")), "60000");
        browser.findElement(By.id("fundForm:addYear")).click();
        WebElement secondYear = chromium.waitUpTo(20).until(
                ExpectedConditions.elementToBeClickable(By.id("fundForm:years:1:budget_input")));
        secondYear.click();
        secondYear.sendKeys("40000", Keys.TAB);
        settled().until(driver -> text(driver, "fundForm:yearTotal").equals("€ 100.000,00"));
        browser.findElement(By.id("fundForm:save")).click();

        settled().until(driver -> text(driver, "messages").contains("Fonds " + fundName + " is aangemaakt."));
        chromium.waitUpTo(20).until(ExpectedConditions.invisibilityOfElementLocated(By.id("fundForm:name")));
        String row = browser.findElements(By.cssSelector("#fundsForm\\:funds_data tr")).stream()
                .map(WebElement::getText).filter(t -> t.contains(fundName)).findFirst().orElseThrow();
        assertTrue(row.replace('\u00a0', ' ').contains("€ 100.000,00"), row);
        chromium.screenshot("fund-saved");
    }

    @Test
    void installationAdministratorSeesAtTheFieldWhatAnEquatedDayLacks() {
        chromium.login(base.toString(), DemoWorld.LOGINS.get(Role.INSTALLATION_ADMIN), DemoWorld.PASSWORD);
        browser.get(base + "installation/equated-days.xhtml");
        WebElement date = chromium.waitUpTo(20).until(
                ExpectedConditions.elementToBeClickable(By.id("equatedDayForm:date_input")));
        // A Wednesday in June: never a holiday, so only the missing description is wrong.
        LocalDate day = LocalDate.of(LocalDate.now(Amsterdam.ZONE).getYear() + 1, 6, 1)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.WEDNESDAY));
        String typed = day.format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        date.sendKeys(typed, Keys.TAB);
        browser.findElement(By.id("equatedDayForm:save")).click();

        settled().until(driver -> text(driver, "messages").contains("Vul een omschrijving in"));
        assertTrue(text(browser, "messages").contains("Niet opgeslagen"), text(browser, "messages"));
        WebElement description = browser.findElement(By.id("equatedDayForm:description"));
        assertEquals("true", description.getAttribute("aria-invalid"), "the problem is shown at its field");
        assertEquals(typed, browser.findElement(By.id("equatedDayForm:date_input")).getAttribute("value"),
                "the date typed stays");
        assertFalse(text(browser, "equatedDaysForm:days").contains(typed), "nothing was saved");
    }

    @Test
    void fundManagerReadsTheEquatedDaysWithoutChangingThem() {
        chromium.login(base.toString(), DemoWorld.LOGINS.get(Role.FUND_MANAGER), DemoWorld.PASSWORD);
        browser.get(base + "admin/equated-days.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("equatedDaysForm:days")));
        assertTrue(text(browser, "equatedDaysForm:days").contains("15-05-2026")
                || text(browser, "equatedDaysForm:days").contains("15 mei 2026"), text(browser, "equatedDaysForm:days"));
        assertTrue(browser.findElements(By.id("equatedDayForm:save")).isEmpty(), "no form to add a day");
        assertTrue(browser.findElements(By.cssSelector("[id$=':remove']")).isEmpty(), "no row actions");
        assertTrue(text(browser, "equatedDaysKeeper").contains("beheerder van de installatie"),
                text(browser, "equatedDaysKeeper"));
    }

    /** A wait that looks again when an Ajax update replaced the element it was reading. */
    private static WebDriverWait settled() {
        return (WebDriverWait) chromium.waitUpTo(20).ignoring(StaleElementReferenceException.class);
    }

    /** Visible text with non-breaking spaces (as in "€ 1.234,50") made plain. */
    private static String text(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getText().replace('\u00a0', ' ');
    }
}
