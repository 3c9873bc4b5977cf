package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every API endpoint, page and file download for every role, and for another organiser's or partner's object,
 * from the one table {@code security/authorisation-matrix.csv}. All cells are sent and all differences are
 * reported together, so a reader sees the whole hole at once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorisationMatrixIT {
    static final String MATRIX = "/security/authorisation-matrix.csv";
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    record Row(int line, String method, String path, String body, List<String> expected) {
    }

    static List<Row> rows() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorisationMatrixIT.class.getResourceAsStream(MATRIX);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int line = 0;
            boolean header = true;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] cells = text.split(";", -1);
                if (header) {
                    assertEquals(11, cells.length, "header: method;path;body and eight callers");
                    header = false;
                    continue;
                }
                assertEquals(11, cells.length, "line " + line + " of the matrix: " + text);
                rows.add(new Row(line, cells[0], cells[1], cells[2], List.of(cells).subList(3, 11)));
            }
        }
        return rows;
    }

    @Test
    void everyCallerGetsWhatTheTableSays() throws Exception {
        Map<String, String> ids = objects();
        List<WebSession> callers = new ArrayList<>();
        callers.add(new WebSession(base.toURI()));
        String otherOrganiser = TestDatabase.cloneAccount(Fixtures.ORGANISER, null);
        String otherPartner = Fixtures.otherPartnerLogin();
        for (String login : List.of(Fixtures.ORGANISER, otherOrganiser, Fixtures.PARTNER, otherPartner,
                Fixtures.OFFICER, Fixtures.DECISION_MAKER, FUND_MANAGER)) {
            WebSession session = new WebSession(base.toURI());
            assertEquals(302, session.login(login, Fixtures.PASSWORD).statusCode(), login);
            callers.add(session);
        }
        List<String> header = List.of("anonymous", "organiser own", "organiser other", "partner own",
                "partner other", "officer", "decision maker", "fund manager");
        List<Row> rows = rows();
        assertTrue(rows.size() >= 80, "the table covers the API, the pages and the files: " + rows.size());
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        boolean costsWereDefaults = TestDatabase.count("SELECT COUNT(*) FROM cost_parameters") == 0;
        try {
            for (Row row : rows) {
                String path = fill(row.path(), ids);
                String body = fill(row.body(), ids);
                for (int c = 0; c < callers.size(); c++) {
                    String expected = row.expected().get(c);
                    if ("-".equals(expected)) {
                        continue;
                    }
                    HttpResponse<String> response = send(callers.get(c), row.method(), path, body);
                    sent++;
                    if (!matches(expected, response, c == 0)) {
                        wrong.add("line " + row.line() + ": " + row.method() + " " + path + " as " + header.get(c)
                                + ": expected " + expected + ", got " + response.statusCode() + " "
                                + abbreviate(response.body()));
                    }
                }
            }
        } finally {
            if (costsWereDefaults) {
                // The fund manager's PUT saved the defaults as settled values; ImpactDashboardBrowserIT starts from
                // none settled.
                TestDatabase.update("DELETE FROM cost_parameters");
            }
        }
        System.out.println("Authorisation matrix: " + rows.size() + " requests x 8 callers, " + sent + " sent");
        assertEquals(List.of(), wrong, String.join("\n", wrong));
    }

    /** Objects of Assen (the demo world's and this test's) in the table; the other placeholders are plain values. */
    private static final java.util.Set<String> ASSEN_OBJECTS = java.util.Set.of("app", "draft", "intake", "lapsed",
            "call", "attachment", "threadFile", "noteFile", "review", "grant", "decision", "letter", "payment", "rrOrganiser", "rrPartner",
            "closed", "report", "reclaim", "municipality", "account", "neighbourhood", "fund", "partner", "staff",
            "organisation");
    /**
     * Text only Assen's data holds: its fund, neighbourhoods, staff and the objects of this test, and (added in the
     * test) an organiser who applied in Assen only. Not the demo organiser: organisations may apply in several
     * municipalities, and other tests let her apply in Stichtse Vecht, which then rightly knows her.
     */
    private static final List<String> ASSEN_MARKERS = List.of("Preventiefonds Assen", "WK0106", "Kloosterveen",
            "Matrix intake", FUND_MANAGER, Fixtures.OFFICER);

    /**
     * The same table, sent by the officer, decision maker and fund manager of a second municipality (Stichtse Vecht)
     * in the three staff columns. Whatever names an object of Assen is refused as if it did not exist (403 or 404,
     * never a validation answer that shows it was found); everything else answers as it does to Assen's staff, and
     * what it returns to a logged-in member of staff names nothing of Assen's: no fund, neighbourhood, organiser,
     * member of staff or application, through the API, pages, exports, files and search.
     */
    @Test
    void noStaffOfAnotherMunicipalityReachesOrInfersAssensObjects() throws Exception {
        Map<String, String> ids = objects();
        String assenOnly = TestDatabase.cloneAccount(Fixtures.ORGANISER, null);
        long ownApplication = Fixtures.applicationInAssessment(Long.parseLong(ids.get("call")),
                "Matrix eigen " + System.nanoTime(), "5000.00");
        TestDatabase.update("UPDATE application SET owner_id = ? WHERE id = ?", TestDatabase.userId(assenOnly),
                ownApplication);
        ids.put("account", String.valueOf(TestDatabase.userId(assenOnly)));
        List<String> markers = new ArrayList<>(ASSEN_MARKERS);
        markers.add(assenOnly);
        List<String> roles = List.of("officer", "decision maker", "fund manager");
        List<WebSession> callers = new ArrayList<>();
        for (String demoLogin : List.of("adviseur@stichtsevecht.demo.preventiefonds.nl",
                "beslisser@stichtsevecht.demo.preventiefonds.nl", "beheerder@stichtsevecht.demo.preventiefonds.nl")) {
            String login = TestDatabase.cloneAccount(demoLogin, null);
            WebSession session = new WebSession(base.toURI());
            assertEquals(302, session.login(login, Fixtures.PASSWORD).statusCode(), login);
            callers.add(session);
        }
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        int refusals = 0;
        int contentChecks = 0;
        boolean costsWereDefaults = TestDatabase.count("SELECT COUNT(*) FROM cost_parameters") == 0;
        try {
            for (Row row : rows()) {
                boolean namesAssen = namesAnyOf(row.path() + row.body(), ASSEN_OBJECTS);
                boolean isPublic = row.expected().get(0).startsWith("200");
                String path = fill(row.path(), ids);
                String body = fill(row.body(), ids);
                for (int r = 0; r < roles.size(); r++) {
                    String assen = row.expected().get(5 + r);
                    if ("-".equals(assen)) {
                        continue;
                    }
                    HttpResponse<String> response = send(callers.get(r), row.method(), path, body);
                    sent++;
                    String what = "line " + row.line() + ": " + row.method() + " " + path + " as Stichtse Vecht's "
                            + roles.get(r) + ": ";
                    if (namesAssen) {
                        refusals++;
                        if (response.statusCode() != 403 && response.statusCode() != 404) {
                            wrong.add(what + "expected 403 or 404, got " + response.statusCode() + " "
                                    + abbreviate(response.body()));
                        }
                        continue;
                    }
                    int expected = Integer.parseInt(assen.split(" ", 2)[0]);
                    if (response.statusCode() != expected) {
                        wrong.add(what + "expected " + expected + " as for Assen's, got " + response.statusCode()
                                + " " + abbreviate(response.body()));
                    } else if (!isPublic && response.body() != null) {
                        contentChecks++;
                        for (String marker : markers) {
                            if (response.body().contains(marker)) {
                                wrong.add(what + "the answer names Assen's \"" + marker + "\"");
                            }
                        }
                    }
                }
            }
        } finally {
            if (costsWereDefaults) {
                TestDatabase.update("DELETE FROM cost_parameters");
            }
        }
        System.out.println("Cross-tenant matrix: " + sent + " requests by Stichtse Vecht's staff, " + refusals
                + " naming Assen's objects, " + contentChecks + " answers searched for Assen's data");
        assertEquals(List.of(), wrong, String.join("\n", wrong));
    }

    private static boolean namesAnyOf(String text, java.util.Set<String> placeholders) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (placeholders.contains(matcher.group(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exact status, and the text after it (a problem key) in the answer: a refusal must be the rule the table
     * names, a success what the table says it returns. A page that sends an anonymous visitor away must send it to
     * the login page, nowhere else.
     */
    static boolean matches(String expected, HttpResponse<String> response, boolean anonymous) {
        int space = expected.indexOf(' ');
        int status = Integer.parseInt(space < 0 ? expected : expected.substring(0, space));
        if (response.statusCode() != status) {
            return false;
        }
        if (space >= 0 && (response.body() == null || !response.body().contains(expected.substring(space + 1)))) {
            return false;
        }
        return status != 302 || !anonymous
                || response.headers().firstValue("Location").orElse("").contains("login.xhtml");
    }

    /**
     * The table cannot fall behind the code: every operation the server describes in its OpenAPI document and every
     * page in the web module has a row. Error pages are left out: they are what the container shows on errors.
     */
    @Test
    void theTableNamesEveryEndpointAndEveryPage() throws Exception {
        java.util.Set<String> inTable = new java.util.TreeSet<>();
        for (Row row : rows()) {
            inTable.add(row.method() + " " + row.path().replaceAll("\\?.*$", "").replaceAll("\\{[^}]+}", "{}"));
        }
        HttpResponse<String> described = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(base.toURI().resolve("/openapi?format=JSON")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, described.statusCode());
        jakarta.json.JsonObject paths = Json.createReader(new java.io.StringReader(described.body())).readObject()
                .getJsonObject("paths");
        java.util.Set<String> missing = new java.util.TreeSet<>();
        for (String path : paths.keySet()) {
            String relative = path.replaceFirst("^/preventiefonds/", "").replaceAll("\\{[^}]+}", "{}");
            if (relative.startsWith("api/test-clock") || relative.startsWith("api/test-mail-delivery")) {
                continue; // exists only on the test server
            }
            for (String method : paths.getJsonObject(path).keySet()) {
                String operation = method.toUpperCase(java.util.Locale.ROOT) + " " + relative;
                if (List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method.toUpperCase(java.util.Locale.ROOT))
                        && !inTable.contains(operation)) {
                    missing.add(operation);
                }
            }
        }
        java.nio.file.Path webapp = java.nio.file.Path.of("..", "web", "src", "main", "webapp");
        assertTrue(java.nio.file.Files.isDirectory(webapp), webapp.toAbsolutePath().toString());
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(webapp)) {
            files.map(f -> webapp.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(".xhtml") && !f.startsWith("WEB-INF/") && !f.startsWith("error/")
                            && !f.startsWith("resources/"))
                    .filter(f -> !inTable.contains("GET " + f)).forEach(f -> missing.add("GET " + f));
        }
        assertEquals(java.util.Set.of(), missing, "operations and pages without a row in " + MATRIX);
    }

    private static HttpResponse<String> send(WebSession session, String method, String path, String body)
            throws Exception {
        if (!path.startsWith("api/")) {
            return session.request(method, path, null, null, false);
        }
        if (body.equals("@pdf")) {
            return session.request(method, path, "application/octet-stream", ApplicationJourneyIT.samplePdf(), true);
        }
        if (body.equals("@csv")) {
            return session.request(method, path, "text/csv", "wijkcode;periode\n".getBytes(StandardCharsets.UTF_8),
                    true);
        }
        // Downloads (CSV, PDF, ZIP, the logo's PNG) are asked for as any type, as a browser does.
        if (path.endsWith(".csv") || path.contains("/export") || path.contains("impact/report")
                || path.contains("personal-data") || path.endsWith("/logo")) {
            return session.get(path);
        }
        return session.api(method, path.substring(4), body.isEmpty() ? null : body);
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    static String fill(String path, Map<String, String> ids) {
        Matcher matcher = PLACEHOLDER.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String id = ids.get(matcher.group(1));
            if (id == null) {
                throw new AssertionError("the matrix names an unknown object {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(id));
        }
        return matcher.appendTail(filled).toString();
    }

    /** The objects the table names: fresh ones of this test, and the demo world's grants (only read here). */
    private Map<String, String> objects() throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        long app = Fixtures.applicationInAssessment(fund.callId(), "Matrix " + System.nanoTime(), "8000.00");
        Fixtures.withActivitiesAndPartner(app, Fixtures.demoPartnerId(), "8000.00");
        TestDatabase.update("INSERT INTO review_assignment (application_id, reviewer_id, assigned_at, assigned_by,"
                + " version) VALUES (?, ?, NOW(6), ?, 0)", app, TestDatabase.userId(Fixtures.OFFICER), Fixtures.OFFICER);
        ids.put("call", String.valueOf(fund.callId()));
        ids.put("app", String.valueOf(app));
        ids.put("review", one("SELECT MAX(id) FROM review_assignment WHERE application_id = ?", app));

        WebSession organiser = new WebSession(base.toURI());
        organiser.login(Fixtures.ORGANISER, Fixtures.PASSWORD);
        HttpResponse<String> started = organiser.api("POST", "calls/" + fund.callId() + "/applications", null);
        assertEquals(201, started.statusCode(), started.body());
        long draft = Json.createReader(new java.io.StringReader(started.body())).readObject()
                .getJsonNumber("id").longValue();
        ids.put("draft", String.valueOf(draft));
        HttpResponse<String> uploaded = organiser.upload(draft, "plan.pdf", ApplicationJourneyIT.samplePdf());
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        long attachment = Json.createReader(new java.io.StringReader(uploaded.body())).readObject()
                .getJsonNumber("id").longValue();
        // Moved onto the submitted application: a file of a submitted application is what others may see.
        TestDatabase.update("UPDATE attachment SET application_id = ? WHERE id = ?", app, attachment);
        ids.put("attachment", String.valueOf(attachment));
        // The conversation on {app}: a message of the officer with a file (the application's to see) and an internal
        // note with a file (staff's only).
        ids.put("threadFile", threadFile(app, "MESSAGE"));
        ids.put("noteFile", threadFile(app, "NOTE"));

        ids.put("draftVersion", one("SELECT version FROM application WHERE id = ?", draft));
        // Awaiting intake, complete (an answer is checked like a submission): the officer asks, the organiser
        // answers, the officer completes the intake.
        ids.put("intake", String.valueOf(submitted(organiser, fund.callId())));
        ids.put("inTwoWeeks", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).plusDays(14).toString());
        // A question whose answer deadline passed unanswered: the officer may close it.
        long lapsed = Fixtures.applicationInAssessment(fund.callId(), "Matrix lapsed " + System.nanoTime(), "6000.00");
        TestDatabase.update("UPDATE application SET status = 'INFORMATION_REQUESTED', intake_completed_at = NULL"
                + " WHERE id = ?", lapsed);
        TestDatabase.update("INSERT INTO information_request (application_id, requested_at, requested_on, requested_by,"
                + " message, answer_deadline) VALUES (?, NOW(6), CURRENT_DATE - INTERVAL 20 DAY, ?, 'Stuur de"
                + " begroting mee.', CURRENT_DATE - INTERVAL 2 DAY)", lapsed, Fixtures.OFFICER);
        ids.put("lapsed", String.valueOf(lapsed));
        // The settled cost parameters as they are: the fund manager saves them again, nothing changes.
        WebSession manager = new WebSession(base.toURI());
        manager.login(FUND_MANAGER, Fixtures.PASSWORD);
        HttpResponse<String> costs = manager.api("GET", "impact/cost-parameters", null);
        assertEquals(200, costs.statusCode(), costs.body());
        ids.put("costParameters", Json.createReader(new java.io.StringReader(costs.body())).readObject()
                .getJsonObject("parameters").toString());
        ids.put("account", String.valueOf(TestDatabase.userId(Fixtures.ORGANISER)));
        String grant = one("SELECT id FROM application WHERE title = 'Voorlezen en ontmoeten in Kloosterveen'");
        ids.put("grant", grant);
        ids.put("decision", one("SELECT MAX(id) FROM grant_decision WHERE application_id = ?", grant));
        ids.put("letter", one("SELECT MAX(d.id) FROM issued_document d WHERE d.application_id = ?"
                + " AND d.kind LIKE 'DECISION%'", grant));
        ids.put("payment", one("SELECT MIN(id) FROM payment_instruction WHERE application_id = ?", grant));
        ids.put("rrOrganiser", one("SELECT MIN(id) FROM report_request WHERE application_id = ?"
                + " AND partner_id IS NULL", grant));
        ids.put("rrPartner", one("SELECT MIN(id) FROM report_request WHERE application_id = ? AND partner_id = ?",
                grant, Fixtures.demoPartnerId()));
        String closed = one("SELECT MIN(application_id) FROM reclaim");
        ids.put("closed", closed);
        ids.put("reclaim", one("SELECT MIN(id) FROM reclaim WHERE application_id = ?", closed));
        ids.put("report", one("SELECT MIN(r.id) FROM report r JOIN report_request q ON q.id = r.request_id"
                + " WHERE q.application_id = ?", closed));
        ids.put("municipality", one("SELECT id FROM municipality WHERE code = 'GM0106'"));
        ids.put("neighbourhood", one("SELECT id FROM neighbourhood WHERE name = 'Kloosterveen' AND code LIKE 'WK0106%'"));
        ids.put("fund", String.valueOf(fund.fundId()));
        ids.put("partner", String.valueOf(Fixtures.demoPartnerId()));
        ids.put("staff", String.valueOf(TestDatabase.userId(Fixtures.OFFICER)));
        ids.put("organisation", "40023871"); // Stichting Buurthuis Kloosterveen: awards in Assen only
        ids.put("ownOrganisation", "40012345"); // the demo organiser administers it (the demo's broker claim)
        ids.put("missing", "987654321");
        ids.put("day", "2099-06-30");
        return ids;
    }

    /** A complete application of the demo organiser in the given call, submitted through the API. */
    private static long submitted(WebSession organiser, long callId) throws Exception {
        HttpResponse<String> started = organiser.api("POST", "calls/" + callId + "/applications", null);
        assertEquals(201, started.statusCode(), started.body());
        long id = Json.createReader(new java.io.StringReader(started.body())).readObject().getJsonNumber("id")
                .longValue();
        java.time.LocalDate start = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).plusMonths(1);
        String form = Json.createObjectBuilder()
                .add("id", id)
                .add("version", Long.parseLong(one("SELECT version FROM application WHERE id = ?", id)))
                .add("organisationName", "Stichting Matrix")
                .add("legalForm", "FOUNDATION")
                .add("kvkNumber", "4001 2345")
                .add("iban", "NL91ABNA0417164300")
                .add("accountHolder", "Stichting Matrix")
                .add("contactName", "Anna de Vries")
                .add("contactEmail", Fixtures.ORGANISER)
                .add("postalStreet", "Stationsstraat 12")
                .add("postalCode", "9401ab")
                .add("postalTown", "Assen")
                .add("title", "Matrix intake " + System.nanoTime())
                .add("summary", "Een buurtkamer waar ouderen elkaar ontmoeten.")
                .add("description", "Elke week open, met vrijwilligers en de bibliotheek.")
                .add("theoryOfChange", "Minder eenzaamheid, dus minder vraag naar Wmo-begeleiding.")
                .add("startDate", start.toString())
                .add("endDate", start.plusMonths(10).toString())
                .add("neighbourhoodIds", Json.createArrayBuilder()
                        .add(Long.parseLong(one("SELECT MIN(id) FROM neighbourhood"))))
                .add("themes", Json.createArrayBuilder().add("MEETING_PLACE"))
                .add("targetGroups", Json.createArrayBuilder().add("OLDER_PEOPLE"))
                .add("careDomains", Json.createArrayBuilder().add("WMO"))
                .add("partnerIds", Json.createArrayBuilder().add(Fixtures.demoPartnerId()))
                .add("activities", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "Wekelijkse inloop").add("plannedParticipants", 40)
                        .add("plannedSessions", 40).add("plannedVolunteers", 6)))
                .add("budgetLines", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("kind", "COST").add("description", "Huur")
                                .add("amount", new java.math.BigDecimal("6000.00")))
                        .add(Json.createObjectBuilder().add("kind", "IN_KIND_HOURS").add("description", "Vrijwilligers")
                                .add("hours", 200)))
                .build().toString();
        HttpResponse<String> saved = organiser.api("PUT", "applications/" + id + "/form", form);
        assertEquals(200, saved.statusCode(), saved.body());
        HttpResponse<String> sent = organiser.api("POST", "applications/" + id + "/submit", null);
        assertEquals(200, sent.statusCode(), sent.body());
        return id;
    }

    /** A message or note of the demo officer on the application, with a PDF; the file's id. */
    private static String threadFile(long app, String kind) throws Exception {
        TestDatabase.update("INSERT INTO thread_message (municipality_id, application_id, kind, author_id, author_name,"
                + " author_side, body, posted_at) SELECT municipality_id, id, ?, ?, 'Adviseur', 'STAFF', 'Matrix',"
                + " CURRENT_TIMESTAMP FROM application WHERE id = ?", kind, TestDatabase.userId(Fixtures.OFFICER), app);
        String message = one("SELECT MAX(id) FROM thread_message WHERE application_id = ? AND kind = ?", app, kind);
        byte[] pdf = ApplicationJourneyIT.samplePdf();
        TestDatabase.update("INSERT INTO attachment (application_id, filename, media_type, size_bytes, sha256,"
                + " uploaded_at, uploaded_by, thread_message_id) VALUES (?, ?, 'application/pdf', ?, ?,"
                + " CURRENT_TIMESTAMP, ?, ?)", app, kind.toLowerCase() + ".pdf", pdf.length, "0".repeat(64),
                Fixtures.OFFICER, Long.parseLong(message));
        String file = one("SELECT MAX(id) FROM attachment WHERE thread_message_id = ?", Long.parseLong(message));
        TestDatabase.update("INSERT INTO attachment_content (attachment_id, content) VALUES (?, ?)",
                Long.parseLong(file), pdf);
        return file;
    }

    private static String one(String sql, Object... parameters) throws Exception {
        List<List<Object>> rows = TestDatabase.query(sql, parameters);
        Object value = rows.isEmpty() ? null : rows.get(0).get(0);
        if (value == null) {
            throw new AssertionError("the demo world has no row for: " + sql);
        }
        return value.toString();
    }
}
