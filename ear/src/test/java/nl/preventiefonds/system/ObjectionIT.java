package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
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
 * An upheld objection (bezwaar gegrond) over the API against the built EAR and MariaDB: the contested decision is
 * revoked and a new one takes its place (Awb 7:11), with the difference on the fund's year budget, the payments
 * corrected (what was paid counts, unpaid ones cancelled, paid beyond the new grant reclaimed), reports cancelled
 * when nothing is granted any more, a new letter and mail, and the audit trail; a second outcome is refused (409).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ObjectionIT {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private WebSession officer;
    private WebSession decider;

    @BeforeEach
    void setUp() throws Exception {
        officer = WebSession.loggedIn(base, Fixtures.OFFICER);
        decider = WebSession.loggedIn(base, Fixtures.DECISION_MAKER);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String firstProblem(HttpResponse<String> response) {
        return json(response).getJsonArray("problems").getJsonObject(0).getString("key");
    }

    private static BigDecimal committed(Fixtures.FundAndCall fund) throws Exception {
        return new BigDecimal(TestDatabase.query("SELECT committed FROM fund_year_budget WHERE fund_id = ?",
                fund.fundId()).get(0).get(0).toString());
    }

    private static BigDecimal money(Object value) {
        return new BigDecimal(value.toString());
    }

    private long decide(long applicationId, String body) throws Exception {
        HttpResponse<String> decided = decider.api("POST", "applications/" + applicationId + "/decision", body);
        assertEquals(200, decided.statusCode(), decided.body());
        return json(decided).getJsonNumber("decisionId").longValue();
    }

    private long objection(long decisionId) throws Exception {
        HttpResponse<String> registered = officer.api("POST", "decisions/" + decisionId + "/objections",
                Json.createObjectBuilder().add("receivedOn", LocalDate.now().toString())
                        .add("lodgedBy", "Stichting Café Noë").add("grounds", "Het besluit klopt niet.")
                        .build().toString());
        assertEquals(200, registered.statusCode(), registered.body());
        return json(registered).getJsonNumber("id").longValue();
    }

    private void markPaid(long paymentId) throws Exception {
        WebSession manager = WebSession.loggedIn(base, FUND_MANAGER);
        HttpResponse<String> paid = manager.api("POST", "payments/" + paymentId + "/paid",
                "{\"paidOn\":\"" + LocalDate.now() + "\"}");
        assertEquals(200, paid.statusCode(), paid.body());
    }

    private String letterText(long letterId) throws Exception {
        HttpResponse<byte[]> pdf = WebSession.loggedIn(base, Fixtures.ORGANISER).getBytes("files/document/" + letterId);
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static long count(String sql, Object... parameters) throws Exception {
        return TestDatabase.count(sql, parameters);
    }

    @Test
    void aPartlyUpheldObjectionRaisesTheAwardAndCountsThePaidAdvance() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("100000.00");
        long id = Fixtures.applicationInAssessment(fund.callId(), "Buurtkamer in bezwaar", "20000.00");
        Fixtures.completedReview(id, Fixtures.OFFICER);
        long contested = decide(id, "{\"outcome\":\"PARTIAL_AWARD\",\"amount\":8000,\"reasons\":\"Huur te hoog.\","
                + "\"advancePercent\":80}");
        assertEquals(0, new BigDecimal("8000.00").compareTo(committed(fund)));
        long advance = count("SELECT id FROM payment_instruction WHERE decision_id = ?", contested);
        markPaid(advance); // 6,400 paid
        LocalDate contestedOn = LocalDate.now();
        long objectionId = objection(contested);

        // Only a decision maker takes the new decision; the officer may record the other outcomes.
        String upheld = "{\"outcome\":\"PARTLY_UPHELD\",\"notes\":\"De huur past wel binnen de regeling.\","
                + "\"decision\":{\"outcome\":\"AWARD\",\"advancePercent\":80}}";
        HttpResponse<String> notMine = officer.api("POST", "objections/" + objectionId + "/outcome", upheld);
        assertEquals(403, notMine.statusCode(), notMine.body());
        assertEquals("objection.upheldNeedsDecisionMaker", firstProblem(notMine));
        assertEquals("objection.newDecisionRequired", firstProblem(decider.api("POST", "objections/" + objectionId
                + "/outcome", "{\"outcome\":\"UPHELD\"}")));
        HttpResponse<String> concluded = decider.api("POST", "objections/" + objectionId + "/outcome", upheld);
        assertEquals(200, concluded.statusCode(), concluded.body());
        JsonObject result = json(concluded);
        long replacement = result.getJsonNumber("newDecisionId").longValue();
        assertEquals(0, new BigDecimal("12000.00").compareTo(result.getJsonNumber("ledgerChange").bigDecimalValue()));

        // Ledger: the difference committed, in the same transaction.
        assertEquals(0, new BigDecimal("20000.00").compareTo(committed(fund)));
        // The new decision is the one in force, linked both ways and to the objection.
        JsonObject inForce = json(decider.api("GET", "applications/" + id + "/decision", null));
        assertEquals(replacement, inForce.getJsonNumber("id").longValue());
        assertEquals(contested, inForce.getJsonNumber("replacesId").longValue());
        assertEquals("AWARD", inForce.getString("outcome"));
        assertEquals(replacement, count("SELECT replaced_by_id FROM grant_decision WHERE id = ?", contested));
        assertEquals(replacement, count("SELECT new_decision_id FROM objection WHERE id = ?", objectionId));
        assertEquals("AWARDED", TestDatabase.query("SELECT status FROM application WHERE id = ?", id).get(0).get(0));

        // Payments: the paid advance of 6,400 counts against the new advance of 16,000; 9,600 is still due.
        List<List<Object>> payments = TestDatabase.query("SELECT decision_id, status, amount FROM payment_instruction"
                + " WHERE application_id = ? ORDER BY id", id);
        assertEquals(2, payments.size(), payments.toString());
        assertEquals("PAID", payments.get(0).get(1));
        assertEquals(replacement, ((Number) payments.get(1).get(0)).longValue());
        assertEquals("DUE", payments.get(1).get(1));
        assertEquals(0, new BigDecimal("9600.00").compareTo(money(payments.get(1).get(2))));
        assertEquals(0, count("SELECT COUNT(*) FROM reclaim WHERE application_id = ?", id));

        // The letter says it replaces the decision of that date on the objection, and offers appeal.
        String text = letterText(result.getJsonNumber("letterId").longValue());
        String date = contestedOn.format(DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH));
        assertTrue(text.contains("Dit besluit vervangt het besluit van " + date), text);
        assertTrue(text.contains("bezwaar gedeeltelijk gegrond"), text);
        assertTrue(text.contains("€ 20.000,00"), text);
        assertTrue(text.contains("beroep instellen"), text);
        String reference = (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?", id).get(0)
                .get(0);
        assertEquals(1, count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ? AND subject LIKE"
                + " 'Beslissing op uw bezwaar%' AND subject LIKE ? AND attachment_name = ?", Fixtures.ORGANISER,
                "%" + reference + "%", "beslissing-op-bezwaar-" + reference + ".pdf"));

        // Audit: the conclusion, the new decision with its ledger change, the new payment.
        String subject = String.valueOf(id);
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'OBJECTION_CONCLUDED' AND subject_id = ?"
                + " AND after_summary LIKE '%PARTLY_UPHELD%'", subject));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'DECISION_REPLACED' AND subject_id = ?"
                + " AND after_summary LIKE ? AND after_summary LIKE '%ledgerChange=12000.00%'", subject,
                "%replaces=" + contested + "%"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'PAYMENT_INSTRUCTED' AND subject_id = ?"
                + " AND after_summary LIKE '%paidBefore=6400.00%'", subject));

        // A second outcome is refused as a conflict; the decision on objection is open to appeal, not objection.
        HttpResponse<String> again = decider.api("POST", "objections/" + objectionId + "/outcome",
                "{\"outcome\":\"DISMISSED\"}");
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("objection.alreadyConcluded", firstProblem(again));
        HttpResponse<String> second = officer.api("POST", "decisions/" + replacement + "/objections",
                Json.createObjectBuilder().add("receivedOn", LocalDate.now().toString()).add("lodgedBy", "X")
                        .add("grounds", "Nog steeds niet eens.").build().toString());
        assertEquals(409, second.statusCode(), second.body());
        assertEquals("objection.appealOnly", firstProblem(second));
    }

    @Test
    void anAwardRevokedOnObjectionReleasesTheBudgetCancelsWhatIsUnpaidAndReclaimsWhatWasPaid() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("100000.00");
        long id = Fixtures.applicationInAssessment(fund.callId(), "Ingetrokken initiatief", "20000.00");
        Fixtures.completedReview(id, Fixtures.OFFICER);
        long contested = decide(id, "{\"outcome\":\"AWARD\",\"advancePercent\":80,\"tranches\":[{\"label\":"
                + "\"Tweede termijn\",\"dueOn\":\"" + LocalDate.now().plusMonths(3) + "\",\"amount\":2000}]}");
        long advance = count("SELECT id FROM payment_instruction WHERE decision_id = ? AND label = 'Voorschot'",
                contested);
        markPaid(advance); // 16,000 paid, 2,000 still due
        assertTrue(count("SELECT COUNT(*) FROM report_request WHERE application_id = ? AND status = 'OPEN'", id) > 0);
        long objectionId = objection(contested);

        // Dismissed keeps the decision: nothing changes.
        long other = objection(contested);
        assertEquals(200, officer.api("POST", "objections/" + other + "/outcome",
                "{\"outcome\":\"DISMISSED\",\"notes\":\"Ongegrond.\"}").statusCode());
        assertEquals(0, new BigDecimal("20000.00").compareTo(committed(fund)));
        assertNull(TestDatabase.query("SELECT replaced_by_id FROM grant_decision WHERE id = ?", contested).get(0).get(0));

        HttpResponse<String> concluded = decider.api("POST", "objections/" + objectionId + "/outcome",
                "{\"outcome\":\"UPHELD\",\"decision\":{\"outcome\":\"REJECT\",\"reasons\":\"De activiteiten vinden"
                        + " niet plaats in een wijk van deze ronde.\"}}");
        assertEquals(200, concluded.statusCode(), concluded.body());
        long replacement = json(concluded).getJsonNumber("newDecisionId").longValue();

        assertEquals(0, committed(fund).signum(), "the whole award goes back to the year budget");
        assertEquals("REJECTED", TestDatabase.query("SELECT status FROM application WHERE id = ?", id).get(0).get(0));
        assertEquals("CANCELLED", TestDatabase.query("SELECT status FROM payment_instruction WHERE decision_id = ?"
                + " AND status <> 'PAID'", contested).get(0).get(0));
        assertEquals(0, count("SELECT COUNT(*) FROM payment_instruction WHERE decision_id = ?", replacement));
        List<Object> reclaim = TestDatabase.query("SELECT amount, status, decision_id, determination_id FROM reclaim"
                + " WHERE application_id = ?", id).get(0);
        assertEquals(0, new BigDecimal("16000.00").compareTo(money(reclaim.get(0))));
        assertEquals("OPEN", reclaim.get(1));
        assertEquals(contested, ((Number) reclaim.get(2)).longValue());
        assertNull(reclaim.get(3));
        assertEquals(0, count("SELECT COUNT(*) FROM report_request WHERE application_id = ? AND status = 'OPEN'", id));
        String text = letterText(json(concluded).getJsonNumber("letterId").longValue());
        assertTrue(text.contains("Wij wijzen uw aanvraag af"), text);
        assertTrue(text.contains("Dit besluit vervangt het besluit van"), text);
        String subject = String.valueOf(id);
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'RECLAIM_OPENED' AND subject_id = ?",
                subject));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'PAYMENT_CANCELLED' AND subject_id = ?",
                subject));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'REPORTS_CANCELLED' AND subject_id = ?",
                subject));
        // The revoked award is gone from the awards list.
        assertTrue(!decider.api("GET", "awards?size=200", null).body().contains("\"applicationId\":" + id + ","));
    }

    @Test
    void aRefusalUpheldIntoAnAwardThatDoesNotFitTheBudgetChangesNothing() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("30000.00");
        long first = Fixtures.applicationInAssessment(fund.callId(), "Past nog", "20000.00");
        Fixtures.completedReview(first, Fixtures.OFFICER);
        decide(first, "{\"outcome\":\"AWARD\"}");
        long refused = Fixtures.applicationInAssessment(fund.callId(), "Past niet meer", "15000.00");
        Fixtures.completedReview(refused, Fixtures.OFFICER);
        long contested = decide(refused, "{\"outcome\":\"REJECT\",\"reasons\":\"Niet passend.\"}");
        long objectionId = objection(contested);
        HttpResponse<String> tooMuch = decider.api("POST", "objections/" + objectionId + "/outcome",
                "{\"outcome\":\"UPHELD\",\"decision\":{\"outcome\":\"AWARD\"}}");
        assertEquals(422, tooMuch.statusCode(), tooMuch.body());
        assertEquals("decision.budgetInsufficient", firstProblem(tooMuch));
        assertEquals(0, new BigDecimal("20000.00").compareTo(committed(fund)));
        assertNull(TestDatabase.query("SELECT outcome FROM objection WHERE id = ?", objectionId).get(0).get(0),
                "nothing half-written: the objection is still open");
        assertEquals(1, count("SELECT COUNT(*) FROM grant_decision WHERE application_id = ?", refused));
        assertEquals(0, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'OBJECTION_CONCLUDED' AND subject_id = ?",
                String.valueOf(refused)));

        // A partial award that fits replaces the refusal; the award starts its payments and reports as any award.
        HttpResponse<String> fits = decider.api("POST", "objections/" + objectionId + "/outcome",
                "{\"outcome\":\"PARTLY_UPHELD\",\"decision\":{\"outcome\":\"PARTIAL_AWARD\",\"amount\":6000,"
                        + "\"reasons\":\"Wat er nog is.\",\"advancePercent\":50}}");
        assertEquals(200, fits.statusCode(), fits.body());
        assertEquals(0, new BigDecimal("26000.00").compareTo(committed(fund)));
        long replacement = json(fits).getJsonNumber("newDecisionId").longValue();
        assertEquals(0, new BigDecimal("3000.00").compareTo(money(TestDatabase.query("SELECT amount FROM"
                + " payment_instruction WHERE decision_id = ?", replacement).get(0).get(0))));
        assertEquals("PARTIALLY_AWARDED", TestDatabase.query("SELECT status FROM application WHERE id = ?", refused)
                .get(0).get(0));
    }
}
