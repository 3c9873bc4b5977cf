package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Assessment and decisions over the API against the built EAR and MariaDB: scoring maths,
 * conflicts of interest, four-eyes, partial award, rejection, the letter and objections.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DecisionIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private WebSession officer;
    private WebSession decider;
    private Fixtures.FundAndCall fund;

    @BeforeEach
    void setUp() throws Exception {
        officer = login(Fixtures.OFFICER);
        decider = login(Fixtures.DECISION_MAKER);
        fund = Fixtures.fundWithCall("100000.00");
    }

    private WebSession login(String email) throws Exception {
        return WebSession.loggedIn(base, email);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String firstProblem(HttpResponse<String> response) {
        return json(response).getJsonArray("problems").getJsonObject(0).getString("key");
    }

    private List<Long> criteria() throws Exception {
        return TestDatabase.query("SELECT id FROM call_criterion WHERE call_id = ? ORDER BY position", fund.callId())
                .stream().map(row -> ((Number) row.get(0)).longValue()).toList();
    }

    private long assignmentOf(long applicationId, String reviewer) throws Exception {
        return TestDatabase.count("SELECT r.id FROM review_assignment r JOIN app_user u ON u.id = r.reviewer_id"
                + " WHERE r.application_id = ? AND u.email = ?", applicationId, reviewer);
    }

    private String review(int[] scores, String advice, String amount, String reasons) throws Exception {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        List<Long> ids = criteria();
        for (int i = 0; i < ids.size(); i++) {
            rows.add(Json.createObjectBuilder().add("criterionId", ids.get(i)).add("score", scores[i])
                    .add("rationale", "Onderbouwing " + (i + 1)));
        }
        var body = Json.createObjectBuilder().add("scores", rows).add("advice", advice);
        if (amount != null) {
            body.add("amount", new BigDecimal(amount));
        }
        if (reasons != null) {
            body.add("reasons", reasons);
        }
        return body.build().toString();
    }

    /** Assigns the officer as reviewer and completes an unconflicted review. */
    private void reviewedByOfficer(long applicationId, int[] scores) throws Exception {
        long userId = TestDatabase.userId(Fixtures.OFFICER);
        assertEquals(200, officer.api("POST", "applications/" + applicationId + "/reviewers",
                "{\"reviewerIds\":[" + userId + "]}").statusCode());
        long assignment = assignmentOf(applicationId, Fixtures.OFFICER);
        assertEquals(200, officer.api("POST", "reviews/" + assignment + "/declaration", "{\"conflict\":false}")
                .statusCode());
        HttpResponse<String> done = officer.api("POST", "reviews/" + assignment, review(scores, "AWARD", null, null));
        assertEquals(200, done.statusCode(), done.body());
    }

    private BigDecimal committed() throws Exception {
        return new BigDecimal(TestDatabase.query("SELECT committed FROM fund_year_budget WHERE fund_id = ?",
                fund.fundId()).get(0).get(0).toString());
    }

    @Test
    void weightedScoresConflictsOfInterestAndRanking() throws Exception {
        long first = Fixtures.applicationInAssessment(fund.callId(), "Buurtkamer", "30000.00");
        long second = Fixtures.applicationInAssessment(fund.callId(), "Kookcafé", "40000.00");
        long third = Fixtures.applicationInAssessment(fund.callId(), "Wandelclub", "45000.00");

        // A second officer declares a conflict: the reason is logged and scoring is refused.
        String conflicted = TestDatabase.cloneAccount(Fixtures.OFFICER, null);
        officer.api("POST", "applications/" + first + "/reviewers", "{\"reviewerIds\":["
                + TestDatabase.userId(conflicted) + "]}");
        WebSession colleague = login(conflicted);
        long assignment = assignmentOf(first, conflicted);
        HttpResponse<String> noScoresYet = colleague.api("POST", "reviews/" + assignment,
                review(new int[] {5, 5, 5, 5}, "AWARD", null, null));
        assertEquals("assessment.declareFirst", firstProblem(noScoresYet));
        assertEquals(422, colleague.api("POST", "reviews/" + assignment + "/declaration", "{\"conflict\":true}")
                .statusCode(), "a conflict needs its reason");
        assertEquals(200, colleague.api("POST", "reviews/" + assignment + "/declaration",
                "{\"conflict\":true,\"reason\":\"Mijn zus is penningmeester van de stichting\"}").statusCode());
        HttpResponse<String> refused = colleague.api("POST", "reviews/" + assignment,
                review(new int[] {9, 9, 9, 9}, "AWARD", null, null));
        assertEquals("assessment.conflicted", firstProblem(refused));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CONFLICT_DECLARED'"
                + " AND subject_id = ? AND after_summary LIKE '%penningmeester%'", String.valueOf(first)));
        HttpResponse<String> notMine = officer.api("POST", "reviews/" + assignment + "/declaration",
                "{\"conflict\":false}");
        assertEquals(404, notMine.statusCode(), "someone else's review answers like a missing one");
        assertEquals("assessment.notFound", firstProblem(notMine));

        // Weights 40/25/20/15: (8*40 + 6*25 + 10*20 + 5*15) / 100 = 7.45
        long userId = TestDatabase.userId(Fixtures.OFFICER);
        officer.api("POST", "applications/" + first + "/reviewers", "{\"reviewerIds\":[" + userId + "]}");
        long mine = assignmentOf(first, Fixtures.OFFICER);
        officer.api("POST", "reviews/" + mine + "/declaration", "{\"conflict\":false}");
        String withoutRationale = review(new int[] {8, 6, 10, 5}, "AWARD", null, null)
                .replace("Onderbouwing 2", " ");
        assertEquals("assessment.rationaleRequired", firstProblem(officer.api("POST", "reviews/" + mine,
                withoutRationale)));
        HttpResponse<String> scored = officer.api("POST", "reviews/" + mine, review(new int[] {8, 6, 10, 5}, "AWARD",
                null, null));
        assertEquals(0, new BigDecimal("7.45").compareTo(json(scored).getJsonNumber("weightedScore")
                .bigDecimalValue()), scored.body());

        reviewedByOfficer(second, new int[] {10, 10, 10, 10});
        reviewedByOfficer(third, new int[] {2, 3, 4, 5});
        JsonObject ranking = json(officer.api("GET", "calls/" + fund.callId() + "/ranking", null));
        JsonArray rows = ranking.getJsonArray("rows");
        assertEquals(List.of(second, first, third), rows.stream()
                .map(r -> r.asJsonObject().getJsonNumber("applicationId").longValue()).toList(), "best score first");
        assertEquals(0, new BigDecimal("70000.00").compareTo(rows.getJsonObject(1).getJsonNumber("runningTotal")
                .bigDecimalValue()));
        assertTrue(rows.getJsonObject(1).getBoolean("fits"));
        assertFalse(rows.getJsonObject(2).getBoolean("fits"), "115,000 asked of 100,000: the money runs out");
        assertEquals(1, rows.getJsonObject(1).getInt("reviews"), "the conflicted reviewer does not count");
    }

    @Test
    void aReviewerCannotDecideTheSameApplication() throws Exception {
        long id = Fixtures.applicationInAssessment(fund.callId(), "Vier ogen", "8000.00");
        long deciderId = TestDatabase.userId(Fixtures.DECISION_MAKER);
        officer.api("POST", "applications/" + id + "/reviewers", "{\"reviewerIds\":[" + deciderId + "]}");
        long assignment = assignmentOf(id, Fixtures.DECISION_MAKER);
        decider.api("POST", "reviews/" + assignment + "/declaration", "{\"conflict\":false}");
        assertEquals(200, decider.api("POST", "reviews/" + assignment, review(new int[] {7, 7, 7, 7}, "AWARD", null,
                null)).statusCode());

        HttpResponse<String> refused = decider.api("POST", "applications/" + id + "/decision",
                "{\"outcome\":\"AWARD\",\"advancePercent\":80}");
        assertEquals(422, refused.statusCode());
        assertEquals("decision.fourEyes", firstProblem(refused));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM grant_decision WHERE application_id = ?", id));
        assertEquals(0, committed().signum());

        WebSession otherDecider = login(TestDatabase.cloneAccount(Fixtures.DECISION_MAKER, null));
        HttpResponse<String> decided = otherDecider.api("POST", "applications/" + id + "/decision",
                "{\"outcome\":\"AWARD\",\"advancePercent\":80}");
        assertEquals(200, decided.statusCode(), decided.body());
        assertEquals(0, new BigDecimal("8000.00").compareTo(committed()));
        // Officers and organisers cannot decide at all.
        long another = Fixtures.applicationInAssessment(fund.callId(), "Rollen", "1000.00");
        Fixtures.completedReview(another, Fixtures.OFFICER);
        assertEquals(403, officer.api("POST", "applications/" + another + "/decision", "{\"outcome\":\"AWARD\"}")
                .statusCode());
    }

    @Test
    void aPartialAwardCommitsItsAmountAndGivesALetterWithSchedule() throws Exception {
        long id = Fixtures.applicationInAssessment(fund.callId(), "Samen koken in Peelo", "12500.50");
        Fixtures.completedReview(id, Fixtures.OFFICER);
        assertEquals("decision.partialBelowRequested", firstProblem(decider.api("POST", "applications/" + id
                + "/decision", "{\"outcome\":\"PARTIAL_AWARD\",\"amount\":12500.50,\"reasons\":\"x\"}")));
        assertEquals("decision.partialReasonsRequired", firstProblem(decider.api("POST", "applications/" + id
                + "/decision", "{\"outcome\":\"PARTIAL_AWARD\",\"amount\":10000}")));
        assertEquals("decision.scheduleAboveGrant", firstProblem(decider.api("POST", "applications/" + id
                + "/decision", "{\"outcome\":\"PARTIAL_AWARD\",\"amount\":10000,\"reasons\":\"Huur te hoog\","
                + "\"advancePercent\":80,\"tranches\":[{\"label\":\"Tweede termijn\",\"dueOn\":\""
                + LocalDate.now().plusMonths(6) + "\",\"amount\":3000}]}")));
        assertEquals(0, committed().signum(), "refused attempts commit nothing");

        HttpResponse<String> decided = decider.api("POST", "applications/" + id + "/decision",
                "{\"outcome\":\"PARTIAL_AWARD\",\"amount\":10000.25,\"reasons\":\"De huur van de keuken is hoger dan"
                        + " gebruikelijk.\",\"obligations\":\"Vermeld de gemeente als financier\\nHoud een"
                        + " presentielijst bij\",\"advancePercent\":50,\"tranches\":[{\"label\":\"Tweede termijn\","
                        + "\"dueOn\":\"" + LocalDate.now().plusMonths(6) + "\",\"amount\":2500}]}");
        assertEquals(200, decided.statusCode(), decided.body());
        assertEquals(0, new BigDecimal("10000.25").compareTo(committed()));
        JsonObject decision = json(decider.api("GET", "applications/" + id + "/decision", null));
        assertEquals("PARTIAL_AWARD", decision.getString("outcome"));
        assertEquals("ACTIVITY_REPORT", decision.getString("reportKind"), "10,000.25 falls in the 50,000 tier");
        JsonArray tranches = decision.getJsonArray("tranches");
        assertEquals(2, tranches.size());
        assertEquals(0, new BigDecimal("5000.12").compareTo(tranches.getJsonObject(0).getJsonNumber("amount")
                .bigDecimalValue()), "50% advance, rounded down to the cent");
        assertEquals("PARTIALLY_AWARDED", TestDatabase.query("SELECT status FROM application WHERE id = ?", id)
                .get(0).get(0));
        assertEquals("decision.alreadyDecided", firstProblem(decider.api("POST", "applications/" + id + "/decision",
                "{\"outcome\":\"AWARD\"}")));

        // The organiser downloads the letter; its text has the amount in figures and words, the objection date.
        WebSession organiser = login(Fixtures.ORGANISER);
        long letterId = decision.getJsonNumber("letterId").longValue();
        HttpResponse<byte[]> pdf = organiser.getBytes("files/document/" + letterId);
        assertEquals(200, pdf.statusCode());
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            // Lines wrap anywhere; compare on single spaces.
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            Path screenshots = Path.of(System.getProperty("pf.screenshots.dir", "target/screenshots"));
            Files.createDirectories(screenshots);
            ImageIO.write(page, "png", screenshots.resolve("decision-letter-page1.png").toFile());
        }
        assertTrue(text.contains("€ 10.000,25"), text);
        assertTrue(text.contains("tienduizend euro en vijfentwintig cent"), text);
        assertTrue(text.contains("Stichting Café Noë"), text);
        LocalDate objectionBy = LocalDate.parse(decision.getString("objectionDeadline"));
        assertTrue(text.contains(objectionBy.format(DateTimeFormatter.ofPattern("d MMMM yyyy",
                Locale.forLanguageTag("nl-NL")))), "objection deadline in the letter: " + text);
        assertTrue(text.contains("presentielijst"), text);
        // This application's mail: other system tests write to the same outbox (ObjectionIT decides partly too).
        String reference = (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?", id).get(0)
                .get(0);
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ? AND subject LIKE"
                + " '%deels verleend%' AND attachment_name = ?", Fixtures.ORGANISER, "beschikking-" + reference
                + ".pdf"));
        String sha = (String) TestDatabase.query("SELECT sha256 FROM issued_document WHERE id = ?", letterId)
                .get(0).get(0);
        assertEquals(64, sha.length(), "stored with its hash");
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'DECISION_TAKEN'"
                + " AND subject_id = ? AND after_summary LIKE ?", String.valueOf(id), "%" + sha + "%"));
    }

    @Test
    void aRejectionNeedsReasonsCommitsNothingAndCanBeObjectedTo() throws Exception {
        long id = Fixtures.applicationInAssessment(fund.callId(), "Afgewezen plan", "20000.00");
        Fixtures.completedReview(id, Fixtures.OFFICER);
        assertEquals("decision.rejectReasonsRequired", firstProblem(decider.api("POST", "applications/" + id
                + "/decision", "{\"outcome\":\"REJECT\"}")));
        HttpResponse<String> rejected = decider.api("POST", "applications/" + id + "/decision",
                "{\"outcome\":\"REJECT\",\"reasons\":\"Het initiatief richt zich niet op preventie in de wijk.\"}");
        assertEquals(200, rejected.statusCode(), rejected.body());
        assertEquals(0, committed().signum());
        assertEquals("REJECTED", TestDatabase.query("SELECT status FROM application WHERE id = ?", id).get(0).get(0));
        JsonObject decision = json(decider.api("GET", "applications/" + id + "/decision", null));
        assertEquals(0, decision.getJsonArray("tranches").size());

        long decisionId = decision.getJsonNumber("id").longValue();
        LocalDate deadline = LocalDate.parse(decision.getString("objectionDeadline"));
        assertTrue(!deadline.isBefore(LocalDate.now().plusWeeks(6)), "six weeks, or the next working day");
        HttpResponse<String> objection = officer.api("POST", "decisions/" + decisionId + "/objections",
                Json.createObjectBuilder().add("receivedOn", LocalDate.now().toString())
                        .add("lodgedBy", "Stichting Café Noë").add("grounds", "Wij zijn het niet eens.")
                        .build().toString());
        assertEquals(200, objection.statusCode(), objection.body());
        long objectionId = json(objection).getJsonNumber("id").longValue();
        List<Object> row = TestDatabase.query("SELECT on_time, decide_by FROM objection WHERE id = ?", objectionId)
                .get(0);
        assertEquals(Boolean.TRUE, row.get(0) instanceof Boolean b ? b : ((Number) row.get(0)).intValue() == 1);
        LocalDate decideBy = ((java.sql.Date) row.get(1)).toLocalDate();
        assertTrue(!decideBy.isBefore(deadline.plusWeeks(6)), "Awb 7:10: six weeks after the objection term");
        assertEquals(200, decider.api("POST", "objections/" + objectionId + "/outcome",
                "{\"outcome\":\"DISMISSED\",\"notes\":\"Besluit blijft in stand\"}").statusCode());
        assertEquals("objection.alreadyConcluded", firstProblem(decider.api("POST", "objections/" + objectionId
                + "/outcome", "{\"outcome\":\"UPHELD\"}")));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'OBJECTION_CONCLUDED'"
                + " AND subject_id = ?", String.valueOf(id)));
    }

    /**
     * A batch decides each application in a transaction of its own, several at once: the ones that fit are decided
     * with letter, mail and audit; the others are refused with their reason and leave nothing behind. The budget of
     * 100,000 takes three awards of 30,000, so one of four is refused whichever order the workers take them in.
     */
    @Test
    void aBatchDecidesEachApplicationOnItsOwn() throws Exception {
        List<Long> fitting = new java.util.ArrayList<>();
        for (String title : List.of("Buurtmoestuin A", "Buurtmoestuin B", "Buurtmoestuin C", "Buurtmoestuin D")) {
            long id = Fixtures.applicationInAssessment(fund.callId(), title, "30000.00");
            Fixtures.completedReview(id, Fixtures.OFFICER);
            fitting.add(id);
        }
        long withoutAdvice = Fixtures.applicationInAssessment(fund.callId(), "Zonder advies", "1000.00");
        long unknown = 999_999_999L;
        StringBuilder items = new StringBuilder();
        for (long id : List.of(fitting.get(0), fitting.get(1), fitting.get(2), fitting.get(3), withoutAdvice,
                unknown)) {
            items.append(items.length() == 0 ? "" : ",").append("{\"applicationId\":").append(id)
                    .append(",\"decision\":{\"outcome\":\"AWARD\",\"advancePercent\":80}}");
        }
        assertEquals(403, officer.api("POST", "decisions/batch", "{\"items\":[" + items + "]}").statusCode(),
                "an officer may not decide");
        assertEquals(0, committed().signum());

        HttpResponse<String> response = decider.api("POST", "decisions/batch", "{\"items\":[" + items + "]}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject answer = json(response);
        assertEquals(3, answer.getInt("decided"), response.body());
        assertEquals(3, answer.getInt("refused"), response.body());
        JsonArray lines = answer.getJsonArray("items");
        assertEquals(6, lines.size());
        List<Long> refusedForBudget = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonObject line = lines.getJsonObject(i);
            long id = fitting.get(i);
            assertEquals(id, line.getJsonNumber("applicationId").longValue(), "in the order sent");
            if (line.getBoolean("decided")) {
                assertEquals("AWARDED", TestDatabase.query("SELECT status FROM application WHERE id = ?", id)
                        .get(0).get(0));
                long letter = line.getJsonNumber("letterId").longValue();
                String sha = (String) TestDatabase.query("SELECT sha256 FROM issued_document WHERE id = ?", letter)
                        .get(0).get(0);
                assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'DECISION_TAKEN'"
                        + " AND subject_id = ? AND after_summary LIKE ?", String.valueOf(id), "%" + sha + "%"));
            } else {
                assertEquals("decision.budgetInsufficient", line.getJsonArray("problems").getJsonObject(0)
                        .getString("key"), line.toString());
                refusedForBudget.add(id);
            }
        }
        assertEquals(1, refusedForBudget.size(), "three awards fit the year's budget: " + response.body());
        long refused = refusedForBudget.get(0);
        assertEquals("IN_ASSESSMENT", TestDatabase.query("SELECT status FROM application WHERE id = ?", refused)
                .get(0).get(0), "nothing half-written for the refused one");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM grant_decision WHERE application_id = ?", refused));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM issued_document WHERE application_id = ?", refused),
                "its letter, stored before the budget was checked, is rolled back with it");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'DECISION_TAKEN'"
                + " AND subject_id = ?", String.valueOf(refused)));
        assertEquals(0, new BigDecimal("90000.00").compareTo(committed()), "three awards committed");
        assertEquals("decision.noAdvice", lines.getJsonObject(4).getJsonArray("problems").getJsonObject(0)
                .getString("key"));
        JsonObject missing = lines.getJsonObject(5).getJsonArray("problems").getJsonObject(0);
        assertEquals("application.notFound", missing.getString("key"));
        assertFalse(missing.getString("message").isBlank(), "a message to show: " + missing);

        String again = "{\"items\":[{\"applicationId\":" + withoutAdvice + "},{\"applicationId\":" + withoutAdvice
                + "}]}";
        assertEquals("decision.batchDuplicate", firstProblem(decider.api("POST", "decisions/batch", again)));
        assertEquals("decision.batchEmpty", firstProblem(decider.api("POST", "decisions/batch", "{\"items\":[]}")));
        assertEquals("decision.batchIdRequired", firstProblem(decider.api("POST", "decisions/batch",
                "{\"items\":[{\"decision\":{\"outcome\":\"AWARD\"}}]}")));
    }
}
