package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import nl.preventiefonds.demo.DemoWorld;
import nl.preventiefonds.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's chromium and chromedriver, never a downloaded browser) logs in as
 * each role. Screenshots go to target/screenshots for review.
 */
class BrowserIT extends BrowserTestBase {
    private WebDriverWait waitUpTo(int seconds) {
        return chromium.waitUpTo(seconds);
    }

    private void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleLogsInAndSeesItsStartPage(Role role) throws IOException {
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(DemoWorld.LOGINS.get(role));
        browser.findElement(By.id("login:password")).sendKeys(DemoWorld.PASSWORD);
        browser.findElement(By.id("login:submit")).click();

        WebElement start = waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("startPage")));
        assertTrue(browser.getCurrentUrl().endsWith(role.startPage()), browser.getCurrentUrl());
        assertTrue(start.isDisplayed());
        assertTrue(browser.findElement(By.id("currentUser")).getText().length() > 3, "header names the user");
        assertEquals("nl", browser.findElement(By.tagName("html")).getAttribute("lang"), "Dutch by default");
        screenshot("start-" + role.roleName());

        browser.findElement(By.id("logoutForm:logout")).click();
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("loggedOutNotice")));
    }

    @Test
    void visitorSwitchesToEnglishAndBack() throws IOException {
        browser.manage().deleteAllCookies();
        browser.get(base + "index.xhtml");
        assertEquals("Welkom bij het Preventiefonds", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("demoNote")).isDisplayed(), "demo data is marked as such");
        screenshot("home-nl");
        browser.findElement(By.id("langEn")).click();
        waitUpTo(20).until(ExpectedConditions.textToBe(By.tagName("h1"), "Welcome to the Preventiefonds"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        screenshot("home-en");
        browser.findElement(By.id("langNl")).click();
        waitUpTo(20).until(ExpectedConditions.textToBe(By.tagName("h1"), "Welkom bij het Preventiefonds"));
    }

    @Test
    void fundManagerFiltersTheAuditTrail() throws IOException {
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(DemoWorld.LOGINS.get(Role.FUND_MANAGER));
        browser.findElement(By.id("login:password")).sendKeys(DemoWorld.PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("startPage")));

        browser.get(base + "admin/audit.xhtml");
        browser.findElement(By.id("auditFilter:action")).sendKeys("DEMO_WORLD");
        browser.findElement(By.id("auditFilter:apply")).click();
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("auditTable:entries"), "DEMO_WORLD_LOADED"));
        waitUpTo(20).until(driver -> driver.findElements(By.cssSelector("#auditTable\\:entries_data tr")).size() == 1);
        screenshot("audit-trail-filtered");
    }
}
