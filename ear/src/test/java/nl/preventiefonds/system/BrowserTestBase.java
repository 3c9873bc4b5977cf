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
import org.openqa.selenium.WebDriver;

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
}
