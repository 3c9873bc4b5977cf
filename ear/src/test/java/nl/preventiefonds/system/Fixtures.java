package nl.preventiefonds.system;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Data for the decision tests, written straight into the test database: a fund with its own
 * year budget and call, and applications that already passed intake. The tests then drive
 * everything that matters through the API.
 */
final class Fixtures {
    static final String ORGANISER = "organisator@demo.preventiefonds.nl";
    static final String OFFICER = "adviseur@demo.preventiefonds.nl";
    static final String DECISION_MAKER = "beslisser@demo.preventiefonds.nl";
    static final String PASSWORD = "Preventie-2026";

    private Fixtures() {
    }

    private static LocalDateTime utcNow() {
        return LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    record FundAndCall(long fundId, long callId, int year) {
    }

    /** A fund with one year budget and an open call committing against that year. */
    static FundAndCall fundWithCall(String yearBudget) throws SQLException {
        return fundWithCallIn(TestDatabase.count("SELECT MIN(id) FROM municipality"), yearBudget);
    }

    /** As {@link #fundWithCall(String)}, for a fund of the given municipality. */
    static FundAndCall fundWithCallIn(long municipality, String yearBudget) throws SQLException {
        int year = LocalDate.now().getYear();
        String name = "Testfonds " + UUID.randomUUID();
        TestDatabase.update("INSERT INTO fund (municipality_id, name, total_budget, version) VALUES (?, ?, ?, 0)",
                municipality, name, new BigDecimal(yearBudget));
        long fundId = TestDatabase.count("SELECT id FROM fund WHERE name = ?", name);
        TestDatabase.update("INSERT INTO fund_year_budget (fund_id, budget_year, budget) VALUES (?, ?, ?)", fundId,
                year, new BigDecimal(yearBudget));
        TestDatabase.update("INSERT INTO funding_call (fund_id, title, opens_at, closes_at, max_amount, min_amount,"
                        + " decision_term_weeks, budget_year, version) VALUES (?, ?, ?, ?, 50000, 0, 8, ?, 0)", fundId, "Ronde van " + name, utcNow().minusDays(30),
                utcNow().plusDays(30), year);
        long callId = TestDatabase.count("SELECT id FROM funding_call WHERE fund_id = ?", fundId);
        int position = 1;
        for (String[] tier : new String[][] {{"5000.00", "NONE"}, {"50000.00", "ACTIVITY_REPORT"}, {null,
                "ACTIVITY_AND_FINANCIAL_REPORT"}}) {
            TestDatabase.update("INSERT INTO call_determination_tier (call_id, position, up_to_amount, report_kind)"
                    + " VALUES (?, ?, ?, ?)", callId, position++, tier[0] == null ? null : new BigDecimal(tier[0]),
                    tier[1]);
        }
        position = 1;
        for (Object[] criterion : new Object[][] {{"Bijdrage aan preventie", 40}, {"Bereik in de wijk", 25},
                {"Samenwerking", 20}, {"Haalbaarheid", 15}}) {
            TestDatabase.update("INSERT INTO call_criterion (call_id, position, name, weight_percent)"
                    + " VALUES (?, ?, ?, ?)", callId, position++, criterion[0], criterion[1]);
        }
        return new FundAndCall(fundId, callId, year);
    }

    /** An application's municipality in an INSERT: its call's fund's (the call's id is the parameter). */
    static final String MUNICIPALITY_OF_CALL = "(SELECT f.municipality_id FROM funding_call c JOIN fund f ON f.id = c.fund_id WHERE c.id = ?)";

    /** An application of the demo organiser that passed intake, asking the given amount. */
    static long applicationInAssessment(long callId, String title, String requested) throws SQLException {
        String reference = "T-" + UUID.randomUUID().toString().substring(0, 13);
        LocalDate today = LocalDate.now();
        TestDatabase.update("INSERT INTO application (reference, call_id, owner_id, status, org_name, org_legal_form,"
                        + " org_kvk_number, org_iban, org_account_holder, contact_name, contact_email, title, summary,"
                        + " start_date, end_date, total_costs, co_funding, requested_amount, created_at, updated_at,"
                        + " submitted_at, received_on, decision_due_on, intake_completed_at, version, municipality_id)"
                        + " VALUES (?, ?, ?, 'IN_ASSESSMENT', 'Stichting Café Noë', 'FOUNDATION', '40012345',"
                        + " 'NL91ABNA0417164300', 'Stichting Café Noë', 'Anna de Vries', ?, ?, 'Samenvatting',"
                        + " ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 0, " + MUNICIPALITY_OF_CALL + ")",
                reference, callId, TestDatabase.userId(ORGANISER), ORGANISER, title, today.plusMonths(1),
                today.plusMonths(11), new BigDecimal(requested), new BigDecimal(requested), utcNow(), utcNow(),
                utcNow(), today, today.plusWeeks(8), utcNow(), callId);
        return TestDatabase.count("SELECT id FROM application WHERE reference = ?", reference);
    }

    /**
     * The application's activities ran and ended yesterday (Amsterdam), so its final reports can be filed today: a
     * final report opens the day after the activities end. For tests of what follows a final report.
     */
    static void activitiesEnded(long applicationId) throws SQLException {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        TestDatabase.update("UPDATE application SET start_date = ?, end_date = ? WHERE id = ?", today.minusMonths(10),
                today.minusDays(1), applicationId);
    }

    /** A completed, unconflicted review by the given reviewer, advising to award. */
    static void completedReview(long applicationId, String reviewerEmail) throws SQLException {
        TestDatabase.update("INSERT INTO review_assignment (application_id, reviewer_id, assigned_at, assigned_by,"
                        + " conflict_of_interest, declared_at, advice, advised_amount, weighted_score, completed_at,"
                        + " version) SELECT ?, ?, ?, ?, FALSE, ?, 'AWARD', requested_amount, 7.00, ?, 0"
                        + " FROM application WHERE id = ?", applicationId, TestDatabase.userId(reviewerEmail),
                utcNow(), OFFICER, utcNow(), utcNow(), applicationId);
    }

    static final String PARTNER = "partner@demo.preventiefonds.nl";

    /** The demo partner's organisation (Bibliotheek Assen). */
    static long demoPartnerId() throws SQLException {
        return count("SELECT partner_id FROM app_user WHERE email = ?", PARTNER);
    }

    /** Another partner organisation with its own login, for "sees only its own" checks. */
    static String otherPartnerLogin() throws SQLException {
        String name = "Andere partner " + UUID.randomUUID();
        TestDatabase.update("INSERT INTO partner_organisation (name, kind) VALUES (?, 'welfare')", name);
        return TestDatabase.cloneAccount(PARTNER, count("SELECT id FROM partner_organisation WHERE name = ?", name));
    }

    record Plan(long ownActivity, long partnerActivity, long costLine) {
    }

    /**
     * Gives an application two activities (the second carried out by the partner), a cost line and the partner
     * named on it, as the wizard would have stored them.
     */
    static Plan withActivitiesAndPartner(long applicationId, long partnerId, String costs) throws SQLException {
        TestDatabase.update("INSERT INTO application_activity (application_id, position, name, description,"
                + " planned_participants, planned_sessions, planned_volunteers) VALUES (?, 1, 'Wekelijkse inloop',"
                + " 'Koffie en spreekuur', 60, 40, 6)", applicationId);
        TestDatabase.update("INSERT INTO application_activity (application_id, position, name, description,"
                + " planned_participants, planned_sessions, planned_volunteers, delivered_by_partner_id)"
                + " VALUES (?, 2, 'Voorleesochtend', 'In de bibliotheek', 30, 20, 3, ?)", applicationId, partnerId);
        TestDatabase.update("INSERT INTO budget_line (application_id, position, kind, description, amount)"
                + " VALUES (?, 1, 'COST', 'Huur en materialen', ?)", applicationId, new BigDecimal(costs));
        TestDatabase.update("INSERT INTO application_partner (application_id, partner_id) VALUES (?, ?)",
                applicationId, partnerId);
        return new Plan(count("SELECT id FROM application_activity WHERE application_id = ? AND position = 1",
                applicationId), count("SELECT id FROM application_activity WHERE application_id = ? AND position = 2",
                applicationId), count("SELECT id FROM budget_line WHERE application_id = ?", applicationId));
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        return TestDatabase.count(sql, parameters);
    }
}
