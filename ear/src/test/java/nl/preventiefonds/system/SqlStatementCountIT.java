package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No N+1 queries: the number of SQL statements one request of each main screen and API list sends to the database
 * stays the same when the lists hold many more rows (other owners, calls, funds, partners and neighbourhoods), so
 * no row costs a query of its own. Counted inside the server by {@link SqlStatementCounter}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SqlStatementCountIT {
    private static final Map<String, String> SCREENS = new LinkedHashMap<>();

    static {
        // With the officer's open reviews (each of another application, call and owner).
        SCREENS.put("officer list page", "officer:officer/index.xhtml");
        SCREENS.put("officer list API", "officer:api/applications?size=50");
        SCREENS.put("calls API", "officer:api/calls?size=50");
        SCREENS.put("organiser dashboard page", "organiser:organiser/index.xhtml");
        SCREENS.put("organiser list API", "organiser:api/applications?size=50");
        SCREENS.put("partner list API", "partner:api/applications?size=50");
        SCREENS.put("impact dashboard page", "officer:impact/dashboard.xhtml");
        SCREENS.put("impact dashboard API", "officer:api/impact/dashboard");
        // The two above are served from the dashboard cache after the warm-up; nothing else asks for this filter,
        // and each round adds rows (a new data version), so this one is computed from the database every time.
        SCREENS.put("impact dashboard API, computed", "officer:api/impact/dashboard?theme=LONELINESS");
        SCREENS.put("public register page", "anonymous:open/register.xhtml");
        SCREENS.put("public register API", "anonymous:api/open/register?size=50");
        SCREENS.put("organiser report requests API", "organiser:api/report-requests/mine");
        SCREENS.put("partner page", "partner:partner/index.xhtml");
        SCREENS.put("partner report requests API", "partner:api/report-requests/mine");
        SCREENS.put("partner upload page", "partner:partner/upload.xhtml");
        SCREENS.put("payments and reclaims page", "fundManager:admin/payments.xhtml");
        SCREENS.put("payments API", "fundManager:api/payments?size=50");
        SCREENS.put("payments export", "fundManager:api/payments/export?dueBefore="
                + LocalDate.now().plusYears(2));
        SCREENS.put("reclaims API", "fundManager:api/reclaims?size=50");
    }

    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEarWithTestClasses(SqlStatementCounter.class);
    }

    @ArquillianResource
    private URL base;

    @Test
    void statementsPerRequestDoNotGrowWithTheRows() throws Exception {
        Map<String, WebSession> sessions = Map.of("officer", login(Fixtures.OFFICER), "organiser",
                login(Fixtures.ORGANISER), "partner", login(Fixtures.PARTNER), "fundManager",
                login(FUND_MANAGER), "anonymous", new WebSession(base.toURI()));
        addRows(2);
        Map<String, Integer> few = countAll(sessions);
        addRows(10);
        Map<String, Integer> many = countAll(sessions);
        System.out.println("SQL statements per request with 2 rows of each kind: " + few);
        System.out.println("SQL statements per request with 12 rows of each kind: " + many);
        for (String screen : SCREENS.keySet()) {
            assertTrue(few.get(screen) > 0, screen + " counted no statements at all");
        }
        // All screens first, so one run shows every list that still grows.
        List<String> grown = SCREENS.keySet().stream().filter(s -> !few.get(s).equals(many.get(s))).toList();
        assertEquals(List.of(), grown, "statements per request grew with the rows (N+1); with few rows " + few
                + ", with many " + many + "; statements of the last request of the first:\n"
                + (grown.isEmpty() ? "" : statements.get(grown.get(0))));
        // The cache serves the repeated dashboard without its aggregate queries; a new filter is computed.
        assertTrue(many.get("impact dashboard API") < many.get("impact dashboard API, computed"), many.toString());
    }

    /**
     * The application page of a determined grant, as an officer, reads each of its sections once (issue 17 §4): the
     * statements of one page view stay the same when the application has more reviews with scores, objections
     * against its decision and its determination, and reports with activities, indicators and spending, and stay
     * under a bound that one read per section allows.
     */
    @Test
    void theApplicationPageReadsEachSectionOnce() throws Exception {
        WebSession officer = login(Fixtures.OFFICER);
        long partner = Fixtures.demoPartnerId();
        long municipality = TestDatabase.count("SELECT MIN(id) FROM municipality");
        Fixtures.FundAndCall call = Fixtures.fundWithCall("1000000.00");
        String code = "N" + UUID.randomUUID().toString().substring(0, 8);
        TestDatabase.update("INSERT INTO neighbourhood (municipality_id, code, name) VALUES (?, ?, ?)",
                municipality, code, "Wijk " + code);
        long neighbourhood = TestDatabase.count("SELECT id FROM neighbourhood WHERE code = ?", code);
        long application = Fixtures.applicationInAssessment(call.callId(), "Dossier", "4000.00");
        Fixtures.Plan plan = describe(application, neighbourhood, partner);
        award(application, call, plan, partner);
        TestDatabase.update("UPDATE application SET status = 'DETERMINED' WHERE id = ?", application);
        String page = "applications/view.xhtml?id=" + application;

        addToCaseFile(application, plan, 1);
        int few = countPage(officer, page);
        String fewStatements = lastPageStatements;
        addToCaseFile(application, plan, 5);
        int many = countPage(officer, page);
        System.out.println("SQL statements of the application page (determined grant, officer): " + few
                + " with 2 reviews, objections and reports, " + many + " with 7 of each, in " + lastPageSessions
                + " client sessions (transactions); statements:\n" + lastPageStatements);
        assertEquals(few, many, "the application page read per review, objection or report (N+1); with few:\n"
                + fewStatements + "\nwith many:\n" + lastPageStatements);
        assertTrue(many <= APPLICATION_PAGE_BOUND, "the application page sent " + many + " statements, more than "
                + APPLICATION_PAGE_BOUND + ":\n" + lastPageStatements);
        assertTrue(lastPageSessions >= 1 && lastPageSessions <= APPLICATION_PAGE_SESSIONS, "the application page"
                + " read the database in " + lastPageSessions + " transactions, not in one call");
    }

    /**
     * One read per section of the page in one transaction: 37 statements were measured (issue 17 §4; before it, 105
     * with 2 of each row and 130 with 7, in 7 service calls that each read the application again). A section read
     * in a transaction of its own reads the application, its call and owner again (some 7 statements).
     */
    private static final int APPLICATION_PAGE_BOUND = 45;
    /** The page's transactions: one (CaseFile; 1 measured, 7 service calls before), room for the layout's header. */
    private static final int APPLICATION_PAGE_SESSIONS = 3;

    private String lastPageStatements = "";
    private int lastPageSessions;

    private int countPage(WebSession session, String page) throws Exception {
        session.getWithHeader(page, "X-Sql-Count", UUID.randomUUID().toString());
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = session.getWithHeader(page, "X-Sql-Count", id);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("id=\"reference\""), "not the application page: " + response.body());
        lastPageStatements = session.get("__sql-count?sql=true&id=" + id).body();
        lastPageSessions = Integer.parseInt(session.get("__sql-count?sessions=true&id=" + id).body().strip());
        return Integer.parseInt(session.get("__sql-count?id=" + id).body().strip());
    }

    /**
     * Per round: a completed review with a score per criterion by another officer, a dismissed objection against the
     * decision, a dismissed objection against the determination, and a reviewed progress report of the demo partner
     * with two activities, an indicator and a spending line.
     */
    private static void addToCaseFile(long application, Fixtures.Plan plan, int rounds) throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        LocalDate today = LocalDate.now();
        long decision = TestDatabase.count("SELECT id FROM grant_decision WHERE application_id = ?", application);
        long determination = TestDatabase.count("SELECT id FROM determination WHERE application_id = ?",
                application);
        for (int i = 0; i < rounds; i++) {
            String reviewer = TestDatabase.cloneAccount(Fixtures.OFFICER, null);
            Fixtures.completedReview(application, reviewer);
            TestDatabase.update("INSERT INTO review_score (assignment_id, criterion_id, score, rationale)"
                    + " SELECT r.id, c.id, 7, 'Goed onderbouwd' FROM review_assignment r JOIN application a"
                    + " ON a.id = r.application_id JOIN call_criterion c ON c.call_id = a.call_id"
                    + " WHERE r.application_id = ? AND r.reviewer_id = ?", application, TestDatabase.userId(reviewer));
            TestDatabase.update("INSERT INTO objection (decision_id, received_on, lodged_by, grounds, on_time,"
                    + " decide_by, registered_at, registered_by, outcome, outcome_on, outcome_notes, version)"
                    + " VALUES (?, ?, 'Stichting', 'Te laag', TRUE, ?, ?, ?, 'DISMISSED', ?, 'Ongegrond', 0)",
                    decision, today, today.plusWeeks(6), now, Fixtures.OFFICER, today);
            TestDatabase.update("INSERT INTO determination_objection (determination_id, application_id, received_on,"
                    + " lodged_by, grounds, on_time, late_excused, decide_by, registered_at, registered_by, outcome,"
                    + " outcome_on, outcome_notes, version) VALUES (?, ?, ?, 'Stichting', 'Te laag vastgesteld',"
                    + " TRUE, FALSE, ?, ?, ?, 'DISMISSED', ?, 'Ongegrond', 0)", determination, application, today,
                    today.plusWeeks(6), now, Fixtures.OFFICER, today);
            TestDatabase.update("INSERT INTO report_request (application_id, decision_id, partner_id, purpose,"
                    + " required_kind, due_on, status, created_at, version) VALUES (?, ?, ?, 'PROGRESS',"
                    + " 'ACTIVITY_REPORT', ?, 'ACCEPTED', ?, 0)", application, decision, Fixtures.demoPartnerId(),
                    today.minusDays(1 + i), now);
            long request = TestDatabase.count("SELECT MAX(id) FROM report_request WHERE application_id = ?",
                    application);
            TestDatabase.update("INSERT INTO report (request_id, submitted_at, submitted_by, narrative, review_outcome,"
                    + " reviewed_by, reviewed_at, participants_total) VALUES (?, ?, ?, 'Voortgang', 'ACCEPTED', ?, ?,"
                    + " 24)", request, now, Fixtures.PARTNER, Fixtures.OFFICER, now);
            long report = TestDatabase.count("SELECT id FROM report WHERE request_id = ?", request);
            for (long activity : List.of(plan.ownActivity(), plan.partnerActivity())) {
                TestDatabase.update("INSERT INTO report_activity (report_id, activity_id, participants, sessions,"
                        + " volunteers) VALUES (?, ?, 12, 3, 1)", report, activity);
            }
            TestDatabase.update("INSERT INTO report_indicator (report_id, position, name, indicator_value)"
                    + " VALUES (?, 1, 'Tevredenheid', 8.00)", report);
            TestDatabase.update("INSERT INTO report_spending (report_id, position, budget_line_id, description,"
                    + " budgeted, spent) VALUES (?, 1, ?, 'Huur en materialen', 1000, 800)", report, plan.costLine());
        }
    }

    private WebSession login(String email) throws Exception {
        return WebSession.loggedIn(base, email);
    }

    /** The statements of each screen's last counted request. */
    private final Map<String, String> statements = new LinkedHashMap<>();

    private Map<String, Integer> countAll(Map<String, WebSession> sessions) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> screen : SCREENS.entrySet()) {
            String[] target = screen.getValue().split(":", 2);
            WebSession session = sessions.get(target[0]);
            // The first call warms up what is loaded once per server or session.
            if (!screen.getKey().endsWith("computed")) {
                session.getWithHeader(target[1], "X-Sql-Count", UUID.randomUUID().toString());
            }
            String id = UUID.randomUUID().toString();
            HttpResponse<String> response = session.getWithHeader(target[1], "X-Sql-Count", id);
            assertEquals(200, response.statusCode(), screen.getKey() + ": " + response.body());
            String count = session.get("__sql-count?id=" + id).body().strip();
            counts.put(screen.getKey(), Integer.valueOf(count));
            statements.put(screen.getKey(), session.get("__sql-count?sql=true&id=" + id).body());
        }
        return counts;
    }

    /**
     * Per round and per kind: a submitted application with an open review of the officer, an application of the
     * demo organiser naming the demo partner, an awarded one with an accepted report, and an awarded one of the
     * demo organiser; each award with a decision letter, a paid and a due payment, a report request of the demo
     * partner and a reclaim. Each has its own owner, call, fund, neighbourhood and partner, so every association
     * a list row touches is a different object.
     */
    private static void addRows(int perKind) throws Exception {
        long municipality = TestDatabase.count("SELECT MIN(id) FROM municipality");
        long partner = Fixtures.demoPartnerId();
        for (int i = 0; i < perKind; i++) {
            Fixtures.FundAndCall call = Fixtures.fundWithCall("1000000.00");
            String code = "N" + UUID.randomUUID().toString().substring(0, 8);
            TestDatabase.update("INSERT INTO neighbourhood (municipality_id, code, name) VALUES (?, ?, ?)",
                    municipality, code, "Wijk " + code);
            long neighbourhood = TestDatabase.count("SELECT id FROM neighbourhood WHERE code = ?", code);
            TestDatabase.update("INSERT INTO call_theme (call_id, theme) VALUES (?, 'LONELINESS')", call.callId());
            TestDatabase.update("INSERT INTO call_neighbourhood (call_id, neighbourhood_id) VALUES (?, ?)",
                    call.callId(), neighbourhood);

            long submitted = Fixtures.applicationInAssessment(call.callId(), "Ingediend " + i, "2000.00");
            String owner = TestDatabase.cloneAccount(Fixtures.ORGANISER, null);
            TestDatabase.update("UPDATE application SET status = 'SUBMITTED', intake_completed_at = NULL,"
                    + " owner_id = ? WHERE id = ?", TestDatabase.userId(owner), submitted);
            describe(submitted, neighbourhood, partner);
            TestDatabase.update("INSERT INTO review_assignment (application_id, reviewer_id, assigned_at, assigned_by,"
                    + " version) VALUES (?, ?, ?, ?, 0)", submitted, TestDatabase.userId(Fixtures.OFFICER),
                    LocalDateTime.now(ZoneOffset.UTC), Fixtures.OFFICER);

            long mine = Fixtures.applicationInAssessment(call.callId(), "Van de organisator " + i, "3000.00");
            describe(mine, neighbourhood, partner);
            TestDatabase.update("INSERT INTO information_request (application_id, requested_at, requested_on,"
                    + " requested_by, message, answer_deadline) VALUES (?, ?, ?, ?, 'Graag toelichten', ?)", mine,
                    LocalDateTime.now(ZoneOffset.UTC), LocalDate.now(), Fixtures.OFFICER, LocalDate.now().plusWeeks(2));

            long awarded = Fixtures.applicationInAssessment(call.callId(), "Toegekend " + i, "4000.00");
            String awardedOwner = TestDatabase.cloneAccount(Fixtures.ORGANISER, null);
            TestDatabase.update("UPDATE application SET status = 'AWARDED', owner_id = ? WHERE id = ?",
                    TestDatabase.userId(awardedOwner), awarded);
            Fixtures.Plan plan = describe(awarded, neighbourhood, partner);
            award(awarded, call, plan, partner);

            // The demo organiser's own award: its report requests are on the organiser's dashboard.
            Fixtures.FundAndCall ownCall = Fixtures.fundWithCall("1000000.00");
            long ownAward = Fixtures.applicationInAssessment(ownCall.callId(), "Eigen toekenning " + i, "4000.00");
            TestDatabase.update("UPDATE application SET status = 'AWARDED' WHERE id = ?", ownAward);
            award(ownAward, ownCall, describe(ownAward, neighbourhood, partner), partner);
        }
    }

    private static Fixtures.Plan describe(long application, long neighbourhood, long demoPartner) throws Exception {
        String name = "Partner " + UUID.randomUUID();
        TestDatabase.update("INSERT INTO partner_organisation (name, kind) VALUES (?, 'welfare')", name);
        long partner = TestDatabase.count("SELECT id FROM partner_organisation WHERE name = ?", name);
        TestDatabase.update("INSERT INTO application_partner (application_id, partner_id) VALUES (?, ?)",
                application, partner);
        TestDatabase.update("INSERT INTO application_neighbourhood (application_id, neighbourhood_id) VALUES (?, ?)",
                application, neighbourhood);
        TestDatabase.update("INSERT INTO application_theme (application_id, theme) VALUES (?, 'LONELINESS')",
                application);
        TestDatabase.update("INSERT INTO application_care_domain (application_id, care_domain) VALUES (?, 'WMO')",
                application);
        return Fixtures.withActivitiesAndPartner(application, demoPartner, "1000.00");
    }

    /**
     * An award with its letter, a paid advance, a due tranche and an accepted final report, as the register and
     * impact dashboard read it; an open progress report of the demo partner; and a determination with a reclaim.
     */
    private static void award(long application, Fixtures.FundAndCall call, Fixtures.Plan plan, long demoPartner)
            throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        LocalDate today = LocalDate.now();
        TestDatabase.update("INSERT INTO grant_decision (application_id, outcome, amount, budget_year, fund_id,"
                        + " advance_percent, report_kind, report_due_on, decided_at, decided_on, decided_by,"
                        + " objection_deadline) VALUES (?, 'AWARD', 4000, ?, ?, 80, 'ACTIVITY_REPORT', ?, ?, ?, ?, ?)",
                application, call.year(), call.fundId(), today.plusYears(1), now, today, Fixtures.DECISION_MAKER,
                today.plusWeeks(6));
        long decision = TestDatabase.count("SELECT id FROM grant_decision WHERE application_id = ?", application);
        String letterName = "besluit-" + UUID.randomUUID() + ".pdf";
        TestDatabase.update("INSERT INTO issued_document (application_id, kind, filename, created_at, sha256, content)"
                + " VALUES (?, 'DECISION_LETTER', ?, ?, ?, ?)", application, letterName, now, "0".repeat(64),
                new byte[] {'%', 'P', 'D', 'F'});
        TestDatabase.update("UPDATE grant_decision SET letter_document_id = (SELECT id FROM issued_document"
                + " WHERE filename = ?) WHERE id = ?", letterName, decision);
        TestDatabase.update("INSERT INTO payment_tranche (decision_id, position, label, due_on, amount)"
                + " VALUES (?, 2, 'Tweede deel', ?, 800)", decision, today.plusMonths(6));
        TestDatabase.update("INSERT INTO payment_instruction (decision_id, tranche_id, application_id, label, amount,"
                        + " due_on, payee_name, payee_iban, status, created_at, version, kind) VALUES (?,"
                        + " (SELECT id FROM payment_tranche WHERE decision_id = ?), ?, 'Tweede deel', 800, ?,"
                        + " 'Stichting', 'NL91ABNA0417164300', 'DUE', ?, 0, 'SCHEDULE')",
                decision, decision, application, today.plusMonths(6), now);
        TestDatabase.update("INSERT INTO report_request (application_id, decision_id, partner_id, purpose,"
                + " required_kind, due_on, status, created_at, version) VALUES (?, ?, ?, 'PROGRESS',"
                + " 'ACTIVITY_REPORT', ?, 'OPEN', ?, 0)", application, decision, demoPartner,
                today.plusMonths(3), now);
        TestDatabase.update("INSERT INTO determination (decision_id, application_id, awarded, final_amount,"
                + " paid_before, cancelled_unpaid, direct_tier, determined_on, determined_at, determined_by,"
                + " objection_deadline) VALUES (?, ?, 4000, 3000, 3200, 800, FALSE, ?, ?, ?, ?)", decision,
                application, today, now, Fixtures.DECISION_MAKER, today.plusWeeks(6));
        TestDatabase.update("INSERT INTO reclaim (determination_id, application_id, amount, due_on, limitation_on,"
                + " debtor_name, status, created_at, version) VALUES ((SELECT id FROM determination WHERE"
                + " decision_id = ?), ?, 200, ?, ?, 'Stichting', 'OPEN', ?, 0)", decision, application,
                today.plusWeeks(6), today.plusYears(5), now);
        TestDatabase.update("INSERT INTO payment_instruction (decision_id, application_id, label, amount, due_on,"
                        + " payee_name, payee_iban, status, paid_on, created_at, version, kind) VALUES (?, ?,"
                        + " 'Voorschot', 3200, ?, 'Stichting', 'NL91ABNA0417164300', 'PAID', ?, ?, 0, 'SCHEDULE')",
                decision, application, today, today, now);
        TestDatabase.update("INSERT INTO report_request (application_id, decision_id, purpose, required_kind, due_on,"
                + " status, created_at, version) VALUES (?, ?, 'FINAL', 'ACTIVITY_REPORT', ?, 'ACCEPTED', ?, 0)",
                application, decision, today, now);
        long request = TestDatabase.count("SELECT id FROM report_request WHERE decision_id = ? AND purpose = 'FINAL'",
                decision);
        TestDatabase.update("INSERT INTO report (request_id, submitted_at, submitted_by, narrative, review_outcome,"
                + " reviewed_by, reviewed_at, participants_total) VALUES (?, ?, ?, 'Verslag', 'ACCEPTED', ?, ?, 24)",
                request, now,
                Fixtures.ORGANISER, Fixtures.OFFICER, now);
        long report = TestDatabase.count("SELECT id FROM report WHERE request_id = ?", request);
        for (long activity : List.of(plan.ownActivity(), plan.partnerActivity())) {
            TestDatabase.update("INSERT INTO report_activity (report_id, activity_id, participants, sessions,"
                    + " volunteers) VALUES (?, ?, 12, 3, 1)", report, activity);
        }
        TestDatabase.update("INSERT INTO report_indicator (report_id, position, name, indicator_value)"
                + " VALUES (?, 1, ?, ?)", report, "Indicator " + UUID.randomUUID(), new BigDecimal("5.00"));
    }
}
