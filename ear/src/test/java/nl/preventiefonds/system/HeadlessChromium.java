package nl.preventiefonds.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's chromium and chromedriver, headless (never a downloaded browser), with screenshots. */
final class HeadlessChromium implements AutoCloseable {
    private final ChromeDriverService service;
    final WebDriver browser;
    private final Path screenshots;

    HeadlessChromium() throws IOException {
        File driver = new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        File chromium = new File(System.getProperty("pf.chromium", "/usr/bin/chromium"));
        if (!driver.canExecute() || !chromium.canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (.ci/run does this). Missing: "
                    + (driver.canExecute() ? chromium : driver));
        }
        service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
        service.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=nl-NL",
                "--user-data-dir=" + Files.createTempDirectory("pf-chromium").toAbsolutePath());
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        screenshots = Path.of(System.getProperty("pf.screenshots.dir", "target/screenshots"));
        Files.createDirectories(screenshots);
    }

    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    /**
     * Screenshots are evidence, not assertions: on a loaded machine Chromium's renderer may miss its 10-second
     * answer to a capture (seen at load 20 with other builds on the machine). A capture is tried three times; when
     * all fail, the test goes on and says so in its output and in a NAME.png.missing file beside the screenshots,
     * as no assertion depends on the picture.
     */
    void screenshot(String name) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (TimeoutException slowRenderer) {
                if (attempt == 3) {
                    String reason = "screenshot " + name + " not taken: the renderer did not answer three times ("
                            + slowRenderer.getRawMessage() + ")";
                    System.err.println("HeadlessChromium: " + reason);
                    Files.writeString(screenshots.resolve(name + ".png.missing"), reason);
                    return;
                }
            }
        }
    }

    /** A screenshot of the whole page, not only the window (for long forms). */
    void fullPageScreenshot(String name) throws IOException {
        Dimension window = browser.manage().window().getSize();
        Object height = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(window.getWidth(),
                Math.max(window.getHeight(), ((Number) height).intValue() + 120)));
        try {
            screenshot(name);
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    void login(String base, String email, String password) {
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(email);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
        secondFactorIfAsked(email);
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("startPage")));
    }

    /**
     * Staff whose role asks for a second factor: enrolled on the page the login leads to the first time (the secret
     * goes into the tests' {@link Authenticator}), asked for a code every time after.
     */
    private void secondFactorIfAsked(String email) {
        waitUpTo(20).until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("startPage")),
                ExpectedConditions.presenceOfElementLocated(By.id("code:code")),
                ExpectedConditions.presenceOfElementLocated(By.id("secret"))));
        try {
            if (!browser.findElements(By.id("secret")).isEmpty()) {
                Authenticator.remember(email, browser.findElement(By.id("secret")).getText());
                browser.findElement(By.id("enrol:code")).sendKeys(Authenticator.nextCode(email));
                browser.findElement(By.id("enrol:submit")).click();
                waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id("continue"))).click();
            } else if (!browser.findElements(By.id("code:code")).isEmpty()) {
                browser.findElement(By.id("code:code")).sendKeys(Authenticator.nextCode(email));
                browser.findElement(By.id("code:submit")).click();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        browser.quit();
        service.stop();
    }
}
