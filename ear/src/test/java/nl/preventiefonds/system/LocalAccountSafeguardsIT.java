package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.preventiefonds.identity.TotpCodes;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Local accounts made safe (issue 19), black-box over HTTP as a browser does it: the password reset by mail link,
 * the second factor for staff (enrolment through the page, codes computed as an authenticator app does), the
 * throttle on registration, and a new session id at every login (no session fixation).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LocalAccountSafeguardsIT {
    private static final String NEW_PASSWORD = "Een nieuwe zin voor de buurt";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private WebSession session() throws Exception {
        return new WebSession(base.toURI());
    }

    private static String lastMailTo(String email) throws Exception {
        var rows = TestDatabase.query("SELECT body FROM outbound_mail WHERE recipient = ? ORDER BY id DESC", email);
        assertFalse(rows.isEmpty(), "a mail to " + email);
        return (String) rows.get(0).get(0);
    }

    private static String resetToken(String email) throws Exception {
        Matcher link = Pattern.compile("reset-password\\.xhtml\\?token=([A-Za-z0-9_-]+)").matcher(lastMailTo(email));
        assertTrue(link.find(), "the mail holds the reset link");
        return link.group(1);
    }

    private HttpResponse<String> askForReset(String email) throws Exception {
        HttpResponse<String> answer = session().submitForm("forgot-password.xhtml", "forgot", "submit",
                Map.of("email", email));
        assertEquals(200, answer.statusCode());
        return answer;
    }

    private static String visibleAnswer(String body) {
        Matcher done = Pattern.compile("<p id=\"forgotDone\"[^>]*>([^<]+)</p>").matcher(body);
        assertTrue(done.find(), "the request is answered");
        return done.group(1);
    }

    @Test
    void aPasswordIsResetByAMailLinkThatWorksOnceAndEndsOtherSessions() throws Exception {
        String email = TestDatabase.cloneAccount(Fixtures.ORGANISER, null);
        WebSession elsewhere = WebSession.loggedIn(base, email);
        assertEquals(200, elsewhere.get("organiser/index.xhtml").statusCode());

        String known = visibleAnswer(askForReset(email).body());
        String unknown = visibleAnswer(askForReset("nobody-" + UUID.randomUUID() + "@example.org").body());
        assertEquals(known, unknown, "the answer never tells whether the address has an account");
        String token = resetToken(email);

        String path = "reset-password.xhtml?token=" + token;
        HttpResponse<String> weak = session().submitForm(path, "reset", "submit",
                Map.of("newPassword", "1234567890", "newPasswordRepeat", "1234567890"));
        assertTrue(weak.body().contains("veelgebruikte of uitgelekte wachtwoorden"), "a breached password is refused");
        HttpResponse<String> done = session().submitForm(path, "reset", "submit",
                Map.of("newPassword", NEW_PASSWORD, "newPasswordRepeat", NEW_PASSWORD));
        assertTrue(done.body().contains("id=\"resetDone\""), "the new password is saved");

        HttpResponse<String> ended = elsewhere.get("organiser/index.xhtml");
        assertEquals(302, ended.statusCode(), "the session from before the reset has ended");
        assertTrue(ended.headers().firstValue("Location").orElseThrow().contains("login.xhtml"));
        assertEquals(200, session().login(email, Fixtures.PASSWORD).statusCode(), "the old password is refused");
        assertEquals(302, session().login(email, NEW_PASSWORD).statusCode(), "the new one logs in");

        HttpResponse<String> again = session().get(path);
        assertTrue(again.body().contains("id=\"resetInvalid\""), "a used link gives a clear page");
        assertFalse(again.body().contains("id=\"reset\""), "and no form");
        assertTrue(session().get("reset-password.xhtml?token=unknown-token").body().contains("id=\"resetInvalid\""));

        askForReset(email);
        String expiring = resetToken(email);
        TestDatabase.update("UPDATE account_token SET expires_at = ? WHERE purpose = 'PASSWORD_RESET' AND used_at IS"
                + " NULL AND user_id = ?", java.time.LocalDateTime.of(2020, 1, 1, 0, 0), TestDatabase.userId(email));
        assertTrue(session().get("reset-password.xhtml?token=" + expiring).body().contains("id=\"resetInvalid\""),
                "an expired link gives the same clear page");
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'PASSWORD_RESET'"
                + " AND subject_id = ?", String.valueOf(TestDatabase.userId(email))), "the reset is audited");
    }

    @Test
    void registrationsForOneAddressAreThrottledSoNobodyIsMailBombed() throws Exception {
        String email = "doelwit-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = session().submitForm("register.xhtml", "registration", "submit", Map.of(
                    "displayName", "Iemand", "email", email, "password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD));
            assertTrue(answer.body().contains("id=\"registrationDone\""), "registration " + (i + 1));
        }
        HttpResponse<String> refused = session().submitForm("register.xhtml", "registration", "submit", Map.of(
                "displayName", "Iemand", "email", email, "password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD));
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Te veel pogingen. Probeer het opnieuw na"), "a clear message with a time");
        assertFalse(refused.body().contains("id=\"registrationDone\""));
        assertTrue(refused.body().contains("value=\"Iemand\""), "what was typed is kept");
        assertEquals(3, TestDatabase.count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", email),
                "three mails at most in the hour");
    }

    @Test
    void theSessionIdChangesAtLoginSoAPlantedIdIsWorthless() throws Exception {
        String email = TestDatabase.cloneAccount(Fixtures.ORGANISER, null);
        WebSession victim = session();
        assertEquals(200, victim.get("login.xhtml").statusCode());
        String planted = victim.cookie("JSESSIONID");
        assertNotNull(planted, "the login page starts a session");
        assertEquals(302, victim.login(email, Fixtures.PASSWORD).statusCode());
        String afterLogin = victim.cookie("JSESSIONID");
        assertNotEquals(planted, afterLogin, "a new session id at login");
        assertEquals(200, victim.get("organiser/index.xhtml").statusCode());

        WebSession attacker = session();
        attacker.plantCookie("JSESSIONID", planted);
        HttpResponse<String> tried = attacker.get("organiser/index.xhtml");
        assertEquals(302, tried.statusCode(), "the id from before the login opens nothing");
        assertTrue(tried.headers().firstValue("Location").orElseThrow().contains("login.xhtml"));
    }

    @Test
    void aDecisionMakerEnrolsAtTheFirstLoginAndThenLogsInWithCodesThatWorkOnce() throws Exception {
        String email = TestDatabase.cloneAccount(Fixtures.DECISION_MAKER, null);
        TestDatabase.update("UPDATE app_user SET second_factor_waived = FALSE WHERE email = ?", email);

        WebSession first = session();
        HttpResponse<String> login = first.login(email, Fixtures.PASSWORD);
        assertEquals(302, login.statusCode());
        assertTrue(login.headers().firstValue("Location").orElseThrow().endsWith("account/second-factor.xhtml"),
                "sent to enrol");
        HttpResponse<String> work = first.get("decision/index.xhtml");
        assertEquals(302, work.statusCode(), "no work before enrolment");
        assertTrue(work.headers().firstValue("Location").orElseThrow().endsWith("account/second-factor.xhtml"));
        assertEquals(403, first.api("GET", "applications", null).statusCode(), "nor through the API");

        HttpResponse<String> enrolled = Authenticator.enrol(first, email);
        assertTrue(enrolled.body().contains("id=\"recoveryCodes\""), "recovery codes shown once");
        Matcher recovery = Pattern.compile("<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>").matcher(enrolled.body());
        assertTrue(recovery.find());
        String recoveryCode = recovery.group(1);
        assertFalse(first.get("account/second-factor.xhtml").body().contains("id=\"secret\""),
                "the secret is never shown again");
        assertEquals(200, first.get("decision/index.xhtml").statusCode(), "work once enrolled");
        String stored = (String) TestDatabase.query("SELECT totp_secret FROM app_user WHERE email = ?", email)
                .get(0).get(0);
        assertNotNull(stored);

        WebSession second = session();
        HttpResponse<String> passwordStep = second.login(email, Fixtures.PASSWORD);
        assertEquals(200, passwordStep.statusCode(), "the password alone does not log in");
        assertTrue(passwordStep.body().contains("id=\"code:code\""), "the code is asked for");
        assertEquals(302, second.get("decision/index.xhtml").statusCode(), "not logged in yet");
        String wrongCode = TotpCodes.codeAt(stored, java.time.Instant.now().minusSeconds(300));
        HttpResponse<String> wrong = second.submitForm("login.xhtml", "code", "submit", Map.of("code", wrongCode));
        assertTrue(wrong.body().contains("Deze code klopt niet of is al gebruikt"), "a wrong code is refused");
        String code = Authenticator.nextCode(email);
        HttpResponse<String> right = second.submitForm("login.xhtml", "code", "submit", Map.of("code", code));
        assertEquals(302, right.statusCode());
        assertTrue(right.headers().firstValue("Location").orElseThrow().endsWith("decision/index.xhtml"));
        assertEquals(200, second.get("decision/index.xhtml").statusCode());

        WebSession replay = session();
        replay.login(email, Fixtures.PASSWORD);
        HttpResponse<String> replayed = replay.submitForm("login.xhtml", "code", "submit", Map.of("code", code));
        assertEquals(200, replayed.statusCode(), "a code is accepted once, also within its 30 seconds");
        HttpResponse<String> withRecovery = replay.submitForm("login.xhtml", "code", "submit",
                Map.of("code", recoveryCode));
        assertEquals(302, withRecovery.statusCode(), "a recovery code stands in for the app");
        assertEquals(2, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'SECOND_FACTOR_FAILED'"
                + " AND subject_id = ?", String.valueOf(TestDatabase.userId(email))), "wrong codes are audited");
    }
}
