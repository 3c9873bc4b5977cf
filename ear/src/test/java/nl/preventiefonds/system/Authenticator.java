package nl.preventiefonds.system;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.preventiefonds.identity.TotpCodes;

/**
 * The tests' authenticator app: it keeps the secret an enrolment page showed (as a person types it into their app)
 * and computes codes with the same RFC 6238 library. A code is accepted once, so two logins of one account within
 * the same 30 seconds take the next step's code (the server accepts one step ahead), or wait for the step after.
 */
final class Authenticator {
    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta.faces.ViewState\" id=\"[^\"]*\" value=\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("<code id=\"secret\">([A-Z2-7 ]+)</code>");
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private Authenticator() {
    }

    /** The secret as the page shows it (in groups of four). */
    static void remember(String email, String shownSecret) {
        SECRETS.put(email.toLowerCase(java.util.Locale.ROOT), shownSecret.replaceAll("\\s", ""));
        LAST_STEP.remove(email.toLowerCase(java.util.Locale.ROOT));
    }

    static boolean knows(String email) {
        return SECRETS.containsKey(email.toLowerCase(java.util.Locale.ROOT));
    }

    /** A code the server has not accepted before for this account. */
    static synchronized String nextCode(String email) throws InterruptedException {
        String key = email.toLowerCase(java.util.Locale.ROOT);
        String secret = SECRETS.get(key);
        if (secret == null) {
            throw new AssertionError("no second factor enrolled by this test run for " + email);
        }
        long step = Math.max(currentStep(), LAST_STEP.getOrDefault(key, Long.MIN_VALUE) + 1);
        while (step > currentStep() + 1) {
            Thread.sleep(1000); // the server accepts at most one step ahead: wait for the clock to catch up
        }
        LAST_STEP.put(key, step);
        return TotpCodes.code(secret, step);
    }

    private static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
    }

    /**
     * Logs a session in as a person with an authenticator app does: enrols on the page the login leads to when
     * the role asks for a second factor the account lacks, answers the code step when it has one. The last answer
     * (a redirect when logged in).
     */
    static HttpResponse<String> logIn(WebSession session, String email, String password) throws Exception {
        HttpResponse<String> answer = session.login(email, password);
        if (answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("")
                .endsWith("account/second-factor.xhtml")) {
            HttpResponse<String> enrolled = enrol(session, email);
            if (!enrolled.body().contains("id=\"recoveryCodes\"")) {
                throw new AssertionError("enrolment of " + email + " failed: " + enrolled.body());
            }
            return answer;
        }
        if (answer.statusCode() == 200 && answer.body().contains("id=\"code:code\"")) {
            return session.submitForm("login.xhtml", "code", "submit", Map.of("code", nextCode(email)));
        }
        return answer;
    }

    /** The enrolment page's form posted with a code of the secret shown on that same page. */
    static HttpResponse<String> enrol(WebSession session, String email) throws Exception {
        HttpResponse<String> page = session.get("account/second-factor.xhtml");
        if (page.statusCode() != 200 || !page.body().contains("<svg")) {
            throw new AssertionError("no enrolment page with a QR code: HTTP " + page.statusCode());
        }
        Matcher secret = SECRET.matcher(page.body());
        Matcher viewState = VIEW_STATE.matcher(page.body());
        if (!secret.find() || !viewState.find()) {
            throw new AssertionError("no secret or form on the enrolment page");
        }
        remember(email, secret.group(1));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("enrol", "enrol");
        form.put("enrol:code", nextCode(email));
        form.put("enrol:submit", "");
        form.put("jakarta.faces.ViewState", viewState.group(1));
        return session.postForm("account/second-factor.xhtml", form);
    }
}
