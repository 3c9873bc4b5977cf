package nl.preventiefonds.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One installation, two municipalities: Stichtse Vecht beside the demo world's Assen, with a fund manager of its own.
 * Through pages and API, that fund manager sees, changes and infers none of Assen's funds, calls, care figures or
 * staff, and the public start page shows one municipality at a time.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenancyIT {
    private static final String ASSEN_MANAGER = "beheerder@demo.preventiefonds.nl";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private static long municipality(String code, String name) throws SQLException {
        List<List<Object>> found = TestDatabase.query("SELECT id FROM municipality WHERE code = ?", code);
        if (found.isEmpty()) {
            TestDatabase.update("INSERT INTO municipality (code, name) VALUES (?, ?)", code, name);
            found = TestDatabase.query("SELECT id FROM municipality WHERE code = ?", code);
        }
        return ((Number) found.get(0).get(0)).longValue();
    }

    /** A fund manager of Stichtse Vecht: the demo fund manager's clone, moved there. */
    private static String stichtseVechtManager() throws SQLException {
        return movedToStichtseVecht(ASSEN_MANAGER);
    }

    /** A member of staff of Stichtse Vecht in the role of this demo account of Assen: its clone, moved there. */
    private static String movedToStichtseVecht(String assenAccount) throws SQLException {
        long stichtseVecht = municipality("GM1904", "Stichtse Vecht");
        String clone = TestDatabase.cloneAccount(assenAccount, null);
        assertEquals(1, TestDatabase.moveToMunicipality(clone, stichtseVecht));
        return clone;
    }

    private static String reference(long application) throws SQLException {
        return (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?", application).get(0).get(0);
    }

    /** The personal data a fund manager hands out on request: the JSON in the download. */
    private static String personalData(WebSession fundManager, long account) throws Exception {
        HttpResponse<byte[]> download = fundManager.getBytes("api/accounts/" + account + "/personal-data");
        assertEquals(200, download.statusCode());
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(download.body()))) {
            for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith(".json")) {
                    return new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no JSON in the download");
    }

    /** A listed application is Stichtse Vecht's own (other tests may add some), never Assen's. */
    private static void assertStichtseVechts(long application, String listed) throws SQLException {
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM application a JOIN municipality m"
                + " ON m.id = a.municipality_id WHERE a.id = ? AND m.code = 'GM1904'", application), listed);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static boolean refused(HttpResponse<String> response) {
        return response.statusCode() >= 400 && response.statusCode() < 500;
    }

    @Test
    void aFundManagerOfAnotherMunicipalitySeesChangesAndInfersNoneOfAssens() throws Exception {
        WebSession stichtseVecht = WebSession.loggedIn(base, stichtseVechtManager());
        WebSession assen = WebSession.loggedIn(base, ASSEN_MANAGER);
        List<Object> assenCall = TestDatabase.query("SELECT c.id, c.title, c.budget FROM funding_call c"
                + " JOIN fund f ON f.id = c.fund_id JOIN municipality m ON m.id = f.municipality_id"
                + " WHERE m.code = 'GM0106' ORDER BY c.id").get(0);
        long callId = ((Number) assenCall.get(0)).longValue();
        String callTitle = (String) assenCall.get(1);
        int checks = 0;

        // A call's budget through the API: Assen's own fund manager reads it, the other gets the answer for a call
        // that does not exist, and cannot change it.
        assertEquals(200, assen.api("GET", "calls/" + callId + "/budget", null).statusCode());
        HttpResponse<String> read = stichtseVecht.api("GET", "calls/" + callId + "/budget", null);
        HttpResponse<String> unknown = stichtseVecht.api("GET", "calls/999999999/budget", null);
        assertTrue(refused(read), read.statusCode() + " " + read.body());
        assertEquals(unknown.statusCode(), read.statusCode(), "as unknown as a call that does not exist");
        assertFalse(read.body().contains(callTitle), read.body());
        checks += 2;
        HttpResponse<String> changed = stichtseVecht.api("PUT", "calls/" + callId + "/budget", "{\"budget\":1.00}");
        assertTrue(refused(changed), changed.statusCode() + " " + changed.body());
        List<Object> after = TestDatabase.query("SELECT budget FROM funding_call WHERE id = ?", callId).get(0);
        assertEquals(assenCall.get(2) == null ? null : new BigDecimal(assenCall.get(2).toString()),
                after.get(0) == null ? null : new BigDecimal(after.get(0).toString()), "the budget is unchanged");
        checks++;

        // Care figures: Assen's thousands of demo values are not Stichtse Vecht's.
        String values = "indicators?indicator=WMO_CLIENTS_PER_1000&size=1";
        assertTrue(json(assen.api("GET", values, null)).getJsonNumber("total").longValue() > 0);
        assertEquals(0, json(stichtseVecht.api("GET", values, null)).getJsonNumber("total").longValue());
        checks++;

        // The fund manager's pages: funds, calls, accounts, the impact dashboard.
        assertTrue(assen.get("admin/funds.xhtml").body().contains("Preventiefonds Assen"));
        String funds = stichtseVecht.get("admin/funds.xhtml").body();
        assertFalse(funds.contains("Preventiefonds Assen"), "Assen's fund is not listed");
        String calls = stichtseVecht.get("admin/calls.xhtml").body();
        assertFalse(calls.contains(callTitle), "Assen's call is not listed");
        String callPage = stichtseVecht.get("admin/call.xhtml?id=" + callId).body();
        assertFalse(callPage.contains(callTitle), "nor opened by its id");
        // Decision makers sort first in the account list: Assen's is on its first page, not on Stichtse Vecht's.
        assertTrue(assen.get("admin/users.xhtml").body().contains(Fixtures.DECISION_MAKER));
        String users = stichtseVecht.get("admin/users.xhtml").body();
        assertFalse(users.contains(Fixtures.DECISION_MAKER) || users.contains(Fixtures.OFFICER), "Assen's staff");
        HttpResponse<String> dashboard = stichtseVecht.api("GET", "impact/dashboard", null);
        assertEquals(200, dashboard.statusCode(), dashboard.body());
        assertFalse(dashboard.body().contains("Kloosterveen"), "none of Assen's neighbourhoods");
        checks += 6;

        // The header names each staff member's own municipality.
        assertTrue(assen.get("admin/index.xhtml").body().contains("Gemeente Assen"));
        assertTrue(stichtseVecht.get("admin/index.xhtml").body().contains("Gemeente Stichtse Vecht"));
        checks++;
        System.out.println("Cross-tenant checks (fund manager): " + checks);
    }

    /** The first row of a query about Assen's objects (its municipality's id is the only parameter). */
    private static List<Object> assens(String what, String sql) throws SQLException {
        long assen = municipality("GM0106", "Assen");
        List<List<Object>> rows = TestDatabase.query(sql, assen);
        assertFalse(rows.isEmpty(), "the demo world has " + what + " in Assen");
        return rows.get(0);
    }

    private static long id(List<Object> row, int column) {
        return ((Number) row.get(column)).longValue();
    }

    /**
     * The request about Assen's object, by staff of Stichtse Vecht, is answered exactly as the same request about one
     * that does not exist (status and problem key); Assen's own staff get past that answer (a success, or a refusal
     * for another reason), so the check fails if the object simply could not be reached.
     */
    private static void unknownToOthersKnownToOwn(WebSession other, WebSession own, String method, String path,
                                                  String missingPath, String body, String notFoundKey)
            throws Exception {
        HttpResponse<String> theirs = other.api(method, path, body);
        HttpResponse<String> missing = other.api(method, missingPath, body);
        assertTrue(refused(theirs), method + " " + path + ": " + theirs.statusCode() + " " + theirs.body());
        assertEquals(missing.statusCode(), theirs.statusCode(), method + " " + path + " as unknown as " + missingPath);
        assertTrue(missing.body().contains(notFoundKey), missingPath + ": " + missing.body());
        assertTrue(theirs.body().contains(notFoundKey), method + " " + path + ": " + theirs.body());
        HttpResponse<String> ours = own.api(method, path, body);
        assertFalse(ours.body().contains(notFoundKey), "Assen's own staff reach it: " + method + " " + path + ": "
                + ours.statusCode() + " " + ours.body());
        assertTrue(ours.statusCode() < 500, ours.statusCode() + " " + ours.body());
    }

    @Test
    void staffOfAnotherMunicipalityReadChangeAndInferNoneOfAssensApplications() throws Exception {
        WebSession vechtOfficer = WebSession.loggedIn(base, movedToStichtseVecht(Fixtures.OFFICER));
        WebSession vechtDecisionMaker = WebSession.loggedIn(base, movedToStichtseVecht(Fixtures.DECISION_MAKER));
        WebSession vechtManager = WebSession.loggedIn(base, stichtseVechtManager());
        WebSession officer = WebSession.loggedIn(base, Fixtures.OFFICER);
        WebSession decisionMaker = WebSession.loggedIn(base, Fixtures.DECISION_MAKER);
        WebSession manager = WebSession.loggedIn(base, ASSEN_MANAGER);
        String missing = "999999999";
        int checks = 0;

        // Assen's objects: a decided application (its decision, reports and money), a fresh one in assessment with a
        // file and a letter of its own, a report, a payment.
        List<Object> decided = assens("a decided application", "SELECT a.id, a.reference, a.title, d.id"
                + " FROM application a JOIN grant_decision d ON d.application_id = a.id AND d.replaced_by_id IS NULL"
                + " WHERE a.municipality_id = ? AND EXISTS (SELECT 1 FROM payment_instruction p"
                + " WHERE p.application_id = a.id) ORDER BY a.id");
        long decidedId = id(decided, 0);
        long decisionId = id(decided, 3);
        long call = id(assens("a call", "SELECT c.id FROM funding_call c JOIN fund f ON f.id = c.fund_id"
                + " WHERE f.municipality_id = ? ORDER BY c.id"), 0);
        String title = "Buurtkamer voor tenancy " + java.util.UUID.randomUUID().toString().substring(0, 8);
        long fresh = Fixtures.applicationInAssessment(call, title, "4000");
        String freshReference = (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?", fresh)
                .get(0).get(0);
        TestDatabase.update("INSERT INTO attachment (application_id, filename, media_type, size_bytes, sha256,"
                + " uploaded_at, uploaded_by) VALUES (?, 'begroting.txt', 'text/plain', 5, 'x', ?, ?)", fresh,
                java.sql.Timestamp.from(java.time.Instant.now()), Fixtures.ORGANISER);
        long attachment = TestDatabase.count("SELECT MAX(id) FROM attachment WHERE application_id = ?", fresh);
        TestDatabase.update("INSERT INTO attachment_content (attachment_id, content) VALUES (?, ?)", attachment,
                "regel".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TestDatabase.update("INSERT INTO issued_document (application_id, kind, filename, created_at, sha256, content)"
                + " VALUES (?, 'RECEIPT', 'ontvangst.pdf', ?, 'x', ?)", fresh,
                java.sql.Timestamp.from(java.time.Instant.now()), "%PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long document = TestDatabase.count("SELECT MAX(id) FROM issued_document WHERE application_id = ?", fresh);
        long report = id(assens("a report", "SELECT r.id FROM report r JOIN report_request q ON q.id = r.request_id"
                + " JOIN application a ON a.id = q.application_id WHERE a.municipality_id = ? ORDER BY r.id"), 0);
        long payment = id(assens("a payment", "SELECT p.id, p.status FROM payment_instruction p"
                + " JOIN application a ON a.id = p.application_id WHERE a.municipality_id = ? ORDER BY p.id"), 0);
        String paymentStatus = (String) TestDatabase.query("SELECT status FROM payment_instruction WHERE id = ?",
                payment).get(0).get(0);

        // Reading one application and what hangs off it, through the API.
        for (String path : List.of("", "/attachments", "/reviews", "/reports", "/determination",
                "/determination/objections")) {
            unknownToOthersKnownToOwn(vechtOfficer, officer, "GET", "applications/" + decidedId + path,
                    "applications/" + missing + path, null, "application.notFound");
            checks++;
        }
        unknownToOthersKnownToOwn(vechtDecisionMaker, decisionMaker, "GET", "applications/" + decidedId + "/decision",
                "applications/" + missing + "/decision", null, "application.notFound");
        unknownToOthersKnownToOwn(vechtManager, manager, "GET", "applications/" + decidedId,
                "applications/" + missing, null, "application.notFound");
        checks += 2;

        // Changing it: intake, reviewers, the decision, an objection, a report's review, a payment, a determination.
        unknownToOthersKnownToOwn(vechtOfficer, officer, "POST", "applications/" + fresh + "/information-requests",
                "applications/" + missing + "/information-requests", "{}", "application.notFound");
        unknownToOthersKnownToOwn(vechtOfficer, officer, "POST", "applications/" + fresh + "/reviewers",
                "applications/" + missing + "/reviewers", "{\"reviewerIds\":[]}", "application.notFound");
        unknownToOthersKnownToOwn(vechtDecisionMaker, decisionMaker, "POST", "applications/" + fresh + "/decision",
                "applications/" + missing + "/decision", "{}", "application.notFound");
        unknownToOthersKnownToOwn(vechtOfficer, officer, "POST", "decisions/" + decisionId + "/objections",
                "decisions/" + missing + "/objections", "{}", "decision.notFound");
        unknownToOthersKnownToOwn(vechtOfficer, officer, "POST", "reports/" + report + "/review",
                "reports/" + missing + "/review", "{}", "report.notFound");
        unknownToOthersKnownToOwn(vechtManager, manager, "POST", "payments/" + payment + "/paid",
                "payments/" + missing + "/paid", "{}", "payment.notFound");
        unknownToOthersKnownToOwn(vechtOfficer, officer, "POST", "applications/" + decidedId + "/determination",
                "applications/" + missing + "/determination", "{}", "application.notFound");
        unknownToOthersKnownToOwn(vechtOfficer, officer, "POST", "applications/" + decidedId
                + "/determination/objections", "applications/" + missing + "/determination/objections", "{}",
                "application.notFound");
        checks += 8;
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM information_request WHERE application_id = ?", fresh));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM review_assignment WHERE application_id = ?"
                + " AND reviewer_id IN (SELECT id FROM app_user WHERE email LIKE 'kloon-%')", fresh));
        assertEquals(paymentStatus, TestDatabase.query("SELECT status FROM payment_instruction WHERE id = ?", payment)
                .get(0).get(0), "the payment is unchanged");
        assertEquals("IN_ASSESSMENT", TestDatabase.query("SELECT status FROM application WHERE id = ?", fresh)
                .get(0).get(0), "undecided");
        checks++;

        // Files and letters: not found for the other municipality, downloaded by Assen's own officer.
        for (String file : List.of("files/attachment/" + attachment, "files/document/" + document)) {
            HttpResponse<String> theirs = vechtOfficer.get(file);
            assertEquals(404, theirs.statusCode(), file);
            assertEquals(200, officer.get(file).statusCode(), file);
            checks++;
        }

        // The application page: Assen's officer sees the title, Stichtse Vecht's officer nothing of it.
        assertTrue(officer.get("applications/view.xhtml?id=" + fresh).body().contains(title));
        assertFalse(vechtOfficer.get("applications/view.xhtml?id=" + fresh).body().contains(title));
        checks++;

        // Lists, counts and searches: the other municipality's hold none of Assen's.
        JsonObject ours = json(officer.api("GET", "applications?text=" + freshReference, null));
        assertEquals(1, ours.getJsonNumber("total").longValue(), ours.toString());
        JsonObject theirs = json(vechtOfficer.api("GET", "applications?text=" + freshReference, null));
        assertEquals(0, theirs.getJsonNumber("total").longValue(), theirs.toString());
        // Stichtse Vecht may have applications of its own (other tests add them): none of them is Assen's.
        JsonObject all = json(vechtOfficer.api("GET", "applications?size=200", null));
        for (jakarta.json.JsonValue item : all.getJsonArray("items")) {
            assertStichtseVechts(item.asJsonObject().getJsonNumber("id").longValue(), all.toString());
        }
        assertTrue(json(officer.api("GET", "applications?callId=" + call, null)).getJsonNumber("total").longValue() > 0);
        assertEquals(0, json(vechtOfficer.api("GET", "applications?callId=" + call, null)).getJsonNumber("total")
                .longValue(), "Assen's call filters to nothing");
        checks += 3;
        for (String list : List.of("awards", "reports")) {
            assertTrue(json(officer.api("GET", list, null)).getJsonNumber("total").longValue() > 0, list);
            // Stichtse Vecht may have awards and reports of its own (other tests add them): none is Assen's.
            JsonObject theirList = json(vechtOfficer.api("GET", list + "?size=200", null));
            for (jakarta.json.JsonValue item : theirList.getJsonArray("items")) {
                assertStichtseVechts(item.asJsonObject().getJsonNumber("applicationId").longValue(),
                        list + ": " + theirList);
            }
            checks++;
        }
        HttpResponse<String> payments = manager.api("GET", "payments?size=500", null);
        assertTrue(payments.body().contains("\"id\":" + payment), payments.body());
        HttpResponse<String> vechtPayments = vechtManager.api("GET", "payments?size=500", null);
        assertEquals(200, vechtPayments.statusCode(), vechtPayments.body());
        assertFalse(vechtPayments.body().contains("\"id\":" + payment), vechtPayments.body());
        checks++;
        HttpResponse<String> reclaims = vechtManager.api("GET", "reclaims?size=500", null);
        assertEquals(200, reclaims.statusCode(), reclaims.body());
        assertEquals("[]", reclaims.body().strip(), "none of Assen's reclaims");
        checks++;
        String farFuture = "api/payments/export?dueBefore=2099-12-31";
        // A payment due in Assen (on the fresh application, removed again), so that its export has a line.
        TestDatabase.update("INSERT INTO grant_decision (application_id, outcome, amount, budget_year, fund_id,"
                + " advance_percent, decided_at, decided_on, decided_by, objection_deadline) SELECT ?, 'AWARD', 4000,"
                + " 2026, c.fund_id, 80, ?, ?, 'test', ? FROM funding_call c WHERE c.id = ?", fresh,
                java.sql.Timestamp.from(java.time.Instant.now()), java.sql.Date.valueOf(java.time.LocalDate.now()),
                java.sql.Date.valueOf(java.time.LocalDate.now().plusWeeks(6)), call);
        long freshDecision = TestDatabase.count("SELECT MAX(id) FROM grant_decision WHERE application_id = ?", fresh);
        TestDatabase.update("INSERT INTO payment_instruction (decision_id, application_id, label, amount, due_on,"
                + " payee_name, payee_iban, status, created_at) VALUES (?, ?, 'Voorschot', 3200, ?, 'Stichting Test',"
                + " 'NL91ABNA0417164300', 'DUE', ?)", freshDecision, fresh,
                java.sql.Date.valueOf(java.time.LocalDate.now().plusYears(50)),
                java.sql.Timestamp.from(java.time.Instant.now()));
        try {
            String line = ";Voorschot " + freshReference;
            HttpResponse<String> export = manager.get(farFuture);
            HttpResponse<String> vechtExport = vechtManager.get(farFuture);
            assertTrue(export.body().contains(line), export.body());
            assertEquals(200, vechtExport.statusCode(), vechtExport.body());
            assertFalse(vechtExport.body().contains(freshReference), vechtExport.body());
        } finally {
            TestDatabase.update("DELETE FROM payment_instruction WHERE application_id = ?", fresh);
            TestDatabase.update("DELETE FROM grant_decision WHERE id = ?", freshDecision);
        }
        checks++;
        JsonObject deadlines = json(officer.api("GET", "deadlines", null));
        JsonObject vechtDeadlines = json(vechtOfficer.api("GET", "deadlines", null));
        long assenDue = 0;
        for (String section : List.of("overdue", "thisWeek", "waiting")) {
            assenDue += deadlines.getJsonObject(section).getJsonNumber("total").longValue();
            // Stichtse Vecht may have deadlines of its own (other tests award there): none is Assen's.
            for (jakarta.json.JsonValue item : vechtDeadlines.getJsonObject(section).getJsonArray("items")) {
                assertStichtseVechts(item.asJsonObject().getJsonNumber("applicationId").longValue(),
                        section + ": " + vechtDeadlines);
            }
        }
        assertTrue(assenDue > 0, deadlines.toString());
        checks++;
        HttpResponse<String> ranking = vechtOfficer.api("GET", "calls/" + call + "/ranking", null);
        assertEquals(vechtOfficer.api("GET", "calls/" + missing + "/ranking", null).statusCode(),
                ranking.statusCode(), ranking.body());
        assertEquals(200, officer.api("GET", "calls/" + call + "/ranking", null).statusCode());
        checks++;

        // Personal data on request, of an organiser who applied in Assen only: a copy of the demo organiser, made
        // owner of the fresh application (other tests let the demo organiser apply in Stichtse Vecht too).
        long organiser = TestDatabase.userId(TestDatabase.cloneAccount(Fixtures.ORGANISER, null));
        assertEquals(1, TestDatabase.update("UPDATE application SET owner_id = ? WHERE id = ?", organiser, fresh));
        assertEquals(200, manager.get("api/accounts/" + organiser + "/personal-data").statusCode());
        HttpResponse<String> personal = vechtManager.get("api/accounts/" + organiser + "/personal-data");
        assertTrue(refused(personal), personal.statusCode() + " " + personal.body());
        assertEquals(vechtManager.get("api/accounts/" + missing + "/personal-data").statusCode(),
                personal.statusCode(), "as unknown as an account that does not exist");
        checks++;

        // The same organiser applied in Stichtse Vecht too: each municipality answers for its own applications only.
        long vechtCall = TestDatabase.count("SELECT MAX(c.id) FROM funding_call c JOIN fund f ON f.id = c.fund_id"
                + " JOIN municipality m ON m.id = f.municipality_id WHERE m.code = 'GM1904'");
        long inVecht = Fixtures.applicationInAssessment(vechtCall, "Ook in de Vechtstreek", "3000");
        assertEquals(1, TestDatabase.update("UPDATE application SET owner_id = ? WHERE id = ?", organiser, inVecht));
        String assenReference = reference(fresh);
        String vechtReference = reference(inVecht);
        String assenAnswer = personalData(manager, organiser);
        assertTrue(assenAnswer.contains(assenReference), "Assen's own application");
        assertFalse(assenAnswer.contains(vechtReference), "not Stichtse Vecht's: " + vechtReference);
        String vechtAnswer = personalData(vechtManager, organiser);
        assertTrue(vechtAnswer.contains(vechtReference), "now Stichtse Vecht knows the organiser");
        assertFalse(vechtAnswer.contains(assenReference), "and answers without Assen's application");
        checks++;

        // The staff list page (it opens on the submitted applications, newest first).
        String newest = (String) assens("a submitted application", "SELECT reference FROM application"
                + " WHERE status = 'SUBMITTED' AND municipality_id = ? ORDER BY submitted_at DESC, id DESC").get(0);
        assertTrue(officer.get("officer/index.xhtml").body().contains(newest), newest);
        assertFalse(vechtOfficer.get("officer/index.xhtml").body().contains(newest), newest);
        checks++;
        System.out.println("Cross-tenant checks (applications and after): " + checks);
    }

    /** The audit trail is per municipality: Assen's demo world is on Assen's trail only. */
    @Test
    void anotherMunicipalitysFundManagerReadsNoneOfAssensAuditTrail() throws Exception {
        Map<String, String> filter = Map.of("action", "DEMO_WORLD_LOADED");
        String assensLine = "11 neighbourhoods, budget 1000000.00";
        String assen = WebSession.loggedIn(base, ASSEN_MANAGER)
                .submitForm("admin/audit.xhtml", "auditFilter", "apply", filter).body();
        assertTrue(assen.contains(assensLine), "Assen's fund manager reads it: " + assen);
        String vecht = WebSession.loggedIn(base, stichtseVechtManager())
                .submitForm("admin/audit.xhtml", "auditFilter", "apply", filter).body();
        assertFalse(vecht.contains(assensLine), "Stichtse Vecht's does not");
    }

    @Test
    void thePublicStartPageShowsOneMunicipalityAtATime() throws Exception {
        municipality("GM1904", "Stichtse Vecht");
        WebSession visitor = new WebSession(base.toURI());
        String assen = visitor.get("index.xhtml?gemeente=GM0106").body();
        assertTrue(assen.contains("Preventiefonds Assen") && assen.contains("Kloosterveen"), assen);
        String stichtseVecht = visitor.get("index.xhtml?gemeente=gm1904").body();
        assertTrue(stichtseVecht.contains("Gemeente Stichtse Vecht"), stichtseVecht);
        assertFalse(stichtseVecht.contains("Preventiefonds Assen") || stichtseVecht.contains("Kloosterveen"),
                "none of Assen's funds, calls or neighbourhoods");
        String choice = visitor.get("index.xhtml").body();
        assertTrue(choice.contains("Kies uw gemeente") && choice.contains("index.xhtml?gemeente=GM1904")
                && choice.contains("index.xhtml?gemeente=GM0106"), "with two, the visitor chooses: " + choice);
        String unknown = visitor.get("index.xhtml?gemeente=GM9999").body();
        assertTrue(unknown.contains("Kies uw gemeente"), "an unknown code leads to the choice");
    }

    /** Neighbourhoods, partner organisations and the account downloads of Assen are none of Stichtse Vecht's. */
    @Test
    void anotherMunicipalitysFundManagerSeesNoneOfAssensNeighbourhoodsPartnersOrAccounts() throws Exception {
        WebSession stichtseVecht = WebSession.loggedIn(base, stichtseVechtManager());
        String neighbourhoods = stichtseVecht.get("admin/neighbourhoods.xhtml").body();
        assertTrue(neighbourhoods.contains("GM1904"), "its own municipality's page");
        // (The page's example of a CBS file names WK010600; no row of the list does.)
        assertFalse(neighbourhoods.contains("Pittelo") || neighbourhoods.contains("data-code=\"WK0106"), neighbourhoods);
        String partners = stichtseVecht.get("admin/partners.xhtml").body();
        assertFalse(partners.contains("Bibliotheek Assen"), partners);
        String users = stichtseVecht.get("admin/users.xhtml").body();
        assertFalse(users.contains("Bibliotheek Assen"), "no Assen partner to link an account to");
        HttpResponse<String> csv = stichtseVecht.submitForm("admin/neighbourhoods.xhtml", "downloadForm",
                "downloadCsv", java.util.Map.of());
        assertEquals(200, csv.statusCode());
        assertFalse(csv.body().contains("WK0106"), csv.body());
        HttpResponse<String> accounts = stichtseVecht.submitForm("admin/users.xhtml", "downloadForm", "downloadCsv",
                java.util.Map.of());
        assertEquals(200, accounts.statusCode());
        // Assen's demo accounts end in @demo.preventiefonds.nl (Stichtse Vecht's own in @stichtsevecht.demo...).
        assertFalse(accounts.body().contains("@demo.preventiefonds.nl"), "no account of Assen: " + accounts.body());
    }
}
