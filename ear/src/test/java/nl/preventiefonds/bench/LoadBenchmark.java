package nl.preventiefonds.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
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
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The load benchmark on loopback: starts the provisioned WildFly (target/server-bench, EAR deployed, datasource on
 * pf_bench), times start to first answered page, logs in a session per user through the JSF login form, drives each
 * screen (JSF page and JSON API), a bare static file (the server's floor) and the screens' raw SQL over JDBC (the
 * database's floor) with 50 and 200 concurrent users in a closed loop. Prints throughput and p50/p95/p99, the
 * ratio of each screen's p95 to the static floor and to its SQL floor, the heap of the server under load (jstat),
 * and the time to decide 500 applications with their letters. Results also go to target/bench/results.md.
 * A benchmark, not a test: nothing here fails the build on a slow figure.
 */
public final class LoadBenchmark {
    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta.faces.ViewState\" id=\"[^\"]*\" value=\"([^\"]+)\"");
    /** The screens that cache their aggregates read this first on every request (DataVersion in the EAR). */
    private static final String DATA_VERSION = "SELECT (SELECT MAX(id) FROM audit_entry)";

    /** JDBC connections for the SQL floor: the application's own pool maximum is 40, MariaDB is shared. */
    private static final int SQL_CONNECTIONS = 20;

    private final BenchData.Settings db = BenchData.Settings.fromSystemProperties();
    private final int offset = Integer.getInteger("bench.port.offset", 600);
    private final URI base = URI.create("http://127.0.0.1:" + (8080 + offset) + "/preventiefonds/");
    private final int warmup = Integer.getInteger("bench.warmup.seconds", 5);
    private final int seconds = Integer.getInteger("bench.seconds", 15);
    private final StringBuilder report = new StringBuilder();
    private final HeapSampler heap = new HeapSampler();
    private ProcessHandle serverJava;

    public static void main(String[] args) throws Exception {
        if (!Boolean.parseBoolean(System.getProperty("bench.load", "true"))) {
            System.out.println("[bench] load benchmark skipped (-Dbench.load=false)");
            return;
        }
        new LoadBenchmark().run();
    }

    /** One measured target: an HTTP path on some sessions, or SQL statements on a connection. */
    private record Target(String screen, String kind, String path, List<HttpClient> sessions, String[] sql) {
    }

    private record Result(String name, int users, long requests, long errors, double seconds, long p50, long p95,
            long p99, long heapMaxMb, long oldGenMaxMb) {
        double throughput() {
            return requests / seconds;
        }
    }

    void run() throws Exception {
        // exec:java gives each execution its own class loader: register this loader's driver with DriverManager.
        Class.forName("org.mariadb.jdbc.Driver");
        Path out = Path.of(System.getProperty("bench.out.dir", "target/bench"));
        Files.createDirectories(out);
        Process server = startServer(out);
        try {
            benchmark();
        } finally {
            heap.stop();
            stopServer(server);
            Files.writeString(out.resolve("results.md"), report.toString());
            System.out.println("[bench] results written to " + out.resolve("results.md"));
        }
    }

    private Process startServer(Path out) throws Exception {
        Path home = Path.of(System.getProperty("bench.server.dir", "target/server-bench"));
        Path ear = Path.of(System.getProperty("bench.ear", "target/preventiefonds.ear"));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString());
        builder.environment().put("JAVA_OPTS", "-Xms256m -Xmx1g -Djava.net.preferIPv4Stack=true"
                + " -Djboss.socket.binding.port-offset=" + offset + " -Dpf.db.host=" + db.host() + " -Dpf.db.port="
                + db.port() + " -Dpf.db.name=" + db.database() + " -Dpf.db.user=" + db.user() + " -Dpf.db.password="
                + db.password() + " -Dpreventiefonds.mail.deliver=false "
                // e.g. -Dbench.server.opts=-XX:StartFlightRecording=filename=/tmp/server.jfr to profile the server
                + System.getProperty("bench.server.opts", ""));
        builder.redirectErrorStream(true).redirectOutput(out.resolve("server.log").toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        int status = 0;
        while (System.nanoTime() - start < 300_000_000_000L) {
            try {
                status = probe.send(HttpRequest.newBuilder(base.resolve("login.xhtml")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly stopped; see " + out.resolve("server.log"));
            }
            Thread.sleep(100);
        }
        if (status != 200) {
            throw new IllegalStateException("no page within 300 s; see " + out.resolve("server.log"));
        }
        double startup = (System.nanoTime() - start) / 1e9;
        serverJava = process.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no WildFly java process"));
        String wildflyStarted = Files.readAllLines(out.resolve("server.log")).stream()
                .filter(l -> l.contains("WFLYSRV0025")).findFirst().orElse("");
        line("# Benchmark results (%s)%n", java.time.LocalDateTime.now().withNano(0));
        line("- database `%s`, %s", db.database(), counts());
        line("- MariaDB: %s", mariaDbMemory());
        line("- EAR %s: %,d bytes (%.1f MiB)", ear.getFileName(), Files.size(ear), Files.size(ear) / 1048576.0);
        line("- start to first answered page (login.xhtml, 200): **%.1f s**; WildFly: %s", startup,
                wildflyStarted.replaceAll(".*WFLYSRV0025: ", ""));
        heap.start(serverJava.pid());
        return process;
    }

    /** The buffer pool decides whether the aggregates read memory or disk (docs/operations.md). */
    private String mariaDbMemory() {
        try (Connection c = sql(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT @@innodb_buffer_pool_size, (SELECT SUM(data_length + index_length)"
                     + " FROM information_schema.tables WHERE table_schema = DATABASE())")) {
            r.next();
            return String.format(Locale.ROOT, "innodb_buffer_pool_size %,d MiB, database %,d MiB on disk",
                    r.getLong(1) / 1048576, r.getLong(2) / 1048576);
        } catch (SQLException e) {
            return "memory settings unreadable: " + e.getMessage();
        }
    }

    private String counts() {
        try (Connection c = sql()) {
            return String.format(Locale.ROOT, "%,d applications, %,d report activity rows, %,d reports, %,d"
                            + " care indicator values, %,d municipalities, %,d neighbourhoods",
                    BenchData.count(c, "SELECT COUNT(*) FROM application"),
                    BenchData.count(c, "SELECT COUNT(*) FROM report_activity"),
                    BenchData.count(c, "SELECT COUNT(*) FROM report"),
                    BenchData.count(c, "SELECT COUNT(*) FROM care_indicator_value"),
                    BenchData.count(c, "SELECT COUNT(*) FROM municipality"),
                    BenchData.count(c, "SELECT COUNT(*) FROM neighbourhood"));
        } catch (SQLException e) {
            return "counts unavailable: " + e.getMessage();
        }
    }

    private void stopServer(Process server) throws InterruptedException {
        // SIGTERM: WildFly shuts down cleanly; then the start script ends by itself.
        if (serverJava != null) {
            serverJava.destroy();
            serverJava.onExit().join();
        }
        server.destroy();
        server.waitFor();
    }

    private void benchmark() throws Exception {
        // -Dbench.targets=letters: only the decision batch, no load levels (and no logins for them)
        if ("letters".equals(System.getProperty("bench.targets", "").strip())) {
            decisionBatch();
            return;
        }
        // One session per user, as people have: requests of one session queue for its lock in JSF, so users sharing
        // a session would measure that queue. Officers of different municipalities, organisers with their own data.
        int sessions = levels().stream().mapToInt(level -> level[0]).max().orElse(1);
        long loginStart = System.nanoTime();
        List<HttpClient> officers = loginEach(sessions, i -> "adviseur" + (i % 350 + 1) + "@bench.preventiefonds.nl");
        List<HttpClient> organisers = loginEach(sessions, i -> "organisator" + (i + 1) + "@bench.preventiefonds.nl");
        List<HttpClient> anonymous = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            anonymous.add(client());
        }
        line("- %d sessions per role (one per user), logged in in %.1f s", sessions,
                (System.nanoTime() - loginStart) / 1e9);
        long municipality = firstMunicipality();
        String organiserId = "(SELECT id FROM app_user WHERE email = 'organisator1@bench.preventiefonds.nl')";
        String awarded = "('AWARD','PARTIAL_AWARD')";
        String publicStatuses = "('AWARDED','PARTIALLY_AWARDED','DETERMINED')";
        List<Target> targets = List.of(
                new Target("floor", "static", "resources/css/app.css", anonymous, null),
                new Target("officer list", "SQL", null, null, new String[] {
                    "SELECT COUNT(id) FROM application WHERE status <> 'DRAFT' AND status = 'SUBMITTED'",
                    "SELECT a.*, c.*, f.*, m.* FROM application a LEFT JOIN funding_call c ON c.id = a.call_id"
                            + " LEFT JOIN fund f ON f.id = c.fund_id LEFT JOIN municipality m ON m.id = f.municipality_id"
                            + " WHERE a.status <> 'DRAFT' AND a.status = 'SUBMITTED'"
                            + " ORDER BY a.submitted_at DESC, a.id DESC LIMIT 25"}),
                new Target("officer list", "JSF", "officer/index.xhtml", officers, null),
                new Target("officer list", "API", "api/applications?size=25", officers, null),
                new Target("organiser dashboard", "SQL", null, null, new String[] {
                    "SELECT a.*, c.* FROM application a JOIN funding_call c ON c.id = a.call_id WHERE a.owner_id = "
                            + organiserId + " ORDER BY a.updated_at DESC",
                    "SELECT r.* FROM information_request r JOIN application a ON a.id = r.application_id"
                            + " WHERE a.owner_id = " + organiserId + " AND r.answered_at IS NULL",
                    "SELECT * FROM funding_call WHERE opens_at <= UTC_TIMESTAMP() AND closes_at > UTC_TIMESTAMP()"
                            + " ORDER BY closes_at"}),
                new Target("organiser dashboard", "JSF", "organiser/index.xhtml", organisers, null),
                new Target("organiser dashboard", "API", "api/applications", organisers, null),
                new Target("impact dashboard", "SQL", null, null, new String[] {DATA_VERSION + ", (SELECT MAX(id) FROM"
                        + " grant_decision), (SELECT MAX(id) FROM payment_instruction), (SELECT MAX(id) FROM report),"
                        + " (SELECT MAX(id) FROM report_activity), (SELECT MAX(id) FROM report_indicator), (SELECT"
                        + " MAX(id) FROM care_indicator_value), (SELECT MAX(id) FROM neighbourhood), (SELECT MAX(id)"
                        + " FROM application)", "SELECT * FROM cost_parameters WHERE municipality_id = " + municipality}),
                new Target("impact dashboard", "JSF", "impact/dashboard.xhtml", officers, null),
                new Target("impact dashboard", "API", "api/impact/dashboard", officers, null),
                new Target("impact dashboard", "SQL once per data change", null, null, new String[] {
                    "SELECT COUNT(d.id), SUM(d.amount) FROM grant_decision d JOIN application a ON a.id ="
                            + " d.application_id WHERE d.outcome IN " + awarded,
                    "SELECT SUM(x.amount) FROM payment_instruction x WHERE x.status = 'PAID' AND EXISTS (SELECT 1"
                            + " FROM grant_decision d WHERE d.application_id = x.application_id AND d.outcome IN "
                            + awarded + ")",
                    "SELECT SUM(r.participants_total) FROM report r"
                            + " JOIN report_request q ON q.id = r.request_id WHERE r.review_outcome = 'ACCEPTED' AND"
                            + " EXISTS (SELECT 1 FROM grant_decision d WHERE d.application_id = q.application_id AND"
                            + " d.outcome IN " + awarded + ")",
                    "SELECT an.neighbourhood_id, SUM(r.participants_total) FROM report r"
                            + " JOIN report_request q ON q.id = r.request_id JOIN"
                            + " application_neighbourhood an ON an.application_id = q.application_id WHERE"
                            + " r.review_outcome = 'ACCEPTED' AND EXISTS (SELECT 1 FROM grant_decision d WHERE"
                            + " d.application_id = q.application_id AND d.outcome IN " + awarded + ")"
                            + " GROUP BY an.neighbourhood_id",
                    "SELECT n.id, n.code, n.name, COUNT(d.id), SUM(d.amount), MIN(COALESCE(a.start_date,"
                            + " d.decided_on)) FROM grant_decision d JOIN application a ON a.id = d.application_id"
                            + " JOIN application_neighbourhood an ON an.application_id = a.id JOIN neighbourhood n ON"
                            + " n.id = an.neighbourhood_id WHERE d.outcome IN " + awarded
                            + " GROUP BY n.id, n.code, n.name ORDER BY n.name",
                    "SELECT v.* FROM care_indicator_value v JOIN neighbourhood n ON n.id = v.neighbourhood_id"
                            + " WHERE n.municipality_id = " + municipality + " AND v.period_label NOT LIKE '%Q%'",
                    "SELECT SUM(d.amount) FROM grant_decision d WHERE d.outcome IN " + awarded
                            + " AND d.application_id IN (SELECT application_id FROM application_care_domain"
                            + " WHERE care_domain = 'DEBT_RELIEF')",
                    "SELECT i.name, COUNT(i.id), AVG(i.indicator_value), SUM(i.indicator_value) FROM report_indicator"
                            + " i JOIN report r ON r.id = i.report_id JOIN report_request q ON q.id = r.request_id"
                            + " WHERE r.review_outcome = 'ACCEPTED' AND EXISTS (SELECT 1 FROM grant_decision d WHERE"
                            + " d.application_id = q.application_id AND d.outcome IN " + awarded + ")"
                            + " GROUP BY i.name ORDER BY COUNT(i.id) DESC, i.name LIMIT 50"}),
                new Target("public register", "SQL", null, null, new String[] {DATA_VERSION + ", (SELECT MAX(id) FROM"
                        + " grant_decision), (SELECT MAX(id) FROM application), (SELECT MAX(id) FROM neighbourhood),"
                        + " (SELECT MAX(id) FROM payment_instruction), (SELECT MAX(id) FROM report)",
                    "SELECT a.id, a.reference, a.title, a.summary, a.org_name, d.amount, d.decided_on, c.title,"
                            + " f.name, m.code, m.name FROM grant_decision d JOIN application a ON a.id ="
                            + " d.application_id LEFT JOIN funding_call c ON c.id = a.call_id LEFT JOIN fund f ON f.id ="
                            + " d.fund_id LEFT JOIN municipality m ON m.id = f.municipality_id WHERE a.status IN "
                            + publicStatuses + " AND d.outcome IN " + awarded
                            + " ORDER BY d.decided_on DESC, d.id DESC LIMIT 25"}),
                new Target("public register", "SQL once per data change", null, null, new String[] {
                    "SELECT COUNT(a.id) FROM grant_decision d JOIN application a ON a.id = d.application_id"
                            + " WHERE a.status IN " + publicStatuses + " AND d.outcome IN " + awarded,
                    "SELECT DISTINCT d.decided_on FROM grant_decision d JOIN application a ON a.id = d.application_id"
                            + " WHERE a.status IN " + publicStatuses + " AND d.outcome IN " + awarded}),
                new Target("public register", "JSF", "open/register.xhtml", anonymous, null),
                new Target("public register", "API", "api/open/register?size=25", anonymous, null));

        // -Dbench.targets=floor,public register: measure only these screens (default all)
        String only = System.getProperty("bench.targets", "").strip();
        if (!only.isEmpty()) {
            List<String> screens = Arrays.stream(only.split(",")).map(String::strip).toList();
            targets = targets.stream().filter(t -> screens.contains(t.screen())).toList();
        }
        for (Target target : targets) {
            if (target.kind().equals("API") && (target.screen().equals("impact dashboard")
                    || target.screen().equals("public register"))) {
                firstRequestAfterAChange(target);
            }
        }
        // "50" is 50 users in a closed loop without pause (a stress level); "50/1000" is 50 users who each pause
        // about a second between requests, as people reading a screen do.
        List<int[]> levels = levels();
        line("%n| screen | via | users (pause ms) | req/s | p50 ms | p95 ms | p99 ms | errors | p95 / static floor |"
                + " p95 / SQL floor | server heap max MiB (old gen) |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int[] level : levels) {
            int users = level[0];
            int pause = level[1];
            Map<String, Result> results = new LinkedHashMap<>();
            for (Target target : targets) {
                boolean oncePerChange = target.kind().startsWith("SQL once");
                if (oncePerChange && level != levels.get(0)) {
                    continue;
                }
                // Runs once per data change, not per request: timed alone, one statement set after another.
                Result result = oncePerChange ? measure(target, 1, 0) : measure(target, users, pause);
                results.put(target.screen() + "/" + target.kind(), result);
                Result floor = results.get("floor/static");
                Result sqlFloor = results.get(target.screen() + "/SQL");
                line("| %s | %s | %s | %.0f | %.1f | %.1f | %.1f | %d | %s | %s | %d (%d) |", target.screen(),
                        target.kind(), result.users() + (oncePerChange || pause == 0 ? "" : " (" + pause + ")"),
                        result.throughput(), ms(result.p50()), ms(result.p95()),
                        ms(result.p99()), result.errors(), ratio(result, floor),
                        target.kind().startsWith("SQL") ? "" : ratio(result, sqlFloor),
                        result.heapMaxMb(), result.oldGenMaxMb());
            }
        }
        decisionBatch();
        line("%n- server heap over the whole run: max used %d MiB, max old generation %d MiB (-Xmx1g)",
                heap.overallMaxMb(), heap.overallOldMaxMb());
    }

    private static String ratio(Result result, Result floor) {
        if (floor == null || floor.p95() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f x", (double) result.p95() / floor.p95());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private Result measure(Target target, int users, int pauseMillis) throws Exception {
        String name = target.screen() + " " + target.kind();
        // The SQL floor runs on a pool of connections, like the application's datasource.
        BlockingQueue<Connection> pool = null;
        if (target.sql() != null) {
            pool = new ArrayBlockingQueue<>(SQL_CONNECTIONS);
            for (int i = 0; i < SQL_CONNECTIONS; i++) {
                pool.add(sql());
            }
        }
        AtomicBoolean recording = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[users];
        CountDownLatch done = new CountDownLatch(users);
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            long[] mine = new long[2_000_000 / users + 1000];
            latencies.add(mine);
            int user = u;
            BlockingQueue<Connection> connections = pool;
            Thread thread = new Thread(() -> {
                try {
                    while (running.get()) {
                        long t0 = System.nanoTime();
                        boolean ok = target.sql() != null ? runSql(connections, target.sql())
                                : get(target.sessions().get(user % target.sessions().size()), target.path());
                        long t = System.nanoTime() - t0;
                        if (recording.get()) {
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                            if (counts[user] < mine.length) {
                                mine[counts[user]++] = t;
                            }
                        }
                        if (pauseMillis > 0) {
                            // Half to one and a half times the pause, so the users do not click in step.
                            try {
                                Thread.sleep(pauseMillis / 2 + java.util.concurrent.ThreadLocalRandom.current()
                                        .nextInt(pauseMillis + 1));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-" + u);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        Thread.sleep(warmup * 1000L);
        heap.reset();
        recording.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        recording.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        done.await();
        if (pool != null) {
            for (Connection c : pool) {
                c.close();
            }
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int u = 0; u < users; u++) {
            System.arraycopy(latencies.get(u), 0, all, at, counts[u]);
            at += counts[u];
        }
        Arrays.sort(all);
        Result result = new Result(name, users, total, errors.get(), elapsed, percentile(all, 50),
                percentile(all, 95), percentile(all, 99), heap.maxMb(), heap.oldMaxMb());
        System.out.printf(Locale.ROOT, "[bench] %-28s %3d users: %7.0f req/s  p50 %7.1f  p95 %7.1f  p99 %7.1f ms,"
                        + " errors %d, heap max %d MiB%n", name, users, result.throughput(), ms(result.p50()),
                ms(result.p95()), ms(result.p99()), result.errors(), result.heapMaxMb());
        return result;
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /**
     * The screens that cache their aggregates per data version: one request right after a change (an audit row, as
     * every service change writes one) computes them; the next is served from the cache.
     */
    private void firstRequestAfterAChange(Target target) throws Exception {
        try (Connection c = sql(); PreparedStatement s = c.prepareStatement("INSERT INTO audit_entry (occurred_at,"
                + " actor, action, subject_type) VALUES (UTC_TIMESTAMP(6), 'bench', 'BENCH_DATA_CHANGED', 'Bench')")) {
            s.executeUpdate();
        }
        HttpClient client = target.sessions().get(0);
        long t0 = System.nanoTime();
        boolean cold = get(client, target.path());
        long t1 = System.nanoTime();
        boolean warm = get(client, target.path());
        long t2 = System.nanoTime();
        line("%n- %s %s, first request after a data change (computes the cached figures): %.0f ms%s; the next: %.0f"
                + " ms%s", target.screen(), target.kind(), (t1 - t0) / 1e6, cold ? "" : " (failed)", (t2 - t1) / 1e6,
                warm ? "" : " (failed)");
    }

    private boolean get(HttpClient client, String path) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Accept-Language", "nl").timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 && response.body().length > 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean runSql(BlockingQueue<Connection> pool, String[] statements) {
        Connection c = null;
        try {
            c = pool.take();
            for (String statement : statements) {
                try (PreparedStatement s = c.prepareStatement(statement); ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        r.getObject(1);
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (c != null) {
                pool.add(c);
            }
        }
    }

    private Connection sql() throws SQLException {
        return DriverManager.getConnection(db.url(db.database()), db.user(), db.password());
    }

    private long firstMunicipality() throws SQLException {
        try (Connection c = sql()) {
            return BenchData.count(c, "SELECT MIN(id) FROM municipality");
        }
    }

    private static HttpClient client() {
        // HTTP/1.1 as browsers speak to it: the h2c upgrade made a saturated server answer GOAWAY to a login.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** {@code bench.users}: each level's users and, after a slash, their pause in milliseconds. */
    private static List<int[]> levels() {
        return Arrays.stream(System.getProperty("bench.users", "50,200,50/1000").split(","))
                .map(String::strip).map(l -> l.split("/"))
                .map(l -> new int[] {Integer.parseInt(l[0]), l.length > 1 ? Integer.parseInt(l[1]) : 0}).toList();
    }

    /** A session for each of {@code count} accounts, logged in 4 at a time (each login hashes a password). */
    private List<HttpClient> loginEach(int count, java.util.function.IntFunction<String> email) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<HttpClient>>> logins = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String account = email.apply(i);
                logins.add(pool.submit(() -> login(account, 1, null)));
            }
            List<HttpClient> clients = new ArrayList<>();
            for (java.util.concurrent.Future<List<HttpClient>> login : logins) {
                clients.addAll(login.get());
            }
            return clients;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Logs in through the JSF form as a browser does: the login page, then the form post with its view state. */
    private List<HttpClient> login(String email, int sessions, String expectedStart) throws Exception {
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            HttpClient client = client();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(base.resolve("login.xhtml")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = VIEW_STATE.matcher(page.body());
            if (!matcher.find()) {
                throw new IllegalStateException("no login form (HTTP " + page.statusCode() + ")");
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("login", "login");
            form.put("login:email", email);
            form.put("login:password", BenchData.PASSWORD);
            form.put("login:submit", "");
            form.put("jakarta.faces.ViewState", matcher.group(1));
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(base.resolve("login.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("login")) {
                throw new IllegalStateException("login as " + email + " failed (HTTP " + answer.statusCode() + ")");
            }
            clients.add(client);
        }
        return clients;
    }

    /**
     * Decides applications in assessment through the API, as a decision maker's team working through a batch: for
     * each number of deciders in {@code bench.letters.parallel} (default 1; e.g. "1,4"), {@code bench.letters}
     * applications not decided before, each decider in its own session taking the next one. Each decision renders,
     * stores and mails its PDF letter, commits the budget and writes the audit trail. Also prints how many
     * distinct fund years the batch touched and MariaDB's row lock waits during it: decisions on one fund year
     * queue for its budget row.
     */
    private void decisionBatch() throws Exception {
        int letters = Integer.getInteger("bench.letters", 500);
        // Decided first and not counted: with -Dbench.targets=letters the server has only just started, and a cold
        // JIT made the first batch's decisions a third slower than after the load levels.
        int warmup = Integer.getInteger("bench.letters.warmup", 50);
        List<Integer> levels = Arrays.stream(System.getProperty("bench.letters.parallel", "1").split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).map(Integer::valueOf).toList();
        List<Long> ids = assessed((long) letters * levels.size() + warmup);
        boolean oneFundYear = Boolean.getBoolean("bench.letters.oneFundYear");
        List<Long> warmupBatch = ids.subList(0, Math.min(ids.size(), warmup));
        if (!warmupBatch.isEmpty()) {
            warmUp(warmupBatch, levels.get(levels.size() - 1));
        }
        ids = ids.subList(warmupBatch.size(), ids.size());
        for (int i = 0; i < levels.size(); i++) {
            List<Long> batch = ids.subList(Math.min(ids.size(), i * letters), Math.min(ids.size(), (i + 1) * letters));
            if (oneFundYear) {
                intoOneFundYear(batch);
            }
            decide(batch, levels.get(i));
        }
        // -Dbench.letters.batch=true: then as many again in one request, decided by the server's own workers
        if (Boolean.getBoolean("bench.letters.batch")) {
            List<Long> rest = assessed(letters);
            if (oneFundYear) {
                intoOneFundYear(rest);
            }
            decideInOneRequest(rest);
        }
    }

    /** Applications in assessment with a completed review, ready for a decision, oldest first. */
    private List<Long> assessed(long limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = sql(); PreparedStatement s = c.prepareStatement("SELECT a.id FROM application a"
                + " WHERE a.status = 'IN_ASSESSMENT' AND EXISTS (SELECT 1 FROM review_assignment r WHERE"
                + " r.application_id = a.id AND r.completed_at IS NOT NULL) ORDER BY a.id LIMIT " + limit);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }

    /** One POST api/decisions/batch with every application: one person's batch, parallel on the server. */
    private void decideInOneRequest(List<Long> ids) throws Exception {
        long fundYears = fundYears(ids);
        HttpClient session = login(BenchData.DECISION_MAKER, 1, null).get(0);
        String items = ids.stream().map(id -> "{\"applicationId\":" + id
                + ",\"decision\":{\"outcome\":\"AWARD\",\"advancePercent\":80}}").collect(Collectors.joining(","));
        long[] locksBefore = rowLockWaits();
        long start = System.nanoTime();
        HttpResponse<String> response = session.send(HttpRequest.newBuilder(base.resolve("api/decisions/batch"))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("X-Requested-With", "bench").timeout(Duration.ofSeconds(600))
                .POST(HttpRequest.BodyPublishers.ofString("{\"items\":[" + items + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] locksAfter = rowLockWaits();
        java.util.regex.Matcher decided = java.util.regex.Pattern.compile("\"decided\":(\\d+),\"refused\":(\\d+)")
                .matcher(response.body());
        line("%n- decision batch in **one request** (POST api/decisions/batch, decided by the server's workers): %d"
                + " applications (%d fund years) in **%.1f s** (%.1f ms per decision), HTTP %d, %s; MariaDB row lock"
                + " waits during it: %s", ids.size(), fundYears, elapsed, ids.isEmpty() ? 0.0 : elapsed * 1000
                / ids.size(), response.statusCode(), decided.find() ? decided.group(1) + " decided, " + decided.group(2)
                + " refused" : "answer: " + response.body().substring(0, Math.min(300, response.body().length())),
                locksBefore == null || locksAfter == null ? "unknown"
                        : (locksAfter[0] - locksBefore[0]) + ", " + (locksAfter[1] - locksBefore[1]) + " ms in all");
    }

    /**
     * -Dbench.letters.oneFundYear=true: a municipality deciding one call's batch, as it does in a decision round. The
     * generated data has no call with 500 applications in assessment, so the batch moves to the newest call of
     * municipality 1, whose amounts and year budget are widened to take them all: every decision then commits money
     * against the same budget row.
     */
    private void intoOneFundYear(List<Long> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        String in = batch.stream().map(String::valueOf).collect(Collectors.joining(","));
        try (Connection c = sql()) {
            long call = BenchData.count(c, "SELECT c.id FROM funding_call c JOIN fund f ON f.id = c.fund_id"
                    + " WHERE f.municipality_id = (SELECT MIN(id) FROM municipality)"
                    + " ORDER BY c.budget_year DESC, c.id DESC LIMIT 1");
            try (PreparedStatement s = c.prepareStatement("UPDATE application SET call_id = ? WHERE id IN (" + in
                    + ")")) {
                s.setLong(1, call);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE funding_call c JOIN (SELECT MIN(requested_amount)"
                    + " lo, MAX(requested_amount) hi FROM application WHERE id IN (" + in + ")) r SET c.min_amount ="
                    + " LEAST(c.min_amount, r.lo), c.max_amount = GREATEST(c.max_amount, r.hi) WHERE c.id = ?")) {
                s.setLong(1, call);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE fund_year_budget b JOIN funding_call c ON"
                    + " c.fund_id = b.fund_id AND c.budget_year = b.budget_year SET b.budget = b.committed + (SELECT"
                    + " SUM(requested_amount) FROM application WHERE id IN (" + in + ")) WHERE c.id = ?")) {
                s.setLong(1, call);
                s.executeUpdate();
            }
        }
    }

    private void warmUp(List<Long> ids, int deciders) throws Exception {
        List<HttpClient> sessions = login(BenchData.DECISION_MAKER, deciders, null);
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < ids.size(); i++) {
            decideOne(sessions.get(i % sessions.size()), ids.get(i), failed);
        }
        line("%n- decision batch warm-up (not counted): %d decisions, %d failed", ids.size(), failed.get());
    }

    private void decide(List<Long> ids, int deciders) throws Exception {
        long fundYears = fundYears(ids);
        List<HttpClient> sessions = login(BenchData.DECISION_MAKER, deciders, null);
        long[] locksBefore = rowLockWaits();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        long[] latencies = new long[ids.size()];
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (HttpClient session : sessions) {
            Thread thread = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) < ids.size();) {
                    long t0 = System.nanoTime();
                    boolean ok = decideOne(session, ids.get(i), failed);
                    latencies[i] = System.nanoTime() - t0;
                    if (!ok) {
                        failed.incrementAndGet();
                    }
                }
            }, "decider");
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] locksAfter = rowLockWaits();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        line("%n- decision batch, %d decider(s): %d applications (%d fund years) decided with their letters (PDF"
                + " rendered, stored, mail queued) in **%.1f s** (%.1f ms per decision; each request p50 %.0f ms,"
                + " p95 %.0f ms), %d failed; MariaDB row lock waits during it: %s", deciders, ids.size(), fundYears,
                elapsed, ids.isEmpty() ? 0.0 : elapsed * 1000 / ids.size(), ms(percentile(sorted, 50)),
                ms(percentile(sorted, 95)), failed.get(), locksBefore == null || locksAfter == null ? "unknown"
                        : (locksAfter[0] - locksBefore[0]) + ", " + (locksAfter[1] - locksBefore[1]) + " ms in all");
    }

    private boolean decideOne(HttpClient decider, long id, java.util.concurrent.atomic.AtomicInteger failed) {
        try {
            HttpResponse<String> response = decider.send(HttpRequest.newBuilder(base.resolve("api/applications/"
                            + id + "/decision")).header("Accept", "application/json")
                    .header("Content-Type", "application/json").header("X-Requested-With", "bench")
                    .timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"AWARD\",\"advancePercent\":80}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return true;
            }
            if (failed.get() == 0) {
                System.out.println("[bench] decision failed: " + response.statusCode() + " " + response.body());
            }
            return false;
        } catch (IOException e) {
            System.out.println("[bench] decision failed: " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private long fundYears(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (Connection c = sql()) {
            return BenchData.count(c, "SELECT COUNT(DISTINCT c.fund_id, c.budget_year) FROM application a JOIN"
                    + " funding_call c ON c.id = a.call_id WHERE a.id IN (" + ids.stream().map(String::valueOf)
                    .collect(Collectors.joining(",")) + ")");
        }
    }

    /** Innodb_row_lock_waits and Innodb_row_lock_time (ms) of the whole server; null when not readable. */
    private long[] rowLockWaits() {
        try (Connection c = sql(); PreparedStatement s = c.prepareStatement("SHOW GLOBAL STATUS WHERE Variable_name IN"
                + " ('Innodb_row_lock_waits', 'Innodb_row_lock_time')"); ResultSet r = s.executeQuery()) {
            long[] values = new long[2];
            while (r.next()) {
                values["Innodb_row_lock_waits".equals(r.getString(1)) ? 0 : 1] = r.getLong(2);
            }
            return values;
        } catch (SQLException e) {
            return null;
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println("[bench] " + text.strip());
        report.append(text).append(System.lineSeparator());
    }

    /** Follows {@code jstat -gc <pid> 500}: used heap (survivors + eden + old) and old generation, in MiB. */
    private static final class HeapSampler {
        private volatile long maxKb;
        private volatile long oldMaxKb;
        private volatile long overallMaxKb;
        private volatile long overallOldMaxKb;
        private Process jstat;

        void start(long pid) throws IOException {
            jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(pid), "500").redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    List<String> header = null;
                    for (String line; (line = lines.readLine()) != null;) {
                        List<String> fields = Arrays.asList(line.strip().split("\\s+"));
                        if (fields.contains("EU")) {
                            header = fields;
                            continue;
                        }
                        if (header == null || fields.size() != header.size()) {
                            continue;
                        }
                        double used = 0;
                        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                            used += Double.parseDouble(fields.get(header.indexOf(column)));
                        }
                        long old = (long) Double.parseDouble(fields.get(header.indexOf("OU")));
                        maxKb = Math.max(maxKb, (long) used);
                        oldMaxKb = Math.max(oldMaxKb, old);
                        overallMaxKb = Math.max(overallMaxKb, (long) used);
                        overallOldMaxKb = Math.max(overallOldMaxKb, old);
                    }
                } catch (IOException | RuntimeException e) {
                    // jstat ended with the server
                }
            }, "jstat-reader");
            reader.setDaemon(true);
            reader.start();
        }

        void reset() {
            maxKb = 0;
            oldMaxKb = 0;
        }

        long maxMb() {
            return maxKb / 1024;
        }

        long oldMaxMb() {
            return oldMaxKb / 1024;
        }

        long overallMaxMb() {
            return overallMaxKb / 1024;
        }

        long overallOldMaxMb() {
            return overallOldMaxKb / 1024;
        }

        void stop() {
            if (jstat != null) {
                jstat.destroy();
            }
        }
    }
}
