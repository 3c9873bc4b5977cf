import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load and checks for scripts/faults/run-faults.sh. One file, JDK only plus the MariaDB driver, so the script can
 * run it with the source launcher (java -cp mariadb-java-client.jar FaultDriver.java ...).
 *
 * <pre>
 * prepare  JDBC DIR APPS AMOUNT BUDGET     a fund, a call and APPS applications ready to decide (Fixtures' way)
 * load     BASE DIR SECONDS SUBMITTERS DECIDERS   submissions and awards until SECONDS passed; acks to DIR
 * verify   JDBC DIR                        after a crash: every ack present, no half-written award, no overcommit
 * outage   BASE DIR                        one JSF page and one API call while the database is down
 * session  LB_BASE KILL_SCRIPT             log in through the balancer, kill the serving node, carry on
 * </pre>
 */
public class FaultDriver {
    static final String ORGANISER = "organisator@demo.preventiefonds.nl";
    static final String OFFICER = "adviseur@demo.preventiefonds.nl";
    static final String DECISION_MAKER = "beslisser@demo.preventiefonds.nl";
    static final String PASSWORD = "Preventie-2026";
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    static int failures;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "prepare" -> prepare(args[1], Path.of(args[2]), Integer.parseInt(args[3]), args[4], args[5]);
            case "load" -> load(URI.create(args[1]), Path.of(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "verify" -> verify(args[1], Path.of(args[2]));
            case "outage" -> outage(URI.create(args[1]), Path.of(args[2]));
            case "session" -> session(URI.create(args[1]), args[2]);
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    static void check(boolean ok, String what) {
        System.out.println((ok ? "PASS " : "FAIL ") + what);
        if (!ok) {
            failures++;
        }
    }

    // ---------------------------------------------------------------- prepare

    static void prepare(String jdbc, Path dir, int applications, String amount, String budget) throws Exception {
        Files.createDirectories(dir);
        try (Connection db = DriverManager.getConnection(jdbc)) {
            int year = LocalDate.now(AMSTERDAM).getYear();
            long submitCall = one(db, "SELECT id FROM funding_call WHERE title LIKE 'Ronde %' ORDER BY id LIMIT 1");
            long municipality = one(db, "SELECT MIN(id) FROM municipality");
            String name = "Storingsfonds " + UUID.randomUUID();
            update(db, "INSERT INTO fund (municipality_id, name, total_budget, version) VALUES (?, ?, ?, 0)",
                    municipality, name, new BigDecimal(budget));
            long fund = one(db, "SELECT id FROM fund WHERE name = ?", name);
            update(db, "INSERT INTO fund_year_budget (fund_id, budget_year, budget) VALUES (?, ?, ?)", fund, year,
                    new BigDecimal(budget));
            update(db, "INSERT INTO funding_call (fund_id, title, opens_at, closes_at, max_amount, min_amount,"
                    + " decision_term_weeks, budget_year, version) VALUES (?, ?, ?, ?, 50000, 0, 8, ?, 0)", fund, "Storingsronde " + name, utc().minusDays(30), utc().plusDays(30), year);
            long call = one(db, "SELECT id FROM funding_call WHERE fund_id = ?", fund);
            update(db, "INSERT INTO call_determination_tier (call_id, position, up_to_amount, report_kind)"
                    + " VALUES (?, 1, 5000.00, 'NONE'), (?, 2, NULL, 'ACTIVITY_REPORT')", call, call);
            update(db, "INSERT INTO call_criterion (call_id, position, name, weight_percent)"
                    + " VALUES (?, 1, 'Bijdrage aan preventie', 100)", call);
            long owner = one(db, "SELECT id FROM app_user WHERE email = ?", ORGANISER);
            long reviewer = one(db, "SELECT id FROM app_user WHERE email = ?", OFFICER);
            List<String> ids = new ArrayList<>();
            LocalDate today = LocalDate.now(AMSTERDAM);
            for (int i = 0; i < applications; i++) {
                String reference = "F-" + UUID.randomUUID().toString().substring(0, 13);
                update(db, "INSERT INTO application (reference, call_id, owner_id, status, org_name, org_legal_form,"
                                + " org_kvk_number, org_iban, org_account_holder, contact_name, contact_email, title,"
                                + " summary, start_date, end_date, total_costs, co_funding, requested_amount,"
                                + " created_at, updated_at, submitted_at, received_on, decision_due_on,"
                                + " intake_completed_at, version, municipality_id) VALUES (?, ?, ?, 'IN_ASSESSMENT', 'Stichting Storing',"
                                + " 'FOUNDATION', '40012345', 'NL91ABNA0417164300', 'Stichting Storing', 'Anna de Vries',"
                                + " ?, ?, 'Samenvatting', ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 0, (SELECT f.municipality_id FROM funding_call c"
                                + " JOIN fund f ON f.id = c.fund_id WHERE c.id = ?))",
                        reference, call, owner, ORGANISER, "Storingsaanvraag " + i, today.plusMonths(1),
                        today.plusMonths(11), new BigDecimal(amount), new BigDecimal(amount), utc(), utc(), utc(),
                        today, today.plusWeeks(8), utc(), call);
                long id = one(db, "SELECT id FROM application WHERE reference = ?", reference);
                update(db, "INSERT INTO review_assignment (application_id, reviewer_id, assigned_at, assigned_by,"
                        + " conflict_of_interest, declared_at, advice, advised_amount, weighted_score, completed_at,"
                        + " version) VALUES (?, ?, ?, ?, FALSE, ?, 'AWARD', ?, 7.00, ?, 0)", id, reviewer, utc(),
                        OFFICER, utc(), new BigDecimal(amount), utc());
                ids.add(Long.toString(id));
            }
            Properties fixture = new Properties();
            fixture.setProperty("fund", Long.toString(fund));
            fixture.setProperty("year", Integer.toString(year));
            fixture.setProperty("budget", budget);
            fixture.setProperty("decideCall", Long.toString(call));
            fixture.setProperty("submitCall", Long.toString(submitCall));
            fixture.setProperty("applications", String.join(",", ids));
            fixture.setProperty("neighbourhoods", String.join(",", column(db,
                    "SELECT id FROM neighbourhood WHERE name IN ('Pittelo', 'Lariks')")));
            fixture.setProperty("partner", Long.toString(one(db,
                    "SELECT id FROM partner_organisation WHERE name LIKE 'Bibliotheek Assen%' ORDER BY id LIMIT 1")));
            try (var out = Files.newBufferedWriter(dir.resolve("fixture.properties"))) {
                fixture.store(out, "scripts/faults");
            }
            System.out.printf("prepared fund %d (budget %s), %d applications of %s to decide, submissions to call %d%n",
                    fund, budget, applications, amount, submitCall);
        }
    }

    // ---------------------------------------------------------------- load

    /** Results over time, to find the outage and the recovery in. */
    record Event(long atMillis, String kind, int status) {
    }

    static final ConcurrentLinkedQueue<Event> EVENTS = new ConcurrentLinkedQueue<>();
    static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    static final Map<String, String> FAILURE_SAMPLES = new ConcurrentHashMap<>();

    static void load(URI base, Path dir, int seconds, int submitters, int deciders) throws Exception {
        Properties fixture = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("fixture.properties"))) {
            fixture.load(in);
        }
        ConcurrentLinkedQueue<Long> toDecide = new ConcurrentLinkedQueue<>();
        for (String id : fixture.getProperty("applications").split(",")) {
            toDecide.add(Long.parseLong(id));
        }
        long end = System.currentTimeMillis() + seconds * 1000L;
        stopFile = dir.resolve("stop");
        try (PrintWriter submitted = new PrintWriter(Files.newBufferedWriter(dir.resolve("submitted.txt")), true);
             PrintWriter awarded = new PrintWriter(Files.newBufferedWriter(dir.resolve("awarded.txt")), true);
             PrintWriter refused = new PrintWriter(Files.newBufferedWriter(dir.resolve("refused.txt")), true)) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < submitters; i++) {
                threads.add(daemon(() -> submitLoop(base, fixture, end, submitted)));
            }
            for (int i = 0; i < deciders; i++) {
                threads.add(daemon(() -> decideLoop(base, toDecide, end, awarded, refused)));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
        }
        List<Event> events = new ArrayList<>(EVENTS);
        events.sort((a, b) -> Long.compare(a.atMillis(), b.atMillis()));
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(dir.resolve("events.txt")))) {
            events.forEach(e -> out.println(e.atMillis() + " " + e.kind() + " " + e.status()));
        }
        long acks = events.stream().filter(e -> e.kind().startsWith("ack")).count();
        long failed = events.stream().filter(e -> e.kind().equals("fail")).count();
        System.out.printf("load: %d acknowledged (%d submissions, %d awards), %d refused by the rules, %d failed%n",
                acks, events.stream().filter(e -> e.kind().equals("ack-submit")).count(),
                events.stream().filter(e -> e.kind().equals("ack-award")).count(),
                events.stream().filter(e -> e.kind().equals("refused")).count(), failed);
        new TreeMap<>(FAILURES).forEach((k, v) -> System.out.printf("  failed %-40s %5d  e.g. %s%n", k, v.get(),
                FAILURE_SAMPLES.get(k)));
        // The outage is the stretch between the last success before the first failure and the first success after
        // the last failure.
        Long firstFail = events.stream().filter(e -> e.kind().equals("fail")).map(Event::atMillis).findFirst()
                .orElse(null);
        if (firstFail != null) {
            long lastFail = events.stream().filter(e -> e.kind().equals("fail")).mapToLong(Event::atMillis).max()
                    .orElseThrow();
            Long recovered = events.stream().filter(e -> e.kind().startsWith("ack") && e.atMillis() > lastFail)
                    .map(Event::atMillis).findFirst().orElse(null);
            Files.writeString(dir.resolve("timeline.properties"), "firstFailure=" + firstFail + "\nlastFailure="
                    + lastFail + "\nrecovered=" + (recovered == null ? "" : recovered) + "\n");
        }
    }

    static Path stopFile;

    /** Until the deadline, or until the script touches DIR/stop. */
    static boolean running(long end) {
        return System.currentTimeMillis() < end && !Files.exists(stopFile);
    }

    static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    }

    static void fail(String what, HttpResponse<String> response, Exception e) {
        String key = response != null ? what + " HTTP " + response.statusCode() : what + " " + e.getClass().getSimpleName();
        FAILURES.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        String sample = response != null ? response.body() : String.valueOf(e.getMessage());
        FAILURE_SAMPLES.putIfAbsent(key, sample == null ? "" : sample.replaceAll("\\s+", " ")
                .substring(0, Math.min(160, sample.replaceAll("\\s+", " ").length())));
        EVENTS.add(new Event(System.currentTimeMillis(), "fail", response == null ? 0 : response.statusCode()));
        pause(250);
    }

    static void submitLoop(URI base, Properties fixture, long end, PrintWriter acks) {
        Web web = new Web(base);
        boolean loggedIn = false;
        while (running(end)) {
            HttpResponse<String> response = null;
            try {
                if (!loggedIn) {
                    response = web.login(ORGANISER, PASSWORD);
                    if (response.statusCode() != 302) {
                        fail("login", response, null);
                        continue;
                    }
                    loggedIn = true;
                }
                response = web.api("POST", "calls/" + fixture.getProperty("submitCall") + "/applications", null);
                if (response.statusCode() != 201) {
                    loggedIn = response.statusCode() != 401;
                    fail("create", response, null);
                    continue;
                }
                long id = number(response.body(), "id");
                response = web.api("GET", "applications/" + id + "/form", null);
                if (response.statusCode() != 200) {
                    fail("form", response, null);
                    continue;
                }
                response = web.api("PUT", "applications/" + id + "/form", form(id, number(response.body(), "version"),
                        fixture));
                if (response.statusCode() != 200) {
                    fail("save", response, null);
                    continue;
                }
                response = web.api("POST", "applications/" + id + "/submit", null);
                if (response.statusCode() != 200) {
                    fail("submit", response, null);
                    continue;
                }
                acks.println(id + " " + text(response.body(), "reference"));
                EVENTS.add(new Event(System.currentTimeMillis(), "ack-submit", 200));
            } catch (IOException e) {
                loggedIn = false;
                fail("submission", null, e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static void decideLoop(URI base, ConcurrentLinkedQueue<Long> toDecide, long end, PrintWriter acks,
                           PrintWriter refused) {
        Web web = new Web(base);
        boolean loggedIn = false;
        while (running(end)) {
            Long id = toDecide.poll();
            if (id == null) {
                pause(200);
                continue;
            }
            HttpResponse<String> response = null;
            try {
                if (!loggedIn) {
                    response = web.login(DECISION_MAKER, PASSWORD);
                    if (response.statusCode() != 302) {
                        toDecide.add(id);
                        fail("login", response, null);
                        continue;
                    }
                    loggedIn = true;
                }
                response = web.api("POST", "applications/" + id + "/decision",
                        "{\"outcome\":\"AWARD\",\"advancePercent\":80,\"reasons\":\"Past in de regeling.\"}");
                if (response.statusCode() == 200) {
                    acks.println(id);
                    EVENTS.add(new Event(System.currentTimeMillis(), "ack-award", 200));
                } else if (response.statusCode() == 422) {
                    // The rules said no (budget used up, or an award that did commit before a crash): not a failure.
                    refused.println(id + " " + text(response.body(), "key"));
                    EVENTS.add(new Event(System.currentTimeMillis(), "refused", 422));
                } else {
                    loggedIn = response.statusCode() != 401;
                    toDecide.add(id);
                    fail("award", response, null);
                }
            } catch (IOException e) {
                loggedIn = false;
                toDecide.add(id);
                fail("award", null, e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static String form(long id, long version, Properties fixture) {
        LocalDate start = LocalDate.now(AMSTERDAM).plusMonths(1);
        return "{\"id\":" + id + ",\"version\":" + version
                + ",\"organisationName\":\"Stichting Buurtkracht Pittelo\",\"legalForm\":\"FOUNDATION\""
                + ",\"kvkNumber\":\"40012345\",\"iban\":\"NL91ABNA0417164300\",\"accountHolder\":\"Stichting Buurtkracht\""
                + ",\"contactName\":\"Anna de Vries\",\"contactEmail\":\"" + ORGANISER + "\""
                + ",\"title\":\"Buurtkamer onder belasting\",\"summary\":\"Een buurtkamer waar ouderen elkaar ontmoeten.\""
                + ",\"description\":\"Elke week open, met vrijwilligers.\",\"theoryOfChange\":\"Minder eenzaamheid.\""
                + ",\"startDate\":\"" + start + "\",\"endDate\":\"" + start.plusMonths(10) + "\""
                + ",\"neighbourhoodIds\":[" + fixture.getProperty("neighbourhoods") + "]"
                + ",\"themes\":[\"MEETING_PLACE\"],\"targetGroups\":[\"OLDER_PEOPLE\"],\"careDomains\":[\"WMO\"]"
                + ",\"partnerIds\":[" + fixture.getProperty("partner") + "]"
                + ",\"activities\":[{\"name\":\"Wekelijkse inloop\",\"plannedParticipants\":40,\"plannedSessions\":40,"
                + "\"plannedVolunteers\":6}]"
                + ",\"budgetLines\":[{\"kind\":\"COST\",\"description\":\"Huur\",\"amount\":6000.00}]}";
    }

    // ---------------------------------------------------------------- verify after kill -9

    static void verify(String jdbc, Path dir) throws Exception {
        Properties fixture = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("fixture.properties"))) {
            fixture.load(in);
        }
        long fund = Long.parseLong(fixture.getProperty("fund"));
        long call = Long.parseLong(fixture.getProperty("decideCall"));
        List<String> submitted = Files.readAllLines(dir.resolve("submitted.txt"));
        List<String> awarded = Files.readAllLines(dir.resolve("awarded.txt"));
        try (Connection db = DriverManager.getConnection(jdbc)) {
            int missing = 0;
            for (String line : submitted) {
                String[] parts = line.split(" ");
                long present = one(db, "SELECT COUNT(*) FROM application a WHERE a.id = ? AND a.reference = ?"
                        + " AND a.status = 'SUBMITTED' AND a.submitted_at IS NOT NULL"
                        + " AND EXISTS (SELECT 1 FROM issued_document d WHERE d.application_id = a.id AND d.kind = 'RECEIPT')"
                        + " AND EXISTS (SELECT 1 FROM audit_entry e WHERE e.action = 'APPLICATION_SUBMITTED'"
                        + " AND CAST(e.subject_id AS UNSIGNED) = a.id)", Long.parseLong(parts[0]), parts[1]);
                if (present != 1) {
                    missing++;
                    System.out.println("  acknowledged submission missing or incomplete: " + line);
                }
            }
            check(missing == 0, "every acknowledged submission is present with its receipt and audit line ("
                    + submitted.size() + " acknowledged, " + missing + " missing)");
            long halfSubmitted = one(db, "SELECT COUNT(*) FROM application a WHERE a.call_id = ? AND a.status <> 'DRAFT'"
                    + " AND NOT EXISTS (SELECT 1 FROM issued_document d WHERE d.application_id = a.id AND d.kind = 'RECEIPT')",
                    Long.parseLong(fixture.getProperty("submitCall")));
            check(halfSubmitted == 0, "no submitted application without its receipt (" + halfSubmitted + ")");

            int lost = 0;
            for (String id : awarded) {
                if (one(db, "SELECT COUNT(*) FROM grant_decision WHERE application_id = ? AND outcome = 'AWARD'",
                        Long.parseLong(id)) != 1) {
                    lost++;
                    System.out.println("  acknowledged award missing: " + id);
                }
            }
            check(lost == 0, "every acknowledged award is present (" + awarded.size() + " acknowledged, " + lost
                    + " missing)");

            // An award is whole when the decision, its letter, its tranches and payment instructions, its report
            // requests, the application's status, its audit lines and its mail were all written (DecisionService,
            // BudgetLedger, PaymentService.onAward, ReportService.onAward: one transaction).
            long decisions = one(db, "SELECT COUNT(*) FROM grant_decision WHERE fund_id = ?", fund);
            long half = one(db, "SELECT COUNT(*) FROM grant_decision g JOIN application a ON a.id = g.application_id"
                    + " WHERE g.fund_id = ? AND NOT (a.status = 'AWARDED'"
                    + " AND g.letter_document_id IS NOT NULL"
                    + " AND (SELECT COUNT(*) FROM issued_document d WHERE d.application_id = a.id"
                    + "      AND d.kind = 'DECISION_LETTER') = 1"
                    + " AND (SELECT COUNT(*) FROM payment_tranche t WHERE t.decision_id = g.id) >= 1"
                    + " AND (SELECT COUNT(*) FROM payment_instruction p WHERE p.decision_id = g.id)"
                    + "   = (SELECT COUNT(*) FROM payment_tranche t WHERE t.decision_id = g.id)"
                    + " AND (SELECT COUNT(*) FROM report_request r WHERE r.decision_id = g.id) >= 1"
                    + " AND (SELECT COUNT(*) FROM audit_entry e WHERE CAST(e.subject_id AS UNSIGNED) = a.id"
                    + "      AND e.action = 'DECISION_TAKEN') = 1"
                    + " AND (SELECT COUNT(*) FROM audit_entry e WHERE CAST(e.subject_id AS UNSIGNED) = a.id"
                    + "      AND e.action = 'REPORTS_SCHEDULED') = 1"
                    + " AND (SELECT COUNT(*) FROM outbound_mail m WHERE LOCATE(a.reference, m.subject) > 0) >= 1)",
                    fund);
            long orphans = one(db, "SELECT COUNT(*) FROM application a WHERE a.call_id = ? AND (a.status = 'AWARDED')"
                    + " <> EXISTS (SELECT 1 FROM grant_decision g WHERE g.application_id = a.id)", call)
                    + one(db, "SELECT COUNT(*) FROM issued_document d JOIN application a ON a.id = d.application_id"
                    + " WHERE a.call_id = ? AND d.kind = 'DECISION_LETTER' AND NOT EXISTS (SELECT 1 FROM grant_decision g"
                    + " WHERE g.application_id = a.id)", call)
                    + one(db, "SELECT COUNT(*) FROM audit_entry e JOIN application a ON CAST(e.subject_id AS UNSIGNED) = a.id"
                    + " WHERE a.call_id = ? AND e.action = 'DECISION_TAKEN' AND NOT EXISTS (SELECT 1 FROM grant_decision g"
                    + " WHERE g.application_id = a.id)", call);
            check(half == 0 && orphans == 0, "no half-written award: " + decisions + " decisions, " + half
                    + " incomplete, " + orphans + " letters/statuses/audit lines without a decision");

            BigDecimal committed = decimal(db, "SELECT committed FROM fund_year_budget WHERE fund_id = ?", fund);
            BigDecimal decided = decimal(db, "SELECT COALESCE(SUM(amount), 0) FROM grant_decision WHERE fund_id = ?",
                    fund);
            BigDecimal budget = new BigDecimal(fixture.getProperty("budget"));
            check(committed.compareTo(budget) <= 0 && committed.compareTo(decided) == 0,
                    "fund never over-committed: committed " + committed + " = sum of decisions " + decided
                            + " <= budget " + budget);
        }
    }

    // ---------------------------------------------------------------- database outage, as a user sees it

    static void outage(URI base, Path dir) throws Exception {
        Web organiser = new Web(base);
        check(organiser.login(ORGANISER, PASSWORD).statusCode() == 302, "logged in before the outage");
        Files.writeString(dir.resolve("outage-ready"), "");
        // The script stops the database now and touches outage-go.
        while (!Files.exists(dir.resolve("outage-go"))) {
            pause(100);
        }
        HttpResponse<String> page = organiser.get("organiser/index.xhtml");
        // What the user reads: without scripts (PrimeFaces' settings name exception classes) and tags.
        String text = page.body().replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ");
        System.out.println("  JSF page during the outage: HTTP " + page.statusCode() + ": "
                + excerpt(text, "database"));
        check(page.statusCode() == 503 && text.contains("database") && !text.contains("Exception"),
                "a page says the database is unavailable (503, no stack trace)");
        HttpResponse<String> api = organiser.api("GET", "applications?size=5", null);
        System.out.println("  API during the outage: HTTP " + api.statusCode() + " "
                + api.headers().firstValue("Content-Type").orElse("") + " " + api.body());
        check(api.statusCode() == 503 && api.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json") && api.body().contains("database")
                        && api.headers().firstValue("Retry-After").isPresent(),
                "the API answers 503 problem+json with a message and Retry-After");
        // As a load balancer asks: without a login.
        HttpResponse<String> health = new Web(base).get("health");
        check(health.statusCode() == 503 && health.body().contains("DOWN"), "health says DOWN (" + health.statusCode()
                + ")");
        Files.writeString(dir.resolve("outage-done"), "");
        // The same session, without logging in again, once the database is back: the outage must not end the login.
        long until = System.currentTimeMillis() + 300_000;
        HttpResponse<String> back;
        do {
            pause(1000);
            back = organiser.get("organiser/index.xhtml");
        } while (back.statusCode() == 503 && System.currentTimeMillis() < until);
        check(back.statusCode() == 200 && back.body().contains("logoutForm"),
                "still logged in after the outage, no new login needed (HTTP " + back.statusCode() + ")");
    }

    static String excerpt(String text, String word) {
        int at = text.toLowerCase().indexOf(word);
        return at < 0 ? text.substring(0, Math.min(200, text.length()))
                : text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 120));
    }

    // ---------------------------------------------------------------- a session survives the loss of a node

    static void session(URI lb, String killScript) throws Exception {
        Web organiser = new Web(lb);
        check(organiser.login(ORGANISER, PASSWORD).statusCode() == 302, "logged in through the load balancer");
        HttpResponse<String> dashboard = organiser.get("organiser/index.xhtml");
        String node = servedBy(organiser);
        check(dashboard.statusCode() == 200 && dashboard.body().contains("logoutForm"),
                "dashboard served by " + node);
        Matcher viewState = Web.VIEW_STATE.matcher(dashboard.body());
        check(viewState.find(), "the dashboard has a JSF view state");
        // A user reads the page before the next click. Killed within milliseconds of the response, the last
        // request's session change (this view) may not have reached the other node yet (run of 2026-11-23).
        pause(Long.getLong("pf.faults.readMillis", 2000));
        long killedAt = System.currentTimeMillis();
        Process kill = new ProcessBuilder(killScript, node).inheritIO().start();
        check(kill.waitFor() == 0, "killed " + node + " with kill -9");
        HttpResponse<String> after = organiser.get("organiser/index.xhtml");
        long took = System.currentTimeMillis() - killedAt;
        String survivor = servedBy(organiser);
        check(after.statusCode() == 200 && after.body().contains("logoutForm") && !survivor.equals(node),
                "still logged in on " + survivor + " after " + node + " died (HTTP " + after.statusCode() + ", "
                        + took + " ms)");
        HttpResponse<String> api = organiser.api("GET", "applications?size=1", null);
        check(api.statusCode() == 200, "the JSON API on the same session cookie (HTTP " + api.statusCode() + ")");
        // A postback of the view rendered by the dead node: the view state lives in the replicated session. The
        // logout form is the layout's only postback (the language switch is a plain link since session 7).
        HttpResponse<String> loggedOut = organiser.postForm("organiser/index.xhtml", Map.of(
                "logoutForm", "logoutForm", "logoutForm:logout", "Uitloggen", "jakarta.faces.ViewState",
                viewState.group(1)));
        String location = loggedOut.headers().firstValue("Location").orElse("");
        System.out.println("  postback: HTTP " + loggedOut.statusCode() + " " + location + " served by "
                + servedBy(organiser));
        check(loggedOut.statusCode() == 302 && location.contains("loggedOut=true"),
                "a JSF postback of the old view works on the survivor (logged out, HTTP " + loggedOut.statusCode()
                        + ", not an expired view)");
        HttpResponse<String> after2 = organiser.get("organiser/index.xhtml");
        check(!after2.body().contains("logoutForm"), "after the logout the dashboard asks for a login again");
    }

    /** HAProxy's stickiness cookie names the node; WildFly's session id ends in its route as well. */
    static String servedBy(Web web) {
        String node = web.cookie("PFNODE");
        return node.isEmpty() ? web.cookie("JSESSIONID").replaceAll("^.*\\.", "") : node;
    }

    // ---------------------------------------------------------------- HTTP and SQL helpers

    static final class Web {
        static final Pattern VIEW_STATE = Pattern.compile(
                "name=\"jakarta.faces.ViewState\" id=\"[^\"]*\" value=\"([^\"]+)\"");
        final URI base;
        final CookieManager cookies = new CookieManager();
        final HttpClient client;

        Web(URI base) {
            this.base = base;
            this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Accept-Language", "nl").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> login(String email, String password) throws IOException, InterruptedException {
            HttpResponse<String> page = get("login.xhtml");
            Matcher matcher = VIEW_STATE.matcher(page.body());
            if (!matcher.find()) {
                return page;
            }
            Map<String, String> form = new java.util.LinkedHashMap<>();
            form.put("login", "login");
            form.put("login:email", email);
            form.put("login:password", password);
            form.put("login:submit", "");
            form.put("jakarta.faces.ViewState", matcher.group(1));
            return postForm("login.xhtml", form);
        }

        HttpResponse<String> api(String method, String path, String json) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/" + path))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                    .header("Accept-Language", "nl");
            if (!"GET".equals(method)) {
                request.header("X-Requested-With", "faults");
            }
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new UncheckedIOException(new IOException("no " + field + " in " + json));
        }
        return Long.parseLong(m.group(1));
    }

    static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static LocalDateTime utc() {
        return LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static PreparedStatement statement(Connection db, String sql, Object... parameters) throws SQLException {
        PreparedStatement st = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            st.setObject(i + 1, parameters[i]);
        }
        return st;
    }

    static void update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement st = statement(db, sql, parameters)) {
            st.executeUpdate();
        }
    }

    static long one(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement st = statement(db, sql, parameters); ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no row: " + sql);
            }
            return rs.getLong(1);
        }
    }

    static BigDecimal decimal(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement st = statement(db, sql, parameters); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    static List<String> column(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
