package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.preventiefonds.demo.DemoWorld;
import nl.preventiefonds.identity.Role;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Login per role, access across roles, registration, lockout: black-box over HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginAndAccessIT {
    private static final String LOGIN_FAILED_NL = "De combinatie van e-mailadres en wachtwoord is onjuist";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private WebSession session() throws Exception {
        return new WebSession(base.toURI());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleLogsInAndLandsOnItsOwnStartPage(Role role) throws Exception {
        WebSession session = session();
        HttpResponse<String> response = session.login(DemoWorld.LOGINS.get(role), DemoWorld.PASSWORD);
        assertEquals(302, response.statusCode(), "login redirects");
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith(role.startPage()), "start page of " + role + " but was " + location);

        HttpResponse<String> start = session.get(role.startPage().substring(1));
        assertEquals(200, start.statusCode());
        assertTrue(start.body().contains("id=\"startPage\""), "start page rendered for " + role);
        assertTrue(start.body().contains("id=\"currentUser\""), "header names the user");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void noRoleSeesAnotherRolesPages(Role role) throws Exception {
        WebSession session = session();
        session.login(DemoWorld.LOGINS.get(role), DemoWorld.PASSWORD);
        for (Role other : Role.values()) {
            int status = session.get(other.startPage().substring(1)).statusCode();
            if (other == role) {
                assertEquals(200, status, role + " on own start page");
            } else {
                assertEquals(403, status, role + " must not open the pages of " + other);
            }
        }
    }

    @Test
    void theServersRootLeadsToTheApplication() throws Exception {
        URI root = base.toURI().resolve("/");
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(root).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answer.statusCode(), "the root redirects, it does not answer 404");
        URI target = root.resolve(answer.headers().firstValue("Location").orElseThrow());
        assertEquals(base.toURI().resolve("/preventiefonds/"), target);
        HttpResponse<String> home = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(root).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Welkom bij het Preventiefonds"), "the public start page");
        assertEquals(404, client.send(HttpRequest.newBuilder(root.resolve("/no-such-thing")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "only the root itself is redirected");
    }

    @Test
    void anonymousVisitorIsSentToLoginForEveryProtectedPage() throws Exception {
        WebSession session = session();
        for (Role role : Role.values()) {
            HttpResponse<String> response = session.get(role.startPage().substring(1));
            assertEquals(302, response.statusCode());
            assertTrue(response.headers().firstValue("Location").orElseThrow().contains("login.xhtml"));
        }
        assertEquals(200, session.get("index.xhtml").statusCode(), "the public start page needs no login");
    }

    @Test
    void wrongPasswordAndUnknownAddressGiveTheSameAnswer() throws Exception {
        HttpResponse<String> wrongPassword = session().login(DemoWorld.LOGINS.get(Role.OFFICER), "not-the-password");
        HttpResponse<String> unknownUser = session().login("nobody-" + UUID.randomUUID() + "@example.org",
                "not-the-password");
        assertEquals(200, wrongPassword.statusCode());
        assertEquals(200, unknownUser.statusCode());
        assertTrue(wrongPassword.body().contains(LOGIN_FAILED_NL));
        assertTrue(unknownUser.body().contains(LOGIN_FAILED_NL));
        assertEquals(errorMessages(wrongPassword.body()), errorMessages(unknownUser.body()));
    }

    /**
     * Regression: after one mistyped login every protected page of that session answered an empty 200 (a blank
     * browser window) instead of the login page, until a login succeeded.
     */
    @Test
    void afterAFailedLoginAProtectedPageLeadsToTheLoginPageAgain() throws Exception {
        WebSession session = session();
        assertEquals(200, session.login("nobody-" + UUID.randomUUID() + "@example.org", "not-the-password")
                .statusCode());
        for (Role role : Role.values()) {
            HttpResponse<String> page = session.get(role.startPage().substring(1));
            assertEquals(302, page.statusCode(), role + ": HTTP " + page.statusCode() + ", body of "
                    + page.body().length() + " characters");
            assertTrue(page.headers().firstValue("Location").orElseThrow().contains("login.xhtml"));
        }
        assertEquals(302, session.login(DemoWorld.LOGINS.get(Role.PARTNER), DemoWorld.PASSWORD).statusCode());
        HttpResponse<String> portal = session.get("partner/index.xhtml");
        assertEquals(200, portal.statusCode());
        assertTrue(portal.body().contains("Partnerportaal"), "the partner portal itself");
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        WebSession session = session();
        session.login(DemoWorld.LOGINS.get(Role.FUND_MANAGER), DemoWorld.PASSWORD);
        assertEquals(200, session.get("admin/index.xhtml").statusCode());
        HttpResponse<String> loggedOut = session.submitForm("admin/index.xhtml", "logoutForm", "logout", Map.of());
        assertEquals(302, loggedOut.statusCode());
        assertEquals(302, session.get("admin/index.xhtml").statusCode(), "after logout the page needs login again");
    }

    @Test
    void organiserRegistersConfirmsAddressLogsInAndIsLockedAfterFiveFailures() throws Exception {
        String email = "bewoner-" + UUID.randomUUID() + "@example.org";
        String password = "Een wijk vol buren";
        HttpResponse<String> registered = session().submitForm("register.xhtml", "registration", "submit",
                Map.of("displayName", "Bea Bewoner", "email", email, "password", password, "passwordRepeat", password));
        assertEquals(200, registered.statusCode());
        assertTrue(registered.body().contains("id=\"registrationDone\""), "registration accepted");

        HttpResponse<String> unconfirmed = session().login(email, password);
        assertEquals(200, unconfirmed.statusCode(), "an unconfirmed account cannot log in");
        assertTrue(unconfirmed.body().contains(LOGIN_FAILED_NL));

        String mail = (String) TestDatabase.query("SELECT body FROM outbound_mail WHERE recipient = ?", email)
                .get(0).get(0);
        Matcher link = Pattern.compile("activate\\.xhtml\\?token=([A-Za-z0-9_-]+)").matcher(mail);
        assertTrue(link.find(), "confirmation mail holds the activation link");
        HttpResponse<String> activated = session().get("activate.xhtml?token=" + link.group(1));
        assertTrue(activated.body().contains("id=\"activated\""));
        HttpResponse<String> reused = session().get("activate.xhtml?token=" + link.group(1));
        assertTrue(reused.body().contains("id=\"activationFailed\""), "a link works once");

        HttpResponse<String> login = session().login(email, password);
        assertEquals(302, login.statusCode());
        assertTrue(login.headers().firstValue("Location").orElseThrow().endsWith(Role.ORGANISER.startPage()));

        for (int i = 0; i < 5; i++) {
            assertEquals(200, session().login(email, "wrong password " + i).statusCode());
        }
        HttpResponse<String> afterLock = session().login(email, password);
        assertEquals(200, afterLock.statusCode(), "the right password is refused while locked");
        assertTrue(afterLock.body().contains(LOGIN_FAILED_NL), "and the answer does not reveal the lock");
        assertNotNull(TestDatabase.query("SELECT locked_until FROM app_user WHERE email = ?", email).get(0).get(0));
        assertEquals(1, TestDatabase.count(
                "SELECT COUNT(*) FROM audit_entry WHERE actor = ? AND action = 'ACCOUNT_LOCKED'", email));
    }

    @Test
    void registeringAnExistingAddressLooksTheSameButOnlyMailsTheOwner() throws Exception {
        String existing = DemoWorld.LOGINS.get(Role.ORGANISER);
        long accountsBefore = TestDatabase.count("SELECT COUNT(*) FROM app_user");
        HttpResponse<String> response = session().submitForm("register.xhtml", "registration", "submit",
                Map.of("displayName", "Iemand Anders", "email", existing, "password", "Geheim wachtwoord 1",
                        "passwordRepeat", "Geheim wachtwoord 1"));
        assertTrue(response.body().contains("id=\"registrationDone\""), "same answer as a new registration");
        assertEquals(accountsBefore, TestDatabase.count("SELECT COUNT(*) FROM app_user"), "no account created");
        List<List<Object>> mails = TestDatabase.query(
                "SELECT subject FROM outbound_mail WHERE recipient = ? ORDER BY id DESC", existing);
        assertFalse(mails.isEmpty());
        assertTrue(((String) mails.get(0).get(0)).startsWith("Aanmelding met uw e-mailadres"));
    }

    @Test
    void registrationWithBadInputKeepsWhatWasTypedAndExplainsEveryProblem() throws Exception {
        HttpResponse<String> response = session().submitForm("register.xhtml", "registration", "submit",
                Map.of("displayName", "Cor Corrector", "email", "geen-adres", "password", "kort",
                        "passwordRepeat", "kort"));
        assertEquals(200, response.statusCode());
        String body = response.body();
        assertTrue(body.contains("Vul een geldig e-mailadres in"), "e-mail problem explained");
        assertTrue(body.contains("minimaal 10 tekens"), "password problem explained");
        assertTrue(body.contains("value=\"Cor Corrector\""), "the name is kept");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM app_user WHERE email = 'geen-adres'"));
    }

    /** The fund manager creates an officer account through the users page. */
    private HttpResponse<String> createOfficer(String email) throws Exception {
        WebSession admin = session();
        admin.login(DemoWorld.LOGINS.get(Role.FUND_MANAGER), DemoWorld.PASSWORD);
        return admin.submitForm("admin/users.xhtml", "newUser", "create", Map.of("displayName", "Nieuwe Adviseur",
                "email", email, "role_input", "OFFICER", "password", "Start wachtwoord 2026"));
    }

    @Test
    void fundManagerCreatesAStaffAccountThatCanLogInAndIsAudited() throws Exception {
        String email = "nieuwe-adviseur-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> created = createOfficer(email);
        assertEquals(200, created.statusCode());
        assertTrue(created.body().contains(email), "the new account is listed");

        HttpResponse<String> login = session().login(email, "Start wachtwoord 2026");
        assertEquals(302, login.statusCode());
        assertTrue(login.headers().firstValue("Location").orElseThrow().endsWith(Role.OFFICER.startPage()));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'ACCOUNT_CREATED'"
                + " AND actor = ? AND after_summary LIKE ?", DemoWorld.LOGINS.get(Role.FUND_MANAGER), "%" + email + "%"));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", email),
                "the new user is told by mail");
    }

    @Test
    void simultaneousLoginsOfOneAccountAllSucceed() throws Exception {
        // Found by the fault script: logins at the same moment failed with a 500 on the account row's @Version.
        String email = "tegelijk-" + UUID.randomUUID() + "@example.org";
        createOfficer(email);
        int logins = 6;
        List<WebSession> sessions = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            sessions.add(session());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(logins);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (WebSession s : sessions) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return s.login(email, "Start wachtwoord 2026").statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(302, answer.get(), "every login redirects to the start page");
            }
        } finally {
            pool.shutdownNow();
        }
        for (WebSession s : sessions) {
            assertEquals(200, s.get("officer/index.xhtml").statusCode(), "every session is logged in");
        }
        assertEquals(logins, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'LOGIN' AND actor = ?",
                email), "every login is audited");
    }

    @Test
    void blockingAnAccountEndsASessionThatIsAlreadyLoggedIn() throws Exception {
        String email = "te-blokkeren-" + UUID.randomUUID() + "@example.org";
        createOfficer(email);
        WebSession blocked = session();
        assertEquals(302, blocked.login(email, "Start wachtwoord 2026").statusCode());
        assertEquals(200, blocked.get("officer/index.xhtml").statusCode());

        try (var connection = TestDatabase.connect(); var statement = connection.prepareStatement(
                "UPDATE app_user SET status = 'DISABLED' WHERE email = ?")) {
            statement.setString(1, email);
            assertEquals(1, statement.executeUpdate());
        }
        HttpResponse<String> next = blocked.get("officer/index.xhtml");
        assertEquals(302, next.statusCode(), "the next request of the blocked user is sent to login");
        assertEquals(302, blocked.get("officer/index.xhtml").statusCode(), "and the session is gone");
    }

    @Test
    void registeringAgainBeforeConfirmingSendsAFreshLink() throws Exception {
        String email = "vergeten-" + UUID.randomUUID() + "@example.org";
        Map<String, String> form = Map.of("displayName", "Vera Vergeten", "email", email,
                "password", "Mijn eerste wachtwoord", "passwordRepeat", "Mijn eerste wachtwoord");
        session().submitForm("register.xhtml", "registration", "submit", form);
        session().submitForm("register.xhtml", "registration", "submit", form);
        List<List<Object>> mails = TestDatabase.query(
                "SELECT body FROM outbound_mail WHERE recipient = ? ORDER BY id", email);
        assertEquals(2, mails.size(), "a second confirmation mail");
        Matcher link = Pattern.compile("activate\\.xhtml\\?token=([A-Za-z0-9_-]+)").matcher((String) mails.get(1).get(0));
        assertTrue(link.find());
        assertTrue(session().get("activate.xhtml?token=" + link.group(1)).body().contains("id=\"activated\""));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM app_user WHERE email = ?", email));
    }

    @Test
    void aUserChangesTheirPasswordOnlyWithTheCurrentOne() throws Exception {
        String email = "wisselaar-" + UUID.randomUUID() + "@example.org";
        createOfficer(email);
        WebSession user = session();
        user.login(email, "Start wachtwoord 2026");

        HttpResponse<String> wrong = user.submitForm("account/password.xhtml", "password", "submit", Map.of(
                "currentPassword", "niet mijn wachtwoord", "newPassword", "Nieuw geheim voor mij",
                "newPasswordRepeat", "Nieuw geheim voor mij"));
        assertTrue(wrong.body().contains("Het huidige wachtwoord klopt niet"));

        HttpResponse<String> changed = user.submitForm("account/password.xhtml", "password", "submit", Map.of(
                "currentPassword", "Start wachtwoord 2026", "newPassword", "Nieuw geheim voor mij",
                "newPasswordRepeat", "Nieuw geheim voor mij"));
        assertTrue(changed.body().contains("id=\"passwordChanged\""));
        assertEquals(200, session().login(email, "Start wachtwoord 2026").statusCode(), "the old one is refused");
        assertEquals(302, session().login(email, "Nieuw geheim voor mij").statusCode(), "the new one works");
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE actor = ? AND action = 'PASSWORD_CHANGED'",
                email));
        assertEquals(302, session().get("account/password.xhtml").statusCode(), "the page needs a login");
    }

    @Test
    void onlyAFundManagerOpensUserAdministration() throws Exception {
        WebSession officer = session();
        officer.login(DemoWorld.LOGINS.get(Role.OFFICER), DemoWorld.PASSWORD);
        assertEquals(403, officer.get("admin/users.xhtml").statusCode());
        assertEquals(403, officer.get("admin/audit.xhtml").statusCode());
    }

    @Test
    void healthReportsTheDatabase() throws Exception {
        HttpResponse<String> health = session().get("health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\":\"UP\""));
    }

    @Test
    void everyPageNamesItsIconSoNoBrowserAsksForOneOutsideTheApplication() throws Exception {
        WebSession visitor = session();
        String login = visitor.get("login.xhtml").body();
        assertTrue(login.contains("rel=\"icon\"") && login.contains("/resources/images/favicon.svg"), login);
        HttpResponse<String> icon = visitor.get("resources/images/favicon.svg");
        assertEquals(200, icon.statusCode());
        assertTrue(icon.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"),
                icon.headers().toString());
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        HttpResponse<String> page = session().get("index.xhtml");
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors"));
    }

    private static List<String> errorMessages(String html) {
        return Pattern.compile("ui-messages-error-summary\">([^<]*)<").matcher(html).results()
                .map(m -> m.group(1)).toList();
    }
}
