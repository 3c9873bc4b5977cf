package nl.preventiefonds.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.flywaydb.core.Flyway;

/**
 * Generates a national-scale benchmark database (default {@code pf_bench}): 350 municipalities, 3,000
 * neighbourhoods with 10 years of care indicators, 100,000 applications in every state with their reviews,
 * decisions, payments, report requests and about 1.1 million report rows (report activity, indicator and
 * spending lines). Everything scales with {@code -Dbench.scale} (1.0 = national); the same seed gives the same
 * data. The schema comes from the application's own Flyway migrations.
 *
 * <p>Run by {@code mvn -Pbench verify} (see docs/performance.md), or alone with {@code -Dbench.load=false}.
 */
public final class BenchData {
    /** Every generated account has this password. */
    public static final String PASSWORD = "Preventie-2026";
    public static final String OFFICER = "adviseur1@bench.preventiefonds.nl";
    public static final String DECISION_MAKER = "beslisser1@bench.preventiefonds.nl";
    public static final String FUND_MANAGER = "beheerder1@bench.preventiefonds.nl";
    public static final String ORGANISER = "organisator1@bench.preventiefonds.nl";

    private static final String[] THEMES = {"MEETING_PLACE", "INFORMAL_CARE_SUPPORT", "PARENTING_SUPPORT",
            "DEBT_PREVENTION", "HEALTHY_LIVING", "LONELINESS"};
    private static final String[] TARGET_GROUPS = {"CHILDREN", "YOUNG_PEOPLE", "PARENTS", "ADULTS", "OLDER_PEOPLE",
            "INFORMAL_CARERS", "NEWCOMERS", "PEOPLE_WITH_DISABILITIES", "LOW_INCOME_HOUSEHOLDS"};
    private static final String[] CARE_DOMAINS = {"WMO", "YOUTH_CARE", "SHELTERED_HOUSING", "DEBT_RELIEF"};
    private static final String[] LEGAL_FORMS = {"FOUNDATION", "FOUNDATION", "ASSOCIATION", "INFORMAL_GROUP",
            "COOPERATIVE"};
    private static final String[] INDICATORS = {"WMO_CLIENTS_PER_1000", "YOUTH_CARE_PERCENT",
            "YOUTH_CARE_TRAJECTORIES", "SHELTERED_HOUSING_CLIENTS"};
    /** Status weights (out of 100): drafts to determined grants, as a mature national portfolio might hold. */
    private static final Object[][] STATUS_WEIGHTS = {{"DRAFT", 8}, {"SUBMITTED", 8}, {"INFORMATION_REQUESTED", 3},
            {"IN_ASSESSMENT", 6}, {"WITHDRAWN", 4}, {"REJECTED", 11}, {"AWARDED", 25}, {"PARTIALLY_AWARDED", 5},
            {"DETERMINED", 30}};
    static final int ACTIVITIES_PER_APPLICATION = 6;
    static final int YEARS = 10;
    private static final String IBAN = "NL91ABNA0417164300";

    private final Settings settings;
    private final SplittableRandom random;
    private final LocalDate today = LocalDate.now();
    private final int thisYear = today.getYear();
    private final Map<String, Long> counts = new LinkedHashMap<>();

    public record Settings(String host, int port, String database, String user, String password, String adminUser,
            String adminPassword, double scale, long seed) {
        public static Settings fromSystemProperties() {
            return new Settings(System.getProperty("pf.db.host", "127.0.0.1"),
                    Integer.parseInt(System.getProperty("pf.db.port", "3306")),
                    System.getProperty("bench.db.name", "pf_bench"), System.getProperty("bench.db.user", "pf_bench"),
                    System.getProperty("bench.db.password", "pf_bench"),
                    System.getProperty("pf.db.admin.user", "root"), System.getProperty("pf.db.admin.password", ""),
                    Double.parseDouble(System.getProperty("bench.scale", "1.0")),
                    Long.parseLong(System.getProperty("bench.seed", "20260101")));
        }

        String url(String db) {
            return "jdbc:mariadb://" + host + ":" + port + "/" + db;
        }

        int scaled(int full, int minimum) {
            return Math.max(minimum, (int) Math.round(full * scale));
        }
    }

    private BenchData(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        if (!Boolean.parseBoolean(System.getProperty("bench.generate", "true"))) {
            System.out.println("[bench] data generation skipped (-Dbench.generate=false), using " + settings.database());
            return;
        }
        new BenchData(settings).generate();
    }

