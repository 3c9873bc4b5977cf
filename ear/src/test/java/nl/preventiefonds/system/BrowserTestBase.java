package nl.preventiefonds.system;

import java.io.IOException;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Browser tests: the built EAR on the test server, one headless Chromium per test class. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class BrowserTestBase {
    protected static HeadlessChromium chromium;
    protected static WebDriver browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    protected URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = new HeadlessChromium();
        browser = chromium.browser;
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    /**
     * Picks an option of a PrimeFaces select menu and waits until the menu shows it; again when the click fell on
     * the panel while it was still opening (seen on a loaded machine: the option clicked, nothing chosen).
     */
    protected static void choose(String menuId, String label) throws IOException {
        for (int attempt = 1; attempt <= 3; attempt++) {
            chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(menuId))).click();
            chromium.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']"))).click();
            try {
                chromium.waitUpTo(5).until(ExpectedConditions.textToBe(By.id(menuId + "_label"), label));
                return;
            } catch (TimeoutException e) {
                chromium.fullPageScreenshot("choose-" + menuId.replace(':', '-') + "-attempt-" + attempt);
            }
        }
        throw new AssertionError("could not choose " + label + " in " + menuId);
    }
}
