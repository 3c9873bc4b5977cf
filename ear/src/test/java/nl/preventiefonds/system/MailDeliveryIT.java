package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.preventiefonds.demo.DemoWorld;
import nl.preventiefonds.identity.Role;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mail through a real SMTP server (GreenMail on 127.0.0.1:pf.smtp.port, where the test server's mail session
 * points): product mails arrive with their headers, Dutch text and working links; while the server is down they
 * wait and are retried with backoff (the test clock moves past each pause), and when it is back every one arrives,
 * exactly once. A mail still undeliverable 72 hours after queueing is failed, shown to administrators and sent again
 * on their request. The worker is run at once through the test server's trigger instead of waiting for its timer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailDeliveryIT {
    private static final String FROM = "noreply@preventiefonds.local";
    private static final Pattern ACTIVATION_LINK = Pattern.compile("(https?://\\S+/activate\\.xhtml\\?token=[A-Za-z0-9_-]+)");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    /** Every SMTP server started in a test, so what arrived is counted across an outage. */
    private final List<GreenMail> servers = new ArrayList<>();
    private GreenMail smtp;
    private WebSession trigger;

    @AfterEach
    void cleanUp() throws Exception {
        stopSmtp();
        if (trigger != null) {
            trigger.api("DELETE", "test-clock", null);
        }
    }

    private void startSmtp() {
        int port = Integer.parseInt(System.getProperty("pf.smtp.port", "13125"));
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        servers.add(smtp);
    }

    private void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    private WebSession session() throws Exception {
        return new WebSession(base.toURI());
    }

    /** A logged-in session for the test server's trigger and clock (the API wants one). */
    private WebSession testServer() throws Exception {
        if (trigger == null) {
            trigger = WebSession.loggedIn(base, DemoWorld.LOGINS.get(Role.OFFICER));
        }
        return trigger;
    }

    /** Runs the outbox worker now. */
    private void deliverNow() throws Exception {
        assertEquals(204, testServer().api("POST", "test-mail-delivery", null).statusCode());
    }

    private void moveClockTo(Instant moment) throws Exception {
        assertEquals(204, testServer().api("PUT", "test-clock?at=" + moment, null).statusCode());
    }

    /** The latest planned next attempt of these mails (stored as UTC wall-clock time). */
    private static Instant latestNextAttempt(List<String> recipients) throws Exception {
        Instant latest = Instant.EPOCH;
        for (String recipient : recipients) {
            Instant next = nextAttempt(recipient);
            assertNotNull(next, "a next attempt is planned for " + recipient);
            latest = next.isAfter(latest) ? next : latest;
        }
        return latest;
    }

    private static Instant nextAttempt(String recipient) throws Exception {
        Object next = TestDatabase.query("SELECT CAST(next_attempt_at AS CHAR) FROM outbound_mail WHERE recipient = ?",
                recipient).get(0).get(0);
        return next == null ? null : java.time.LocalDateTime.parse(next.toString().replace(' ', 'T'))
                .toInstant(java.time.ZoneOffset.UTC);
    }

    /** Runs the worker until the condition holds: under load a run may first work through other tests' mail. */
    private void deliverUntil(String what, BooleanSupplier done) throws Exception {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            deliverNow();
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(200);
        }
    }

    private static List<MimeMessage> receivedBy(List<GreenMail> servers, String recipient) {
        List<MimeMessage> found = new ArrayList<>();
        for (GreenMail server : servers) {
            for (MimeMessage message : server.getReceivedMessages()) {
                try {
                    for (var to : message.getRecipients(Message.RecipientType.TO)) {
                        if (recipient.equalsIgnoreCase(((InternetAddress) to).getAddress())) {
                            found.add(message);
                        }
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return found;
    }

    private List<MimeMessage> receivedBy(String recipient) {
        return receivedBy(servers, recipient);
    }

    private static String register(WebSession session, String email, String name) throws Exception {
        HttpResponse<String> registered = session.submitForm("register.xhtml", "registration", "submit",
                Map.of("displayName", name, "email", email, "password", "Een wijk vol buren",
                        "passwordRepeat", "Een wijk vol buren"));
        assertTrue(registered.body().contains("id=\"registrationDone\""), "registration of " + email + " accepted");
        return email;
    }

    /** The Assen fund manager creates an officer account: a mail on Assen's outbox. */
    private String createOfficer(String email) throws Exception {
        WebSession admin = WebSession.loggedIn(base, DemoWorld.LOGINS.get(Role.FUND_MANAGER));
        HttpResponse<String> created = admin.submitForm("admin/users.xhtml", "newUser", "create", Map.of(
                "displayName", "Joëlle Adviseur", "email", email, "role_input", "OFFICER",
                "password", "Start wachtwoord 2026"));
        assertTrue(created.body().contains(email), "the new account is listed");
        return email;
    }

    private static List<Object> mailRow(String recipient) throws Exception {
        List<List<Object>> rows = TestDatabase.query("SELECT attempts, sent_at, failed_at, next_attempt_at,"
                + " last_error, message_id, subject, municipality_id FROM outbound_mail WHERE recipient = ?", recipient);
        assertEquals(1, rows.size(), "one outbox row for " + recipient);
        return rows.get(0);
    }

    private static int attempts(String recipient) throws Exception {
        return ((Number) mailRow(recipient).get(0)).intValue();
    }

    private static String body(MimeMessage message) throws Exception {
        Object content = message.getContent();
        assertTrue(content instanceof String, "a plain text mail");
        return (String) content;
    }

    @Test
    void productMailsArriveWithTheirHeadersDutchTextAndWorkingLinks() throws Exception {
        startSmtp();
        String organiser = register(session(), "zoe-" + UUID.randomUUID() + "@example.org", "Zoë Ëngelsma");
        String officer = createOfficer("joelle-" + UUID.randomUUID() + "@example.org");

        deliverUntil("both mails arrive", () -> receivedBy(organiser).size() == 1 && receivedBy(officer).size() == 1);

        MimeMessage activation = receivedBy(organiser).get(0);
        List<Object> row = mailRow(organiser);
        assertEquals(FROM, ((InternetAddress) activation.getFrom()[0]).getAddress(), "From: the installation's sender");
        assertEquals(organiser, ((InternetAddress) activation.getRecipients(Message.RecipientType.TO)[0]).getAddress());
        assertEquals("Bevestig uw e-mailadres voor het Preventiefonds", activation.getSubject());
        assertEquals(row.get(6), activation.getSubject(), "the subject the outbox holds");
        assertEquals(row.get(5), activation.getMessageID(), "the outbox's own Message-ID");
        assertTrue(activation.getContentType().toLowerCase().contains("charset=utf-8"), activation.getContentType());
        String text = body(activation);
        assertTrue(text.startsWith("Beste Zoë Ëngelsma,"), "Dutch text with its accents intact: " + text);
        assertTrue(text.contains("Bevestig uw e-mailadres via deze link"), text);
        Matcher link = ACTIVATION_LINK.matcher(text);
        assertTrue(link.find(), "the mail holds the activation link: " + text);
        HttpResponse<String> activated = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(link.group(1))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, activated.statusCode(), link.group(1));
        assertTrue(activated.body().contains("id=\"activated\""), "the link in the received mail activates the account");
        assertEquals(302, session().login(organiser, "Een wijk vol buren").statusCode(), "and the organiser logs in");

        MimeMessage welcome = receivedBy(officer).get(0);
        assertEquals("Uw account voor het Preventiefonds", welcome.getSubject());
        String welcomeText = body(welcome);
        assertTrue(welcomeText.startsWith("Beste Joëlle Adviseur,"), welcomeText);
        Matcher login = Pattern.compile("(https?://\\S+/login\\.xhtml)").matcher(welcomeText);
        assertTrue(login.find(), welcomeText);
        assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(login.group(1))).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "the login link works");

        for (String recipient : List.of(organiser, officer)) {
            List<Object> sent = mailRow(recipient);
            assertEquals(1, ((Number) sent.get(0)).intValue(), "sent at the first attempt");
            assertNotNull(sent.get(1), "marked sent");
            assertNull(sent.get(2), "not failed");
        }
        assertNotNull(mailRow(officer).get(7), "the staff mail belongs to Assen's outbox");
        assertNull(mailRow(organiser).get(7), "a registration belongs to no municipality");
    }

    @Test
    void anSmtpOutageLosesNothingAndEveryMailArrivesExactlyOnceWhenTheServerIsBack() throws Exception {
        // The server is down: nothing listens on the SMTP port.
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            recipients.add(register(session(), "storing-" + i + "-" + UUID.randomUUID() + "@example.org",
                    "Bewoner " + i));
        }
        String officer = createOfficer("storing-adviseur-" + UUID.randomUUID() + "@example.org");
        recipients.add(officer);

        deliverUntil("a first failed attempt of each", () -> recipients.stream().allMatch(r -> attemptsOf(r) >= 1));
        for (String recipient : recipients) {
            List<Object> row = mailRow(recipient);
            assertNull(row.get(1), "not sent");
            assertNull(row.get(2), "not failed: retried");
            assertNotNull(row.get(3), "a next attempt is planned");
            assertTrue(String.valueOf(row.get(4)).toLowerCase().contains("connect"), "the error says why: " + row.get(4));
        }
        Map<String, Integer> before = new java.util.HashMap<>();
        for (String recipient : recipients) {
            before.put(recipient, attempts(recipient));
        }
        deliverNow();
        int waiting = 0;
        for (String recipient : recipients) {
            if (nextAttempt(recipient).isAfter(Instant.now())) {
                waiting++;
                assertEquals(before.get(recipient), attempts(recipient), "not tried again before its pause is over");
            }
        }
        assertTrue(waiting > 0, "the check above saw a mail in its pause");

        // The administrators see the stuck mail: the installation all of it, Assen's fund manager only Assen's.
        String installation = WebSession.loggedIn(base, DemoWorld.LOGINS.get(Role.INSTALLATION_ADMIN))
                .get("installation/mail.xhtml").body();
        for (String recipient : recipients) {
            assertTrue(installation.contains(recipient), "the installation administrator sees " + recipient);
        }
        assertTrue(installation.contains("Wordt opnieuw geprobeerd"), "with its state");
        String assen = WebSession.loggedIn(base, DemoWorld.LOGINS.get(Role.FUND_MANAGER)).get("admin/mail.xhtml").body();
        assertTrue(assen.contains(officer), "Assen's fund manager sees Assen's mail");
        assertFalse(assen.contains(recipients.get(0)), "but not a registration, which is no municipality's");
        String stichtseVecht = WebSession.loggedIn(base, DemoWorld.STICHTSE_VECHT_LOGINS.get(Role.FUND_MANAGER))
                .get("admin/mail.xhtml").body();
        assertFalse(stichtseVecht.contains(officer), "another municipality's fund manager does not");

        // The clock moved past each pause (30 s, then 1 min): each time one more failed attempt of every mail.
        for (int failures = 2; failures <= 3; failures++) {
            int expected = failures;
            moveClockTo(latestNextAttempt(recipients).plusSeconds(1));
            deliverUntil("failed attempt " + failures, () -> recipients.stream().allMatch(r -> attemptsOf(r) >= expected));
        }
        Map<String, Integer> failed = new java.util.HashMap<>();
        for (String recipient : recipients) {
            failed.put(recipient, attempts(recipient));
            assertTrue(failed.get(recipient) >= 3, recipient);
            assertNull(mailRow(recipient).get(1), "still not sent");
        }

        // The server is back: after the next pause (2 min) every mail arrives, once.
        startSmtp();
        moveClockTo(latestNextAttempt(recipients).plusSeconds(1));
        deliverUntil("every mail arrives", () -> recipients.stream().allMatch(r -> !receivedBy(r).isEmpty()));
        // More runs, an hour later too: nothing goes out a second time.
        deliverNow();
        moveClockTo(Instant.now().plus(Duration.ofHours(2)));
        deliverNow();
        Set<String> messageIds = new HashSet<>();
        for (String recipient : recipients) {
            List<MimeMessage> arrived = receivedBy(recipient);
            assertEquals(1, arrived.size(), "exactly one copy for " + recipient);
            List<Object> row = mailRow(recipient);
            assertTrue(((Number) row.get(0)).intValue() > failed.get(recipient), "the failures, then sent");
            assertNotNull(row.get(1), "marked sent");
            assertNull(row.get(4), "no error left");
            assertEquals(row.get(5), arrived.get(0).getMessageID());
            assertTrue(messageIds.add(arrived.get(0).getMessageID()), "a Message-ID of its own");
        }
        assertTrue(ACTIVATION_LINK.matcher(body(receivedBy(recipients.get(0)).get(0))).find(),
                "the mail that waited still holds its link");
    }

    @Test
    void mailStillUndeliverableAfterSeventyTwoHoursIsFailedAndAnAdministratorSendsItAgain() throws Exception {
        Instant beforeQueueing = Instant.now();
        String organiser = register(session(), "nooit-" + UUID.randomUUID() + "@example.org", "Nienke Nooit");
        deliverUntil("a first failed attempt", () -> attemptsOf(organiser) >= 1);

        // Still down 72 hours after queueing: the attempt then is the last one.
        moveClockTo(beforeQueueing.plus(Duration.ofHours(72)).plusSeconds(30));
        deliverUntil("the mail is failed", () -> failed(organiser));
        List<Object> row = mailRow(organiser);
        assertNull(row.get(1), "failed, not sent");
        assertNull(row.get(3), "no next attempt");
        assertTrue(((Number) row.get(0)).intValue() >= 2, "tried when queued and at the deadline");
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", organiser),
                "kept, never deleted");

        // The installation administrator sees it as failed and sends it again from the screen.
        WebSession admin = WebSession.loggedIn(base, DemoWorld.LOGINS.get(Role.INSTALLATION_ADMIN));
        String page = admin.get("installation/mail.xhtml").body();
        int at = page.indexOf(organiser);
        assertTrue(at > 0, "listed");
        Matcher button = Pattern.compile("id=\"(mailForm:mails:\\d+:resend)\"").matcher(page);
        assertTrue(button.find(at), "with a resend button in its row");
        assertTrue(page.substring(at, button.start()).contains("Mislukt"), "shown as failed");
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\" id=\"[^\"]*\" value=\"([^\"]+)\"")
                .matcher(page);
        assertTrue(viewState.find());
        // The button of the row on this very page: the list may have changed since.
        HttpResponse<String> resent = admin.postForm("installation/mail.xhtml", Map.of("mailForm", "mailForm",
                button.group(1), "", "jakarta.faces.ViewState", viewState.group(1)));
        assertEquals(200, resent.statusCode());
        assertTrue(resent.body().contains("wordt opnieuw verstuurd"), "the administrator is told");
        long mailId = TestDatabase.count("SELECT id FROM outbound_mail WHERE recipient = ?", organiser);
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'MAIL_RESENT' AND actor = ?"
                + " AND subject_type = 'OutboundMail' AND subject_id = ?", DemoWorld.LOGINS.get(Role.INSTALLATION_ADMIN),
                String.valueOf(mailId)), "the resend is audited");
        assertFalse(failed(organiser), "waiting again");

        startSmtp();
        deliverUntil("the resent mail arrives", () -> receivedBy(organiser).size() == 1);
        deliverNow();
        assertEquals(1, receivedBy(organiser).size(), "exactly once");
        assertNotNull(mailRow(organiser).get(1), "marked sent");
    }

    private static int attemptsOf(String recipient) {
        try {
            return attempts(recipient);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean failed(String recipient) {
        try {
            return mailRow(recipient).get(2) != null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