    void generate() throws Exception {
        long start = System.nanoTime();
        recreateDatabase();
        Flyway.configure().dataSource(settings.url(settings.database()), settings.user(), settings.password())
                .locations("classpath:db/migration").load().migrate();
        long migrated = System.nanoTime();
        try (Connection c = DriverManager.getConnection(settings.url(settings.database()) + "?useCompression=false",
                settings.user(), settings.password())) {
            try (Statement s = c.createStatement()) {
                // Generated ids are consistent by construction; checks per row would only slow the load.
                s.execute("SET foreign_key_checks = 0");
                s.execute("SET unique_checks = 0");
            }
            c.setAutoCommit(false);
            fill(c);
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("SET foreign_key_checks = 1");
            }
        }
        long filled = System.nanoTime();
        try (Connection c = DriverManager.getConnection(settings.url(settings.database()), settings.user(),
                settings.password()); Statement s = c.createStatement()) {
            for (String table : counts.keySet()) {
                s.execute("ANALYZE TABLE " + table);
            }
        }
        long analysed = System.nanoTime();
        long rows = counts.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("[bench] database %s, scale %.3f, seed %d%n", settings.database(), settings.scale(),
                settings.seed());
        counts.forEach((table, n) -> System.out.printf("[bench]   %-26s %,12d%n", table, n));
        System.out.printf("[bench] %,d rows: migrate %.1f s, insert %.1f s (%,.0f rows/s), analyze %.1f s,"
                        + " total %.1f s%n", rows, secs(migrated - start), secs(filled - migrated),
                rows / secs(filled - migrated), secs(analysed - filled), secs(analysed - start));
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }

    private void recreateDatabase() throws SQLException {
        String db = settings.database();
        String user = settings.user();
        if (!db.matches("[A-Za-z0-9_]+") || !user.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("database and user names must be plain identifiers");
        }
        try (Connection c = DriverManager.getConnection(settings.url(""), settings.adminUser(),
                settings.adminPassword()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String host : List.of("localhost", "127.0.0.1")) {
                s.execute("CREATE OR REPLACE USER '" + user + "'@'" + host + "' IDENTIFIED BY '"
                        + settings.password().replace("'", "''") + "'");
                s.execute("GRANT ALL PRIVILEGES ON " + db + ".* TO '" + user + "'@'" + host + "'");
            }
        }
    }

    private SqlRows rows(Connection c, String table, String columns) {
        return new SqlRows(c, table, columns);
    }

    private void done(String table, SqlRows rows) throws SQLException {
        rows.close();
        counts.merge(table, rows.total(), Long::sum);
    }

    private int pick(int n) {
        return random.nextInt(n);
    }

    private LocalDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, pick(60), pick(60));
    }

    private void fill(Connection c) throws Exception {
        int municipalities = settings.scaled(350, 2);
        int neighbourhoods = Math.max(municipalities * 2, settings.scaled(3_000, 4));
        int partners = settings.scaled(2_000, 5);
        int applications = settings.scaled(100_000, 50);
        int organisers = Math.max(1, applications / 5);
        LocalDateTime now = LocalDateTime.now().withNano(0);
        String hash = passwordHash(PASSWORD);

        // Geography: neighbourhood n belongs to municipality (n % municipalities) + 1.
        SqlRows r = rows(c, "municipality", "id, code, name");
        for (int m = 1; m <= municipalities; m++) {
            r.row(m, String.format("GM%04d", m), "Gemeente " + m);
        }
        done("municipality", r);
        List<List<Integer>> neighbourhoodsOf = new ArrayList<>();
        for (int m = 0; m <= municipalities; m++) {
            neighbourhoodsOf.add(new ArrayList<>());
        }
        r = rows(c, "neighbourhood", "id, municipality_id, code, name");
        for (int n = 1; n <= neighbourhoods; n++) {
            int m = (n - 1) % municipalities + 1;
            neighbourhoodsOf.get(m).add(n);
            r.row(n, m, String.format("WK%04d%02d", m, neighbourhoodsOf.get(m).size()),
                    "Wijk " + neighbourhoodsOf.get(m).size() + " van gemeente " + m);
        }
        done("neighbourhood", r);

        r = rows(c, "partner_organisation", "id, name, kvk_number, kind");
        for (int p = 1; p <= partners; p++) {
            r.row(p, "Partnerorganisatie " + p, String.format("5%07d", p), p % 2 == 0 ? "library" : "welfare");
        }
        done("partner_organisation", r);

        // Accounts: ids 1..organisers are organisers; then per municipality an officer, a decision maker and a
        // fund manager; then one login per partner organisation.
        r = rows(c, "app_user", "id, email, display_name, password_hash, role, status, partner_id, preferred_locale,"
                + " failed_logins, created_at, version");
        long userId = 0;
        for (int o = 1; o <= organisers; o++) {
            r.row(++userId, "organisator" + o + "@bench.preventiefonds.nl", "Organisator " + o, hash, "ORGANISER",
                    "ACTIVE", null, "nl", 0, now, 0);
        }
        long firstOfficer = userId + 1;
        for (int m = 1; m <= municipalities; m++) {
            r.row(++userId, "adviseur" + m + "@bench.preventiefonds.nl", "Adviseur " + m, hash, "OFFICER", "ACTIVE",
                    null, "nl", 0, now, 0);
            r.row(++userId, "beslisser" + m + "@bench.preventiefonds.nl", "Beslisser " + m, hash, "DECISION_MAKER",
                    "ACTIVE", null, "nl", 0, now, 0);
            r.row(++userId, "beheerder" + m + "@bench.preventiefonds.nl", "Beheerder " + m, hash, "FUND_MANAGER",
                    "ACTIVE", null, "nl", 0, now, 0);
        }
        for (int p = 1; p <= partners; p++) {
            r.row(++userId, "partner" + p + "@bench.preventiefonds.nl", "Partner " + p, hash, "PARTNER", "ACTIVE", p,
                    "nl", 0, now, 0);
        }
        done("app_user", r);

        // One fund per municipality with a budget for every year, and one call per fund and year.
        SqlRows funds = rows(c, "fund", "id, municipality_id, name, description, total_budget, version");
        SqlRows years = rows(c, "fund_year_budget", "fund_id, budget_year, budget, committed");
        SqlRows calls = rows(c, "funding_call", "id, fund_id, title, opens_at, closes_at, max_amount,"
                + " decision_term_weeks, version, description, min_amount, budget_year");
        SqlRows themes = rows(c, "call_theme", "call_id, theme");
        SqlRows criteria = rows(c, "call_criterion", "id, call_id, position, name, weight_percent");
        SqlRows tiers = rows(c, "call_determination_tier", "call_id, position, up_to_amount, report_kind");
        int firstYear = thisYear - YEARS + 1;
        long callId = 0;
        for (int m = 1; m <= municipalities; m++) {
            funds.row(m, m, "Preventiefonds gemeente " + m, "Benchmarkfonds", new BigDecimal("100000000.00"), 0);
            for (int y = firstYear; y <= thisYear + 1; y++) {
                years.row(m, y, new BigDecimal("50000000.00"), BigDecimal.ZERO);
            }
            for (int y = firstYear; y <= thisYear; y++) {
                callId++;
                calls.row(callId, m, "Ronde " + y + " gemeente " + m, LocalDate.of(y, 1, 1).atStartOfDay(),
                        LocalDate.of(y, 12, 31).atTime(17, 0), new BigDecimal("50000.00"), 8, 0,
                        "Oproep " + y, new BigDecimal("500.00"), y);
                themes.row(callId, THEMES[(int) (callId % THEMES.length)]);
                themes.row(callId, THEMES[(int) ((callId + 3) % THEMES.length)]);
                String[] names = {"Bijdrage aan preventie", "Bereik in de wijk", "Samenwerking", "Haalbaarheid"};
                int[] weights = {40, 25, 20, 15};
                for (int k = 0; k < 4; k++) {
                    criteria.row((callId - 1) * 4 + k + 1, callId, k + 1, names[k], weights[k]);
                }
                tiers.row(callId, 1, new BigDecimal("5000.00"), "NONE");
                tiers.row(callId, 2, new BigDecimal("50000.00"), "ACTIVITY_REPORT");
                tiers.row(callId, 3, null, "ACTIVITY_AND_FINANCIAL_REPORT");
            }
        }
        done("fund", funds);
        done("fund_year_budget", years);
        done("funding_call", calls);
        done("call_theme", themes);
        done("call_criterion", criteria);
        done("call_determination_tier", tiers);
        c.commit();

        applications(c, municipalities, neighbourhoodsOf, partners, applications, organisers, firstOfficer, now);
        indicators(c, municipalities, neighbourhoodsOf, now);
    }

    private void applications(Connection c, int municipalities, List<List<Integer>> neighbourhoodsOf, int partners,
            int applications, int organisers, long firstOfficer, LocalDateTime now) throws Exception {
        SqlRows app = rows(c, "application", "id, reference, call_id, owner_id, status, current_step, org_name,"
                + " org_legal_form, org_kvk_number, org_iban, org_account_holder, org_is_undertaking, contact_name,"
                + " contact_email, contact_phone, de_minimis_declared, title, summary, description, start_date,"
                + " end_date, total_costs, co_funding, requested_amount, created_at, updated_at, submitted_at,"
                + " received_on, decision_due_on, intake_completed_at, withdrawn_at, withdrawal_reason, version");
        SqlRows appNb = rows(c, "application_neighbourhood", "application_id, neighbourhood_id");
        SqlRows appTheme = rows(c, "application_theme", "application_id, theme");
        SqlRows appGroup = rows(c, "application_target_group", "application_id, target_group");
        SqlRows appDomain = rows(c, "application_care_domain", "application_id, care_domain");
        SqlRows appPartner = rows(c, "application_partner", "application_id, partner_id");
        SqlRows activity = rows(c, "application_activity", "id, application_id, position, name, description,"
                + " planned_participants, planned_sessions, planned_volunteers, delivered_by_partner_id");
        SqlRows budget = rows(c, "budget_line", "application_id, position, kind, description, amount, hours");
        SqlRows info = rows(c, "information_request", "application_id, requested_at, requested_on, requested_by,"
                + " message, answer_deadline");
        SqlRows review = rows(c, "review_assignment", "id, application_id, reviewer_id, assigned_at, assigned_by,"
                + " conflict_of_interest, declared_at, advice, advised_amount, advice_reasons, weighted_score,"
                + " completed_at, version");
        SqlRows score = rows(c, "review_score", "assignment_id, criterion_id, score, rationale");
        SqlRows decision = rows(c, "grant_decision", "id, application_id, outcome, amount, budget_year, fund_id,"
                + " reasons, obligations, advance_percent, report_kind, report_due_on, decided_at, decided_on,"
                + " decided_by, objection_deadline");
        SqlRows tranche = rows(c, "payment_tranche", "id, decision_id, position, label, due_on, amount");
        SqlRows payment = rows(c, "payment_instruction", "decision_id, tranche_id, application_id, label, amount,"
                + " due_on, payee_name, payee_iban, status, paid_on, paid_by, bank_reference, created_at, version,"
                + " kind, determination_id");
        SqlRows request = rows(c, "report_request", "id, application_id, decision_id, partner_id, purpose,"
                + " required_kind, due_on, status, created_at, version");
        SqlRows report = rows(c, "report", "id, request_id, submitted_at, submitted_by, via_upload, narrative,"
                + " review_outcome, review_note, reviewed_by, reviewed_at, participants_total");
        SqlRows reportActivity = rows(c, "report_activity", "report_id, activity_id, participants, sessions,"
                + " volunteers, note");
        SqlRows reportIndicator = rows(c, "report_indicator", "report_id, position, name, indicator_value");
        SqlRows reportSpending = rows(c, "report_spending", "report_id, position, budget_line_id, description,"
                + " budgeted, spent");
        SqlRows determination = rows(c, "determination", "id, decision_id, application_id, awarded, final_amount,"
                + " paid_before, cancelled_unpaid, reasons, direct_tier, determined_on, determined_at, determined_by,"
                + " objection_deadline");

        int callsPerFund = YEARS;
        long decisionId = 0;
        long trancheId = 0;
        long requestId = 0;
        long reportId = 0;
        long reviewId = 0;
        long determinationId = 0;
        String[] outcomeIndicators = {"Deelnemers die zich minder eenzaam voelen", "Huishoudens met minder schulden",
                "Ouders met meer vertrouwen in opvoeding"};
        for (int a = 1; a <= applications; a++) {
            int municipality = pick(municipalities) + 1;
            int yearIndex = pick(callsPerFund); // 0 = oldest year
            int callYear = thisYear - YEARS + 1 + yearIndex;
            long call = (long) (municipality - 1) * callsPerFund + yearIndex + 1;
            long owner = (a - 1) / 5 + 1 > organisers ? organisers : (a - 1) / 5 + 1;
            long officer = firstOfficer + (municipality - 1) * 3L;
            String officerEmail = "adviseur" + municipality + "@bench.preventiefonds.nl";
            String deciderEmail = "beslisser" + municipality + "@bench.preventiefonds.nl";
            String status = status();
            LocalDate created = today.minusDays((long) (thisYear - callYear) * 365 + 60 + pick(240));
            LocalDate submitted = created.plusDays(3);
            LocalDate decidedOn = submitted.plusDays(40);
            LocalDate startDate = decidedOn.plusDays(30);
            LocalDate endDate = startDate.plusYears(1);
            LocalDate determinedOn = endDate.plusWeeks(12);
            if ("DETERMINED".equals(status) && determinedOn.isAfter(today)) {
                status = "AWARDED";
            }
            boolean draft = "DRAFT".equals(status);
            boolean decided = List.of("REJECTED", "AWARDED", "PARTIALLY_AWARDED", "DETERMINED").contains(status);
            boolean intakeDone = decided || "IN_ASSESSMENT".equals(status);
            boolean award = decided && !"REJECTED".equals(status);
            BigDecimal requested = BigDecimal.valueOf(1_000L + pick(50) * 1_000L).setScale(2);
            BigDecimal costs = requested.add(BigDecimal.valueOf(pick(10) * 500L)).setScale(2);
            String org = (a % 7 == 0 ? "Buurtvereniging " : "Stichting ") + "Initiatief " + owner;
            String legal = LEGAL_FORMS[(int) (owner % LEGAL_FORMS.length)];
            String reference = draft ? null : String.format("PF-%d-%06d", callYear, a);
            String title = "Initiatief " + a + ": " + THEMES[a % THEMES.length].toLowerCase().replace('_', ' ')
                    + " in de wijk";
            app.row(a, reference, call, owner, status, draft ? 2 : 6, org, legal,
                    "INFORMAL_GROUP".equals(legal) ? null : String.format("4%07d", owner), IBAN, org, false,
                    "Contact " + owner, "organisator" + owner + "@bench.preventiefonds.nl", "0612345678", true, title,
                    "Samenvatting van initiatief " + a,
                    "Beschrijving van initiatief " + a + " voor bewoners van de wijk.",
                    startDate, endDate, costs, costs.subtract(requested), requested, at(created, 9),
                    at(draft ? created : submitted, 12), draft ? null : at(submitted, 11), draft ? null : submitted,
                    draft ? null : submitted.plusWeeks(8), intakeDone ? at(submitted.plusDays(5), 10) : null,
                    "WITHDRAWN".equals(status) ? at(submitted.plusDays(10), 15) : null,
                    "WITHDRAWN".equals(status) ? "Initiatief gaat niet door" : null, 1);
            List<Integer> own = neighbourhoodsOf.get(municipality);
            int nb1 = own.get(pick(own.size()));
            appNb.row(a, nb1);
            if (own.size() > 1 && pick(3) == 0) {
                int nb2 = own.get(pick(own.size()));
                if (nb2 != nb1) {
                    appNb.row(a, nb2);
                }
            }
            appTheme.row(a, THEMES[a % THEMES.length]);
            appGroup.row(a, TARGET_GROUPS[pick(TARGET_GROUPS.length)]);
            appDomain.row(a, CARE_DOMAINS[pick(CARE_DOMAINS.length)]);
            Integer partner = pick(10) < 3 ? pick(partners) + 1 : null;
            if (partner != null) {
                appPartner.row(a, partner);
            }
            long firstActivity = (long) (a - 1) * ACTIVITIES_PER_APPLICATION + 1;
            for (int k = 0; k < ACTIVITIES_PER_APPLICATION; k++) {
                activity.row(firstActivity + k, a, k + 1, "Activiteit " + (k + 1), "Bijeenkomsten in de wijk",
                        10 + pick(90), 5 + pick(40), 1 + pick(8), partner != null && k == 1 ? partner : null);
            }
            budget.row(a, 1, "COST", "Huur en materialen", costs, null);
            if (costs.compareTo(requested) > 0) {
                budget.row(a, 2, "CO_FUNDING", "Eigen bijdrage", costs.subtract(requested), null);
            }
            if ("INFORMATION_REQUESTED".equals(status)) {
                info.row(a, at(submitted.plusDays(4), 10), submitted.plusDays(4), officerEmail,
                        "Graag de begroting nader toelichten.", submitted.plusDays(18));
            }
            if (intakeDone) {
                reviewId++;
                review.row(reviewId, a, officer, at(submitted.plusDays(6), 9), officerEmail, false,
                        at(submitted.plusDays(7), 9), "REJECTED".equals(status) ? "REJECT" : "AWARD", requested,
                        "Advies op grond van de criteria", new BigDecimal("7.00"), at(submitted.plusDays(20), 16), 1);
                for (int k = 0; k < 4; k++) {
                    score.row(reviewId, (call - 1) * 4 + k + 1, 5 + pick(5), "Onderbouwing");
                }
            }
            if (!decided) {
                continue;
            }
            decisionId++;
            BigDecimal amount = !award ? BigDecimal.ZERO.setScale(2) : "PARTIALLY_AWARDED".equals(status)
                    ? requested.multiply(new BigDecimal("0.7")).setScale(2, RoundingMode.HALF_UP) : requested;
            String kind = award ? (amount.compareTo(new BigDecimal("5000")) <= 0 ? "NONE" : "ACTIVITY_REPORT")
                    : null;
            decision.row(decisionId, a, !award ? "REJECT" : "PARTIALLY_AWARDED".equals(status) ? "PARTIAL_AWARD"
                            : "AWARD", amount, callYear, municipality, "Besluit op grond van de regeling",
                    award ? "Rapporteren over de activiteiten" : null, award ? 80 : 0, kind,
                    award ? endDate.plusWeeks(8) : null, at(decidedOn, 14), decidedOn, deciderEmail,
                    decidedOn.plusWeeks(6));
            if (!award) {
                continue;
            }
            BigDecimal advance = amount.multiply(new BigDecimal("0.8")).setScale(2, RoundingMode.HALF_UP);
            LocalDate advanceDue = decidedOn.plusDays(14);
            trancheId++;
            tranche.row(trancheId, decisionId, 1, "Voorschot", advanceDue, advance);
            boolean advancePaid = !advanceDue.isAfter(today);
            payment.row(decisionId, trancheId, a, "Voorschot", advance, advanceDue, org, IBAN,
                    advancePaid ? "PAID" : "DUE", advancePaid ? advanceDue : null,
                    advancePaid ? "beheerder" + municipality + "@bench.preventiefonds.nl" : null,
                    advancePaid ? "BANK-" + trancheId : null, at(decidedOn, 14), 0, "SCHEDULE", null);
            boolean determined = "DETERMINED".equals(status);
            // Three progress reports and a final report; past ones mostly accepted.
            LocalDate[] dues = {startDate.plusMonths(3), startDate.plusMonths(6), startDate.plusMonths(9),
                    endDate.plusWeeks(8)};
            for (int q = 0; q < dues.length; q++) {
                requestId++;
                boolean past = !dues[q].isAfter(today);
                String requestStatus = determined ? "ACCEPTED" : !past ? "OPEN"
                        : pick(10) < 7 ? "ACCEPTED" : pick(3) == 0 ? "OPEN" : "SUBMITTED";
                request.row(requestId, a, decisionId, null, q == 3 ? "FINAL" : "PROGRESS", "ACTIVITY_REPORT",
                        dues[q], requestStatus, at(decidedOn, 14), 0);
                if ("OPEN".equals(requestStatus)) {
                    continue;
                }
                reportId++;
                boolean accepted = "ACCEPTED".equals(requestStatus);
                LocalDate submittedOn = dues[q].minusDays(5);
                int[][] reach = new int[ACTIVITIES_PER_APPLICATION][];
                int participantsTotal = 0;
                for (int k = 0; k < ACTIVITIES_PER_APPLICATION; k++) {
                    reach[k] = new int[] {5 + pick(80), 2 + pick(12), pick(6)};
                    participantsTotal += reach[k][0];
                }
                report.row(reportId, requestId, at(submittedOn, 20), "organisator" + owner + "@bench.preventiefonds.nl",
                        false, "Verslag van de activiteiten in deze periode.", accepted ? "ACCEPTED" : null,
                        accepted ? "Akkoord" : null, accepted ? officerEmail : null,
                        accepted ? at(submittedOn.plusDays(3), 11) : null, participantsTotal);
                for (int k = 0; k < ACTIVITIES_PER_APPLICATION; k++) {
                    reportActivity.row(reportId, firstActivity + k, reach[k][0], reach[k][1], reach[k][2], null);
                }
                reportIndicator.row(reportId, 1, outcomeIndicators[a % outcomeIndicators.length],
                        BigDecimal.valueOf(pick(100)).setScale(2));
                reportSpending.row(reportId, 1, null, "Huur en materialen", amount,
                        amount.multiply(BigDecimal.valueOf(20 + pick(80))).divide(BigDecimal.valueOf(100), 2,
                                RoundingMode.HALF_UP));
            }
            if (determined) {
                determinationId++;
                determination.row(determinationId, decisionId, a, amount, amount, advance, BigDecimal.ZERO.setScale(2),
                        "Vastgesteld op het verleende bedrag", false, determinedOn, at(determinedOn, 10),
                        officerEmail, determinedOn.plusWeeks(6));
                BigDecimal balance = amount.subtract(advance);
                if (balance.signum() > 0) {
                    payment.row(decisionId, null, a, "Saldo na vaststelling", balance, determinedOn.plusDays(14), org,
                            IBAN, "PAID", determinedOn.plusDays(14), "beheerder" + municipality
                                    + "@bench.preventiefonds.nl", "BANK-D" + determinationId, at(determinedOn, 10), 0,
                            "BALANCE", determinationId);
                }
            }
            if (a % 10_000 == 0) {
                c.commit();
                System.out.printf("[bench]   %,d applications%n", a);
            }
        }
        done("application", app);
        done("application_neighbourhood", appNb);
        done("application_theme", appTheme);
        done("application_target_group", appGroup);
        done("application_care_domain", appDomain);
        done("application_partner", appPartner);
        done("application_activity", activity);
        done("budget_line", budget);
        done("information_request", info);
        done("review_assignment", review);
        done("review_score", score);
        done("grant_decision", decision);
        done("payment_tranche", tranche);
        done("payment_instruction", payment);
        done("report_request", request);
        done("report", report);
        done("report_activity", reportActivity);
        done("report_indicator", reportIndicator);
        done("report_spending", reportSpending);
        done("determination", determination);
        c.commit();
    }

    /** Ten years of four care indicators for every neighbourhood, one import per municipality. */
    private void indicators(Connection c, int municipalities, List<List<Integer>> neighbourhoodsOf, LocalDateTime now)
            throws SQLException {
        SqlRows imports = rows(c, "care_indicator_import", "id, municipality_id, imported_at, imported_by, file_shape,"
                + " row_count, value_count, suppressed_count, replaced_count, periods");
        SqlRows values = rows(c, "care_indicator_value", "neighbourhood_id, period_label, period_start, indicator,"
                + " indicator_value, suppressed, imported_at, import_id");
        int firstYear = thisYear - YEARS;
        for (int m = 1; m <= municipalities; m++) {
            List<Integer> own = neighbourhoodsOf.get(m);
            imports.row(m, m, now, "beheerder" + m + "@bench.preventiefonds.nl", "LONG", own.size() * YEARS,
                    own.size() * YEARS * INDICATORS.length, 0, 0, firstYear + "-" + (firstYear + YEARS - 1));
            for (int n : own) {
                double base = 40 + pick(40);
                for (int y = firstYear; y < firstYear + YEARS; y++) {
                    for (int i = 0; i < INDICATORS.length; i++) {
                        double v = (i == 1 ? base / 4 : base * (i + 1)) * (1 + (random.nextDouble() - 0.5) / 10);
                        values.row(n, String.valueOf(y), LocalDate.of(y, 1, 1), INDICATORS[i],
                                BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP), false, now, m);
                    }
                }
            }
        }
        done("care_indicator_import", imports);
        done("care_indicator_value", values);
        c.commit();
    }

    private String status() {
        int roll = pick(100);
        for (Object[] w : STATUS_WEIGHTS) {
            roll -= (Integer) w[1];
            if (roll < 0) {
                return (String) w[0];
            }
        }
        return "DETERMINED";
    }

    /** The format of Jakarta Security's Pbkdf2PasswordHash with the application's parameters (PasswordHasher). */
    static String passwordHash(String password) throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 210_000, 64 * 8)).getEncoded();
        return "PBKDF2WithHmacSHA512:210000:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
