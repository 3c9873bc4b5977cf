package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Monitoring over the API against the real EAR and MariaDB: the report schedule from the determination tier,
 * reminders chosen by date, partner reports (single and bulk), review, determination with its settlement and
 * reclaim, and the deadlines overview.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MonitoringIT {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

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

    private static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    private static BigDecimal money(JsonObject o, String field) {
        return o.getJsonNumber(field).bigDecimalValue();
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    /** An awarded application with a plan, decided through the API. */
    private long awarded(Fixtures.FundAndCall fund, String title, String amount) throws Exception {
        long id = Fixtures.applicationInAssessment(fund.callId(), title, amount);
        Fixtures.withActivitiesAndPartner(id, Fixtures.demoPartnerId(), amount);
        Fixtures.completedReview(id, Fixtures.OFFICER);
        HttpResponse<String> decided = login(Fixtures.DECISION_MAKER).api("POST", "applications/" + id + "/decision",
                "{\"outcome\":\"AWARD\",\"advancePercent\":80}");
        assertEquals(200, decided.statusCode(), decided.body());
        return id;
    }

    private static List<JsonObject> requests(JsonObject reports) {
        return reports.getJsonArray("requests").stream().map(JsonValue::asJsonObject).toList();
    }

    private static JsonObject requestOf(List<JsonObject> requests, String purpose, boolean partner) {
        return requests.stream().filter(r -> r.getString("purpose").equals(purpose)
                        && r.isNull("partner") != partner).findFirst()
                .orElseThrow(() -> new AssertionError("no " + purpose + " request in " + requests));
    }

    private void moveClockTo(LocalDate day) throws Exception {
        HttpResponse<String> moved = login(Fixtures.OFFICER).api("PUT", "test-clock?at="
                + day.atTime(9, 0).atZone(AMSTERDAM).toInstant(), null);
        assertEquals(204, moved.statusCode(), moved.body());
    }

    private static String organiserReport(long activity, long partnerActivity, long costLine, String spent) {
        return "{\"narrative\":\"Elke week 15 tot 20 bewoners; twee doorverwijzingen naar het wijkteam.\","
                + "\"activities\":[{\"activityId\":" + activity + ",\"participants\":55,\"sessions\":38,"
                + "\"volunteers\":6},{\"activityId\":" + partnerActivity + ",\"participants\":25,\"sessions\":18,"
                + "\"volunteers\":2}],\"indicators\":[{\"name\":\"Minder eenzaam (%)\",\"value\":62.5}],"
                + "\"spending\":[{\"budgetLineId\":" + costLine + ",\"spent\":" + spent + "}]}";
    }

    @Test
    void anAwardAsksReportsPerTierAndASmallGrantIsDeterminedAtOnce() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        long id = awarded(fund, "Buurtkamer met verslag", "30000.00");

        WebSession officer = login(Fixtures.OFFICER);
        HttpResponse<String> view = officer.api("GET", "applications/" + id + "/reports", null);
        assertEquals(200, view.statusCode(), view.body());
        List<JsonObject> requests = requests(object(view));
        // 30,000 is in the activity-report tier; the plan runs 10 months, so one progress moment.
        assertEquals(4, requests.size(), requests.toString());
        JsonObject organiserFinal = requestOf(requests, "FINAL", false);
        LocalDate end = LocalDate.now().plusMonths(11);
        assertEquals(end.plusWeeks(13).toString(), organiserFinal.getString("dueOn"));
        assertEquals("ACTIVITY_REPORT", organiserFinal.getString("requiredKind"));
        assertFalse(organiserFinal.getBoolean("financial"));
        JsonObject partnerFinal = requestOf(requests, "FINAL", true);
        assertTrue(LocalDate.parse(partnerFinal.getString("dueOn")).isBefore(end.plusWeeks(13)));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'REPORTS_SCHEDULED'"
                + " AND subject_id = ?", String.valueOf(id)));
        assertTrue(TestDatabase.count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ? AND subject LIKE ?",
                Fixtures.PARTNER, "%" + reference(id) + "%") >= 1, "the partner is told it must report");

        // The direct tier (up to 5,000): determined with the award, the rest paid within four weeks.
        long small = awarded(fund, "Klein initiatief", "4000.00");
        assertEquals("DETERMINED", TestDatabase.query("SELECT status FROM application WHERE id = ?", small)
                .get(0).get(0));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM report_request WHERE application_id = ?", small));
        JsonObject determination = object(officer.api("GET", "applications/" + small + "/determination", null));
        assertTrue(determination.getBoolean("direct"));
        assertMoney("4000.00", money(determination, "finalAmount"));
        List<List<Object>> payments = TestDatabase.query("SELECT kind, amount, due_on, status FROM payment_instruction"
                + " WHERE application_id = ? ORDER BY id", small);
        assertEquals(2, payments.size(), payments.toString());
        assertMoney("3200.00", (BigDecimal) payments.get(0).get(1));
        assertEquals("BALANCE", payments.get(1).get(0));
        assertMoney("800.00", (BigDecimal) payments.get(1).get(1));
        assertEquals(LocalDate.now().plusWeeks(4).toString(), payments.get(1).get(2).toString());
    }

    private static String reference(long applicationId) throws Exception {
        return (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?", applicationId)
                .get(0).get(0);
    }

    private static List<String> reminderKinds(long applicationId) throws Exception {
        return TestDatabase.query("SELECT CONCAT(r.purpose, '/', IF(r.partner_id IS NULL, 'org', 'partner'), '=',"
                + " m.kind) FROM report_reminder m JOIN report_request r ON r.id = m.request_id"
                + " WHERE r.application_id = ? ORDER BY m.id", applicationId).stream().map(row -> (String) row.get(0))
                .sorted().toList();
    }

    @Test
    void remindersAreChosenByTheDateAndNeverSentTwice() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        long id = awarded(fund, "Herinneringen", "20000.00");
        LocalDate organiserDue = LocalDate.parse(TestDatabase.query("SELECT due_on FROM report_request WHERE"
                + " application_id = ? AND partner_id IS NULL AND purpose = 'FINAL'", id).get(0).get(0).toString());
        LocalDate partnerDue = LocalDate.parse(TestDatabase.query("SELECT due_on FROM report_request WHERE"
                + " application_id = ? AND partner_id IS NOT NULL AND purpose = 'FINAL'", id).get(0).get(0).toString());
        WebSession officer = login(Fixtures.OFFICER);

        // Today nothing is near: no reminder for this grant.
        assertEquals(200, officer.api("POST", "monitoring/reminders", null).statusCode());
        assertEquals(List.of(), reminderKinds(id));

        // Two weeks before the partner's final report: only that one is reminded of; progress is long overdue.
        moveClockTo(partnerDue.minusDays(14));
        HttpResponse<String> run = officer.api("POST", "monitoring/reminders", null);
        assertEquals(200, run.statusCode(), run.body());
        assertEquals(List.of("FINAL/partner=UPCOMING", "PROGRESS/org=FINAL_NOTICE", "PROGRESS/partner=FINAL_NOTICE"),
                reminderKinds(id));
        // The same day again: nothing new.
        officer.api("POST", "monitoring/reminders", null);
        assertEquals(3, reminderKinds(id).size());

        // The day after the organiser's due date: the partner's is 4+ weeks late, the organiser's just late.
        moveClockTo(organiserDue.plusDays(1));
        officer.api("POST", "monitoring/reminders", null);
        // The partner's date is four weeks earlier, moved to a working day: final notice only from 28 days late.
        String partnerKind = organiserDue.plusDays(1).isBefore(partnerDue.plusDays(28)) ? "OVERDUE" : "FINAL_NOTICE";
        assertEquals(List.of("FINAL/org=OVERDUE", "FINAL/partner=" + partnerKind, "FINAL/partner=UPCOMING",
                "PROGRESS/org=FINAL_NOTICE", "PROGRESS/partner=FINAL_NOTICE"), reminderKinds(id));
        String ref = reference(id);
        assertTrue(TestDatabase.count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ? AND subject LIKE ?"
                + " AND subject LIKE '%te laat%'", Fixtures.ORGANISER, "%" + ref + "%") >= 1);
        assertEquals(5, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'REPORT_REMINDER_SENT'"
                + " AND subject_id = ?", String.valueOf(id)));
        // Organisers cannot start the run.
        assertEquals(403, login(Fixtures.ORGANISER).api("POST", "monitoring/reminders", null).statusCode());
        // The application page lists every reminder in its request's row (read with the section in one call).
        String page = officer.get("applications/view.xhtml?id=" + id).body();
        assertEquals(5, page.split("herinnerd op", -1).length - 1, "five reminders on the page");
        assertEquals(partnerKind.equals("FINAL_NOTICE") ? 3 : 2,
                page.split("\\(laatste herinnering\\)", -1).length - 1, "final notices in their rows");
    }

    @Test
    void aPartnerReportsOnlyOnItsOwnActivitiesAndTheOfficerAsksForMore() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        long id = awarded(fund, "Partnerverslag", "20000.00");
        Fixtures.Plan plan = new Fixtures.Plan(
                TestDatabase.count("SELECT id FROM application_activity WHERE application_id = ? AND position = 1", id),
                TestDatabase.count("SELECT id FROM application_activity WHERE application_id = ? AND position = 2", id),
                0);
        WebSession partner = login(Fixtures.PARTNER);
        List<JsonObject> mine = array(partner.api("GET", "report-requests/mine", null)).stream()
                .map(JsonValue::asJsonObject).filter(r -> r.getJsonNumber("applicationId").longValue() == id).toList();
        assertEquals(2, mine.size(), "the partner's own progress and final request: " + mine);
        long finalRequest = requestOf(mine, "FINAL", true).getJsonNumber("id").longValue();
        // The partner sees only its own requests of the application, never the organiser's.
        assertEquals(2, requests(object(partner.api("GET", "applications/" + id + "/reports", null))).size());
        JsonObject form = object(partner.api("GET", "report-requests/" + finalRequest + "/form", null));
        assertEquals(1, form.getJsonArray("activities").size(), "only the activity the partner carries out");
        assertEquals("Voorleesochtend", form.getJsonArray("activities").getJsonObject(0).getString("activityName"));

        // Another partner: not found, everywhere.
        WebSession stranger = login(Fixtures.otherPartnerLogin());
        assertEquals(404, stranger.api("GET", "report-requests/" + finalRequest + "/form", null).statusCode());
        assertEquals(404, stranger.api("GET", "applications/" + id + "/reports", null).statusCode());
        assertEquals(404, stranger.api("POST", "report-requests/" + finalRequest + "/report",
                "{\"activities\":[]}").statusCode());
        assertFalse(stranger.api("GET", "report-requests/mine", null).body().contains(reference(id)));

        // The organiser's report files are not the partner's to read; the organiser's own are.
        WebSession organiser = login(Fixtures.ORGANISER);
        long organiserFinal = TestDatabase.count("SELECT id FROM report_request WHERE application_id = ?"
                + " AND partner_id IS NULL AND purpose = 'FINAL'", id);
        HttpResponse<String> attached = organiser.postBytes("report-requests/" + organiserFinal
                + "/attachments?filename=verklaring.pdf", "application/pdf", ApplicationJourneyIT.samplePdf());
        assertEquals(201, attached.statusCode(), attached.body());
        long file = object(attached).getJsonNumber("id").longValue();
        assertEquals(200, organiser.getBytes("files/attachment/" + file).statusCode());
        assertEquals(404, partner.getBytes("files/attachment/" + file).statusCode());
        HttpResponse<String> ownFiles = organiser.api("GET", "applications/" + id + "/attachments", null);
        assertEquals(200, ownFiles.statusCode(), ownFiles.body());
        assertFalse(ownFiles.body().contains("verklaring.pdf"), "a report file is not one of the application's own"
                + " attachments: " + ownFiles.body());

        // Regression (the open product question): the single form filed a final report before the activities had
        // even begun. Refused until the day after they end, saying from when, as the bulk upload does per row.
        LocalDate end = LocalDate.parse(TestDatabase.query("SELECT end_date FROM application WHERE id = ?", id)
                .get(0).get(0).toString());
        LocalDate partnerDue = LocalDate.parse(TestDatabase.query("SELECT due_on FROM report_request WHERE id = ?",
                finalRequest).get(0).get(0).toString());
        LocalDate opens = end.plusDays(1).isAfter(partnerDue) ? partnerDue : end.plusDays(1);
        assertEquals(opens.toString(), requestOf(mine, "FINAL", true).getString("opensOn"), "the API says from when");
        String onTime = "{\"narrative\":\"Voorleesochtenden liepen goed.\",\"activities\":[{\"activityId\":"
                + plan.partnerActivity() + ",\"participants\":27,\"sessions\":19,\"volunteers\":3}]}";
        HttpResponse<String> tooEarly = partner.api("POST", "report-requests/" + finalRequest + "/report", onTime);
        assertEquals(422, tooEarly.statusCode(), tooEarly.body());
        assertTrue(tooEarly.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("Dit verslag kunt u pas indienen vanaf " + opens.format(java.time.format.DateTimeFormatter
                        .ofPattern("d MMMM yyyy", java.util.Locale.forLanguageTag("nl-NL")))
                        + ": de periode waarover het gaat is nog niet voorbij.",
                problems(tooEarly).get(0).getString("message"));
        moveClockTo(opens.minusDays(1));
        HttpResponse<String> dayBefore = partner.api("POST", "report-requests/" + finalRequest + "/report", onTime);
        assertEquals(422, dayBefore.statusCode(), dayBefore.body());
        assertTrue(dayBefore.body().contains("report.notYetOpen"), dayBefore.body());
        assertEquals(0, reportsOf(id));
        assertEquals("OPEN", TestDatabase.query("SELECT status FROM report_request WHERE id = ?", finalRequest)
                .get(0).get(0));
        moveClockTo(opens);

        // Reporting on the organiser's own activity is refused; nothing is stored.
        HttpResponse<String> notYours = partner.api("POST", "report-requests/" + finalRequest + "/report",
                "{\"activities\":[{\"activityId\":" + plan.ownActivity() + ",\"participants\":5,\"sessions\":1,"
                        + "\"volunteers\":0}]}");
        assertEquals(422, notYours.statusCode(), notYours.body());
        assertTrue(notYours.body().contains("report.activityNotYours"), notYours.body());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM report r JOIN report_request q ON q.id = r.request_id"
                + " WHERE q.application_id = ?", id));

        HttpResponse<String> partnerFile = partner.postBytes("report-requests/" + finalRequest
                + "/attachments?filename=presentielijst.pdf", "application/pdf", ApplicationJourneyIT.samplePdf());
        assertEquals(201, partnerFile.statusCode(), partnerFile.body());
        HttpResponse<String> sent = partner.api("POST", "report-requests/" + finalRequest + "/report",
                "{\"narrative\":\"Voorleesochtenden liepen goed.\",\"activities\":[{\"activityId\":"
                        + plan.partnerActivity() + ",\"participants\":27,\"sessions\":19,\"volunteers\":3}]}");
        assertEquals(201, sent.statusCode(), sent.body());
        long reportId = object(sent).getJsonNumber("id").longValue();
        assertEquals("SUBMITTED", TestDatabase.query("SELECT status FROM report_request WHERE id = ?", finalRequest)
                .get(0).get(0));

        // The officer sees it waiting, and asks for more: a note and a new date are required.
        WebSession officer = login(Fixtures.OFFICER);
        JsonObject deadlines = object(officer.api("GET", "deadlines", null));
        assertTrue(deadlines.getJsonObject("waiting").getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(i -> i.getString("kind").equals("REVIEW_REPORT")
                        && i.getJsonNumber("applicationId").longValue() == id), deadlines.toString());
        assertEquals(403, partner.api("GET", "deadlines", null).statusCode());
        HttpResponse<String> bare = officer.api("POST", "reports/" + reportId + "/review",
                "{\"outcome\":\"MORE_REQUESTED\"}");
        assertEquals(422, bare.statusCode(), bare.body());
        assertTrue(bare.body().contains("report.moreNoteRequired") && bare.body().contains("report.moreDueInvalid"),
                bare.body());
        LocalDate newDue = opens.plusWeeks(3);
        assertEquals(200, officer.api("POST", "reports/" + reportId + "/review", "{\"outcome\":\"MORE_REQUESTED\","
                + "\"note\":\"Hoeveel kinderen kwamen vaker dan eens?\",\"moreDueOn\":\"" + newDue + "\"}").statusCode());
        assertEquals(List.of("MORE_REQUESTED", newDue.toString()), TestDatabase.query("SELECT status, due_on FROM"
                + " report_request WHERE id = ?", finalRequest).get(0).stream().map(Object::toString).toList());
        assertTrue(TestDatabase.count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ? AND body LIKE ?",
                Fixtures.PARTNER, "%vaker dan eens%") >= 1);

        // The partner's form comes back with its earlier figures; it completes and the officer accepts.
        JsonObject again = object(partner.api("GET", "report-requests/" + finalRequest + "/form", null));
        assertEquals(27, again.getJsonArray("activities").getJsonObject(0).getInt("participants"));
        HttpResponse<String> second = partner.api("POST", "report-requests/" + finalRequest + "/report",
                "{\"narrative\":\"12 kinderen kwamen vaker.\",\"activities\":[{\"activityId\":" + plan.partnerActivity()
                        + ",\"participants\":27,\"sessions\":19,\"volunteers\":3}]}");
        assertEquals(201, second.statusCode(), second.body());
        long secondId = object(second).getJsonNumber("id").longValue();
        assertEquals(422, officer.api("POST", "reports/" + reportId + "/review", "{\"outcome\":\"ACCEPTED\"}")
                .statusCode(), "the first report was already reviewed");
        assertEquals(200, officer.api("POST", "reports/" + secondId + "/review", "{\"outcome\":\"ACCEPTED\"}")
                .statusCode());
        assertEquals("ACCEPTED", TestDatabase.query("SELECT status FROM report_request WHERE id = ?", finalRequest)
                .get(0).get(0));
        assertEquals(4, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action IN"
                + " ('REPORT_SUBMITTED', 'REPORT_REVIEWED')", String.valueOf(id)));
        // The officer's application page shows the partner's file under each of its two reports, and not the
        // organiser's file of a report not yet submitted.
        String page = officer.get("applications/view.xhtml?id=" + id).body();
        assertEquals(2, page.split("presentielijst\\.pdf", -1).length - 1, "the file under both reports");
        assertFalse(page.contains("verklaring.pdf"), "no report, so its file is not shown yet");
    }

    private static List<JsonObject> problems(HttpResponse<String> response) {
        return object(response).getJsonArray("problems").stream().map(JsonValue::asJsonObject).toList();
    }

    private static long reportsOf(long applicationId) throws Exception {
        return TestDatabase.count("SELECT COUNT(*) FROM report r JOIN report_request q ON q.id = r.request_id"
                + " WHERE q.application_id = ?", applicationId);
    }

    /**
     * Regression (issue 17 §2): an upload filed a partner's final report months before it was due, silently. A row
     * says which report it files; one that is not open yet, not asked or not the caller's is refused with its row,
     * and then nothing of the file is written.
     */
    @Test
    void aBulkUploadFilesExactlyWhatItsRowsSayAndNothingWhenOneRowIsWrong() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        long good = awarded(fund, "Bulk goed", "10000.00");
        long bad = awarded(fund, "Bulk fout", "12000.00");
        String goodRef = reference(good);
        String badRef = reference(bad);
        LocalDate end = LocalDate.parse(TestDatabase.query("SELECT end_date FROM application WHERE id = ?", good)
                .get(0).get(0).toString());
        LocalDate finalOpens = end.plusDays(1); // the day after the activities end
        String header = "referentie;rapportage;activiteit;deelnemers;bijeenkomsten;vrijwilligers;indicator;waarde;"
                + "toelichting\n";
        String finalRows = goodRef + ";eind;Voorleesochtend;31;20;4;Kinderen die vaker lezen (%);40,5;Goed bezocht\n"
                + badRef + ";eind;2;3;10;2;;;\n";
        WebSession partner = login(Fixtures.PARTNER);

        // Today, months before the final report opens: every wrong row said with its line, nothing written.
        String csv = header + finalRows
                + "PF-1999-99999;eind;Voorleesochtend;5;1;1;;;\n"
                + goodRef + ";;Voorleesochtend;10;5;1;;;zonder rapportage\n"
                + badRef + ";laatste;Voorleesochtend;-3;10;2;;;\n";
        HttpResponse<String> early = partner.postBytes("partner/report-upload", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, early.statusCode(), early.body());
        assertTrue(early.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        List<JsonObject> refused = problems(early);
        String opens = finalOpens.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.forLanguageTag("nl-NL")));
        assertEquals("Regel 2: Het verslag \"eind\" van " + goodRef + " kunt u pas indienen vanaf " + opens + ".",
                refused.stream().filter(p -> p.getInt("line") == 2).findFirst().orElseThrow().getString("message"));
        assertEquals(List.of("csv.reportNotYetOpen"), keysOfLine(refused, 3));
        assertEquals(List.of("csv.noOpenRequest"), keysOfLine(refused, 4), "an initiative not the partner's");
        assertEquals(List.of("csv.reportNotYetOpen"), keysOfLine(refused, 5), "no report open: never a guess");
        assertEquals(List.of("csv.reportUnknown", "csv.negative"), keysOfLine(refused, 6));
        assertEquals(0, reportsOf(good) + reportsOf(bad));

        // The day before it opens: still refused. In English when asked.
        moveClockTo(finalOpens.minusDays(1));
        HttpResponse<String> dayBefore = partner.postBytes("partner/report-upload", "text/csv",
                (header + finalRows).getBytes(StandardCharsets.UTF_8), "en");
        assertEquals(422, dayBefore.statusCode(), dayBefore.body());
        assertEquals(List.of("csv.reportNotYetOpen"), keysOfLine(problems(dayBefore), 2));
        assertTrue(problems(dayBefore).get(0).getString("message").startsWith("Line 2: The report \"eind\" of "
                + goodRef + " can only be submitted from"), dayBefore.body());
        assertEquals(0, reportsOf(good) + reportsOf(bad));

        // On its opening day: filed, the final report and only that; a bad row among them still writes nothing.
        moveClockTo(finalOpens);
        HttpResponse<String> oneWrong = partner.postBytes("partner/report-upload", "text/csv",
                (header + finalRows + goodRef + ";eind;Wekelijkse inloop;10;5;1;;;niet van de partner\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(422, oneWrong.statusCode(), oneWrong.body());
        assertEquals(List.of("csv.activityNotYours"), keysOfLine(problems(oneWrong), 4));
        assertEquals(1, problems(oneWrong).size(), oneWrong.body());
        assertEquals(0, reportsOf(good) + reportsOf(bad), "all or nothing");

        HttpResponse<String> filed = partner.postBytes("partner/report-upload", "text/csv",
                (header + finalRows).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, filed.statusCode(), filed.body());
        assertEquals(2, object(filed).getInt("reportsSubmitted"), filed.body());
        long goodFinal = TestDatabase.count("SELECT id FROM report_request WHERE application_id = ? AND partner_id"
                + " IS NOT NULL AND purpose = 'FINAL'", good);
        List<List<Object>> stored = TestDatabase.query("SELECT q.id, a.participants, i.indicator_value, r.via_upload"
                + " FROM report r JOIN report_request q ON q.id = r.request_id JOIN report_activity a"
                + " ON a.report_id = r.id JOIN report_indicator i ON i.report_id = r.id WHERE q.application_id = ?", good);
        assertEquals(1, stored.size(), stored.toString());
        assertEquals(goodFinal, ((Number) stored.get(0).get(0)).longValue(), "the final report, as the row says");
        assertEquals(31, ((Number) stored.get(0).get(1)).intValue());
        assertMoney("40.50", (BigDecimal) stored.get(0).get(2));
        assertEquals(List.of("OPEN"), TestDatabase.query("SELECT status FROM report_request WHERE application_id = ?"
                + " AND partner_id IS NOT NULL AND purpose = 'PROGRESS'", good).stream().map(r -> r.get(0).toString())
                .distinct().toList(), "the progress report, open too, is untouched");
        assertEquals(1, reportsOf(bad), "the activity may be given by its number");

        // The same file again: already filed.
        HttpResponse<String> again = partner.postBytes("partner/report-upload", "text/csv",
                (header + finalRows).getBytes(StandardCharsets.UTF_8));
        assertEquals(422, again.statusCode(), again.body());
        assertEquals(List.of("csv.reportNotOutstanding"), keysOfLine(problems(again), 2));
        assertEquals(2, reportsOf(good) + reportsOf(bad));
        // A file that is no CSV at all is refused as a whole, nothing written.
        HttpResponse<String> junk = partner.postBytes("partner/report-upload", "text/csv",
                "deelnemers\n12\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, junk.statusCode(), junk.body());
        assertEquals("csv.missingColumns", problems(junk).get(0).getString("key"));
        assertEquals(403, login(Fixtures.ORGANISER).postBytes("partner/report-upload", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    private static List<String> keysOfLine(List<JsonObject> problems, int line) {
        return problems.stream().filter(p -> p.containsKey("line") && p.getInt("line") == line)
                .map(p -> p.getString("key")).toList();
    }

    @Test
    void theDeterminationSettlesTheMoneyAndAReclaimIsTrackedUntilPaidBack() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        long id = awarded(fund, "Vaststelling lager", "30000.00");
        BigDecimal committedBefore = committed(fund);
        WebSession manager = login(FUND_MANAGER);
        long advance = TestDatabase.count("SELECT id FROM payment_instruction WHERE application_id = ?", id);
        assertEquals(200, manager.api("POST", "payments/" + advance + "/paid", "{\"paidOn\":\"" + LocalDate.now()
                + "\"}").statusCode());

        WebSession officer = login(Fixtures.OFFICER);
        HttpResponse<String> early = officer.api("POST", "applications/" + id + "/determination",
                "{\"finalAmount\":30000}");
        assertEquals(422, early.statusCode());
        assertTrue(early.body().contains("determination.finalReportOutstanding"), early.body());

        WebSession organiser = login(Fixtures.ORGANISER);
        Fixtures.activitiesEnded(id); // a final report opens the day after the activities end
        long finalRequest = TestDatabase.count("SELECT id FROM report_request WHERE application_id = ?"
                + " AND partner_id IS NULL AND purpose = 'FINAL'", id);
        Fixtures.Plan plan = new Fixtures.Plan(
                TestDatabase.count("SELECT id FROM application_activity WHERE application_id = ? AND position = 1", id),
                TestDatabase.count("SELECT id FROM application_activity WHERE application_id = ? AND position = 2", id),
                TestDatabase.count("SELECT id FROM budget_line WHERE application_id = ?", id));
        HttpResponse<String> report = organiser.api("POST", "report-requests/" + finalRequest + "/report",
                organiserReport(plan.ownActivity(), plan.partnerActivity(), plan.costLine(), "20000.00"));
        assertEquals(201, report.statusCode(), report.body());
        HttpResponse<String> unreviewed = officer.api("POST", "applications/" + id + "/determination",
                "{\"finalAmount\":20000,\"reasons\":\"x\"}");
        assertTrue(unreviewed.body().contains("determination.reportAwaitingReview"), unreviewed.body());
        long reportId = object(report).getJsonNumber("id").longValue();
        assertEquals(200, officer.api("POST", "reports/" + reportId + "/review", "{\"outcome\":\"ACCEPTED\"}")
                .statusCode());

        // The preview shows what would happen, without doing it.
        JsonObject preview = object(officer.api("GET", "applications/" + id + "/determination/preview?finalAmount=20000",
                null));
        assertMoney("4000.00", money(preview, "reclaim"));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM determination WHERE application_id = ?", id));

        HttpResponse<String> wrong = officer.api("POST", "applications/" + id + "/determination",
                "{\"finalAmount\":35000}");
        assertTrue(wrong.body().contains("determination.aboveAwarded"), wrong.body());
        HttpResponse<String> noReasons = officer.api("POST", "applications/" + id + "/determination",
                "{\"finalAmount\":20000}");
        assertTrue(noReasons.body().contains("determination.reasonsRequired"), noReasons.body());
        assertEquals(403, organiser.api("POST", "applications/" + id + "/determination",
                "{\"finalAmount\":20000,\"reasons\":\"x\"}").statusCode());

        HttpResponse<String> determined = officer.api("POST", "applications/" + id + "/determination",
                "{\"finalAmount\":20000.00,\"reasons\":\"De helft van de bijeenkomsten is niet doorgegaan.\"}");
        assertEquals(200, determined.statusCode(), determined.body());
        JsonObject result = object(determined);
        assertMoney("24000.00", money(result, "paidBefore"));
        assertMoney("4000.00", money(result, "reclaim"));
        assertMoney("0.00", money(result, "balancePayment"));
        assertEquals("DETERMINED", TestDatabase.query("SELECT status FROM application WHERE id = ?", id).get(0).get(0));
        assertMoney(committedBefore.subtract(new BigDecimal("10000.00")).toPlainString(), committed(fund));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM report_request WHERE application_id = ?"
                + " AND status IN ('OPEN', 'MORE_REQUESTED')", id), "outstanding reports are closed");
        List<Object> reclaim = TestDatabase.query("SELECT amount, due_on, limitation_on, status FROM reclaim"
                + " WHERE application_id = ?", id).get(0);
        assertMoney("4000.00", (BigDecimal) reclaim.get(0));
        assertEquals(LocalDate.now().plusWeeks(6).toString(), reclaim.get(1).toString());
        assertEquals(LocalDate.now().plusYears(5).toString(), reclaim.get(2).toString());

        // The letter: a PDF for the organiser with the amounts and the reclaim clause.
        long letterId = result.getJsonNumber("letterId").longValue();
        HttpResponse<byte[]> pdf = organiser.getBytes("files/document/" + letterId);
        assertEquals(200, pdf.statusCode());
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains("€ 20.000,00"), text);
        assertTrue(text.contains("€ 4.000,00"), text);
        assertTrue(text.contains("4:57"), text);
        assertTrue(text.contains("De helft van de bijeenkomsten is niet doorgegaan."), text);
        assertTrue(TestDatabase.count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ? AND attachment_name = ?",
                Fixtures.ORGANISER, "vaststelling-" + reference(id) + ".pdf") == 1);
        HttpResponse<String> twice = officer.api("POST", "applications/" + id + "/determination",
                "{\"finalAmount\":20000,\"reasons\":\"x\"}");
        assertTrue(twice.body().contains("determination.alreadyDetermined"), twice.body());

        // Paid back in two parts: settled only when all is back.
        long reclaimId = TestDatabase.count("SELECT id FROM reclaim WHERE application_id = ?", id);
        // The fund manager finds it by its reference, whatever else is open; a typed % is no wildcard.
        JsonArray found = array(manager.api("GET", "reclaims?status=OPEN&q=" + reference(id).toLowerCase(), null));
        assertEquals(1, found.size(), found.toString());
        assertEquals(reclaimId, found.getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(0, array(manager.api("GET", "reclaims?q=%25", null)).size());
        HttpResponse<String> tooMuch = manager.api("POST", "reclaims/" + reclaimId + "/repayments",
                "{\"amount\":5000,\"receivedOn\":\"" + LocalDate.now() + "\"}");
        assertTrue(tooMuch.body().contains("reclaim.amountAboveOutstanding"), tooMuch.body());
        assertEquals(200, manager.api("POST", "reclaims/" + reclaimId + "/repayments",
                "{\"amount\":1500,\"receivedOn\":\"" + LocalDate.now() + "\"}").statusCode());
        assertEquals("OPEN", TestDatabase.query("SELECT status FROM reclaim WHERE id = ?", reclaimId).get(0).get(0));
        assertEquals(200, manager.api("POST", "reclaims/" + reclaimId + "/repayments",
                "{\"amount\":2500.00,\"receivedOn\":\"" + LocalDate.now() + "\",\"bankReference\":\"TB-77\"}")
                .statusCode());
        assertEquals("SETTLED", TestDatabase.query("SELECT status FROM reclaim WHERE id = ?", reclaimId).get(0).get(0));
        assertTrue(manager.api("POST", "reclaims/" + reclaimId + "/repayments", "{\"amount\":1,\"receivedOn\":\""
                + LocalDate.now() + "\"}").body().contains("reclaim.alreadySettled"));
        assertEquals(403, officer.api("POST", "reclaims/" + reclaimId + "/repayments", "{\"amount\":1}").statusCode());
        for (String action : List.of("DETERMINED", "RECLAIM_OPENED", "RECLAIM_REPAYMENT")) {
            assertTrue(TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject_id = ?",
                    action, String.valueOf(id)) >= 1, action);
        }
    }

    @Test
    void exOfficioDeterminationAfterTheDueDateCancelsUnpaidMoneyAndReleasesTheBudget() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        long id = awarded(fund, "Geen verslag", "20000.00");
        BigDecimal committedBefore = committed(fund);
        LocalDate due = LocalDate.parse(TestDatabase.query("SELECT due_on FROM report_request WHERE application_id = ?"
                + " AND partner_id IS NULL AND purpose = 'FINAL'", id).get(0).get(0).toString());
        WebSession officer = login(Fixtures.OFFICER);
        moveClockTo(due.plusDays(1));
        JsonObject readiness = object(officer.api("GET", "applications/" + id + "/determination", null));
        assertTrue(readiness.getBoolean("determinable"), readiness.toString());
        assertTrue(readiness.getBoolean("exOfficio"));
        HttpResponse<String> noReasons = officer.api("POST", "applications/" + id + "/determination",
                "{\"finalAmount\":20000}");
        assertTrue(noReasons.body().contains("determination.exOfficioReasonsRequired"), noReasons.body());
        HttpResponse<String> zero = officer.api("POST", "applications/" + id + "/determination",
                "{\"finalAmount\":0,\"reasons\":\"Geen eindverslag ontvangen ondanks herinneringen.\"}");
        assertEquals(200, zero.statusCode(), zero.body());
        JsonObject result = object(zero);
        assertMoney("0.00", money(result, "reclaim"));
        assertMoney("0.00", money(result, "balancePayment"));
        assertNotNull(result.get("letterId"));
        assertEquals(List.of("CANCELLED"), TestDatabase.query("SELECT status FROM payment_instruction"
                + " WHERE application_id = ?", id).stream().map(r -> r.get(0).toString()).toList());
        assertMoney(committedBefore.subtract(new BigDecimal("20000.00")).toPlainString(), committed(fund));
    }

    private static BigDecimal committed(Fixtures.FundAndCall fund) throws Exception {
        return new BigDecimal(TestDatabase.query("SELECT committed FROM fund_year_budget WHERE fund_id = ?",
                fund.fundId()).get(0).get(0).toString());
    }
}
