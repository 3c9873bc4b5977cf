package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Municipal staff log in through their municipality's own identity provider: a real Keycloak (realm
 * gemeente-assen of src/test/keycloak), its own login page in the browser. The installation administrator connects
 * Assen on the screen; an officer of Assen logs in at Keycloak and works; logging out ends the Keycloak session too;
 * people Assen does not know are refused with a clear page, and so are a replayed or forged return from the provider.
 */
class OidcLoginBrowserIT extends BrowserTestBase {
    private static final String INSTALLATION_ADMIN = "installatie@test.preventiefonds.nl";
    private static final String INSTALLATION_PASSWORD = "Eerste-installatie-2026";
    private static final String SECRET = "assen-test-secret";
    private static final String KEYCLOAK_PASSWORD = "Keycloak-2026";

    @BeforeAll
    static void keycloak() {
        Keycloak.awaitReady();
    }

    /** The installation administrator connects Assen to its provider on the screen (once per run). */
    private void assenConnected() throws Exception {
        if (TestDatabase.count("SELECT COUNT(*) FROM municipal_login l JOIN municipality m ON m.id = l.municipality_id"
                + " WHERE m.code = 'GM0106' AND l.enabled = TRUE") > 0) {
            return;
        }
        chromium.login(base.toString(), INSTALLATION_ADMIN, INSTALLATION_PASSWORD);
        browser.get(base + "installation/municipal-login.xhtml?code=GM0106");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBe(By.id("oidcHeading"), "Assen"));
        browser.findElement(By.id("oidcForm:issuer")).sendKeys(Keycloak.issuer("gemeente-assen"));
        browser.findElement(By.id("oidcForm:clientId")).sendKeys("preventiefonds");
        browser.findElement(By.id("oidcForm:clientSecret")).sendKeys(SECRET);
        browser.findElement(By.id("oidcForm:officerGroups")).sendKeys("subsidieadviseurs");
        browser.findElement(By.id("oidcForm:decisionMakerGroups")).sendKeys("beslissers");
        browser.findElement(By.id("oidcForm:fundManagerGroups")).sendKeys("fondsbeheerders");
        browser.findElement(By.id("oidcForm:save")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "De inloginstellingen van Assen zijn opgeslagen."));
        assertEquals("Er is een client-geheim ingesteld.", browser.findElement(By.id("secretState"))
                .getText().strip());
        assertFalse(browser.getPageSource().contains(SECRET), "the secret is never sent back to a browser");
        assertEquals(0L, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE before_summary LIKE ?"
                + " OR after_summary LIKE ?", "%" + SECRET + "%", "%" + SECRET + "%"), "nor written to the audit trail");
        assertEquals(1L, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action ="
                + " 'MUNICIPAL_LOGIN_CONFIGURED' AND actor = ?", INSTALLATION_ADMIN));
        browser.findElement(By.id("logoutForm:logout")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.urlContains("loggedOut=true"));
    }

    /** A fresh browser: no session here, none at Keycloak. */
    private void forgetEverything() {
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    private void startMunicipalLogin() {
        browser.get(base + "login.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id("oidc-GM0106"))).click();
        chromium.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().startsWith(Keycloak.issuer("gemeente-assen")),
                "Keycloak's own login page: " + browser.getCurrentUrl());
    }

    private void atKeycloak(String username) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(KEYCLOAK_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
    }

    private String sessionCookie() {
        Cookie cookie = browser.manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    @Test
    void anOfficerOfAssenLogsInAtKeycloakWorksAndLogsOutThere() throws Exception {
        assenConnected();
        forgetEverything();
        browser.get(base + "login.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("oidc-GM0106"),
                "Inloggen met uw gemeente-account (Assen)"));
        String before = sessionCookie();
        assertNotNull(before, "the login page's session");
        startMunicipalLogin();
        atKeycloak("adviseur");

        chromium.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#startPage[data-role='officer']")));
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.className("pf-municipality"),
                "Assen"));
        assertTrue(browser.findElement(By.id("list")).isDisplayed(), "the officer's work list");
        assertNotEquals(before, sessionCookie(), "a new session id after the login (no session fixation)");
        chromium.screenshot("oidc-officer-work-list");
        // They work: the deadlines page of their work is theirs to open.
        browser.get(base + "officer/deadlines.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("logoutForm:logout")));
        assertFalse(browser.getCurrentUrl().contains("login"), browser.getCurrentUrl());

        browser.findElement(By.id("logoutForm:logout")).click();
        chromium.waitUpTo(30).until(ExpectedConditions.urlContains("loggedOut=true"));
        assertTrue(browser.getCurrentUrl().startsWith(base.toString()), "back in the application after Keycloak's"
                + " logout: " + browser.getCurrentUrl());
        browser.get(base + "officer/index.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("login:email")));

        // Keycloak's session ended too: a new login asks for the password again instead of passing straight on.
        startMunicipalLogin();
        assertTrue(browser.findElement(By.id("password")).isDisplayed());
    }

    @Test
    void peopleAssenDoesNotKnowAreRefusedWithAClearPage() throws Exception {
        assenConnected();
        forgetEverything();
        startMunicipalLogin();
        atKeycloak("onbekend");
        chromium.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("loginRefused")));
        assertEquals("oidc.refused.unknown", browser.findElement(By.id("loginRefused")).getAttribute("data-reason"));
        assertTrue(browser.findElement(By.id("loginRefused")).getText().contains(
                "u heeft geen account als medewerker van deze gemeente"), browser.findElement(By.id("loginRefused"))
                .getText());
        browser.get(base + "officer/index.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("login:email")));
        chromium.screenshot("oidc-refused-unknown");
    }

    /**
     * Cookies as Chromium keeps them for localhost: Keycloak marks its login cookies Secure (SameSite=None), which a
     * browser sends to http://localhost but java.net's cookie manager only over https.
     */
    private static HttpClient browserLikeClient() {
        CookieManager cookies = new CookieManager() {
            @Override
            public void put(URI uri, Map<String, java.util.List<String>> headers) throws java.io.IOException {
                Map<String, java.util.List<String>> plain = new java.util.HashMap<>();
                headers.forEach((name, values) -> plain.put(name, name == null ? values : values.stream()
                        .map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList()));
                super.put(uri, plain);
            }
        };
        return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    /**
     * The protocol without a browser, to replay what a browser would never send twice: the provider's return to the
     * application (code and state) is accepted once; the same return again, and a return with a state this session
     * never started, are refused with the page, and log nobody in.
     */
    @Test
    void aReturnFromTheProviderCountsOnceAndOnlyForTheLoginItBelongsTo() throws Exception {
        assenConnected();
        HttpClient http = browserLikeClient();
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create(base + "oidc/login?municipality=GM0106"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, start.statusCode());
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertTrue(authorize.startsWith(Keycloak.issuer("gemeente-assen")), authorize);
        assertTrue(authorize.contains("code_challenge_method=S256") && authorize.contains("nonce="), authorize);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = FORM_ACTION.matcher(page.body());
        assertTrue(action.find(), "Keycloak's login form");
        String form = "username=adviseur&password=" + URLEncoder.encode(KEYCLOAK_PASSWORD, StandardCharsets.UTF_8)
                + "&credentialId=";
        HttpResponse<String> back = http.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, back.statusCode(), "Keycloak sends the browser back: " + back.body());
        URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertTrue(callback.toString().startsWith(base + "oidc/callback?"), callback.toString());

        HttpResponse<String> first = http.send(HttpRequest.newBuilder(callback).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, first.statusCode(), first.body());
        assertTrue(first.headers().firstValue("Location").orElseThrow().endsWith("/officer/index.xhtml"));

        HttpResponse<String> replayed = http.send(HttpRequest.newBuilder(callback).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, replayed.statusCode());
        assertTrue(replayed.body().contains("data-reason=\"oidc.refused.state\""), replayed.body());
        assertTrue(replayed.body().contains("Deze inlogpoging is verlopen, al gebruikt of niet in deze browser begonnen"));

        // The same return in another browser (an attacker's, or a link sent round): no login started there.
        HttpClient other = browserLikeClient();
        HttpResponse<String> elsewhere = other.send(HttpRequest.newBuilder(callback).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, elsewhere.statusCode());
        HttpResponse<String> stillOut = other.send(HttpRequest.newBuilder(URI.create(base + "officer/index.xhtml"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, stillOut.statusCode(), "not logged in there");
        assertTrue(stillOut.headers().firstValue("Location").orElseThrow().contains("login.xhtml"));

        // A forged return with an error instead of a code, and one with nothing at all.
        HttpResponse<String> cancelled = other.send(HttpRequest.newBuilder(URI.create(base
                + "oidc/callback?error=access_denied&state=verzonnen")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, cancelled.statusCode());
        HttpResponse<String> empty = other.send(HttpRequest.newBuilder(URI.create(base + "oidc/callback")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("id=\"loginRefused\""));
    }
}
