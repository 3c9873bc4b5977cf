package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input and hostile requests: injection strings in every query parameter, uploads that lie about their
 * type or are too big, cross-site requests, and the security headers on every kind of answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InputSecurityIT {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";
    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "1' OR 1=1 -- ", "1; DROP TABLE application",
            "%' UNION SELECT email, password_hash FROM app_user -- ", "\" OR \"\"=\"", "1) OR (1=1", "' AND SLEEP(5) -- ",
            "\\'; SELECT 1; --");
    /** Words a database error, a stack trace or a leaked hash would show. */
    private static final Pattern LEAK = Pattern.compile(
            "SQL|syntax|MariaDB|mysql|Exception|\\bat [a-z]+\\.[a-z]|PBKDF2|password_hash|Stack", Pattern.CASE_INSENSITIVE);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private WebSession organiser;

    @BeforeEach
    void login() throws Exception {
        organiser = session(Fixtures.ORGANISER);
    }

    private WebSession session(String login) throws Exception {
        WebSession session = new WebSession(base.toURI());
        assertEquals(302, session.login(login, Fixtures.PASSWORD).statusCode(), login);
        return session;
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    // ---- SQL injection --------------------------------------------------------------------------------------

    @Test
    void injectionStringsInQueryParametersAreJustValues() throws Exception {
        WebSession officer = session(Fixtures.OFFICER);
        WebSession fundManager = session(FUND_MANAGER);
        List<String> templates = List.of("applications?text=%s", "applications?status=%s", "applications?callId=%s",
                "applications?first=%s", "calls?open=%s", "calls?size=%s", "open/register?q=%s",
                "open/register?theme=%s", "open/register?neighbourhood=%s", "open/register?year=%s", "deadlines?x=%s",
                "reclaims?status=%s", "impact/dashboard?theme=%s", "impact/dashboard?careDomain=%s",
                "impact/dashboard?wmoCost=%s", "applications/%s");
        List<String> fundManagerOnly = List.of("payments?status=%s", "payments/export?dueBefore=%s",
                "indicators?indicator=%s", "indicators?from=%s");
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (String injection : INJECTIONS) {
            String value = URLEncoder.encode(injection, StandardCharsets.UTF_8).replace("+", "%20");
            for (String template : templates) {
                sent++;
                check(officer, String.format(template, value), injection, wrong);
            }
            for (String template : fundManagerOnly) {
                sent++;
                check(fundManager, String.format(template, value), injection, wrong);
            }
        }
        System.out.println("Injection strings: " + sent + " requests");
        assertEquals(List.of(), wrong, String.join("\n", wrong));

        // Not a filter that is always true: the staff list has rows, and the injected text finds none. (The
        // organiser's and partner's lists have no text filter.)
        assertTrue(json(officer.api("GET", "applications?size=200", null)).getInt("total") > 0);
        for (String injection : INJECTIONS) {
            HttpResponse<String> found = officer.api("GET", "applications?text="
                    + URLEncoder.encode(injection, StandardCharsets.UTF_8), null);
            assertEquals(0, json(found).getInt("total"), injection + ": " + found.body());
        }
        HttpResponse<String> open = organiser.api("GET", "open/register?q="
                + URLEncoder.encode("' OR '1'='1", StandardCharsets.UTF_8), null);
        assertEquals(0, json(open).getInt("total"), open.body());
    }

    private static void check(WebSession session, String path, String injection, List<String> wrong)
            throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = path.startsWith("payments/export") ? session.get("api/" + path)
                : session.api("GET", path, null);
        long millis = (System.nanoTime() - started) / 1_000_000;
        int status = response.statusCode();
        // 404 only where the path itself is the value (applications/<text> is no address).
        boolean statusRight = status == 200 || status == 400 || status == 422
                || (status == 404 && path.startsWith("applications/"));
        // A message may quote the refused value back; only what is left could be a leak.
        String body = response.body().replace(injection.replace("\"", "\\\""), "").replace(injection, "");
        if (!statusRight || LEAK.matcher(body).find() || millis > 4000) {
            wrong.add(path + " -> " + status + " in " + millis + " ms: " + response.body());
        }
    }

    @Test
    void injectionInAJsonBodyIsStoredLiterally() throws Exception {
        long callId = Fixtures.fundWithCall("100000.00").callId();
        HttpResponse<String> started = organiser.api("POST", "calls/" + callId + "/applications", null);
        long id = json(started).getJsonNumber("id").longValue();
        String title = "Robert'); DROP TABLE application; --";
        String body = Json.createObjectBuilder(json(organiser.api("GET", "applications/" + id + "/form", null)))
                .add("title", title).add("summary", "x' OR '1'='1").build().toString();
        HttpResponse<String> saved = organiser.api("PUT", "applications/" + id + "/form", body);
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(title, json(organiser.api("GET", "applications/" + id + "/form", null)).getString("title"));
        assertEquals(title, TestDatabase.query("SELECT title FROM application WHERE id = ?", id).get(0).get(0));
        assertTrue(TestDatabase.count("SELECT COUNT(*) FROM application") > 1, "the table is still there");
    }

    // ---- uploads --------------------------------------------------------------------------------------------

    private long draft() throws Exception {
        long callId = Fixtures.fundWithCall("100000.00").callId();
        return json(organiser.api("POST", "calls/" + callId + "/applications", null)).getJsonNumber("id").longValue();
    }

    private static byte[] executable() {
        byte[] bytes = new byte[2048];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }

    @Test
    void applicationAttachmentsAreCheckedByContentAndSize() throws Exception {
        long id = draft();
        byte[] pdf = ApplicationJourneyIT.samplePdf();
        byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] php = "<?php system($_GET['c']); ?>".getBytes(StandardCharsets.UTF_8);
        Object[][] refused = {
            {"setup.exe", executable(), "attachment.typeRefused"},
            {"plan.pdf", executable(), "attachment.typeRefused"},
            {"plan.pdf", html, "attachment.typeRefused"},
            {"pagina.html", html, "attachment.typeRefused"},
            {"report.pdf.exe", pdf, "attachment.extensionMismatch"},
            {"x.php.pdf", php, "attachment.typeRefused"},
            {"x.pdf.php", pdf, "attachment.extensionMismatch"},
            {"plan.zip", zip("a.txt", 1000), "attachment.typeRefused"},
            {"groot.pdf", new byte[(int) (10L * 1024 * 1024) + 1], "attachment.tooLarge"},
        };
        for (Object[] upload : refused) {
            HttpResponse<String> answer = organiser.upload(id, (String) upload[0], (byte[]) upload[1]);
            assertEquals(422, answer.statusCode(), upload[0] + ": " + answer.body());
            assertTrue(answer.body().contains((String) upload[2]), upload[0] + ": " + answer.body());
            // A message in the caller's language, not just a key.
            assertFalse(json(answer).getJsonArray("problems").getJsonObject(0).getString("message").isBlank());
        }
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM attachment WHERE application_id = ?", id),
                "nothing refused is stored");

        // Three times the limit (under the 32 MiB Undertow takes at all): the server reads no more than the limit allows and answers the same.
        byte[] huge = new byte[30 * 1024 * 1024];
        HttpResponse<String> hugeAnswer = organiser.upload(id, "enorm.pdf", huge);
        assertEquals(422, hugeAnswer.statusCode(), hugeAnswer.body());
        assertTrue(hugeAnswer.body().contains("attachment.tooLarge"), hugeAnswer.body());

        // An Office file is a zip; a bomb in Office clothes is stored as the bytes it is, never unpacked.
        byte[] bomb = officeZipBomb();
        assertTrue(bomb.length < 2 * 1024 * 1024, "the bomb is small: " + bomb.length);
        long started = System.nanoTime();
        HttpResponse<String> stored = organiser.upload(id, "begroting.docx", bomb);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(201, stored.statusCode(), stored.body());
        assertEquals(bomb.length, json(stored).getJsonNumber("sizeBytes").longValue());
        assertTrue(millis < 5000, "not unpacked: " + millis + " ms");
        assertEquals(200, session(Fixtures.ORGANISER).get("index.xhtml").statusCode(), "the server is fine");
    }

    @Test
    void reportAttachmentsAndCsvUploadsRefuseWhatTheyAreNot() throws Exception {
        WebSession partner = session(Fixtures.PARTNER);
        long request = TestDatabase.count("SELECT MIN(id) FROM report_request WHERE partner_id = ?",
                Fixtures.demoPartnerId());
        for (Object[] upload : new Object[][] {{"cijfers.pdf", executable(), "attachment.typeRefused"},
                {"verslag.pdf.exe", ApplicationJourneyIT.samplePdf(), "attachment.extensionMismatch"},
                {"groot.pdf", new byte[(int) (10L * 1024 * 1024) + 1], "attachment.tooLarge"}}) {
            HttpResponse<String> answer = partner.request("POST", "api/report-requests/" + request
                            + "/attachments?filename=" + URLEncoder.encode((String) upload[0], StandardCharsets.UTF_8),
                    "application/octet-stream", (byte[]) upload[1], true);
            assertEquals(422, answer.statusCode(), upload[0] + ": " + answer.body());
            assertTrue(answer.body().contains((String) upload[2]), answer.body());
        }
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM attachment WHERE report_request_id = ?", request));

        WebSession fundManager = session(FUND_MANAGER);
        long imports = TestDatabase.count("SELECT COUNT(*) FROM care_indicator_import");
        long reports = TestDatabase.count("SELECT COUNT(*) FROM report");
        byte[] tooBig = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(tooBig, (byte) 'a');
        for (byte[] content : List.of(executable(), zip("cijfers.csv", 100000), tooBig)) {
            HttpResponse<String> csv = partner.postBytes("partner/report-upload", "text/csv", content);
            assertTrue(csv.statusCode() == 422 || csv.statusCode() == 200, csv.body());
            assertFalse(csv.body().contains("\"submitted\":1"), csv.body());
            assertFalse(LEAK.matcher(csv.body()).find(), csv.body());
            HttpResponse<String> indicators = fundManager.postBytes("indicators/import", "text/csv", content);
            assertTrue(indicators.statusCode() == 422 || indicators.statusCode() == 200, indicators.body());
            assertFalse(indicators.body().contains("\"stored\":true"), indicators.body());
            assertFalse(LEAK.matcher(indicators.body()).find(), indicators.body());
        }
        HttpResponse<String> big = fundManager.postBytes("indicators/import", "text/csv", tooBig);
        assertTrue(big.body().contains("csv.tooBig") || big.body().contains("5 MB") || big.body().contains("5 MiB"),
                big.body());
        assertEquals(imports, TestDatabase.count("SELECT COUNT(*) FROM care_indicator_import"), "nothing imported");
        assertEquals(reports, TestDatabase.count("SELECT COUNT(*) FROM report"), "no report submitted");
    }

    static byte[] zip(String name, int zeros) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(new byte[zeros]);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A .docx-shaped zip with one part that inflates to 500 MiB of zeros. */
    static byte[] officeZipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < 500; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    // ---- CSRF -----------------------------------------------------------------------------------------------

    @Test
    void apiStateChangesNeedTheHeaderAndNoForeignOrigin() throws Exception {
        WebSession officer = session(Fixtures.OFFICER);
        HttpResponse<String> bare = officer.request("POST", "api/monitoring/reminders", null, null, false);
        assertEquals(403, bare.statusCode(), bare.body());
        assertTrue(bare.body().contains("api.headerRequired"), bare.body());
        HttpResponse<String> formPost = officer.request("POST", "api/monitoring/reminders",
                "application/x-www-form-urlencoded", "a=b".getBytes(StandardCharsets.UTF_8), false);
        assertEquals(403, formPost.statusCode(), formPost.body());

        for (String origin : List.of("https://evil.example", "null", "http://localhost.evil.example")) {
            HttpResponse<String> foreign = officer.requestWithHeaders("POST", "api/monitoring/reminders",
                    Map.of("X-Requested-With", "test", "Origin", origin));
            assertEquals(403, foreign.statusCode(), origin + ": " + foreign.body());
            assertTrue(foreign.body().contains("api.originRefused"), foreign.body());
        }
        HttpResponse<String> crossSite = officer.requestWithHeaders("POST", "api/monitoring/reminders",
                Map.of("X-Requested-With", "test", "Sec-Fetch-Site", "cross-site"));
        assertEquals(403, crossSite.statusCode(), crossSite.body());

        String own = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        HttpResponse<String> sameOrigin = officer.requestWithHeaders("POST", "api/monitoring/reminders",
                Map.of("X-Requested-With", "test", "Origin", own, "Sec-Fetch-Site", "same-origin"));
        assertEquals(200, sameOrigin.statusCode(), sameOrigin.body());
        // Reading stays possible for other sites' links: GET changes nothing.
        assertEquals(200, officer.requestWithHeaders("GET", "api/deadlines", Map.of("Origin", "https://evil.example"))
                .statusCode());
    }

    @Test
    void facesFormsNeedTheViewStateOfTheirOwnSession() throws Exception {
        String victimLogin = TestDatabase.cloneAccount(Fixtures.ORGANISER, null);
        String hashBefore = (String) TestDatabase.query("SELECT password_hash FROM app_user WHERE email = ?",
                victimLogin).get(0).get(0);
        WebSession victim = session(victimLogin);
        WebSession attacker = session(TestDatabase.cloneAccount(Fixtures.ORGANISER, null));
        // The attacker's own, valid view state, replayed with the victim's cookie (as a cross-site form would).
        String attackerViewState = viewState(attacker.get("account/password.xhtml").body());
        Map<String, String> fields = Map.of("password", "password", "password:currentPassword", Fixtures.PASSWORD,
                "password:newPassword", "Overgenomen-2026!", "password:newPasswordRepeat", "Overgenomen-2026!",
                "password:submit", "", "jakarta.faces.ViewState", attackerViewState);
        HttpResponse<String> replayed = victim.postForm("account/password.xhtml", fields);
        HttpResponse<String> withoutState = victim.postForm("account/password.xhtml",
                Map.of("password", "password", "password:currentPassword", Fixtures.PASSWORD,
                        "password:newPassword", "Overgenomen-2026!", "password:newPasswordRepeat", "Overgenomen-2026!",
                        "password:submit", ""));
        for (HttpResponse<String> answer : List.of(replayed, withoutState)) {
            assertFalse(answer.body().contains("passwordChanged"), answer.body());
        }
        assertEquals(hashBefore, TestDatabase.query("SELECT password_hash FROM app_user WHERE email = ?", victimLogin)
                .get(0).get(0), "the password is unchanged");
        // The session cookie is not sent on cross-site form posts at all.
        HttpResponse<String> login = new WebSession(base.toURI()).get("login.xhtml");
        String cookie = String.join("\n", login.headers().allValues("Set-Cookie"));
        assertTrue(cookie.isEmpty() || cookie.contains("SameSite=Lax") || cookie.contains("SameSite=Strict"), cookie);
    }

    private static String viewState(String page) {
        Matcher matcher = Pattern.compile("name=\"jakarta.faces.ViewState\" id=\"[^\"]*\" value=\"([^\"]+)\"")
                .matcher(page);
        assertTrue(matcher.find(), "a JSF form");
        return matcher.group(1);
    }

    // ---- headers and error pages -----------------------------------------------------------------------------

    @Test
    void securityHeadersOnPagesApiStaticResourcesAndErrors() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        HttpResponse<String> login = get(anonymous, "login.xhtml");
        Matcher resource = Pattern.compile("(?:src|href)=\"/preventiefonds/(jakarta\\.faces\\.resource/[^\"]+)\"")
                .matcher(login.body());
        assertTrue(resource.find(), "the page loads a static resource");
        WebSession officer = session(Fixtures.OFFICER);
        Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
        answers.put("page", login);
        answers.put("logged-in page", officer.get("officer/index.xhtml"));
        answers.put("REST", get(anonymous, "api/open/register"));
        answers.put("REST 401", get(anonymous, "api/deadlines"));
        answers.put("static resource", get(anonymous, resource.group(1).replace("&amp;", "&")));
        answers.put("404 page", get(anonymous, "no-such-page.xhtml"));
        answers.put("404 file", get(anonymous, "no-such-file.txt"));
        answers.put("403 page", officer.get("admin/index.xhtml"));
        answers.put("500 API", officer.api("PUT", "test-clock?at=not-a-moment", null));
        List<String> wrong = new ArrayList<>();
        answers.forEach((what, answer) -> {
            String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
            for (String directive : List.of("default-src 'self'", "object-src 'none'", "frame-ancestors 'self'",
                    "base-uri 'self'", "form-action 'self'")) {
                if (!csp.contains(directive)) {
                    wrong.add(what + ": CSP without " + directive + ": " + csp);
                }
            }
            expect(wrong, what, answer, "X-Content-Type-Options", "nosniff");
            expect(wrong, what, answer, "X-Frame-Options", "SAMEORIGIN");
            expect(wrong, what, answer, "Referrer-Policy", "same-origin");
            if (answer.headers().firstValue("Strict-Transport-Security").isPresent()) {
                wrong.add(what + ": HSTS over plain HTTP");
            }
        });
        assertEquals(List.of(), wrong, String.join("\n", wrong));
        assertEquals(404, answers.get("404 page").statusCode());
        assertEquals(500, answers.get("500 API").statusCode(), answers.get("500 API").body());
        for (String what : List.of("404 page", "404 file", "403 page", "500 API", "REST 401")) {
            String body = visibleText(answers.get(what).body());
            assertFalse(LEAK.matcher(body).find(), what + " leaks: " + body);
        }
    }

    @Test
    void aFailingPageShowsTheErrorPageWithoutDetails() throws Exception {
        WebSession officer = session(Fixtures.OFFICER);
        // A view state that was never issued: the expired page, no stack trace.
        HttpResponse<String> forged = officer.postForm("officer/index.xhtml", Map.of("jakarta.faces.ViewState",
                "-1234567890:987654321", "x", "x"));
        assertFalse(LEAK.matcher(visibleText(forged.body())).find(), forged.body());
        HttpResponse<String> page = officer.get("error/error.xhtml");
        assertFalse(LEAK.matcher(visibleText(page.body())).find(), page.body());
    }

    /** What a reader sees: the page without its scripts (PrimeFaces' own code names exception handlers). */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]*>", " ");
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(List<String> wrong, String what, HttpResponse<String> answer, String header,
                               String value) {
        String actual = answer.headers().firstValue(header).orElse(null);
        if (!value.equals(actual)) {
            wrong.add(what + ": " + header + " is " + actual);
        }
    }
}
