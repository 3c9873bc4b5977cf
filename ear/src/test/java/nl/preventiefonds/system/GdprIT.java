package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * AVG: an organiser downloads all their personal data and nobody else's; a fund manager anonymises
 * an organiser only after the retention term, and the money, the register and the audit trail stay.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GdprIT {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final String IBAN = "NL91ABNA0417164300";
    private static final String PHONE = "06-48213377";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    @AfterEach
    void resetClock() throws Exception {
        login(Fixtures.OFFICER).api("DELETE", "test-clock", null);
    }

    private WebSession login(String email) throws Exception {
        return WebSession.loggedIn(base, email);
    }

    private static LocalDateTime utcNow() {
        return LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private record Organiser(String email, String name, long userId) {
    }

    /** A fresh organiser login (the demo organiser's password) with a name of its own. */
    private static Organiser organiser(String firstName) throws Exception {
        String email = TestDatabase.cloneAccount(Fixtures.ORGANISER, null);
        String name = firstName + " Verbeek-" + UUID.randomUUID().toString().substring(0, 6);
        TestDatabase.update("UPDATE app_user SET display_name = ? WHERE email = ?", name, email);
        return new Organiser(email, name, TestDatabase.userId(email));
    }

    /** An application of this organiser that passed intake, with an answered request, an upload and a review. */
    private static long application(Organiser o, long callId, String title) throws Exception {
        String reference = "G-" + UUID.randomUUID().toString().substring(0, 13);
        LocalDate today = LocalDate.now(AMSTERDAM);
        TestDatabase.update("INSERT INTO application (reference, call_id, owner_id, status, org_name, org_legal_form,"
                        + " org_kvk_number, org_iban, org_account_holder, contact_name, contact_email, contact_phone, title,"
                        + " summary, description, start_date, end_date, total_costs, co_funding, requested_amount,"
                        + " created_at, updated_at, submitted_at, received_on, decision_due_on, intake_completed_at, version,"
                        + " municipality_id, postal_street, postal_code, postal_town)"
                        + " VALUES (?, ?, ?, 'IN_ASSESSMENT', ?, 'FOUNDATION', '40012345', ?, ?, ?, ?, ?, ?,"
                        + " 'Samenvatting', ?, ?, ?, 4000, 0, 4000, ?, ?, ?, ?, ?, ?, 0, " + Fixtures.MUNICIPALITY_OF_CALL
                        + ", 'Thuisstraat 3', '9401 AB', 'Assen')",
                reference, callId, o.userId(), "Stichting Buurtkamer " + reference, IBAN, o.name(), o.name(), o.email(),
                PHONE, title, "Bel " + o.name() + " op " + PHONE + " voor de sleutel.", today.plusMonths(1),
                today.plusMonths(6), utcNow(), utcNow(), utcNow(), today, today.plusWeeks(8), utcNow(), callId);
        long id = TestDatabase.count("SELECT id FROM application WHERE reference = ?", reference);
        TestDatabase.update("INSERT INTO information_request (application_id, requested_at, requested_on, requested_by,"
                + " message, answer_deadline, answered_at, answered_on, answer) VALUES (?, ?, ?, ?, 'Graag de begroting.',"
                + " ?, ?, ?, ?)", id, utcNow(), today, Fixtures.OFFICER, today.plusWeeks(2), utcNow(), today,
                "Hierbij. Groet, " + o.name());
        TestDatabase.update("INSERT INTO attachment (application_id, filename, media_type, size_bytes, sha256, uploaded_at,"
                + " uploaded_by) VALUES (?, 'begroting.pdf', 'application/pdf', 9, 'x', ?, ?)", id, utcNow(), o.email());
        long attachment = TestDatabase.count("SELECT MAX(id) FROM attachment WHERE application_id = ?", id);
        TestDatabase.update("INSERT INTO attachment_content (attachment_id, content) VALUES (?, ?)", attachment,
                "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        Fixtures.completedReview(id, Fixtures.OFFICER);
        return id;
    }

    private static long assignment(long applicationId, String reviewer) throws Exception {
        return TestDatabase.count("SELECT r.id FROM review_assignment r JOIN app_user u ON u.id = r.reviewer_id"
                + " WHERE r.application_id = ? AND u.email = ?", applicationId, reviewer);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static JsonObject object(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    @Test
    void anOrganiserDownloadsAllTheirDataAndNothingOfOthers() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("100000.00");
        Organiser mine = organiser("Fenna");
        Organiser other = organiser("Gerrit");
        long own = application(mine, fund.callId(), "Buurtkamer van Fenna");
        long theirs = application(other, fund.callId(), "Buurtkamer van Gerrit");
        String ownReference = (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?", own).get(0).get(0);
        String otherReference = (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?", theirs)
                .get(0).get(0);

        // Two more reviewers through the API, so the audit trail holds what the assessment really writes: one
        // declares a conflict of interest with a reason, the other scores.
        String conflicted = TestDatabase.cloneAccount(Fixtures.OFFICER, null);
        String scorer = TestDatabase.cloneAccount(Fixtures.OFFICER, null);
        assertEquals(200, login(Fixtures.OFFICER).api("POST", "applications/" + own + "/reviewers", "{\"reviewerIds\":["
                + TestDatabase.userId(conflicted) + "," + TestDatabase.userId(scorer) + "]}").statusCode());
        String reason = "Mijn zus is penningmeester van deze stichting";
        assertEquals(200, login(conflicted).api("POST", "reviews/" + assignment(own, conflicted) + "/declaration",
                "{\"conflict\":true,\"reason\":\"" + reason + "\"}").statusCode());
        WebSession scoring = login(scorer);
        long scored = assignment(own, scorer);
        assertEquals(200, scoring.api("POST", "reviews/" + scored + "/declaration", "{\"conflict\":false}")
                .statusCode());
        StringBuilder scores = new StringBuilder();
        for (List<Object> criterion : TestDatabase.query("SELECT id FROM call_criterion WHERE call_id = ?",
                fund.callId())) {
            scores.append(scores.length() == 0 ? "" : ",").append("{\"criterionId\":").append(criterion.get(0))
                    .append(",\"score\":9,\"rationale\":\"Sterk plan van de wijk\"}");
        }
        HttpResponse<String> reviewed = scoring.api("POST", "reviews/" + scored, "{\"advice\":\"AWARD\",\"scores\":["
                + scores + "]}");
        assertEquals(200, reviewed.statusCode(), reviewed.body());

        WebSession session = login(mine.email());
        HttpResponse<byte[]> download = session.getBytes("api/personal-data");
        assertEquals(200, download.statusCode());
        assertEquals("application/zip", download.headers().firstValue("Content-Type").orElse(""));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        Map<String, byte[]> zip = unzip(download.body());
        String json = new String(zip.get("gegevens.json"), StandardCharsets.UTF_8);
        JsonObject data = object(json);
        assertEquals(mine.email(), data.getJsonObject("account").getString("email"));
        assertEquals(mine.name(), data.getJsonObject("account").getString("display_name"));
        assertFalse(json.contains("password_hash"), "never the password hash");
        JsonObject application = data.getJsonArray("applications").getJsonObject(0);
        assertEquals(1, data.getJsonArray("applications").size());
        assertEquals(ownReference, application.getString("reference"));
        assertEquals(IBAN, application.getString("org_iban"));
        assertEquals(PHONE, application.getString("contact_phone"));
        assertEquals(0, new BigDecimal("4000").compareTo(application.getJsonNumber("requested_amount").bigDecimalValue()));
        assertTrue(data.getJsonArray("information_requests").getJsonObject(0).getString("answer").contains(mine.name()));
        JsonObject upload = data.getJsonArray("attachments").getJsonObject(0);
        assertEquals("%PDF-1.4\n", new String(zip.get(upload.getString("file")), StandardCharsets.US_ASCII));
        assertTrue(data.getJsonArray("audit_trail").stream().map(JsonValue::asJsonObject)
                .anyMatch(a -> "LOGIN".equals(a.getString("action")) && mine.email().equals(a.getString("actor"))));
        String readme = new String(zip.get("README.txt"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("persoonsgegevens") && readme.contains("gegevens.json"), readme);
        // Nothing of the other organiser, and staff appear by role only.
        assertFalse(json.contains(other.email()) || json.contains(other.name()) || json.contains(otherReference), json);
        assertFalse(json.contains(Fixtures.OFFICER), "staff are not named: " + json);
        // The assessment is not the applicant's data: no reviewers, no conflict reasons, no scores or rationales.
        assertFalse(json.contains(conflicted) || json.contains(scorer), "reviewers are not named: " + json);
        assertFalse(json.contains(reason), "no conflict-of-interest reason: " + json);
        assertFalse(json.contains("score=") || json.contains("Sterk plan"), "no scores: " + json);
        assertTrue(data.getJsonArray("audit_trail").stream().map(JsonValue::asJsonObject)
                .anyMatch(a -> "REVIEW_COMPLETED".equals(a.getString("action"))), "that it happened stays");
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'PERSONAL_DATA_EXPORTED'"
                + " AND subject_id = ? AND actor = ?", String.valueOf(mine.userId()), mine.email()));

        // Only the subject, or a fund manager on request.
        assertEquals(403, session.get("api/accounts/" + other.userId() + "/personal-data").statusCode());
        assertEquals(403, login(Fixtures.OFFICER).get("api/personal-data").statusCode());
        HttpResponse<byte[]> onRequest = login(FUND_MANAGER).getBytes("api/accounts/" + other.userId() + "/personal-data");
        assertEquals(200, onRequest.statusCode());
        String otherJson = new String(unzip(onRequest.body()).get("gegevens.json"), StandardCharsets.UTF_8);
        assertTrue(otherJson.contains(otherReference) && !otherJson.contains(ownReference));
        assertEquals(404, login(FUND_MANAGER).get("api/accounts/" + TestDatabase.userId(FUND_MANAGER)
                + "/personal-data").statusCode(), "staff accounts are not exported this way");

        // A partner's user gets their own account and what they submitted, no applications.
        HttpResponse<byte[]> partner = login(Fixtures.PARTNER).getBytes("api/personal-data");
        assertEquals(200, partner.statusCode());
        JsonObject partnerData = object(new String(unzip(partner.body()).get("gegevens.json"), StandardCharsets.UTF_8));
        assertEquals("PARTNER", partnerData.getJsonObject("account").getString("role"));
        assertFalse(partnerData.containsKey("applications"));

        // The account page offers the download.
        String page = session.get("account/password.xhtml").body();
        assertTrue(page.contains("id=\"personalDataDownload\"") && page.contains("/api/personal-data"), page);
    }

    @Test
    void anonymisationWaitsForTheTermThenRemovesThePersonButKeepsTheMoney() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("100000.00");
        Organiser o = organiser("Hanneke");
        Organiser bystander = organiser("Ids");
        long id = application(o, fund.callId(), "Ontmoeten in Lariks " + UUID.randomUUID());
        application(bystander, fund.callId(), "Ontmoeten elders");
        String title = (String) TestDatabase.query("SELECT title FROM application WHERE id = ?", id).get(0).get(0);

        // Award 4,000 (direct tier: determined at once), and the fund manager pays both instalments.
        HttpResponse<String> decided = login(Fixtures.DECISION_MAKER).api("POST", "applications/" + id + "/decision",
                "{\"outcome\":\"AWARD\",\"advancePercent\":50}");
        assertEquals(200, decided.statusCode(), decided.body());
        assertEquals("DETERMINED", TestDatabase.query("SELECT status FROM application WHERE id = ?", id).get(0).get(0));
        WebSession manager = login(FUND_MANAGER);
        for (List<Object> payment : TestDatabase.query("SELECT id FROM payment_instruction WHERE application_id = ?"
                + " AND status = 'DUE'", id)) {
            assertEquals(200, manager.api("POST", "payments/" + payment.get(0) + "/paid",
                    "{\"paidOn\":\"" + LocalDate.now(AMSTERDAM) + "\"}").statusCode());
        }
        // Mail and a login of the organiser, so there is something to remove.
        login(o.email());
        assertTrue(TestDatabase.count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", o.email()) > 0);

        // Within the term: refused with the date, nothing changed.
        JsonObject standing = object(manager.api("GET", "accounts/" + o.userId() + "/retention", null).body());
        assertEquals("RUNNING_TERM", standing.getString("verdict"));
        LocalDate endsAfter = LocalDate.parse(standing.getString("retentionEndsAfter"));
        assertEquals(LocalDate.now(AMSTERDAM).plusYears(7), endsAfter);
        HttpResponse<String> early = manager.api("POST", "accounts/" + o.userId() + "/anonymise", null);
        assertEquals(422, early.statusCode(), early.body());
        String dutchDate = endsAfter.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl")));
        assertTrue(early.body().contains("de bewaartermijn loopt tot en met " + dutchDate), early.body());
        assertEquals(o.email(), TestDatabase.query("SELECT email FROM app_user WHERE id = ?", o.userId()).get(0).get(0));
        assertFalse(candidateIds(manager).contains(o.userId()));

        // The day after the term ends.
        HttpResponse<String> moved = manager.api("PUT", "test-clock?at="
                + endsAfter.plusDays(1).atTime(10, 0).atZone(AMSTERDAM).toInstant(), null);
        assertEquals(204, moved.statusCode(), moved.body());
        assertTrue(candidateIds(manager).contains(o.userId()), "listed once the term has ended");
        String page = manager.get("admin/anonymise.xhtml").body();
        assertTrue(page.contains("id=\"anonymise:organisers\"") && page.contains("Anonimiseren bevestigen")
                && !page.contains("Er zijn geen aanvragers"), "the admin page lists organisers past the term");
        List<List<Object>> lettersBefore = TestDatabase.query("SELECT id, sha256 FROM issued_document"
                + " WHERE application_id = ? ORDER BY id", id);
        String moneyBefore = money(id, fund.fundId());
        JsonObject registerBefore = registerEntry(title);

        HttpResponse<String> done = manager.api("POST", "accounts/" + o.userId() + "/anonymise", null);
        assertEquals(200, done.statusCode(), done.body());
        JsonObject result = object(done.body());
        assertEquals(1, result.getInt("applications"));
        assertEquals(1, result.getInt("attachmentsRemoved"));
        assertTrue(result.getInt("documentsReplaced") >= 1, "the decision letter at least: " + result);

        // Name, e-mail address, phone and IBAN are gone from every table that held them.
        for (String personal : List.of(o.email(), o.name(), PHONE, IBAN)) {
            for (String[] column : new String[][] {{"app_user", "email"}, {"app_user", "display_name"},
                    {"application", "contact_name"}, {"application", "contact_email"}, {"application", "contact_phone"},
                    {"application", "org_account_holder"}, {"application", "org_iban"}, {"application", "description"},
                    {"information_request", "answer"}, {"payment_instruction", "payee_name"},
                    {"payment_instruction", "payee_iban"}, {"attachment", "uploaded_by"}, {"outbound_mail", "recipient"},
                    {"outbound_mail", "body"}, {"audit_entry", "actor"}, {"audit_entry", "before_summary"},
                    {"audit_entry", "after_summary"}}) {
                String table = column[0];
                String where = table.equals("app_user") ? "id = " + o.userId()
                        : table.equals("outbound_mail") || table.equals("audit_entry") || table.equals("attachment")
                        ? "1 = 1" : (table.equals("application") ? "id" : "application_id") + " = " + id;
                if (personal.equals(IBAN) && table.equals("app_user")) {
                    continue;
                }
                assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM " + table + " WHERE (" + where + ") AND "
                        + column[1] + " LIKE ?", "%" + personal + "%"), personal + " still in " + table + "." + column[1]);
            }
        }
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM application WHERE id = ? AND (postal_street IS NOT"
                + " NULL OR postal_code IS NOT NULL OR postal_town IS NOT NULL)", id), "the postal address is gone");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM attachment WHERE application_id = ?", id));
        List<List<Object>> lettersAfter = TestDatabase.query("SELECT id, sha256 FROM issued_document"
                + " WHERE application_id = ? ORDER BY id", id);
        assertEquals(lettersBefore.size(), lettersAfter.size(), "the letters stay as records");
        for (int i = 0; i < lettersBefore.size(); i++) {
            assertNotEquals(lettersBefore.get(i).get(1), lettersAfter.get(i).get(1), "letter content replaced");
        }
        assertEquals("ANONYMISED", TestDatabase.query("SELECT status FROM app_user WHERE id = ?", o.userId()).get(0).get(0));
        // The bystander is untouched.
        assertEquals(bystander.name(), TestDatabase.query("SELECT display_name FROM app_user WHERE id = ?",
                bystander.userId()).get(0).get(0));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM application WHERE owner_id = ? AND contact_phone = ?",
                bystander.userId(), PHONE));

        // No login any more; money, register and the money facts of the trail are unchanged.
        assertNotEquals(302, new WebSession(base.toURI()).login(o.email(), Fixtures.PASSWORD).statusCode());
        assertEquals(moneyBefore, money(id, fund.fundId()));
        assertEquals(registerBefore, registerEntry(title));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'ACCOUNT_ANONYMISED'"
                + " AND subject_id = ? AND actor = ?", String.valueOf(o.userId()), FUND_MANAGER));
        assertEquals(2, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'PAYMENT_MARKED_PAID'"
                + " AND subject_id = ?", String.valueOf(id)));
        assertTrue(TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE actor = ?",
                "geanonimiseerd-" + o.userId()) > 0, "the organiser's own actions stay, under a pseudonym");

        // Once is enough.
        HttpResponse<String> again = manager.api("POST", "accounts/" + o.userId() + "/anonymise", null);
        assertEquals(422, again.statusCode());
        assertTrue(again.body().contains("al geanonimiseerd"), again.body());
        assertFalse(candidateIds(manager).contains(o.userId()));
        // Only fund managers anonymise.
        assertEquals(403, login(Fixtures.OFFICER).api("POST", "accounts/" + bystander.userId() + "/anonymise", null)
                .statusCode());
    }

    /** Decision, payments and the fund's commitment, as one comparable line. */
    private static String money(long applicationId, long fundId) throws Exception {
        return TestDatabase.query("SELECT outcome, amount FROM grant_decision WHERE application_id = ?", applicationId)
                + " " + TestDatabase.query("SELECT final_amount FROM determination WHERE application_id = ?", applicationId)
                + " " + TestDatabase.query("SELECT amount, status, paid_on FROM payment_instruction WHERE application_id = ?"
                + " ORDER BY id", applicationId)
                + " " + TestDatabase.query("SELECT budget, committed FROM fund_year_budget WHERE fund_id = ?", fundId)
                + " " + TestDatabase.query("SELECT status FROM application WHERE id = ?", applicationId);
    }

    private JsonObject registerEntry(String title) throws Exception {
        HttpResponse<String> register = new WebSession(base.toURI()).get("api/open/register?q="
                + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8));
        assertEquals(200, register.statusCode(), register.body());
        JsonArray items = object(register.body()).getJsonArray("items");
        assertEquals(1, items.size(), register.body());
        return items.getJsonObject(0);
    }

    private static List<Long> candidateIds(WebSession manager) throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        for (int first = 0; ; first += 200) {
            JsonObject page = object(manager.api("GET", "anonymisation/candidates?size=200&first=" + first, null).body());
            page.getJsonArray("items").forEach(v -> ids.add(v.asJsonObject().getJsonNumber("id").longValue()));
            if (first + 200 >= page.getInt("total")) {
                return ids;
            }
        }
    }
}
