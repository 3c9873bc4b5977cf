package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * Two officers start the round-robin assignment of one application at the same moment. Both pick the same
 * least-loaded reviewers; the database lets one in and the other gets a clear 409, not a 500, with nothing of its
 * request left behind. "The same moment" is made certain: the test holds the application row locked until both
 * requests wait at their insert, then lets them go together.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReviewerAssignmentConcurrencyIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private record Outcome(int status, String type, String body) {
    }

    @Test
    void theSecondOfTwoSimultaneousRoundRobinsGetsAClearConflict() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("100000.00");
        long application = Fixtures.applicationInAssessment(fund.callId(), "Tegelijk toegewezen", "5000.00");
        List<WebSession> officers = new ArrayList<>();
        for (String login : List.of(Fixtures.OFFICER, TestDatabase.cloneAccount(Fixtures.OFFICER, null))) {
            WebSession session = new WebSession(base.toURI());
            assertEquals(302, session.login(login, Fixtures.PASSWORD).statusCode());
            officers.add(session);
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Outcome>> futures = new ArrayList<>();
        try (Connection holder = TestDatabase.connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM application WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, application);
                lock.executeQuery().close();
            }
            for (WebSession officer : officers) {
                futures.add(pool.submit(() -> {
                    HttpResponse<String> response = officer.api("POST", "applications/" + application
                            + "/reviewers", "{\"roundRobin\":2}");
                    return new Outcome(response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse(""), response.body());
                }));
            }
            waitUntilBothInsertsWait(holder);
            holder.commit();
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        outcomes.sort(Comparator.comparingInt(Outcome::status));

        assertEquals(200, outcomes.get(0).status(), "one officer assigns: " + outcomes);
        assertEquals(409, outcomes.get(1).status(), "the other gets a conflict, not an error: " + outcomes);
        assertTrue(outcomes.get(1).type().startsWith("application/problem+json"), outcomes.get(1).type());
        JsonObject problem = Json.createReader(new StringReader(outcomes.get(1).body())).readObject()
                .getJsonArray("problems").getJsonObject(0);
        assertEquals("assessment.assignedMeanwhile", problem.getString("key"));
        assertTrue(problem.getString("message").contains("op hetzelfde moment"), problem.getString("message"));

        assertEquals(2, TestDatabase.count("SELECT COUNT(*) FROM review_assignment WHERE application_id = ?",
                application), "the winner's two reviewers, nothing of the loser's");
        assertEquals(2, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'REVIEWER_ASSIGNED'"
                + " AND subject_type = 'Application' AND subject_id = ?", String.valueOf(application)),
                "audited once per assignment that stayed");
    }

    /** Both requests have read the same state and now wait for the locked row at their insert. */
    private static void waitUntilBothInsertsWait(Connection holder) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int waiting = 0;
        while (System.nanoTime() < deadline) {
            try (Connection watcher = TestDatabase.connect();
                 PreparedStatement count = watcher.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                         + " WHERE COMMAND = 'Query' AND INFO LIKE 'INSERT INTO review_assignment%'");
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                waiting = rows.getInt(1);
            }
            if (waiting >= 2) {
                return;
            }
            Thread.sleep(100);
        }
        holder.rollback();
        throw new AssertionError("the two requests never met at their insert (" + waiting + " waiting)");
    }
}
