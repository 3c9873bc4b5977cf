package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * An objection (bezwaar) against a final determination over the API against the built EAR and MariaDB: the Awb
 * terms of an objection against a decision (on the deadline day on time, a day later refused unless excused), one
 * open objection at a time, only the applicant or staff; upheld, a new determination replaces the contested one
 * (Awb 7:11) with the reclaim lowered (never below what was repaid), the rest paid, the ledger moved, the letter
 * 'Beslissing op bezwaar', the mail and the audit trail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeterminationObjectionIT {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private WebSession officer;
    private WebSession decisionMaker;

    @BeforeEach
    void setUp() throws Exception {
        officer = WebSession.loggedIn(base, Fixtures.OFFICER);
        decisionMaker = WebSession.loggedIn(base, Fixtures.DECISION_MAKER);
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

    private static void assertMoney(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())),
                expected + " expected, was " + actual);
    }

    private static long count(String sql, Object... parameters) throws Exception {
        return TestDatabase.count(sql, parameters);
    }

    /**
     * An award of 20,000 with its advance of 16,000 paid, its final report overdue, determined ex officio at 10,000:
     * the unpaid 4,000 cancelled, 6,000 reclaimed, 10,000 back in the year budget.
     */
    private long determinedLower(Fixtures.FundAndCall fund, String title) throws Exception {
        long id = Fixtures.applicationInAssessment(fund.callId(), title, "20000.00");
        Fixtures.withActivitiesAndPartner(id, Fixtures.demoPartnerId(), "20000.00");
        Fixtures.completedReview(id, Fixtures.OFFICER);
        HttpResponse<String> decided = WebSession.loggedIn(base, Fixtures.DECISION_MAKER).api("POST",
                "applications/" + id + "/decision", "{\"outcome\":\"AWARD\",\"advancePercent\":80}");
        assertEquals(200, decided.statusCode(), decided.body());
        long advance = count("SELECT id FROM payment_instruction WHERE application_id = ?", id);
        assertEquals(200, WebSession.loggedIn(base, FUND_MANAGER).api("POST", "payments/" + advance + "/paid",
                "{\"paidOn\":\"" + LocalDate.now() + "\"}").statusCode());

        // Before the determination there is nothing to object to.
        HttpResponse<String> early = officer.api("POST", "applications/" + id + "/determination/objections",
                registration(LocalDate.now(), false));
        assertEquals(422, early.statusCode(), early.body());
        assertEquals("determinationObjection.noDetermination", firstProblem(early));

        assertEquals(1, TestDatabase.update("UPDATE report_request SET due_on = ? WHERE application_id = ?"
                + " AND partner_id IS NULL AND purpose = 'FINAL'", LocalDate.now().minusDays(1), id));
        HttpResponse<String> determined = officer.api("POST", "applications/" + id + "/determination",
                "{\"finalAmount\":10000,\"reasons\":\"Geen eindverslag ontvangen; de helft is aangetoond.\"}");
        assertEquals(200, determined.statusCode(), determined.body());
        assertMoney("6000.00", json(determined).getJsonNumber("reclaim").bigDecimalValue());
        assertMoney("10000.00", committed(fund));
        return id;
    }

    private static String registration(LocalDate receivedOn, boolean lateExcused) {
        return Json.createObjectBuilder().add("receivedOn", receivedOn.toString())
                .add("lodgedBy", "Stichting Café Noë").add("grounds", "Het eindverslag is wel op tijd verstuurd.")
                .add("lateExcused", lateExcused).build().toString();
    }

    private static void deadline(long applicationId, LocalDate day) throws Exception {
        assertEquals(1, TestDatabase.update("UPDATE determination SET objection_deadline = ? WHERE application_id = ?"
                + " AND replaced_by_id IS NULL", day, applicationId));
    }

    private String letterText(long letterId) throws Exception {
        HttpResponse<byte[]> pdf = WebSession.loggedIn(base, Fixtures.ORGANISER).getBytes("files/document/" + letterId);
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void anUpheldObjectionRaisesTheDeterminationLowersTheReclaimToWhatWasRepaidAndPaysTheRest() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        long id = determinedLower(fund, "Bezwaar tegen vaststelling");
        long contested = count("SELECT id FROM determination WHERE application_id = ?", id);
        String path = "applications/" + id + "/determination/objections";
        WebSession organiser = WebSession.loggedIn(base, Fixtures.ORGANISER);

        // A partner on the initiative may not object on the applicant's behalf.
        HttpResponse<String> partner = WebSession.loggedIn(base, Fixtures.PARTNER).api("POST", path,
                registration(LocalDate.now(), false));
        assertEquals(403, partner.statusCode(), partner.body());

        // A day late: refused, also for the organiser, unless staff excuse the lateness.
        deadline(id, LocalDate.now().minusDays(1));
        HttpResponse<String> late = organiser.api("POST", path, "{\"grounds\":\"Te laat, maar toch.\"}");
        assertEquals(422, late.statusCode(), late.body());
        assertTrue(late.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("objection.late", firstProblem(late));
        assertEquals("objection.late", firstProblem(officer.api("POST", path, registration(LocalDate.now(), false))));
        assertEquals(0, count("SELECT COUNT(*) FROM determination_objection WHERE application_id = ?", id));

        // On the deadline day: on time, lodged by the organiser through the portal.
        deadline(id, LocalDate.now());
        HttpResponse<String> registered = organiser.api("POST", path, "{\"grounds\":\"De bijeenkomsten zijn wel"
                + " doorgegaan; het verslag is op tijd verstuurd.\"}");
        assertEquals(200, registered.statusCode(), registered.body());
        long objectionId = json(registered).getJsonNumber("id").longValue();
        List<Object> row = TestDatabase.query("SELECT on_time, received_on, lodged_by, determination_id FROM"
                + " determination_objection WHERE id = ?", objectionId).get(0);
        assertTrue(row.get(0).toString().equals("true") || row.get(0).toString().equals("1"), row.toString());
        assertEquals(LocalDate.now().toString(), row.get(1).toString());
        assertEquals("Stichting Café Noë", row.get(2));
        assertEquals(contested, ((Number) row.get(3)).longValue());

        // One open objection at a time.
        HttpResponse<String> second = officer.api("POST", path, registration(LocalDate.now(), false));
        assertEquals(409, second.statusCode(), second.body());
        assertEquals("determinationObjection.alreadyOpen", firstProblem(second));

        // Its decide-by date (Awb 7:10) is on the officer's deadlines; moved to today, it is due this week.
        TestDatabase.update("UPDATE determination_objection SET decide_by = ? WHERE id = ?", LocalDate.now(),
                objectionId);
        JsonObject deadlines = json(officer.api("GET", "deadlines", null));
        assertTrue(deadlines.getJsonObject("thisWeek").getJsonArray("items").stream().map(v -> v.asJsonObject())
                .anyMatch(i -> i.getString("kind").equals("DETERMINATION_OBJECTION")
                        && i.getJsonNumber("applicationId").longValue() == id), deadlines.toString());

        // 1,000 of the 6,000 reclaimed was repaid meanwhile.
        long reclaimId = count("SELECT id FROM reclaim WHERE application_id = ?", id);
        assertEquals(200, WebSession.loggedIn(base, FUND_MANAGER).api("POST", "reclaims/" + reclaimId
                + "/repayments", "{\"amount\":1000,\"receivedOn\":\"" + LocalDate.now() + "\"}").statusCode());

        String outcome = path + "/" + objectionId + "/outcome";
        assertEquals(403, organiser.api("POST", outcome, "{\"outcome\":\"WITHDRAWN\"}").statusCode());
        assertEquals("determinationObjection.newDeterminationRequired", firstProblem(officer.api("POST", outcome,
                "{\"outcome\":\"UPHELD\"}")));
        assertEquals("determination.aboveAwarded", firstProblem(officer.api("POST", outcome,
                "{\"outcome\":\"UPHELD\",\"determination\":{\"finalAmount\":20000.01}}")));
        String upheld = "{\"outcome\":\"UPHELD\",\"notes\":\"Het verslag kwam op tijd binnen.\",\"determination\":"
                + "{\"finalAmount\":19000,\"reasons\":\"Eén activiteit is niet doorgegaan.\"}}";
        // Four eyes: the officer who took the contested determination does not take the new one; nothing changes.
        HttpResponse<String> ownDetermination = officer.api("POST", outcome, upheld);
        assertEquals(422, ownDetermination.statusCode(), ownDetermination.body());
        assertEquals("determinationObjection.fourEyes", firstProblem(ownDetermination));
        assertEquals(1, count("SELECT COUNT(*) FROM determination WHERE application_id = ?", id));
        assertNull(TestDatabase.query("SELECT outcome FROM determination_objection WHERE id = ?", objectionId)
                .get(0).get(0), "the objection is still open");
        HttpResponse<String> concluded = decisionMaker.api("POST", outcome, upheld);
        assertEquals(200, concluded.statusCode(), concluded.body());
        JsonObject result = json(concluded);
        long replacement = result.getJsonNumber("newDeterminationId").longValue();
        assertMoney("9000.00", result.getJsonNumber("ledgerChange").bigDecimalValue());
        assertMoney("4000.00", result.getJsonNumber("payment").bigDecimalValue());
        assertMoney("1000.00", result.getJsonNumber("reclaimAmount").bigDecimalValue());

        // The reclaim comes down to what was repaid (settled), never below; the other 4,000 is paid.
        List<Object> reclaim = TestDatabase.query("SELECT amount, received, status FROM reclaim WHERE id = ?",
                reclaimId).get(0);
        assertMoney("1000.00", reclaim.get(0));
        assertMoney("1000.00", reclaim.get(1));
        assertEquals("SETTLED", reclaim.get(2));
        List<Object> payment = TestDatabase.query("SELECT amount, status, kind, determination_id, due_on FROM"
                + " payment_instruction WHERE id = ?", result.getJsonNumber("paymentId").longValue()).get(0);
        assertMoney("4000.00", payment.get(0));
        assertEquals("DUE", payment.get(1));
        assertEquals("BALANCE", payment.get(2));
        assertEquals(replacement, ((Number) payment.get(3)).longValue());
        assertEquals(LocalDate.now().plusWeeks(4).toString(), payment.get(4).toString());

        // The ledger takes back the 9,000 the contested determination had released.
        assertMoney("19000.00", committed(fund));
        assertMoney("19000.00", TestDatabase.query("SELECT committed FROM funding_call WHERE id = ?", fund.callId())
                .get(0).get(0));

        // The new determination is the one in force, linked both ways and to the objection.
        JsonObject inForce = json(officer.api("GET", "applications/" + id + "/determination", null));
        assertEquals(replacement, inForce.getJsonNumber("id").longValue());
        assertEquals(contested, inForce.getJsonNumber("replacesId").longValue());
        assertMoney("19000.00", inForce.getJsonNumber("finalAmount").bigDecimalValue());
        assertEquals(replacement, count("SELECT replaced_by_id FROM determination WHERE id = ?", contested));
        assertEquals(replacement, count("SELECT new_determination_id FROM determination_objection WHERE id = ?",
                objectionId));
        assertEquals("UPHELD", TestDatabase.query("SELECT outcome FROM determination_objection WHERE id = ?",
                objectionId).get(0).get(0));

        // The letter 'Beslissing op bezwaar': upheld, the new amount, the money, appeal instead of objection.
        String contestedOn = LocalDate.now().format(DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH));
        String text = letterText(result.getJsonNumber("letterId").longValue());
        assertTrue(text.contains("Beslissing op bezwaar tegen de vaststelling"), text);
        assertTrue(text.contains("Wij verklaren uw bezwaar gegrond"), text);
        assertTrue(text.contains("opnieuw vast op € 19.000,00"), text);
        assertTrue(text.contains("Dit besluit vervangt het besluit van " + contestedOn), text);
        assertTrue(text.contains("Wij betalen u € 4.000,00"), text);
        assertTrue(text.contains("De terugvordering van € 6.000,00 wordt verlaagd tot € 1.000,00"), text);
        assertTrue(text.contains("beroep instellen"), text);
        assertFalse(text.contains("Dan kunt u bezwaar maken"), text);

        assertEquals("OBJECTION_DECISION_LETTER", TestDatabase.query("SELECT kind FROM issued_document WHERE id = ?",
                result.getJsonNumber("letterId").longValue()).get(0).get(0));

        // The mail with the letter attached.
        String reference = (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?", id).get(0)
                .get(0);
        assertEquals(1, count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ? AND subject LIKE"
                + " 'Beslissing op uw bezwaar tegen de vaststelling%' AND subject LIKE ? AND attachment_name = ?",
                Fixtures.ORGANISER, "%" + reference + "%", "beslissing-op-bezwaar-vaststelling-" + reference + ".pdf"));

        // Audit, each in the transaction of its step.
        String subject = String.valueOf(id);
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'OBJECTION_REGISTERED' AND subject_id"
                + " = ? AND after_summary LIKE ?", subject, "%determinationObjection=" + objectionId + ",%onTime=true%"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'OBJECTION_CONCLUDED' AND subject_id"
                + " = ? AND after_summary LIKE '%outcome=UPHELD%'", subject));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'DETERMINATION_REPLACED' AND"
                + " subject_id = ? AND after_summary LIKE ? AND after_summary LIKE '%ledgerChange=9000.00%'"
                + " AND after_summary LIKE '%reclaim=6000.00->1000.00%'", subject, "%replaces=" + contested + "%"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'RECLAIM_REVISED' AND subject_id = ?"
                + " AND after_summary LIKE '%status=SETTLED%'", subject));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'PAYMENT_INSTRUCTED' AND subject_id = ?"
                + " AND after_summary LIKE '%amount=4000.00%' AND after_summary LIKE '%replaced by%'", subject));

        // Decided once (409); against the determination on objection only appeal is open (409).
        HttpResponse<String> again = officer.api("POST", outcome, "{\"outcome\":\"DISMISSED\"}");
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("objection.alreadyConcluded", firstProblem(again));
        HttpResponse<String> onReplacement = officer.api("POST", path, registration(LocalDate.now(), false));
        assertEquals(409, onReplacement.statusCode(), onReplacement.body());
        assertEquals("objection.appealOnly", firstProblem(onReplacement));
    }

    @Test
    void aLateObjectionExcusedIsRegisteredADismissedOneKeepsTheDeterminationAndALowerOneRaisesTheReclaim()
            throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        long id = determinedLower(fund, "Lager na bezwaar");
        String path = "applications/" + id + "/determination/objections";
        long reclaimId = count("SELECT id FROM reclaim WHERE application_id = ?", id);

        deadline(id, LocalDate.now().minusDays(1));
        HttpResponse<String> excused = officer.api("POST", path, registration(LocalDate.now(), true));
        assertEquals(200, excused.statusCode(), excused.body());
        long first = json(excused).getJsonNumber("id").longValue();
        HttpResponse<String> dismissed = officer.api("POST", path + "/" + first + "/outcome",
                "{\"outcome\":\"DISMISSED\",\"notes\":\"Het verslag is niet ontvangen.\"}");
        assertEquals(200, dismissed.statusCode(), dismissed.body());
        assertFalse(json(dismissed).containsKey("newDeterminationId") && !json(dismissed).isNull("newDeterminationId"));
        assertMoney("10000.00", committed(fund));
        assertEquals(1, count("SELECT COUNT(*) FROM determination WHERE application_id = ?", id));
        String text = letterText(json(dismissed).getJsonNumber("letterId").longValue());
        assertTrue(text.contains("Wij verklaren uw bezwaar ongegrond"), text);
        assertTrue(text.contains("blijft vastgesteld op € 10.000,00"), text);

        // Concluded, a new objection may be registered (still excused); upheld lower: 2,000 more reclaimed.
        long second = json(officer.api("POST", path, registration(LocalDate.now(), true))).getJsonNumber("id")
                .longValue();
        HttpResponse<String> unchanged = officer.api("POST", path + "/" + second + "/outcome",
                "{\"outcome\":\"PARTLY_UPHELD\",\"determination\":{\"finalAmount\":10000,\"reasons\":\"x\"}}");
        assertEquals(422, unchanged.statusCode(), unchanged.body());
        assertEquals("determinationObjection.unchanged", firstProblem(unchanged));
        HttpResponse<String> lower = decisionMaker.api("POST", path + "/" + second + "/outcome",
                "{\"outcome\":\"PARTLY_UPHELD\",\"determination\":{\"finalAmount\":7999.99,\"reasons\":\"Ook de"
                        + " huur is niet aangetoond.\"}}");
        assertEquals(200, lower.statusCode(), lower.body());
        assertMoney("-2000.01", json(lower).getJsonNumber("ledgerChange").bigDecimalValue());
        assertMoney("7999.99", committed(fund));
        List<Object> reclaim = TestDatabase.query("SELECT amount, status, due_on FROM reclaim WHERE id = ?",
                reclaimId).get(0);
        assertMoney("8000.01", reclaim.get(0));
        assertEquals("OPEN", reclaim.get(1));
        assertEquals(LocalDate.now().plusWeeks(6).toString(), reclaim.get(2).toString());
        assertEquals(0, count("SELECT COUNT(*) FROM payment_instruction WHERE application_id = ? AND status = 'DUE'",
                id));
        String reference = (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?", id).get(0)
                .get(0);
        assertEquals(2, count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ? AND attachment_name = ?",
                Fixtures.ORGANISER, "beslissing-op-bezwaar-vaststelling-" + reference + ".pdf"),
                "one letter for the dismissed objection, one for the upheld one");
    }
}
