package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Open data against the real EAR and MariaDB: the public register and the 360Giving downloads answer anonymous
 * callers, show awards only, carry no personal data, and the JSON is valid against the official 360Giving schema
 * (the copy in ejb/src/test/resources/threesixtygiving, see its README).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenDataIT {
    private static final String CONTACT_NAME = "Anna de Vries";
    private static final String IBAN = "NL91ABNA0417164300";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private WebSession login(String email) throws Exception {
        return WebSession.loggedIn(base, email);
    }

    private WebSession anonymous() throws Exception {
        return new WebSession(base.toURI());
    }

    private static JsonObject object(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String reference(long id) throws Exception {
        return (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?", id).get(0).get(0);
    }

    /** An awarded application in Pittelo on loneliness, decided through the API as MonitoringIT does. */
    private long awarded(Fixtures.FundAndCall fund, String title, String amount) throws Exception {
        long id = Fixtures.applicationInAssessment(fund.callId(), title, amount);
        Fixtures.withActivitiesAndPartner(id, Fixtures.demoPartnerId(), amount);
        TestDatabase.update("INSERT INTO application_neighbourhood (application_id, neighbourhood_id)"
                + " SELECT ?, id FROM neighbourhood WHERE name = 'Pittelo'", id);
        TestDatabase.update("INSERT INTO application_theme (application_id, theme) VALUES (?, 'LONELINESS')", id);
        Fixtures.completedReview(id, Fixtures.OFFICER);
        HttpResponse<String> decided = login(Fixtures.DECISION_MAKER).api("POST", "applications/" + id + "/decision",
                "{\"outcome\":\"AWARD\",\"advancePercent\":80}");
        assertEquals(200, decided.statusCode(), decided.body());
        return id;
    }

    private static void assertNoPersonalData(String body) {
        assertFalse(body.contains(Fixtures.ORGANISER), "the contact e-mail is published");
        assertFalse(body.contains(IBAN), "the IBAN is published");
        assertFalse(body.contains(CONTACT_NAME), "the contact person is published");
    }

    @Test
    void anyoneReadsAwardsOnlyWithoutPersonalDataInRegisterAndDownloads() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("200000.00");
        String title = "Open buurtkamer " + System.nanoTime();
        long award = awarded(fund, title, "30000.00");
        String ref = reference(award);
        String code = (String) TestDatabase.query("SELECT m.code FROM fund f JOIN municipality m"
                + " ON m.id = f.municipality_id WHERE f.id = ?", fund.fundId()).get(0).get(0);
        String wk = (String) TestDatabase.query("SELECT code FROM neighbourhood WHERE name = 'Pittelo'").get(0).get(0);

        long rejected = Fixtures.applicationInAssessment(fund.callId(), "Afgewezen open " + System.nanoTime(), "9000.00");
        Fixtures.completedReview(rejected, Fixtures.OFFICER);
        HttpResponse<String> reject = login(Fixtures.DECISION_MAKER).api("POST", "applications/" + rejected
                + "/decision", "{\"outcome\":\"REJECT\",\"reasons\":\"Het initiatief richt zich niet op preventie.\"}");
        assertEquals(200, reject.statusCode(), reject.body());
        long draft = Fixtures.applicationInAssessment(fund.callId(), "Concept open " + System.nanoTime(), "8000.00");
        TestDatabase.update("UPDATE application SET status = 'DRAFT' WHERE id = ?", draft);
        long withdrawn = Fixtures.applicationInAssessment(fund.callId(), "Ingetrokken open " + System.nanoTime(),
                "7000.00");
        TestDatabase.update("UPDATE application SET status = 'WITHDRAWN' WHERE id = ?", withdrawn);
        List<String> hidden = List.of(reference(rejected), reference(draft), reference(withdrawn));

        // A sole trader under the contact person's own name: awarded, but name and KvK number stay out.
        long soleTrader = Fixtures.applicationInAssessment(fund.callId(), "Eenmanszaak open " + System.nanoTime(),
                "6000.00");
        TestDatabase.update("UPDATE application SET org_legal_form = 'SOLE_PROPRIETORSHIP', org_name = ?,"
                + " org_account_holder = ?, org_kvk_number = '40099999', org_is_undertaking = TRUE,"
                + " de_minimis_declared = TRUE, de_minimis_prior_amount = 0 WHERE id = ?", CONTACT_NAME, CONTACT_NAME,
                soleTrader);
        Fixtures.completedReview(soleTrader, Fixtures.OFFICER);
        HttpResponse<String> soleAward = login(Fixtures.DECISION_MAKER).api("POST", "applications/" + soleTrader
                + "/decision", "{\"outcome\":\"AWARD\",\"advancePercent\":80}");
        assertEquals(200, soleAward.statusCode(), soleAward.body());
        String soleRef = reference(soleTrader);

        // A foundation named after its contact person: published as a grant, but the name stays withheld.
        long namedAfterPerson = Fixtures.applicationInAssessment(fund.callId(), "Stichting open "
                + System.nanoTime(), "5000.00");
        TestDatabase.update("UPDATE application SET org_legal_form = 'FOUNDATION', org_name = ?,"
                + " org_kvk_number = '40012345' WHERE id = ?", CONTACT_NAME, namedAfterPerson);
        Fixtures.completedReview(namedAfterPerson, Fixtures.OFFICER);
        assertEquals(200, login(Fixtures.DECISION_MAKER).api("POST", "applications/" + namedAfterPerson
                + "/decision", "{\"outcome\":\"AWARD\",\"advancePercent\":80}").statusCode());

        WebSession visitor = anonymous();
        // A withheld name is not findable: the search does not look in organisation names at all.
        HttpResponse<String> byName = visitor.api("GET", "open/register?q=" + URLEncoder.encode(CONTACT_NAME,
                StandardCharsets.UTF_8), null);
        assertEquals(0, object(byName.body()).getInt("total"), byName.body());
        HttpResponse<String> badYear = visitor.api("GET", "open/register?year=1000000000", null);
        assertEquals(400, badYear.statusCode(), badYear.body());
        assertTrue(badYear.body().contains("open.yearInvalid"), badYear.body());

        // Pagination links (RFC 8288) to the first, previous, next and last page, at the address the client called.
        HttpResponse<String> firstPage = visitor.api("GET", "open/register?size=1", null);
        long total = object(firstPage.body()).getInt("total");
        assertTrue(total >= 2, "the demo's grants and this test's: " + firstPage.body());
        String links = String.join(", ", firstPage.headers().allValues("Link"));
        assertTrue(links.matches(".*<[^>]*/api/open/register\\?[^>]*first=1[^>]*>; rel=\"next\".*"), links);
        assertTrue(links.contains("first=" + (total - 1)) && links.contains("rel=\"last\""), links);
        assertFalse(links.contains("rel=\"prev\""), "the first page has no previous one: " + links);
        assertEquals("Link", firstPage.headers().firstValue("Access-Control-Expose-Headers").orElse(""),
                "the open register is read cross-origin too");
        HttpResponse<String> secondPage = visitor.api("GET", "v1/open/register?size=1&first=1", null);
        assertEquals(200, secondPage.statusCode(), secondPage.body());
        String versioned = String.join(", ", secondPage.headers().allValues("Link"));
        assertTrue(versioned.matches(".*<[^>]*/api/v1/open/register\\?[^>]*first=0[^>]*>; rel=\"prev\".*"),
                versioned);

        // The paged register, filtered on the reference.
        HttpResponse<String> page = visitor.api("GET", "open/register?q=" + URLEncoder.encode(ref,
                StandardCharsets.UTF_8), null);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").toLowerCase().contains("utf-8"));
        assertTrue(page.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
        JsonObject register = object(page.body());
        assertEquals(1, register.getInt("total"), page.body());
        JsonObject item = register.getJsonArray("items").getJsonObject(0);
        assertEquals(title, item.getString("title"));
        assertEquals("Stichting Café Noë", item.getString("organisationName"));
        assertEquals(0, new BigDecimal("30000.00").compareTo(item.getJsonNumber("amountAwarded").bigDecimalValue()));
        assertEquals("lopend", item.getString("status"));
        assertNoPersonalData(page.body());
        HttpResponse<String> byTheme = visitor.api("GET", "open/register?theme=LONELINESS&neighbourhood=" + wk
                + "&size=100&q=" + URLEncoder.encode(ref, StandardCharsets.UTF_8), null);
        assertEquals(1, object(byTheme.body()).getInt("total"), byTheme.body());
        HttpResponse<String> otherTheme = visitor.api("GET", "open/register?theme=DEBT_PREVENTION&q="
                + URLEncoder.encode(ref, StandardCharsets.UTF_8), null);
        assertEquals(0, object(otherTheme.body()).getInt("total"), otherTheme.body());
        for (String reference : hidden) {
            HttpResponse<String> none = visitor.api("GET", "open/register?q=" + reference, null);
            assertEquals(0, object(none.body()).getInt("total"), reference + ": " + none.body());
        }

        // The 360Giving JSON package.
        HttpResponse<String> json = visitor.api("GET", "open/360giving.json", null);
        assertEquals(200, json.statusCode(), json.body());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").toLowerCase().contains("utf-8"));
        assertTrue(json.headers().firstValue("ETag").isPresent());
        JsonObject grant = object(json.body()).getJsonArray("grants").stream().map(JsonValue::asJsonObject)
                .filter(g -> g.getString("id").equals("360G-" + code + "-" + ref)).findFirst()
                .orElseThrow(() -> new AssertionError("award " + ref + " missing in " + json.body()));
        assertEquals("NL-KVK-40012345", grant.getJsonArray("recipientOrganization").getJsonObject(0).getString("id"));
        assertEquals("Stichting Café Noë", grant.getJsonArray("recipientOrganization").getJsonObject(0)
                .getString("name"));
        assertEquals(wk, grant.getJsonArray("beneficiaryLocation").getJsonObject(0).getString("geoCode"));
        assertEquals("EUR", grant.getString("currency"));
        assertEquals(0, new BigDecimal("30000.00").compareTo(grant.getJsonNumber("amountAwarded").bigDecimalValue()));
        assertNoPersonalData(json.body());
        hidden.forEach(r -> assertFalse(json.body().contains(r), r + " is not an award"));
        assertEquals(List.of(), schemaProblems(json.body()));
        JsonObject sole = object(json.body()).getJsonArray("grants").stream().map(JsonValue::asJsonObject)
                .filter(g -> g.getString("id").equals("360G-" + code + "-" + soleRef)).findFirst()
                .orElseThrow(() -> new AssertionError("award " + soleRef + " missing"));
        assertEquals("360G-" + code + "-ORG-" + soleRef, sole.getJsonArray("recipientOrganization").getJsonObject(0)
                .getString("id"));
        assertFalse(json.body().contains("40099999"), "a sole trader's KvK number leads to the person");
        String etag = json.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = visitor.getWithHeader("api/open/360giving.json", "If-None-Match", etag);
        assertEquals(304, again.statusCode());

        // The 360Giving CSV.
        HttpResponse<String> csv = visitor.get("api/open/360giving.csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("Identifier,Title,Description,Currency,Amount Awarded,Award Date,"
                + "Recipient Org:Identifier,Recipient Org:Name"), csv.body());
        assertTrue(csv.body().contains("360G-" + code + "-" + ref + "," + title), csv.body());
        assertTrue(csv.body().contains("Stichting Café Noë"), "UTF-8 kept");
        assertNoPersonalData(csv.body());
        assertFalse(csv.body().contains("40099999"));
        hidden.forEach(r -> assertFalse(csv.body().contains(r), r + " is not an award"));

        // The same data as one resource of the versioned API, chosen by Accept: no file extension in the address
        // (NLGov API Design Rule /core/path-segments-kebab-case). Any type is the JSON; XML is not offered.
        for (String accept : List.of("application/json", "*/*")) {
            HttpResponse<String> asked = visitor.getWithHeader("api/v1/open/360giving", "Accept", accept);
            assertEquals(200, asked.statusCode(), accept + ": " + asked.body());
            assertTrue(asked.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), accept);
            assertEquals(json.body(), asked.body(), accept);
            assertEquals("Accept", asked.headers().firstValue("Vary").orElse(""), accept);
            assertEquals("*", asked.headers().firstValue("Access-Control-Allow-Origin").orElse(""), accept);
        }
        HttpResponse<String> askedCsv = visitor.getWithHeader("api/v1/open/360giving", "Accept", "text/csv");
        assertEquals(200, askedCsv.statusCode(), askedCsv.body());
        assertTrue(askedCsv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals(csv.body(), askedCsv.body());
        assertEquals("Accept", askedCsv.headers().firstValue("Vary").orElse(""));
        HttpResponse<String> askedXml = visitor.getWithHeader("api/v1/open/360giving", "Accept", "application/xml");
        assertEquals(406, askedXml.statusCode(), askedXml.body());

        // The public page.
        HttpResponse<String> html = visitor.get("open/register.xhtml");
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("api/open/360giving.json"));
        assertTrue(html.body().contains("api/open/360giving.csv"));
        assertTrue(html.body().contains(title), "the award is on the first page of the table");
        assertFalse(html.body().contains(hidden.get(0)), "a rejection is not on the page");
        assertNoPersonalData(html.body());
        HttpResponse<String> home = visitor.get("index.xhtml");
        assertTrue(home.body().contains("open/register.xhtml"), "the start page links the register");
    }

    @Test
    void theRegisterPublishesTheResultsOfTheAcceptedFinalReportOnly() throws Exception {
        // The demo world's completed grant: reported, accepted and determined.
        List<List<Object>> completed = TestDatabase.query("SELECT id, reference FROM application"
                + " WHERE status = 'DETERMINED' ORDER BY id");
        assertFalse(completed.isEmpty(), "the demo world has a determined grant");
        long id = ((Number) completed.get(0).get(0)).longValue();
        String ref = (String) completed.get(0).get(1);
        long participants = TestDatabase.count("SELECT SUM(ra.participants) FROM report_activity ra JOIN report r"
                + " ON r.id = ra.report_id JOIN report_request q ON q.id = r.request_id WHERE q.application_id = ?"
                + " AND q.partner_id IS NULL AND q.purpose = 'FINAL' AND r.review_outcome = 'ACCEPTED'", id);
        assertTrue(participants > 0, "the final report counted participants");
        // A partner's accepted final report and the organiser's newer, unreviewed final report on the same grant,
        // each with far more participants: neither may count.
        long decision = TestDatabase.count("SELECT id FROM grant_decision WHERE application_id = ?", id);
        long activity = TestDatabase.count("SELECT MIN(id) FROM application_activity WHERE application_id = ?", id);
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        for (Long partner : java.util.Arrays.asList(Fixtures.demoPartnerId(), null)) {
            TestDatabase.update("INSERT INTO report_request (application_id, decision_id, partner_id, purpose,"
                    + " required_kind, due_on, status, created_at, version) VALUES (?, ?, ?, 'FINAL', 'ACTIVITY_REPORT',"
                    + " CURRENT_DATE, ?, ?, 0)", id, decision, partner, partner == null ? "SUBMITTED" : "ACCEPTED", now);
            long request = TestDatabase.count("SELECT MAX(id) FROM report_request WHERE application_id = ?", id);
            TestDatabase.update("INSERT INTO report (request_id, submitted_at, submitted_by, narrative, review_outcome,"
                    + " reviewed_by, reviewed_at, participants_total) VALUES (?, ?, 'partner@example.nl', 'Extra', ?, ?,"
                    + " ?, 900)", request, now, partner == null ? null : "ACCEPTED",
                    partner == null ? null : Fixtures.OFFICER, partner == null ? null : now);
            long report = TestDatabase.count("SELECT MAX(id) FROM report WHERE request_id = ?", request);
            TestDatabase.update("INSERT INTO report_activity (report_id, activity_id, participants, sessions, volunteers)"
                    + " VALUES (?, ?, 900, 1, 1)", report, activity);
        }
        long partnerRows = TestDatabase.count("SELECT COUNT(*) FROM report_activity ra JOIN report r ON r.id ="
                + " ra.report_id JOIN report_request q ON q.id = r.request_id WHERE q.application_id = ?"
                + " AND (q.partner_id IS NOT NULL OR r.review_outcome IS NULL OR q.purpose <> 'FINAL')", id);
        assertTrue(partnerRows >= 2, "the grant has other reports to leave out: " + partnerRows);

        WebSession visitor = anonymous();
        JsonObject item = byReference(visitor, ref);
        JsonObject results = item.getJsonObject("results");
        assertEquals(participants, results.getInt("participants"), "from the final report alone (" + partnerRows
                + " other report rows on this grant left out): " + item);
        assertEquals("final report (accepted)", results.getString("source"), item.toString());
        // Searched by its reference: which grants the first page shows depends on what other tests awarded before.
        HttpResponse<String> page = visitor.get("open/register.xhtml?q="
                + java.net.URLEncoder.encode(ref, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(page.body().contains(ref), "the completed grant is on the page");

        // The running demo grant has no accepted report yet: no results, rather than zeros.
        List<List<Object>> running = TestDatabase.query("SELECT a.reference FROM application a JOIN grant_decision d"
                + " ON d.application_id = a.id WHERE a.status = 'AWARDED' AND NOT EXISTS (SELECT 1 FROM report r JOIN"
                + " report_request q ON q.id = r.request_id WHERE q.application_id = a.id AND r.review_outcome ="
                + " 'ACCEPTED') ORDER BY a.id");
        assertFalse(running.isEmpty(), "an award without accepted reports");
        JsonObject open = byReference(visitor, (String) running.get(0).get(0));
        assertTrue(!open.containsKey("results") || open.isNull("results"), open.toString());
    }

    /**
     * The register page is an address: filters and page are its query, so a search can be bookmarked, a bad value is
     * named in Dutch while the other filters still apply, and a visitor who is not logged in gets no session.
     */
    @Test
    void theRegisterPageSearchesByItsAddressWithoutASession() throws Exception {
        List<List<Object>> published = TestDatabase.query("SELECT a.reference, n.name FROM application a"
                + " JOIN grant_decision d ON d.application_id = a.id JOIN application_neighbourhood an"
                + " ON an.application_id = a.id JOIN neighbourhood n ON n.id = an.neighbourhood_id"
                + " WHERE a.status IN ('AWARDED','PARTIALLY_AWARDED','DETERMINED') AND d.outcome IN"
                + " ('AWARD','PARTIAL_AWARD') ORDER BY a.id");
        assertFalse(published.isEmpty(), "the demo world has published awards with neighbourhoods");
        String ref = (String) published.get(0).get(0);
        String place = (String) published.get(0).get(1);
        List<String> elsewhere = TestDatabase.query("SELECT a.reference FROM application a JOIN grant_decision d"
                + " ON d.application_id = a.id WHERE a.status IN ('AWARDED','PARTIALLY_AWARDED','DETERMINED')"
                + " AND d.outcome IN ('AWARD','PARTIAL_AWARD') AND NOT EXISTS (SELECT 1 FROM application_neighbourhood"
                + " an JOIN neighbourhood n ON n.id = an.neighbourhood_id WHERE an.application_id = a.id"
                + " AND n.name = ?)", place).stream().map(r -> (String) r.get(0)).toList();
        WebSession visitor = anonymous();
        String encoded = URLEncoder.encode(place, StandardCharsets.UTF_8);

        HttpResponse<String> byPlace = visitor.get("open/register.xhtml?place=" + encoded);
        assertEquals(200, byPlace.statusCode());
        assertTrue(byPlace.body().contains(ref), place + " shows " + ref);
        // Without an award elsewhere in the demo world this half cannot be checked: say so rather than pass quietly.
        System.out.println("[OpenDataIT] awards outside " + place + " to check the filter against: " + elsewhere);
        elsewhere.forEach(other -> assertFalse(byPlace.body().contains(other), other + " is not in " + place));
        assertTrue(byPlace.body().contains("value=\"" + place + "\""), "the search field keeps the name");

        HttpResponse<String> badYear = visitor.get("open/register.xhtml?year=twintig&theme=NOPE&place=" + encoded);
        assertEquals(200, badYear.statusCode());
        assertTrue(badYear.body().contains("Kies een jaar tussen 1900 en 9999."), "a Dutch message for the year");
        assertTrue(badYear.body().contains("Dit thema bestaat niet."), "and for the theme");
        assertTrue(badYear.body().contains(ref), "the neighbourhood filter still applies");

        HttpResponse<String> unknown = visitor.get("open/register.xhtml?place=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertTrue(unknown.body().contains("Geen wijk met toegekende initiatieven gevonden bij"), unknown.body());
        assertTrue(unknown.body().contains("0 initiatieven gevonden"), "nothing rather than everything");
        assertFalse(unknown.body().contains("<script>alert(1)"), "the text is shown escaped");

        long total = TestDatabase.count("SELECT COUNT(*) FROM application a JOIN grant_decision d ON"
                + " d.application_id = a.id WHERE a.status IN ('AWARDED','PARTIALLY_AWARDED','DETERMINED')"
                + " AND d.outcome IN ('AWARD','PARTIAL_AWARD') AND d.replaced_by_id IS NULL"); // in force only
        HttpResponse<String> beyond = visitor.get("open/register.xhtml?page=999999&size=25");
        assertEquals(200, beyond.statusCode());
        java.text.NumberFormat dutch = java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("nl"));
        assertTrue(beyond.body().contains(dutch.format(total) + " initiatieven gevonden; pagina "
                + dutch.format((total + 24) / 25)),
                "a page beyond the last shows the last: " + total + " awards");

        for (String page : List.of("index.xhtml", "index.xhtml?calls=2", "open/register.xhtml",
                "open/register.xhtml?page=2&place=" + encoded, "open/register.xhtml?municipality=GM0106",
                "open/register.xhtml?municipality=GM9999")) {
            HttpResponse<String> response = new WebSession(base.toURI()).get(page);
            assertEquals(200, response.statusCode(), page);
            assertTrue(response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                    page + " starts no session: " + response.headers().allValues("Set-Cookie"));
            assertFalse(response.body().contains("jakarta.faces.ViewState"), page + " keeps no view state");
        }
    }

    /** Stichtse Vecht, the demo's second municipality (created when the demo lacks it). */
    private static long stichtseVecht() throws Exception {
        List<List<Object>> found = TestDatabase.query("SELECT id FROM municipality WHERE code = 'GM1904'");
        if (found.isEmpty()) {
            TestDatabase.update("INSERT INTO municipality (code, name) VALUES ('GM1904', 'Stichtse Vecht')");
            found = TestDatabase.query("SELECT id FROM municipality WHERE code = 'GM1904'");
        }
        return ((Number) found.get(0).get(0)).longValue();
    }

    /** An award decided today on a fresh application in the call (status and decision written directly). */
    private static String awardedDirectly(long callId, long fundId, String title) throws Exception {
        long id = Fixtures.applicationInAssessment(callId, title, "4000.00");
        TestDatabase.update("UPDATE application SET status = 'AWARDED' WHERE id = ?", id);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        TestDatabase.update("INSERT INTO grant_decision (application_id, outcome, amount, budget_year, fund_id,"
                + " advance_percent, decided_at, decided_on, decided_by, objection_deadline) VALUES (?, 'AWARD',"
                + " 4000, ?, ?, 80, ?, ?, 'd@example.org', ?)", id, today.getYear(), fundId,
                java.sql.Timestamp.from(java.time.Instant.now()), today, today.plusWeeks(6));
        return reference(id);
    }

    private static List<JsonObject> grants(String json) {
        return object(json).getJsonArray("grants").stream().map(JsonValue::asJsonObject).toList();
    }

    /**
     * One installation, many municipalities (issue 18): the register, its totals, its choices and its 360Giving
     * downloads narrow to one municipality by its CBS code, through the API and the page's address; each grant names
     * its own municipality as the funder; a malformed or unknown code is a clear message, never another's data.
     */
    @Test
    void theRegisterAndItsDownloadsNarrowToOneMunicipality() throws Exception {
        Fixtures.FundAndCall assenFund = Fixtures.fundWithCall("100000.00");
        String assen = (String) TestDatabase.query("SELECT m.code FROM fund f JOIN municipality m"
                + " ON m.id = f.municipality_id WHERE f.id = ?", assenFund.fundId()).get(0).get(0);
        assertNotEquals("GM1904", assen);
        String assenTitle = "Assen open " + System.nanoTime();
        String assenRef = awardedDirectly(assenFund.callId(), assenFund.fundId(), assenTitle);
        long assenAward = TestDatabase.count("SELECT id FROM application WHERE reference = ?", assenRef);
        TestDatabase.update("INSERT INTO application_neighbourhood (application_id, neighbourhood_id)"
                + " SELECT ?, id FROM neighbourhood WHERE name = 'Pittelo'", assenAward);
        String vechtFundName = "Vechtfonds " + System.nanoTime();
        TestDatabase.update("INSERT INTO fund (municipality_id, name, total_budget, version) VALUES (?, ?, 100000, 0)",
                stichtseVecht(), vechtFundName);
        long vechtFund = TestDatabase.count("SELECT id FROM fund WHERE name = ?", vechtFundName);
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
        TestDatabase.update("INSERT INTO funding_call (fund_id, title, opens_at, closes_at, max_amount, min_amount,"
                + " decision_term_weeks, budget_year, version) VALUES (?, ?, ?, ?, 50000, 0, 8, ?, 0)", vechtFund,
                "Ronde van " + vechtFundName, now.minusDays(30), now.plusDays(30), now.getYear());
        long vechtCall = TestDatabase.count("SELECT id FROM funding_call WHERE fund_id = ?", vechtFund);
        String vechtTitle = "Vecht open " + System.nanoTime();
        String vechtRef = awardedDirectly(vechtCall, vechtFund, vechtTitle);
        String published = "SELECT COUNT(*) FROM application a JOIN grant_decision d ON d.application_id = a.id"
                + " JOIN municipality m ON m.id = a.municipality_id WHERE a.status IN ('AWARDED','PARTIALLY_AWARDED',"
                + "'DETERMINED') AND d.outcome IN ('AWARD','PARTIAL_AWARD') AND d.replaced_by_id IS NULL";
        long vechtTotal = TestDatabase.count(published + " AND m.code = 'GM1904'");
        long assenTotal = TestDatabase.count(published + " AND m.code = ?", assen);
        long allTotal = TestDatabase.count(published);

        WebSession visitor = anonymous();
        // The API: totals per municipality, each grant funded by its own municipality.
        JsonObject vecht = object(visitor.api("GET", "open/register?size=100&municipality=gm1904", null).body());
        assertEquals(vechtTotal, vecht.getJsonNumber("total").longValue(), vecht.toString());
        assertEquals(assenTotal, object(visitor.api("GET", "open/register?size=1&municipality=" + assen, null).body())
                .getJsonNumber("total").longValue());
        assertEquals(allTotal, object(visitor.api("GET", "open/register?size=1", null).body())
                .getJsonNumber("total").longValue(), "without the parameter: all municipalities");
        vecht.getJsonArray("items").stream().map(JsonValue::asJsonObject).forEach(i -> {
            assertEquals("GM1904", i.getJsonObject("funder").getString("municipality"), i.toString());
            assertEquals("Gemeente Stichtse Vecht", i.getJsonObject("funder").getString("name"), i.toString());
        });
        assertTrue(vecht.getJsonArray("items").stream().anyMatch(i -> i.asJsonObject().getString("reference")
                .equals(vechtRef)), vecht.toString());
        assertEquals("360giving.json?municipality=GM1904", vecht.getJsonObject("downloads").getString("json"));
        assertEquals(0, object(visitor.api("GET", "open/register?municipality=GM1904&q=" + assenRef, null).body())
                .getInt("total"), "Assen's award is not in Stichtse Vecht's register");
        assertEquals(0, object(visitor.api("GET", "open/register?municipality=" + assen + "&q=" + vechtRef, null)
                .body()).getInt("total"), "nor the other way round");
        JsonObject acrossAll = byReference(visitor, vechtRef);
        assertEquals("Gemeente Stichtse Vecht", acrossAll.getJsonObject("funder").getString("name"));
        assertEquals(assen, byReference(visitor, assenRef).getJsonObject("funder").getString("municipality"));

        // A malformed or unknown code: 400 with a problem in the caller's language, on the list and the downloads.
        HttpResponse<String> unknown = visitor.api("GET", "open/register?municipality=GM9999", null);
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("open.municipalityUnknown")
                && unknown.body().contains("Er is geen gemeente met de code"), unknown.body());
        HttpResponse<String> english = visitor.getWithHeader("api/open/register?municipality=Assen",
                "Accept-Language", "en");
        assertEquals(400, english.statusCode(), english.body());
        assertTrue(english.body().contains("open.municipalityInvalid")
                && english.body().contains("Name a municipality by its CBS code"), english.body());
        for (String path : List.of("api/open/360giving?municipality=GM9999", "api/open/360giving.csv?municipality=x",
                "api/v1/open/360giving.json?municipality=GM9999")) {
            HttpResponse<String> bad = visitor.get(path);
            assertEquals(400, bad.statusCode(), path + ": " + bad.body());
            assertFalse(bad.body().contains("Exception"), path + ": " + bad.body());
        }

        // 360Giving of one municipality: its grants only, it the funder; of all: each grant its own funder.
        HttpResponse<String> vechtJson = visitor.get("api/open/360giving.json?municipality=GM1904");
        assertEquals(200, vechtJson.statusCode(), vechtJson.body());
        assertTrue(vechtJson.headers().firstValue("Content-Disposition").orElse("").contains("360giving-GM1904.json"));
        List<JsonObject> vechtGrants = grants(vechtJson.body());
        assertEquals(vechtTotal, vechtGrants.size());
        vechtGrants.forEach(g -> {
            assertTrue(g.getString("id").startsWith("360G-GM1904-"), g.getString("id"));
            assertEquals("Gemeente Stichtse Vecht", g.getJsonArray("fundingOrganization").getJsonObject(0)
                    .getString("name"));
        });
        assertTrue(vechtJson.body().contains(vechtRef) && !vechtJson.body().contains(assenRef), vechtJson.body());
        assertEquals(List.of(), schemaProblems(vechtJson.body()));
        HttpResponse<String> assenCsv = visitor.getWithHeader("api/v1/open/360giving?municipality=" + assen, "Accept",
                "text/csv");
        assertEquals(200, assenCsv.statusCode(), assenCsv.body());
        assertTrue(assenCsv.body().contains(assenRef) && !assenCsv.body().contains(vechtRef));
        assertFalse(assenCsv.body().contains("Gemeente Stichtse Vecht"), "Stichtse Vecht funds nothing of Assen's");
        assertEquals(assenTotal, assenCsv.body().lines().filter(l -> l.startsWith("360G-" + assen + "-")).count(),
                "a record per award of Assen");
        assertEquals(0, assenCsv.body().lines().filter(l -> l.startsWith("360G-GM1904-")).count());
        List<JsonObject> all = grants(visitor.get("api/open/360giving.json").body());
        assertEquals(allTotal, all.size());
        for (JsonObject g : all) {
            String funder = g.getJsonArray("fundingOrganization").getJsonObject(0).getString("name");
            if (g.getString("id").endsWith(vechtRef)) {
                assertEquals("Gemeente Stichtse Vecht", funder);
            } else if (g.getString("id").endsWith(assenRef)) {
                assertNotEquals("Gemeente Stichtse Vecht", funder);
            }
        }

        // The page: a labelled choice of the municipalities with awards, bookmarkable, its heading and downloads.
        HttpResponse<String> page = visitor.get("open/register.xhtml?municipality=GM1904&q=" + vechtRef);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("gemeente Stichtse Vecht</h1>"), "the heading names the municipality");
        assertTrue(page.body().contains("<label for=\"municipality\">"), "a labelled choice");
        assertTrue(page.body().matches("(?s).*<option value=\"GM1904\" selected=\"selected\">Stichtse Vecht</option>.*"),
                "Stichtse Vecht chosen");
        assertTrue(page.body().contains("<option value=\"" + assen + "\""), "Assen to choose too");
        assertTrue(page.body().contains(vechtTitle), "the award is on the page");
        assertTrue(page.body().contains("api/open/360giving.json?municipality=GM1904")
                && page.body().contains("api/open/360giving.csv?municipality=GM1904"), "downloads of the choice");
        assertFalse(page.body().contains("<option value=\"Pittelo\""), "no neighbourhood of Assen to choose");
        HttpResponse<String> other = visitor.get("open/register.xhtml?municipality=GM1904&q=" + assenRef);
        assertTrue(other.body().contains("0 initiatieven gevonden"), "Assen's award is not in Stichtse Vecht's");
        HttpResponse<String> allPage = visitor.get("open/register.xhtml?q=" + assenRef);
        assertTrue(allPage.body().contains("alle gemeenten</h1>") && allPage.body().contains(assenTitle));
        assertTrue(allPage.body().contains("<option value=\"Pittelo\""), "all municipalities' neighbourhoods");
        HttpResponse<String> bad = visitor.get("open/register.xhtml?municipality=GM9999");
        assertEquals(200, bad.statusCode());
        assertTrue(bad.body().contains("Er is geen gemeente met de code ‘GM9999’ in dit register."), bad.body());
        assertTrue(bad.body().contains("alle gemeenten</h1>"), "the register of all municipalities instead");
        // (Every page names ViewExpiredException in PrimeFaces' script, so look for a stack trace's frames.)
        assertFalse(bad.body().matches("(?s).*\\bat [a-z]+(\\.[A-Za-z0-9_$]+)+\\(.*")
                || bad.body().contains("java.lang."), "no stack trace");
    }

    private static JsonObject byReference(WebSession visitor, String ref) throws Exception {
        String body = visitor.api("GET", "open/register?size=100&q=" + ref, null).body();
        return object(body).getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("reference").equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError(ref + " not in the register: " + body));
    }

    @Test
    void anonymousCallersOnlyReadOpenData() throws Exception {
        WebSession visitor = anonymous();
        for (String path : List.of("open/register", "open/360giving.json")) {
            HttpResponse<String> post = visitor.api("POST", path, "{}");
            assertTrue(post.statusCode() == 401 || post.statusCode() == 405, path + ": " + post.statusCode());
            HttpResponse<String> delete = visitor.api("DELETE", path, null);
            assertTrue(delete.statusCode() == 401 || delete.statusCode() == 405, path + ": " + delete.statusCode());
        }
        assertEquals(401, visitor.api("GET", "applications/1/reports", null).statusCode());
        assertEquals(401, visitor.api("GET", "deadlines", null).statusCode());
        assertEquals(401, visitor.api("GET", "open/../deadlines", null).statusCode());
        assertEquals(401, visitor.api("POST", "calls/1/applications", null).statusCode());
        HttpResponse<String> unknown = visitor.api("GET", "open/nothing-here", null);
        assertNotEquals(200, unknown.statusCode());
        assertEquals(400, visitor.api("GET", "open/register?theme=NOPE", null).statusCode());
    }

    /** The official 360Giving package schema, with dates checked as 360Giving's own tools do (format on). */
    private static List<String> schemaProblems(String json) {
        String local = Path.of("..", "ejb", "src", "test", "resources", "threesixtygiving").toAbsolutePath()
                .normalize().toUri().toString();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                        builder -> builder.schemaMappers(mappers -> mappers
                                .mapPrefix("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/",
                                        local)
                                .mapPrefix("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/",
                                        local)))
                .getSchema(SchemaLocation.of(local + "360-giving-package-schema.json"),
                        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        return schema.validate(json, InputFormat.JSON).stream().map(ValidationMessage::toString).toList();
    }
}
