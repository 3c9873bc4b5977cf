package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The pages' one exception handler (ProblemExceptionHandlerFactory): a service's refusal on a postback is a Dutch
 * message on the same page with what was typed still there, not the error page; a page opened for something the
 * caller may not see answers 403 (one log line, no stack trace), an unknown object 404.
 */
class PageExceptionBrowserIT extends BrowserTestBase {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";

    @Test
    void aRefusalOnAPostbackIsAMessageOnTheSamePageWithTheInputKept() throws Exception {
        chromium.login(base.toString(), FUND_MANAGER, Fixtures.PASSWORD);
        browser.get(base + "admin/users.xhtml");
        waitFor(By.id("newUser:create"), "users page");
        String page = browser.getCurrentUrl();
        browser.findElement(By.id("newUser:displayName")).sendKeys("Proef Weigering");
        // An address of someone who works here already: only the service knows, no validator on the page.
        browser.findElement(By.id("newUser:email")).sendKeys(Fixtures.OFFICER);
        browser.findElement(By.id("newUser:password")).sendKeys(Fixtures.PASSWORD);
        long accounts = TestDatabase.count("SELECT COUNT(*) FROM app_user");
        long memberships = TestDatabase.count("SELECT COUNT(*) FROM staff_membership");
        browser.findElement(By.id("newUser:create")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Deze persoon werkt al voor deze gemeente."));
        assertEquals(page, browser.getCurrentUrl(), "the same page, not the error page");
        assertTrue(browser.findElements(By.id("errorPage")).isEmpty());
        assertEquals("Proef Weigering", browser.findElement(By.id("newUser:displayName")).getAttribute("value"),
                "what was typed is kept");
        assertEquals(Fixtures.OFFICER, browser.findElement(By.id("newUser:email")).getAttribute("value"));
        assertEquals(accounts, TestDatabase.count("SELECT COUNT(*) FROM app_user"), "nothing stored");
        assertEquals(memberships, TestDatabase.count("SELECT COUNT(*) FROM staff_membership"), "no second role");
    }

    @Test
    void aPageForWhatTheCallerMayNotSeeIs403WithOneLogLineAndAnUnknownObject404() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("100000.00");
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        long before = Files.size(log);

        // An organiser opens the ranking of a call: the service refuses the role.
        chromium.login(base.toString(), Fixtures.ORGANISER, Fixtures.PASSWORD);
        browser.get(base + "applications/ranking.xhtml?call=" + fund.callId());
        waitFor(By.id("errorPage"), "forbidden page");
        assertTrue(browser.findElement(By.id("errorPage")).getText().contains("U heeft geen toegang"),
                "the forbidden page, not the general error page: " + browser.findElement(By.id("errorPage")).getText());
        assertTrue(browser.findElements(By.id("rankingForm")).isEmpty());
        WebSession organiser = WebSession.loggedIn(base, Fixtures.ORGANISER);
        HttpResponse<String> forbidden = organiser.get("applications/ranking.xhtml?call=" + fund.callId());
        assertEquals(403, forbidden.statusCode());
        assertFalse(forbidden.body().contains("EJBAccessException") || forbidden.body().contains("\tat "));

        Thread.sleep(500); // the file handler writes asynchronously enough to need a moment
        String written;
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(before);
            written = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> refusals = written.lines().filter(line -> line.contains("Page access refused (403)")).toList();
        assertEquals(2, refusals.size(), "one line per refused request (browser and client): " + written);
        assertTrue(refusals.stream().allMatch(line -> line.contains("WARN") && line.contains(Fixtures.ORGANISER)
                && line.contains("/applications/ranking.xhtml")), refusals.toString());
        assertFalse(written.contains("EJBAccessException") || written.contains("\tat "), written);

        // An officer may see rankings, but of no call that does not exist: the not-found page.
        WebSession officer = WebSession.loggedIn(base, Fixtures.OFFICER);
        HttpResponse<String> unknown = officer.get("applications/ranking.xhtml?call=987654321");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("id=\"errorPage\"") && unknown.body().contains("Pagina niet gevonden"),
                unknown.body());
        HttpResponse<String> known = officer.get("applications/ranking.xhtml?call=" + fund.callId());
        assertEquals(200, known.statusCode());
        assertTrue(known.body().contains("id=\"rankingForm\""), "the officer's own ranking page");
    }

    private void waitFor(By locator, String step) throws Exception {
        try {
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(locator));
        } catch (TimeoutException e) {
            chromium.fullPageScreenshot("page-exception-stuck-" + step);
            throw new AssertionError("did not reach " + step + "; messages: " + browser.findElements(By.id("messages"))
                    .stream().map(WebElement::getText).collect(Collectors.joining()), e);
        }
    }
}
