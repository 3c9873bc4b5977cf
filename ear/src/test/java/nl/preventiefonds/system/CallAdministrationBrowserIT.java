package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import nl.preventiefonds.demo.DemoWorld;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.Amsterdam;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The fund manager creates a call in headless Chromium, gets the weights wrong, fixes them and saves. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallAdministrationBrowserIT {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static HeadlessChromium chromium;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = new HeadlessChromium();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static void retype(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    @Test
    void fundManagerCreatesACallFixingTheWeightsOnTheWay() throws IOException {
        WebDriver browser = chromium.browser();
        chromium.login(base.toString(), DemoWorld.LOGINS.get(Role.FUND_MANAGER), DemoWorld.PASSWORD);

        browser.findElement(By.id("menuCalls")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("callsForm:calls")));
        browser.findElement(By.cssSelector("#newCall, #newCall a")).click();
        WebElement title = chromium.waitUpTo(20).until(
                ExpectedConditions.presenceOfElementLocated(By.id("callForm:title")));

        String callTitle = "Browserronde " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(Amsterdam.ZONE);
        title.sendKeys(callTitle);
        browser.findElement(By.id("callForm:description")).sendKeys("Ontmoeting en minder eenzaamheid in de wijk.");
        browser.findElement(By.id("callForm:opensAt_input")).sendKeys(today.plusDays(1).format(DATE) + " 09:00");
        browser.findElement(By.id("callForm:closesAt_input")).sendKeys(today.plusDays(60).format(DATE) + " 17:00",
                Keys.TAB);
        WebElement maxAmount = browser.findElement(By.id("callForm:maxAmount_input"));
        maxAmount.click();
        maxAmount.sendKeys("25000", Keys.TAB);
        browser.findElement(By.cssSelector("label[for='callForm:themes:5']")).click();

        // 40 + 25 + 20 + 15 by default; 35 makes 95.
        retype(browser.findElement(By.id("callForm:criteria:0:criterionWeight")), "35");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBe(By.id("callForm:weightTotal"),
                "Totaal: 95% (moet 100% zijn)"));
        browser.findElement(By.id("callForm:save")).click();

        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "De wegingen van de criteria moeten samen 100% zijn; nu is het 95%."));
        String messages = browser.findElement(By.id("messages")).getText();
        assertTrue(messages.contains("Niet opgeslagen"), messages);
        assertEquals(callTitle, browser.findElement(By.id("callForm:title")).getAttribute("value"),
                "what was typed is kept");
        assertEquals("35", browser.findElement(By.id("callForm:criteria:0:criterionWeight")).getAttribute("value"));
        chromium.screenshot("call-weights-wrong");

        retype(browser.findElement(By.id("callForm:criteria:0:criterionWeight")), "40");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBe(By.id("callForm:weightTotal"), "Totaal: 100%"));
        browser.findElement(By.id("callForm:save")).click();

        chromium.waitUpTo(20).until(ExpectedConditions.urlContains("admin/calls.xhtml"));
        WebElement table = chromium.waitUpTo(20).until(
                ExpectedConditions.presenceOfElementLocated(By.id("callsForm:calls")));
        assertTrue(table.getText().contains(callTitle), "the new call is listed");
        assertTrue(browser.findElement(By.id("messages")).getText()
                .contains("Subsidieronde " + callTitle + " is aangemaakt."));
        chromium.screenshot("call-saved-in-list");
    }
}
