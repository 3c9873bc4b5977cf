package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every bad request is answered with a 4xx and an RFC 9457 problem+json body that names what is wrong, and leaves
 * nothing behind: numbers beyond their type (no wrapping), nulls in arrays, over-long labels, a second review,
 * dates outside any sane window, ids that are no numbers, bodies over the limit. A refused access is one log line.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";
    /** 2^32 + 7: read as an int with wrapping it was a valid score of 7. */
    private static final String WRAPS_TO_SEVEN = "4294967303";
    /** Words a stack trace, a class name or a database error would show. */
    private static final Pattern LEAK = Pattern.compile(
            "SQL|MariaDB|Exception|\\bat [a-z]+\\.[a-z]|jakarta\\.|java\\.|org\\.|nl\\.preventiefonds|Stack",
            Pattern.CASE_INSENSITIVE);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private Fixtures.FundAndCall fund;
    private WebSession officer;

    @BeforeEach
    void setUp() throws Exception {
        fund = Fixtures.fundWithCall("100000.00");
        officer = WebSession.loggedIn(base, Fixtures.OFFICER);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** A 4xx problem+json with a title, a detail and (when given) the expected first problem key. */
    private static JsonObject problem(HttpResponse<String> response, int status, String key) {
        String what = response.request().method() + " " + response.request().uri() + " -> " + response.statusCode()
                + " " + response.body();
        assertEquals(status, response.statusCode(), what);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                what);
        JsonObject body = json(response);
        assertEquals(status, body.getInt("status"), what);
        assertFalse(body.getString("title").isBlank(), what);
        assertFalse(body.getString("detail").isBlank(), what);
        assertFalse(LEAK.matcher(response.body()).find(), "leaks internals: " + what);
        if (key != null) {
            assertEquals(key, body.getJsonArray("problems").getJsonObject(0).getString("key"), what);
        }
        return body;
    }

    private List<Long> criteria() throws Exception {
        return TestDatabase.query("SELECT id FROM call_criterion WHERE call_id = ? ORDER BY position", fund.callId())
                .stream().map(row -> ((Number) row.get(0)).longValue()).toList();
    }

    private String review(String... scores) throws Exception {
        List<Long> ids = criteria();
        StringBuilder body = new StringBuilder("{\"advice\":\"AWARD\",\"scores\":[");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"criterionId\":").append(ids.get(i)).append(",\"score\":")
                    .append(scores[i]).append(",\"rationale\":\"Onderbouwing\"}");
        }
        return body.append("]}").toString();
    }

    /** The officer is assigned to a new application and has declared no conflict. */
    private long declaredAssignment(String title) throws Exception {
        long application = Fixtures.applicationInAssessment(fund.callId(), title, "10000.00");
        assertEquals(200, officer.api("POST", "applications/" + application + "/reviewers",
                "{\"reviewerIds\":[" + TestDatabase.userId(Fixtures.OFFICER) + "]}").statusCode());
        long assignment = TestDatabase.count("SELECT r.id FROM review_assignment r JOIN app_user u ON"
                + " u.id = r.reviewer_id WHERE r.application_id = ? AND u.email = ?", application, Fixtures.OFFICER);
        assertEquals(200, officer.api("POST", "reviews/" + assignment + "/declaration", "{\"conflict\":false}")
                .statusCode());
        return assignment;
    }

    private static long completed(long assignment) throws Exception {
        return TestDatabase.count("SELECT COUNT(*) FROM review_assignment WHERE id = ? AND completed_at IS NOT NULL",
                assignment);
    }

    @Test
    void aScoreBeyondIntRangeIsRefusedNotWrapped() throws Exception {
        long assignment = declaredAssignment("Te grote score");
        problem(officer.api("POST", "reviews/" + assignment, review(WRAPS_TO_SEVEN, "7", "7", "7")), 400,
                "api.numberOutOfRange");
        problem(officer.api("POST", "reviews/" + assignment, review("7.9", "7", "7", "7")), 400,
                "api.numberOutOfRange");
        problem(officer.api("POST", "reviews/" + assignment, review("-" + WRAPS_TO_SEVEN, "7", "7", "7")), 400,
                "api.numberOutOfRange");
        assertEquals(0, completed(assignment), "nothing scored");
        assertEquals(200, officer.api("POST", "reviews/" + assignment, review("7", "7", "7", "7")).statusCode());
    }

    /**
     * The typed bodies' constraints (Bean Validation): a missing field is refused with a 400 that names it (invalid
     * input, NLGov /core/error-handling/invalid-input), never read as false or 0, and so is an over-long text or an
     * out-of-range count; nothing is stored meanwhile.
     */
    @Test
    void missingFieldsOverLongTextsAndOutOfRangeCountsAreRefusedByTheTypedBodies() throws Exception {
        long application = Fixtures.applicationInAssessment(fund.callId(), "Ontbrekende velden", "10000.00");
        for (String body : List.of("{\"roundRobin\":0}", "{\"roundRobin\":-5}", "{\"roundRobin\":51}")) {
            problem(officer.api("POST", "applications/" + application + "/reviewers", body), 400,
                    "api.constraintViolated");
        }
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM review_assignment WHERE application_id = ?",
                application), "nobody assigned");
        assertEquals(200, officer.api("POST", "applications/" + application + "/reviewers",
                "{\"reviewerIds\":[" + TestDatabase.userId(Fixtures.OFFICER) + "]}").statusCode());
        long assignment = TestDatabase.count("SELECT r.id FROM review_assignment r JOIN app_user u ON"
                + " u.id = r.reviewer_id WHERE r.application_id = ? AND u.email = ?", application, Fixtures.OFFICER);
        // Without "conflict" the declaration said "no conflict" before: now it says what is missing.
        JsonObject missing = problem(officer.api("POST", "reviews/" + assignment + "/declaration",
                "{\"reason\":\"vergeten\"}"), 400, "api.constraintViolated");
        assertTrue(missing.getString("detail").startsWith("conflict"), missing.toString());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM review_assignment WHERE id = ? AND declared_at IS"
                + " NOT NULL", assignment), "nothing declared");
        assertEquals(200, officer.api("POST", "reviews/" + assignment + "/declaration", "{\"conflict\":false}")
                .statusCode());
        // A score left out was read as 0, a valid score.
        List<Long> ids = criteria();
        StringBuilder withoutScore = new StringBuilder("{\"advice\":\"AWARD\",\"scores\":[");
        for (int i = 0; i < ids.size(); i++) {
            withoutScore.append(i == 0 ? "" : ",").append("{\"criterionId\":").append(ids.get(i))
                    .append(i == 0 ? "" : ",\"score\":7").append(",\"rationale\":\"Onderbouwing\"}");
        }
        JsonObject noScore = problem(officer.api("POST", "reviews/" + assignment, withoutScore.append("]}")
                .toString()), 400, "api.constraintViolated");
        assertTrue(noScore.getString("detail").contains("score"), noScore.toString());
        String tooLong = review("7", "7", "7", "7").replace("{\"advice\":\"AWARD\"", "{\"advice\":\"AWARD\","
                + "\"reasons\":\"" + "x".repeat(4001) + "\"");
        problem(officer.api("POST", "reviews/" + assignment, tooLong), 400, "api.constraintViolated");
        assertEquals(0, completed(assignment), "nothing scored");
        assertEquals(200, officer.api("POST", "reviews/" + assignment, review("7", "7", "7", "7")).statusCode());
        // The list's search text has a length too.
        problem(officer.request("GET", "api/applications?text=" + "a".repeat(201), null, null, false), 400,
                "api.constraintViolated");
        assertEquals(200, officer.request("GET", "api/applications?text=" + "a".repeat(200), null, null, false)
                .statusCode());
    }

    @Test
    void aSecondReviewOfTheSameApplicationIsAConflict() throws Exception {
        long assignment = declaredAssignment("Twee keer beoordeeld");
        assertEquals(200, officer.api("POST", "reviews/" + assignment, review("8", "8", "8", "8")).statusCode());
        problem(officer.api("POST", "reviews/" + assignment, review("2", "2", "2", "2")), 409,
                "assessment.alreadyReviewed");
        assertEquals(List.of(8L, 8L, 8L, 8L), TestDatabase.query("SELECT score FROM review_score WHERE"
                + " assignment_id = ? ORDER BY criterion_id", assignment).stream()
                .map(row -> ((Number) row.get(0)).longValue()).toList(), "the first scores stand");
    }

    @Test
    void participantCountsDoNotWrap() throws Exception {
        WebSession organiser = WebSession.loggedIn(base, Fixtures.ORGANISER);
        HttpResponse<String> started = organiser.api("POST", "calls/" + fund.callId() + "/applications", null);
        assertEquals(201, started.statusCode(), started.body());
        long id = json(started).getJsonNumber("id").longValue();
        JsonObject form = json(organiser.api("GET", "applications/" + id + "/form", null));
        String body = Json.createObjectBuilder(form).add("activities", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "Inloop").add("description", "Koffie")
                        .add("plannedParticipants", new java.math.BigInteger("4294967306")))).build().toString();
        problem(organiser.api("PUT", "applications/" + id + "/form", body), 400, "api.numberOutOfRange");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM application_activity WHERE application_id = ?", id),
                "no activity with 10 participants stored");
    }

    @Test
    void nullEntriesInArraysAreRefused() throws Exception {
        long application = Fixtures.applicationInAssessment(fund.callId(), "Lege plek", "10000.00");
        problem(officer.api("POST", "applications/" + application + "/reviewers", "{\"reviewerIds\":[null]}"), 400,
                "api.nullInArray");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM review_assignment WHERE application_id = ?",
                application));
        long assignment = declaredAssignment("Lege score");
        problem(officer.api("POST", "reviews/" + assignment, "{\"advice\":\"AWARD\",\"scores\":[null]}"), 400,
                "api.nullInArray");
        WebSession decider = WebSession.loggedIn(base, Fixtures.DECISION_MAKER);
        long decided = Fixtures.applicationInAssessment(fund.callId(), "Lege termijn", "10000.00");
        Fixtures.completedReview(decided, Fixtures.OFFICER);
        problem(decider.api("POST", "applications/" + decided + "/decision",
                "{\"outcome\":\"AWARD\",\"tranches\":[null]}"), 400, "api.nullInArray");
        problem(decider.api("POST", "decisions/batch", "{\"items\":[{\"applicationId\":" + decided
                + ",\"decision\":{\"outcome\":\"AWARD\",\"tranches\":[{\"label\":\"x\"}, null]}}]}"), 400,
                "api.nullInArray");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM grant_decision WHERE application_id = ?", decided));
    }

    @Test
    void overLongLabelsAndDueDatesOutsideASaneWindowAreRefused() throws Exception {
        WebSession decider = WebSession.loggedIn(base, Fixtures.DECISION_MAKER);
        long id = Fixtures.applicationInAssessment(fund.callId(), "Termijnen", "10000.00");
        Fixtures.completedReview(id, Fixtures.OFFICER);
        String later = LocalDate.now().plusMonths(6).toString();
        problem(decider.api("POST", "applications/" + id + "/decision", tranche("x".repeat(101), later)), 422,
                "decision.trancheLabelTooLong");
        problem(decider.api("POST", "applications/" + id + "/decision", tranche("Tweede termijn", "1900-01-01")),
                422, "decision.trancheDueOnRange");
        problem(decider.api("POST", "applications/" + id + "/decision", tranche("Tweede termijn",
                "+999999999-12-31")), 422, "decision.trancheDueOnRange");
        problem(decider.api("POST", "applications/" + id + "/decision", tranche("Tweede termijn",
                LocalDate.now().plusYears(11).toString())), 422, "decision.trancheDueOnRange");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM grant_decision WHERE application_id = ?", id),
                "nothing decided");
        HttpResponse<String> decided = decider.api("POST", "applications/" + id + "/decision",
                tranche("y".repeat(100), later));
        assertEquals(200, decided.statusCode(), decided.body());

        WebSession manager = WebSession.loggedIn(base, FUND_MANAGER);
        long advance = TestDatabase.count("SELECT MIN(id) FROM payment_instruction WHERE application_id = ?", id);
        problem(manager.api("POST", "payments/" + advance + "/paid", "{\"paidOn\":\"1900-01-01\"}"), 422,
                "payment.paidOnInvalid");
        problem(manager.api("POST", "payments/" + advance + "/paid", "{\"paidOn\":\"+999999999-12-31\"}"), 422,
                "payment.paidOnInvalid");
        assertEquals("DUE", TestDatabase.query("SELECT status FROM payment_instruction WHERE id = ?", advance)
                .get(0).get(0));
        problem(manager.get("api/payments/export?dueBefore=%2B999999999-12-31"), 422,
                "payments.dateInvalid");
    }

    private static String tranche(String label, String dueOn) {
        return Json.createObjectBuilder().add("outcome", "AWARD").add("advancePercent", 50)
                .add("tranches", Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", label)
                        .add("dueOn", dueOn).add("amount", 1000))).build().toString();
    }

    /**
     * The typed resources refuse bad input as problems, never a 500: a search longer than allowed (Bean
     * Validation), an id of the wrong type or an unknown value in a body, a missing body, an id that is no number.
     */
    @Test
    void theTypedResourcesRefuseBadInputAsProblems() throws Exception {
        WebSession manager = WebSession.loggedIn(base, FUND_MANAGER);
        JsonObject tooLong = problem(manager.api("GET", "reclaims?q=" + "x".repeat(101), null), 400,
                "api.constraintViolated");
        assertTrue(tooLong.getString("detail").startsWith("q: "), tooLong.toString());
        HttpResponse<String> longest = manager.api("GET", "reclaims?q=" + "x".repeat(100), null);
        assertEquals(200, longest.statusCode(), longest.body());
        WebSession decider = WebSession.loggedIn(base, Fixtures.DECISION_MAKER);
        problem(decider.api("POST", "decisions/batch", "{\"items\":[{\"applicationId\":\"abc\"}]}"), 400,
                "api.bodyInvalid");
        problem(decider.api("POST", "decisions/batch", "{\"items\":[{}]}"), 422, "decision.batchIdRequired");
        problem(decider.api("POST", "decisions/batch", "{}"), 422, "decision.batchEmpty");
        problem(officer.api("POST", "reports/99999999/review", "{}"), 404, "report.notFound");
        problem(officer.api("POST", "reports/99999999/review", "{\"outcome\":\"BOGUS\"}"), 400, "api.bodyInvalid");
        problem(manager.api("POST", "accounts/abc/anonymise", null), 400, "api.parameterInvalid");
        problem(manager.api("POST", "reclaims/99999999/repayments", "{}"), 404, "reclaim.notFound");
    }

    @Test
    void idsAndNumbersInTheAddressThatAreNoNumbersAreBadRequests() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("api/applications/abc", "api/applications/1e3", "api/applications/"
                        + "99999999999999999999", "api/applications?first=abc", "api/applications?size=x",
                "api/applications?first=" + WRAPS_TO_SEVEN, "api/applications?callId=abc", "api/calls?size=abc",
                "api/applications/abc/form", "api/calls/abc/ranking", "api/applications/abc/decision",
                "api/applications/abc/reports", "api/applications/abc/determination", "api/accounts/abc/retention",
                "api/reports?first=abc", "api/awards?size=x", "api/anonymisation/candidates?first=abc",
                "api/payments?first=abc", "api/reclaims?size=abc")) {
            HttpResponse<String> answer = officer.request("GET", path, null, null, false);
            try {
                problem(answer, 400, "api.parameterInvalid");
            } catch (AssertionError e) {
                wrong.add(e.getMessage());
            }
        }
        assertEquals(List.of(), wrong, String.join("\n", wrong));
        // Pages: an id in the address that is no number is an object that does not exist (404, the page's own
        // "not found"), not a page rendered without its object into the error page.
        WebSession organiser = WebSession.loggedIn(base, Fixtures.ORGANISER);
        for (String page : List.of("applications/view.xhtml?id=abc", "applications/view.xhtml?id="
                + "99999999999999999999", "organiser/application.xhtml?id=abc", "organiser/application.xhtml?id=1e3",
                "reports/report.xhtml?request=abc")) {
            HttpResponse<String> answer = organiser.get(page);
            assertEquals(404, answer.statusCode(), page);
            assertTrue(answer.body().contains("id=\"notFound\""), page + ": the page's own not-found");
        }
        // The ranking of no call: the not-found page of the pages' exception handler, not an empty ranking.
        HttpResponse<String> ranking = officer.get("applications/ranking.xhtml?call=abc");
        assertEquals(404, ranking.statusCode());
        assertTrue(ranking.body().contains("id=\"errorPage\""), "the not-found page: " + ranking.body());
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        WebSession decider = WebSession.loggedIn(base, Fixtures.DECISION_MAKER);
        String huge = "{\"items\":[{\"applicationId\":1,\"decision\":{\"outcome\":\"REJECT\",\"reasons\":\""
                + "x".repeat(9 * 1024 * 1024) + "\"}}]}";
        problem(decider.api("POST", "decisions/batch", huge), 413, "api.bodyTooLarge");
        // Without a length (chunked) the limit holds while reading.
        problem(decider.postChunked("decisions/batch", "application/json", huge.getBytes(StandardCharsets.UTF_8)),
                413, "api.bodyTooLarge");
    }

    @Test
    void exportsNeverHandASpreadsheetAFormula() throws Exception {
        String title = "=1+2 Buurtkamer " + System.nanoTime();
        long id = Fixtures.applicationInAssessment(fund.callId(), title, "10000.00");
        Fixtures.completedReview(id, Fixtures.OFFICER);
        HttpResponse<String> awarded = WebSession.loggedIn(base, Fixtures.DECISION_MAKER).api("POST",
                "applications/" + id + "/decision", "{\"outcome\":\"AWARD\",\"advancePercent\":80}");
        assertEquals(200, awarded.statusCode(), awarded.body());

        // The public 360Giving CSV: the title is text, not a formula.
        String open = new WebSession(base.toURI()).get("api/open/360giving.csv").body();
        assertTrue(open.contains(",'" + title + ","), open);
        assertFalse(open.contains("," + title), open);

        // The payment export: a payee name like a formula is text; the amount stays a number.
        TestDatabase.update("UPDATE payment_instruction SET payee_name = '@SUM(1+1)' WHERE application_id = ?", id);
        String reference = (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?", id).get(0)
                .get(0);
        String payments = WebSession.loggedIn(base, FUND_MANAGER).get("api/payments/export?dueBefore="
                + LocalDate.now().plusDays(30)).body();
        String line = payments.lines().filter(l -> l.contains(reference)).findFirst().orElseThrow(() ->
                new AssertionError(payments));
        assertTrue(line.contains(";'@SUM(1+1);") && line.contains(";8000.00;"), line);
    }

    @Test
    void aRefusedAccessIsOneLogLineWithoutStackTrace() throws Exception {
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        long before = Files.size(log);
        WebSession organiser = WebSession.loggedIn(base, Fixtures.ORGANISER);
        long application = Fixtures.applicationInAssessment(fund.callId(), "Geen toegang", "10000.00");
        problem(organiser.api("POST", "applications/" + application + "/reviewers", "{\"reviewerIds\":[1]}"), 403,
                null);
        Thread.sleep(500); // the file handler writes asynchronously enough to need a moment
        String written;
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(before);
            written = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> refusals = written.lines().filter(line -> line.contains("API access refused")).toList();
        assertEquals(1, refusals.size(), written);
        assertTrue(refusals.get(0).contains("WARN") && refusals.get(0).contains(Fixtures.ORGANISER), refusals.get(0));
        assertFalse(written.contains("EJBAccessException") || written.contains("\tat "), written);
    }
}
