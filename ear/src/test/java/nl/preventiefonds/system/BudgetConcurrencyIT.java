package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many decision makers award at the same moment, with double clicks, against real MariaDB:
 * the committed total never exceeds the budget, every refusal says why, nothing is half-written
 * and the audit trail is complete. Repeated over several rounds, each on a fresh fund; in the last rounds the call
 * has a budget of its own below the year's, which then limits it the same way (year row, then call row).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BudgetConcurrencyIT {
    private static final int ROUNDS = 5;
    private static final int APPLICATIONS = 60;
    private static final int DOUBLE_CLICKS = 15;
    private static final String AMOUNT = "5000.00";
    private static final String BUDGET = "100000.00";
    /** From this round on the call's own budget is the ceiling. */
    private static final int CALL_BUDGET_FROM_ROUND = 4;
    private static final String CALL_BUDGET = "60000.00";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private record Outcome(long applicationId, int status, String body) {
    }

    @Test
    void theFundIsNeverOvercommittedUnderConcurrentAwards() throws Exception {
        List<WebSession> deciders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            WebSession session = new WebSession(base.toURI());
            String login = i == 0 ? Fixtures.DECISION_MAKER : TestDatabase.cloneAccount(Fixtures.DECISION_MAKER, null);
            assertEquals(302, session.login(login, Fixtures.PASSWORD).statusCode());
            deciders.add(session);
        }
        for (int round = 1; round <= ROUNDS; round++) {
            runRound(round, deciders);
        }
    }

    private void runRound(int round, List<WebSession> deciders) throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall(BUDGET);
        boolean callCeiling = round >= CALL_BUDGET_FROM_ROUND;
        String ceiling = callCeiling ? CALL_BUDGET : BUDGET;
        if (callCeiling) {
            TestDatabase.update("UPDATE funding_call SET budget = ? WHERE id = ?", new BigDecimal(CALL_BUDGET),
                    fund.callId());
        }
        List<Long> applications = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            long id = Fixtures.applicationInAssessment(fund.callId(), "Gelijktijdig " + round + "-" + i, AMOUNT);
            Fixtures.completedReview(id, Fixtures.OFFICER);
            applications.add(id);
        }
        List<Long> requests = new ArrayList<>(applications);
        requests.addAll(applications.subList(0, DOUBLE_CLICKS));
        Collections.shuffle(requests);

        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            long id = requests.get(i);
            WebSession session = deciders.get(i % deciders.size());
            futures.add(pool.submit(() -> {
                start.await();
                HttpResponse<String> response = session.api("POST", "applications/" + id + "/decision",
                        "{\"outcome\":\"AWARD\",\"advancePercent\":80}");
                return new Outcome(id, response.statusCode(), response.body());
            }));
        }
        start.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        Map<String, Integer> reasons = new TreeMap<>();
        int awarded = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.status() == 200) {
                awarded++;
                continue;
            }
            assertEquals(422, outcome.status(), "round " + round + ": every refusal is a clear 422: " + outcome.body());
            JsonObject problem = Json.createReader(new StringReader(outcome.body())).readObject()
                    .getJsonArray("problems").getJsonObject(0);
            String key = problem.getString("key");
            String insufficient = callCeiling ? "decision.callBudgetInsufficient" : "decision.budgetInsufficient";
            assertTrue(key.equals(insufficient) || key.equals("decision.alreadyDecided"), key);
            if (key.equals(insufficient)) {
                assertTrue(problem.getString("message").contains("€ 5.000,00"), problem.getString("message"));
            }
            reasons.merge(key, 1, Integer::sum);
        }

        BigDecimal committed = new BigDecimal(TestDatabase.query("SELECT committed FROM fund_year_budget"
                + " WHERE fund_id = ?", fund.fundId()).get(0).get(0).toString());
        BigDecimal decidedTotal = new BigDecimal(TestDatabase.query("SELECT COALESCE(SUM(amount), 0) FROM grant_decision"
                + " WHERE fund_id = ?", fund.fundId()).get(0).get(0).toString());
        long decisions = TestDatabase.count("SELECT COUNT(*) FROM grant_decision WHERE fund_id = ?", fund.fundId());
        long awardedApplications = TestDatabase.count("SELECT COUNT(*) FROM application WHERE call_id = ?"
                // Grants up to 5,000 are determined directly at the award (direct tier).
                + " AND status IN ('AWARDED', 'DETERMINED')", fund.callId());
        long letters = TestDatabase.count("SELECT COUNT(*) FROM issued_document d JOIN application a"
                + " ON a.id = d.application_id WHERE a.call_id = ? AND d.kind = 'DECISION_LETTER'", fund.callId());
        long tranches = TestDatabase.count("SELECT COUNT(*) FROM payment_tranche t JOIN grant_decision g"
                + " ON g.id = t.decision_id WHERE g.fund_id = ?", fund.fundId());
        long audits = TestDatabase.count("SELECT COUNT(*) FROM audit_entry e JOIN application a"
                + " ON CAST(e.subject_id AS UNSIGNED) = a.id WHERE e.action = 'DECISION_TAKEN' AND a.call_id = ?", fund.callId());
        long mails = TestDatabase.count("SELECT COUNT(*) FROM outbound_mail m JOIN application a"
                + " ON LOCATE(a.reference, m.subject) > 0 WHERE a.call_id = ?", fund.callId());

        BigDecimal callCommitted = new BigDecimal(TestDatabase.query("SELECT committed FROM funding_call"
                + " WHERE id = ?", fund.callId()).get(0).get(0).toString());
        System.out.printf("Round %d: %d requests, %d awarded, refusals %s, committed %s of %s%n", round,
                outcomes.size(), awarded, reasons, committed, ceiling);
        assertTrue(committed.compareTo(new BigDecimal(ceiling)) <= 0, "never over budget: " + committed);
        assertEquals(new BigDecimal(ceiling).divide(new BigDecimal(AMOUNT)).intValue(), awarded,
                "the ceiling is used exactly: 20 awards of 5000 fit in the year's 100000, 12 in the call's 60000");
        assertEquals(0, committed.compareTo(decidedTotal), "committed equals the sum of the decisions");
        assertEquals(0, callCommitted.compareTo(decidedTotal), "and so does the call's");
        assertEquals(awarded, decisions, "one decision row per success, none for a refusal");
        assertEquals(awarded, awardedApplications);
        assertEquals(awarded, letters, "one stored letter per decision");
        assertEquals(awarded, tranches, "one advance per award");
        assertEquals(awarded, audits, "one audit line per decision, none for a refusal");
        assertEquals(awarded, mails, "one mail per decision");
        assertEquals(APPLICATIONS - awarded, TestDatabase.count("SELECT COUNT(*) FROM application WHERE call_id = ?"
                + " AND status = 'IN_ASSESSMENT'", fund.callId()), "refused applications stay in assessment");
        assertEquals(outcomes.size(), awarded + reasons.values().stream().mapToInt(Integer::intValue).sum());
    }
}
