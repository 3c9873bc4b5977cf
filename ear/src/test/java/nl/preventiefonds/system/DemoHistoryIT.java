package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.demo.AssenDecisionMakerActor;
import nl.preventiefonds.demo.AssenDemo;
import nl.preventiefonds.demo.AssenOfficerActor;
import nl.preventiefonds.demo.JongPitteloActor;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Assen's demo history was made through the services, as the users who take each step, on the days it happened:
 * the audit trail of an earlier year's grant holds every step (submission, intake, review, decision, payment,
 * reports, determination, repayment) by the right account at its back-dated moment, and what the steps wrote
 * carries the same dates.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoHistoryIT {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** Two years ago's summer school: determined lower (a week did not happen), the difference paid back. */
    private static final String TITLE = "Zomerschool in Peelo";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    private record Step(String action, String actor, Instant at) {
    }

    private static Instant utc(Object databaseTime) {
        return LocalDateTime.parse(databaseTime.toString().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    private static Instant amsterdam(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(AMSTERDAM).toInstant();
    }

    private static List<Step> trail(long applicationId) throws Exception {
        List<Step> steps = new ArrayList<>();
        for (List<Object> row : TestDatabase.query("SELECT action, actor, occurred_at FROM audit_entry"
                + " WHERE subject_type = 'Application' AND subject_id = ? ORDER BY occurred_at, id",
                String.valueOf(applicationId))) {
            steps.add(new Step((String) row.get(0), (String) row.get(1), utc(row.get(2))));
        }
        return steps;
    }

    private static Step only(List<Step> trail, String action) {
        List<Step> found = trail.stream().filter(s -> s.action().equals(action)).toList();
        assertEquals(1, found.size(), action + " once in " + trail);
        return found.get(0);
    }

    @Test
    void anEarlierGrantsTrailHoldsEveryStepByItsUserOnItsDay() throws Exception {
        List<List<Object>> rows = TestDatabase.query("SELECT a.id, d.budget_year FROM application a"
                + " JOIN grant_decision d ON d.application_id = a.id WHERE a.title = ?", TITLE);
        assertEquals(1, rows.size(), "one " + TITLE);
        long id = ((Number) rows.get(0).get(0)).longValue();
        int year = ((Number) rows.get(0).get(1)).intValue();
        List<Step> trail = trail(id);

        Step submitted = only(trail, "APPLICATION_SUBMITTED");
        assertEquals(JongPitteloActor.EMAIL, submitted.actor(), "the organisation's own account submitted it");
        assertEquals(amsterdam(LocalDate.of(year - 1, 11, 12), 14, 30), submitted.at());
        assertEquals(JongPitteloActor.EMAIL, only(trail, "APPLICATION_CREATED").actor());

        Step intake = only(trail, "INTAKE_COMPLETED");
        assertEquals(AssenOfficerActor.EMAIL, intake.actor());
        Step review = only(trail, "REVIEW_COMPLETED");
        assertEquals(AssenOfficerActor.EMAIL, review.actor());
        assertEquals(amsterdam(LocalDate.of(year, 1, 14).minusWeeks(2), 11, 0), review.at());

        Step decided = only(trail, "DECISION_TAKEN");
        assertEquals(AssenDecisionMakerActor.EMAIL, decided.actor(), "the decision maker signed, not the officer");
        assertEquals(amsterdam(LocalDate.of(year, 1, 14), 10, 0), decided.at());
        assertEquals(decided.at(), utc(TestDatabase.query("SELECT decided_at FROM grant_decision"
                + " WHERE application_id = ?", id).get(0).get(0)), "the decision row carries the same moment");

        Step paid = only(trail, "PAYMENT_MARKED_PAID");
        assertEquals(AssenDemo.FUND_MANAGER, paid.actor());
        assertTrue(paid.at().isAfter(decided.at()) && paid.at().isBefore(amsterdam(LocalDate.of(year, 2, 1), 0, 0)),
                "the advance paid after the decision, before the activities began: " + paid);

        List<Step> reports = trail.stream().filter(s -> s.action().equals("REPORT_SUBMITTED")).toList();
        assertEquals(2, reports.size(), "a progress and a final report: " + trail);
        assertTrue(reports.stream().allMatch(s -> s.actor().equals(JongPitteloActor.EMAIL)), reports.toString());
        assertEquals(amsterdam(LocalDate.of(year, 10, 17), 9, 0), reports.get(1).at(), "the final report");
        List<Step> reviewed = trail.stream().filter(s -> s.action().equals("REPORT_REVIEWED")).toList();
        assertEquals(2, reviewed.size(), trail.toString());
        assertTrue(reviewed.stream().allMatch(s -> s.actor().equals(AssenOfficerActor.EMAIL)), reviewed.toString());

        Step determined = only(trail, "DETERMINED");
        assertEquals(AssenOfficerActor.EMAIL, determined.actor());
        assertEquals(amsterdam(LocalDate.of(year, 11, 18), 10, 0), determined.at());
        Step repaid = only(trail, "RECLAIM_REPAYMENT");
        assertEquals(AssenDemo.FUND_MANAGER, repaid.actor());
        assertEquals(LocalDate.of(year, 11, 18).plusWeeks(5), LocalDate.ofInstant(repaid.at(), AMSTERDAM));

        // In the order they happened, all of them long before the demo was loaded.
        List<String> order = trail.stream().map(Step::action).filter(a -> List.of("APPLICATION_SUBMITTED",
                "INTAKE_COMPLETED", "REVIEW_COMPLETED", "DECISION_TAKEN", "PAYMENT_MARKED_PAID", "DETERMINED",
                "RECLAIM_REPAYMENT").contains(a)).toList();
        assertEquals(List.of("APPLICATION_SUBMITTED", "INTAKE_COMPLETED", "REVIEW_COMPLETED", "DECISION_TAKEN",
                "PAYMENT_MARKED_PAID", "DETERMINED", "RECLAIM_REPAYMENT"), order);
        assertTrue(trail.stream().allMatch(s -> s.at().isBefore(Instant.now().minusSeconds(300L * 24 * 3600))),
                "every step back-dated: " + trail);

        // What the determination wrote: 92% of 21,300.00 in whole euros, the rest reclaimed and paid back.
        List<Object> money = TestDatabase.query("SELECT t.final_amount, r.amount, r.status FROM determination t"
                + " JOIN grant_decision d ON d.id = t.decision_id JOIN reclaim r ON r.determination_id = t.id"
                + " WHERE d.application_id = ?", id).get(0);
        assertEquals(0, new BigDecimal("19596.00").compareTo((BigDecimal) money.get(0)), money.toString());
        assertEquals(0, new BigDecimal("1704.00").compareTo((BigDecimal) money.get(1)), money.toString());
        assertEquals("SETTLED", money.get(2));
    }

    @Test
    void theHalfYearsAwardsComeTo360000AndTheEarlierYearsAreDetermined() throws Exception {
        int thisYear = LocalDate.now(AMSTERDAM).getYear();
        BigDecimal halfYear = (BigDecimal) TestDatabase.query("SELECT SUM(d.amount) FROM grant_decision d"
                + " JOIN fund f ON f.id = d.fund_id JOIN municipality m ON m.id = f.municipality_id"
                + " WHERE m.code = 'GM0106' AND f.name = 'Preventiefonds Assen' AND d.budget_year = ?"
                + " AND d.outcome = 'AWARD'", thisYear).get(0).get(0);
        assertEquals(0, new BigDecimal("360000.00").compareTo(halfYear), "ten awards, the running grant's included: "
                + halfYear);
        long determined = TestDatabase.count("SELECT COUNT(*) FROM application a JOIN municipality m"
                + " ON m.id = a.municipality_id WHERE m.code = 'GM0106' AND a.status = 'DETERMINED'");
        assertTrue(determined >= 9, "two earlier years of four and the completed 2023 grant: " + determined);
        // No step of an Assen demo application was written by "system": each was someone's.
        List<List<Object>> demoApplications = TestDatabase.query("SELECT id FROM application WHERE title IN"
                + " ('Zomerschool in Peelo', 'Huiskamer van de wijk Assen-Oost en Peelo',"
                + " 'Voorlezen en ontmoeten in Kloosterveen', 'Buurtkamer Pittelo')");
        assertTrue(demoApplications.size() >= 4, demoApplications.toString());
        long bySystem = 0;
        for (List<Object> application : demoApplications) {
            bySystem += TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'Application'"
                    + " AND subject_id = ? AND actor = 'system'", String.valueOf(application.get(0)));
            assertTrue(TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'Application'"
                    + " AND subject_id = ?", String.valueOf(application.get(0))) >= 5, "its steps are on the trail");
        }
        assertEquals(0, bySystem);
    }
}
