package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A call's own budget, a ceiling inside its fund year, over the API against real MariaDB: the fund manager sets
 * it (never above the year, never below what is committed), the ranking marks where it runs out, awards fill it
 * to the cent and one more is refused with its message, and a determination lower than the award gives the
 * difference back to the call, so it can be awarded again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallBudgetIT {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private WebSession login(String email) throws Exception {
        WebSession session = new WebSession(base.toURI());
        assertEquals(302, session.login(email, Fixtures.PASSWORD).statusCode(), email);
        return session;
    }

    private static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String firstKey(HttpResponse<String> response) {
        return object(response).getJsonArray("problems").getJsonObject(0).getString("key");
    }

    private static void assertMoney(String expected, JsonObject object, String field) {
        assertEquals(0, new BigDecimal(expected).compareTo(object.getJsonNumber(field).bigDecimalValue()),
                field + " in " + object);
    }

    /** JSON-B leaves a null out. */
    private static boolean noBudget(JsonObject budget) {
        return !budget.containsKey("budget") || budget.isNull("budget");
    }

    private static BigDecimal committed(String sql, long id) throws Exception {
        return new BigDecimal(TestDatabase.query(sql, id).get(0).get(0).toString());
    }

    private static BigDecimal callCommitted(long callId) throws Exception {
        return committed("SELECT committed FROM funding_call WHERE id = ?", callId);
    }

    private static BigDecimal yearCommitted(long fundId) throws Exception {
        return committed("SELECT committed FROM fund_year_budget WHERE fund_id = ?", fundId);
    }

    private static long application(Fixtures.FundAndCall fund, String title, String amount) throws Exception {
        long id = Fixtures.applicationInAssessment(fund.callId(), title, amount);
        Fixtures.completedReview(id, Fixtures.OFFICER);
        return id;
    }

    private static HttpResponse<String> award(WebSession decider, long applicationId) throws Exception {
        return decider.api("POST", "applications/" + applicationId + "/decision",
                "{\"outcome\":\"AWARD\",\"advancePercent\":80}");
    }

    @Test
    void theCallBudgetIsACeilingInsideTheYearThatAwardsFillToTheCent() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("100000.00");
        String budgetPath = "calls/" + fund.callId() + "/budget";
        WebSession manager = login(FUND_MANAGER);

        JsonObject none = object(manager.api("GET", budgetPath, null));
        assertTrue(noBudget(none), "no budget of its own yet: " + none);
        assertMoney("100000.00", none, "available");

        HttpResponse<String> aboveYear = manager.api("PUT", budgetPath, "{\"budget\":100000.01}");
        assertEquals(422, aboveYear.statusCode(), aboveYear.body());
        assertTrue(aboveYear.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("call.budgetAboveYear", firstKey(aboveYear));
        HttpResponse<String> negative = manager.api("PUT", budgetPath, "{\"budget\":-0.01}");
        assertEquals(422, negative.statusCode(), negative.body());
        assertEquals("call.budgetNegative", firstKey(negative));
        HttpResponse<String> text = manager.api("PUT", budgetPath, "{\"budget\":\"veel\"}");
        assertEquals(400, text.statusCode(), text.body());
        assertTrue(noBudget(object(manager.api("GET", budgetPath, null))), "nothing saved");

        HttpResponse<String> set = manager.api("PUT", budgetPath, "{\"budget\":12000.00}");
        assertEquals(200, set.statusCode(), set.body());
        assertMoney("12000.00", object(set), "budget");
        assertMoney("12000.00", object(set), "available");
        assertMoney("100000.00", object(set), "yearBudget");
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CALL_CHANGED'"
                + " AND subject_id = ? AND after_summary LIKE '%budget=12000.00%'", String.valueOf(fund.callId())),
                "the change is audited");

        long first = application(fund, "Plafond 1", "6000.00");
        long oneCentOver = application(fund, "Plafond 2", "6000.01");
        long exactly = application(fund, "Plafond 3", "6000.00");

        WebSession officer = login(Fixtures.OFFICER);
        JsonObject ranking = object(officer.api("GET", "calls/" + fund.callId() + "/ranking", null));
        assertMoney("12000.00", ranking, "remaining");
        assertMoney("100000.00", ranking, "yearRemaining");
        assertMoney("12000.00", ranking, "callBudget");
        JsonArray rows = ranking.getJsonArray("rows");
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.getJsonObject(0).getBoolean("fits"), "6,000 of 12,000 fits");
        assertEquals(false, rows.getJsonObject(1).getBoolean("fits"), "12,000.01 does not fit in the call");

        WebSession decider = login(Fixtures.DECISION_MAKER);
        assertEquals(200, award(decider, first).statusCode());
        HttpResponse<String> refused = award(decider, oneCentOver);
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("decision.callBudgetInsufficient", firstKey(refused));
        String message = object(refused).getJsonArray("problems").getJsonObject(0).getString("message");
        assertTrue(message.contains("€ 6.000,01") && message.contains("€ 6.000,00"), message);
        assertEquals(0, new BigDecimal("6000.00").compareTo(yearCommitted(fund.fundId())),
                "the year's commitment of the refused award was taken back");
        assertEquals("IN_ASSESSMENT", TestDatabase.query("SELECT status FROM application WHERE id = ?", oneCentOver)
                .get(0).get(0));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM grant_decision WHERE application_id = ?",
                oneCentOver), "nothing half-written");
        assertEquals(200, award(decider, exactly).statusCode(), "exactly the ceiling");
        assertEquals(0, new BigDecimal("12000.00").compareTo(callCommitted(fund.callId())));
        assertEquals(0, new BigDecimal("12000.00").compareTo(yearCommitted(fund.fundId())));
        long oneCent = application(fund, "Plafond 4", "0.01");
        assertEquals("decision.callBudgetInsufficient", firstKey(award(decider, oneCent)), "one cent more");

        HttpResponse<String> below = manager.api("PUT", budgetPath, "{\"budget\":11999.99}");
        assertEquals(422, below.statusCode(), below.body());
        assertEquals("call.budgetBelowCommitted", firstKey(below));
        assertMoney("12000.00", object(manager.api("GET", budgetPath, null)), "budget");
        assertEquals(200, manager.api("PUT", budgetPath, "{\"budget\":12000.00}").statusCode(),
                "down to exactly what is committed");
        HttpResponse<String> page = manager.get("admin/call.xhtml?id=" + fund.callId());
        assertTrue(page.body().contains("Al toegekend uit deze ronde: € 12.000,00."), "the call form shows it");

        // Determined lower than awarded (ex officio, the final report overdue): the difference returns to the
        // year and to the call, and can be awarded again.
        TestDatabase.update("UPDATE report_request SET due_on = ? WHERE application_id = ? AND partner_id IS NULL"
                + " AND purpose = 'FINAL'", LocalDate.now().minusDays(1), first);
        HttpResponse<String> determined = officer.api("POST", "applications/" + first + "/determination",
                "{\"finalAmount\":5000.00,\"reasons\":\"Minder activiteiten uitgevoerd dan begroot.\"}");
        assertEquals(200, determined.statusCode(), determined.body());
        assertEquals(0, new BigDecimal("11000.00").compareTo(callCommitted(fund.callId())));
        assertEquals(0, new BigDecimal("11000.00").compareTo(yearCommitted(fund.fundId())));
        assertMoney("1000.00", object(manager.api("GET", budgetPath, null)), "available");
        long again = application(fund, "Plafond 5", "1000.00");
        assertEquals(200, award(decider, again).statusCode(), "the released money fits again");
        assertEquals(0, new BigDecimal("12000.00").compareTo(callCommitted(fund.callId())));

        HttpResponse<String> removed = manager.api("PUT", budgetPath, "{\"budget\":null}");
        assertEquals(200, removed.statusCode(), removed.body());
        assertTrue(noBudget(object(removed)));
        assertMoney("88000.00", object(removed), "available");
    }

    @Test
    void onlyAFundManagerReadsOrSetsACallBudget() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("1000.00");
        for (String email : new String[] {Fixtures.ORGANISER, Fixtures.OFFICER, Fixtures.DECISION_MAKER}) {
            WebSession session = login(email);
            assertEquals(403, session.api("GET", "calls/" + fund.callId() + "/budget", null).statusCode(), email);
            assertEquals(403, session.api("PUT", "calls/" + fund.callId() + "/budget", "{\"budget\":1.00}")
                    .statusCode(), email);
        }
        assertEquals(404, login(FUND_MANAGER).api("PUT", "calls/987654321/budget", "{\"budget\":1.00}").statusCode());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM funding_call WHERE id = ? AND budget IS NOT NULL",
                fund.callId()));
    }
}
