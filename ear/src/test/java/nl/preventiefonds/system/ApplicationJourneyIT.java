package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The organiser's journey from draft to intake, black-box over HTTP against the built EAR on
 * WildFly and MariaDB: every rule, deadlines with a moved server clock, other organisers'
 * attempts to reach someone else's application, and uploads that must be refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApplicationJourneyIT {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final String PASSWORD = "Preventie-2026";
    private static final String ORGANISER = "organisator@demo.preventiefonds.nl";
    private static final String OFFICER = "adviseur@demo.preventiefonds.nl";
    private static final String PARTNER = "partner@demo.preventiefonds.nl";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private WebSession organiser;

    @BeforeEach
    void login() throws Exception {
        organiser = new WebSession(base.toURI());
        assertEquals(302, organiser.login(ORGANISER, PASSWORD).statusCode());
    }

    @AfterEach
    void resetClock() throws Exception {
        organiser.api("DELETE", "test-clock", null);
    }

    // ---- helpers -------------------------------------------------------------------------

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static long openCallId() throws SQLException {
        try (Connection db = TestDatabase.connect();
             ResultSet rs = db.createStatement().executeQuery(
                     "SELECT id FROM funding_call WHERE title LIKE 'Ronde %' ORDER BY id LIMIT 1")) {
            assertTrue(rs.next(), "the demo world has an open call");
            return rs.getLong(1);
        }
    }

    private static long partnerId(String namePrefix) throws SQLException {
        try (Connection db = TestDatabase.connect();
             PreparedStatement st = db.prepareStatement("SELECT id FROM partner_organisation WHERE name LIKE ?")) {
            st.setString(1, namePrefix + "%");
            ResultSet rs = st.executeQuery();
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private static List<Long> neighbourhoodIds(String... names) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection db = TestDatabase.connect()) {
            for (String name : names) {
                PreparedStatement st = db.prepareStatement("SELECT id FROM neighbourhood WHERE name = ?");
                st.setString(1, name);
                ResultSet rs = st.executeQuery();
                assertTrue(rs.next(), name);
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private long startDraft() throws Exception {
        HttpResponse<String> created = organiser.api("POST", "calls/" + openCallId() + "/applications", null);
        assertEquals(201, created.statusCode(), created.body());
        return json(created).getJsonNumber("id").longValue();
    }

    /** A complete, valid application for the demo call, named after a partner and two neighbourhoods. */
    private String validForm(long id, String title, String cost, String coFunding) throws Exception {
        JsonArray neighbourhoods = Json.createArrayBuilder(neighbourhoodIds("Pittelo", "Lariks")).build();
        LocalDate start = LocalDate.now(AMSTERDAM).plusMonths(1);
        return Json.createObjectBuilder()
                .add("id", id)
                .add("version", version(id))
                .add("organisationName", "Stichting Buurtkracht Pittelo")
                .add("legalForm", "FOUNDATION")
                .add("kvkNumber", "4001 2345")
                .add("iban", "nl91 abna 0417 1643 00")
                .add("accountHolder", "Stichting Buurtkracht")
                .add("contactName", "Anna de Vries")
                .add("contactEmail", ORGANISER)
                .add("postalStreet", "Stationsstraat 12")
                .add("postalCode", "9401ab")
                .add("postalTown", "Assen")
                .add("title", title)
                .add("summary", "Een buurtkamer waar ouderen elkaar ontmoeten.")
                .add("description", "Elke week open, met vrijwilligers en de bibliotheek.")
                .add("theoryOfChange", "Minder eenzaamheid, dus minder vraag naar Wmo-begeleiding.")
                .add("startDate", start.toString())
                .add("endDate", start.plusMonths(10).toString())
                .add("neighbourhoodIds", neighbourhoods)
                .add("themes", Json.createArrayBuilder().add("MEETING_PLACE").add("LONELINESS"))
                .add("targetGroups", Json.createArrayBuilder().add("OLDER_PEOPLE"))
                .add("careDomains", Json.createArrayBuilder().add("WMO").add("INFORMAL_CARE"))
                .add("partnerIds", Json.createArrayBuilder().add(partnerId("Bibliotheek Assen")))
                .add("activities", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "Wekelijkse inloop").add("plannedParticipants", 40)
                        .add("plannedSessions", 40).add("plannedVolunteers", 6)))
                .add("budgetLines", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("kind", "COST").add("description", "Huur")
                                .add("amount", new java.math.BigDecimal(cost)))
                        .add(Json.createObjectBuilder().add("kind", "CO_FUNDING").add("description", "Eigen bijdrage")
                                .add("amount", new java.math.BigDecimal(coFunding)))
                        .add(Json.createObjectBuilder().add("kind", "IN_KIND_HOURS").add("description", "Vrijwilligers")
                                .add("hours", 200)))
                .build().toString();
    }

    private long version(long id) throws Exception {
        HttpResponse<String> form = organiser.api("GET", "applications/" + id + "/form", null);
        assertEquals(200, form.statusCode(), form.body());
        return json(form).getJsonNumber("version").longValue();
    }

    private HttpResponse<String> save(long id, String form) throws Exception {
        return organiser.api("PUT", "applications/" + id + "/form", form);
    }

    private void saveOk(long id, String form) throws Exception {
        HttpResponse<String> saved = save(id, form);
        assertEquals(200, saved.statusCode(), saved.body());
    }

    private List<String> problemKeys(long id) throws Exception {
        HttpResponse<String> response = organiser.api("GET", "applications/" + id + "/problems", null);
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readArray().stream()
                .map(v -> v.asJsonObject().getString("key")).toList();
    }

    private static List<String> problemKeysOf(HttpResponse<String> response) {
        return json(response).getJsonArray("problems").stream().map(v -> v.asJsonObject().getString("key")).toList();
    }

    static byte[] samplePdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    private void moveClockTo(Instant moment) throws Exception {
        HttpResponse<String> moved = organiser.api("PUT", "test-clock?at=" + moment, null);
        assertEquals(204, moved.statusCode(), moved.body());
    }

    /**
     * The deadline tests run on a fixed day so their expected dates are written out, not computed: Friday
     * 30 October 2026, 10:00 in Amsterdam. Eight weeks later is Christmas Day, so the term ends Monday
     * 28 December; a week of suspension more ends it on Nieuwjaarsdag, nine days on Sunday 3 January, both
     * moving to Monday 4 January 2027.
     */
    private static final Instant RECEIVED_AT = Instant.parse("2026-10-30T09:00:00Z");
    private static final LocalDate RECEIVED = LocalDate.of(2026, 10, 30);
    private static Long fixedCallId;

    /** A copy of the demo call (same fund, themes, neighbourhoods and term), open around {@link #RECEIVED}. */
    private static long fixedCallId() throws SQLException {
        if (fixedCallId == null) {
            long demo = openCallId();
            String title = "Termijnronde " + java.util.UUID.randomUUID();
            TestDatabase.update("INSERT INTO funding_call (fund_id, title, description, opens_at, closes_at, max_amount,"
                    + " min_amount, decision_term_weeks, budget_year, version)"
                    + " SELECT fund_id, ?, description, TIMESTAMP '2026-10-01 00:00:00', TIMESTAMP '2026-12-01 00:00:00',"
                    + " max_amount, min_amount, decision_term_weeks, budget_year, 0"
                    + " FROM funding_call WHERE id = ?", title, demo);
            long id = TestDatabase.count("SELECT id FROM funding_call WHERE title = ?", title);
            TestDatabase.update("INSERT INTO call_theme (call_id, theme) SELECT ?, theme FROM call_theme WHERE call_id = ?",
                    id, demo);
            TestDatabase.update("INSERT INTO call_neighbourhood (call_id, neighbourhood_id)"
                    + " SELECT ?, neighbourhood_id FROM call_neighbourhood WHERE call_id = ?", id, demo);
            assertEquals(8, TestDatabase.count("SELECT decision_term_weeks FROM funding_call WHERE id = ?", id));
            fixedCallId = id;
        }
        return fixedCallId;
    }

    /** A draft in the fixed call, with the server clock on {@link #RECEIVED_AT}. */
    private long startDraftOnTheFixedDay() throws Exception {
        moveClockTo(RECEIVED_AT);
        HttpResponse<String> created = organiser.api("POST", "calls/" + fixedCallId() + "/applications", null);
        assertEquals(201, created.statusCode(), created.body());
        return json(created).getJsonNumber("id").longValue();
    }

    // ---- the journey -----------------------------------------------------------------------

    @Test
    void fromDraftThroughIntakeToWithdrawal() throws Exception {
        long id = startDraftOnTheFixedDay();
        List<String> missing = problemKeys(id);
        assertTrue(missing.containsAll(List.of("eligibility.title", "eligibility.summary",
                "eligibility.costsRequired", "eligibility.activityRequired", "eligibility.careDomainRequired")),
                "a new draft lists what is missing: " + missing);
        assertFalse(missing.contains("eligibility.ibanInvalid"), "organisation details come from the last application");

        assertEquals(200, save(id, validForm(id, "Buurtkamer De Linde", "12500.00", "500.00")).statusCode());
        assertEquals(List.of(), problemKeys(id));
        assertEquals(201, organiser.upload(id, "begroting.pdf", samplePdf()).statusCode());

        HttpResponse<String> submitted = organiser.api("POST", "applications/" + id + "/submit", null);
        assertEquals(200, submitted.statusCode(), submitted.body());
        String reference = json(submitted).getString("reference");
        assertEquals("2026-12-28", json(submitted).getString("decisionDueOn"), "Christmas Day moves to Monday");

        // The receipt: stored once, downloadable by the owner, with reference, amount and deadline in its text.
        long receiptId = TestDatabase.count("SELECT MAX(id) FROM issued_document WHERE application_id = ? AND kind = 'RECEIPT'", id);
        HttpResponse<byte[]> pdf = organiser.getBytes("files/document/" + receiptId);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        assertTrue(text.contains(reference), text);
        assertTrue(text.contains("12.000,00"), "requested amount in Dutch notation: " + text);
        assertTrue(text.contains("€"), text);
        assertTrue(text.contains("28 december 2026"), "deadline in " + text);
        assertTrue(text.contains("begroting.pdf"), "attachments listed: " + text);
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ? AND subject LIKE ?"
                + " AND attachment_name IS NOT NULL", ORGANISER, "%" + reference + "%"), "receipt mailed with the PDF");
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'APPLICATION_SUBMITTED' AND subject_id = ?",
                String.valueOf(id)));

        // Locked after submission.
        HttpResponse<String> late = save(id, validForm(id, "Nog wijzigen", "12500.00", "500.00"));
        assertEquals(422, late.statusCode());
        assertEquals(List.of("application.notEditable"), problemKeysOf(late));
        assertEquals(422, organiser.api("POST", "applications/" + id + "/submit", null).statusCode());

        // The named partner sees it; the officer asks for information, which suspends the term.
        WebSession partner = new WebSession(base.toURI());
        partner.login(PARTNER, PASSWORD);
        assertEquals(200, partner.api("GET", "applications/" + id, null).statusCode());

        WebSession officer = new WebSession(base.toURI());
        officer.login(OFFICER, PASSWORD);
        String request = Json.createObjectBuilder().add("message", "Stuur de offerte voor de huur mee.")
                .add("answerDeadline", "2026-11-13").build().toString();
        HttpResponse<String> asked = officer.api("POST", "applications/" + id + "/information-requests", request);
        assertEquals(200, asked.statusCode(), asked.body());
        assertEquals("INFORMATION_REQUESTED", json(asked).getString("status"));
        assertEquals(JsonValue.NULL, json(asked).get("decisionDueOn"));

        // The organiser may amend while asked, then answers ten days later: the term moves on by nine days.
        assertEquals(200, save(id, validForm(id, "Buurtkamer De Linde", "12500.00", "1500.00")).statusCode());
        moveClockTo(RECEIVED_AT.plus(10, ChronoUnit.DAYS));
        HttpResponse<String> answered = organiser.api("POST", "applications/" + id + "/answer",
                "{\"answer\":\"De offerte zit erbij; de eigen bijdrage is hoger geworden.\"}");
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals("SUBMITTED", json(answered).getString("status"));
        // suspended 31 October up to 9 November: Sunday 3 January 2027 moves to Monday 4 January
        assertEquals("2027-01-04", json(answered).getString("decisionDueOn"));
        assertEquals("11000.00", json(answered).getJsonNumber("requestedAmount").bigDecimalValue()
                .setScale(2).toPlainString());

        HttpResponse<String> complete = officer.api("POST", "applications/" + id + "/intake-complete", null);
        assertEquals("IN_ASSESSMENT", json(complete).getString("status"));

        HttpResponse<String> withdrawn = organiser.api("POST", "applications/" + id + "/withdraw",
                "{\"reason\":\"Andere financiering gevonden\"}");
        assertEquals("WITHDRAWN", json(withdrawn).getString("status"));
        for (String action : List.of("APPLICATION_CREATED", "APPLICATION_SUBMITTED", "INFORMATION_REQUESTED",
                "APPLICATION_AMENDED", "INFORMATION_PROVIDED", "INTAKE_COMPLETED", "APPLICATION_WITHDRAWN")) {
            assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject_id = ?", action,
                    String.valueOf(id)), action);
        }
    }

    @Test
    void anUnansweredRequestSuspendsUntilItsDeadlinePassed() throws Exception {
        long id = startDraftOnTheFixedDay();
        save(id, validForm(id, "Opvoedcafé", "6000.00", "0.00"));
        assertEquals(200, organiser.api("POST", "applications/" + id + "/submit", null).statusCode());
        WebSession officer = new WebSession(base.toURI());
        officer.login(OFFICER, PASSWORD);
        officer.api("POST", "applications/" + id + "/information-requests", Json.createObjectBuilder()
                .add("message", "Welke ruimte gebruikt u?").add("answerDeadline", "2026-11-06")
                .build().toString());
        // Before the deadline has passed the officer cannot close the request.
        assertEquals(List.of("intake.deadlineNotPassed"), problemKeysOf(officer.api("POST", "applications/" + id
                + "/information-requests/close", null)));
        moveClockTo(RECEIVED_AT.plus(12, ChronoUnit.DAYS));
        // Suspended from the day after the request up to and including the deadline day: 7 days.
        HttpResponse<String> answeredLate = organiser.api("POST", "applications/" + id + "/answer",
                "{\"answer\":\"Het buurthuis.\"}");
        assertEquals(200, answeredLate.statusCode(), answeredLate.body());
        // 25 December + 7 days is Nieuwjaarsdag, a Friday: Monday 4 January 2027
        assertEquals("2027-01-04", json(answeredLate).getString("decisionDueOn"));
    }

    @Test
    void theOfficerContinuesWhenTheDeadlinePassedUnanswered() throws Exception {
        long id = startDraftOnTheFixedDay();
        saveOk(id, validForm(id, "Zonder antwoord", "6000.00", "0.00"));
        assertEquals(200, organiser.api("POST", "applications/" + id + "/submit", null).statusCode());
        WebSession officer = new WebSession(base.toURI());
        officer.login(OFFICER, PASSWORD);
        officer.api("POST", "applications/" + id + "/information-requests", Json.createObjectBuilder()
                .add("message", "Stuur de begroting.").add("answerDeadline", "2026-11-06")
                .build().toString());
        moveClockTo(RECEIVED_AT.plus(10, ChronoUnit.DAYS));
        HttpResponse<String> closed = officer.api("POST", "applications/" + id + "/information-requests/close", null);
        assertEquals(200, closed.statusCode(), closed.body());
        assertEquals("SUBMITTED", json(closed).getString("status"));
        assertEquals("2027-01-04", json(closed).getString("decisionDueOn"), "suspended 31 October to 6 November");
        assertEquals(List.of("application.noOpenRequest"), problemKeysOf(organiser.api("POST", "applications/" + id
                + "/answer", "{\"answer\":\"Te laat\"}")));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'INFORMATION_NOT_PROVIDED'"
                + " AND subject_id = ?", String.valueOf(id)));
    }

    @Test
    void submittingAfterTheCallClosedIsRefusedWithAClearMessage() throws Exception {
        long id = startDraft();
        save(id, validForm(id, "Te laat", "3000.00", "0.00"));
        Instant closes;
        try (Connection db = TestDatabase.connect();
             ResultSet rs = db.createStatement().executeQuery("SELECT closes_at FROM funding_call WHERE id = "
                     + openCallId())) {
            rs.next();
            closes = rs.getTimestamp(1).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
        }
        moveClockTo(closes.plusSeconds(60));
        HttpResponse<String> refused = organiser.api("POST", "applications/" + id + "/submit", null);
        assertEquals(422, refused.statusCode());
        JsonObject problem = json(refused).getJsonArray("problems").getJsonObject(0);
        assertEquals("eligibility.callClosed", problem.getString("key"));
        assertTrue(problem.getString("message").contains("gesloten"), problem.getString("message"));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM issued_document WHERE application_id = ?", id));
        assertEquals("DRAFT", json(organiser.api("GET", "applications/" + id, null)).getString("status"));
    }

    // ---- every rule -------------------------------------------------------------------------

    @Test
    void eachEligibilityRuleIsReportedInPlainDutch() throws Exception {
        long id = startDraft();
        assertEquals(200, save(id, validForm(id, "Regels", "60000.00", "0.00")).statusCode());
        assertEquals(List.of("eligibility.amountAboveMaximum"), problemKeys(id));
        HttpResponse<String> sentences = organiser.api("GET", "applications/" + id + "/problems", null);
        assertTrue(sentences.body().contains("€ 60.000,00") && sentences.body().contains("€ 50.000,00"),
                sentences.body());

        saveOk(id, validForm(id, "Regels", "300.00", "0.00"));
        assertEquals(List.of("eligibility.amountBelowMinimum"), problemKeys(id));

        saveOk(id, validForm(id, "Regels", "3000.00", "3000.00"));
        assertEquals(List.of("eligibility.coFundingCoversCosts"), problemKeys(id));

        String form = validForm(id, "Regels", "3000.00", "0.00")
                .replace("\"4001 2345\"", "\"1234567\"")
                .replace("\"nl91 abna 0417 1643 00\"", "\"NL91ABNA0417164301\"");
        saveOk(id, form);
        assertEquals(List.of("eligibility.kvkInvalid", "eligibility.ibanInvalid"), problemKeys(id));

        LocalDate start = LocalDate.now(AMSTERDAM).plusMonths(1);
        form = validForm(id, "Regels", "3000.00", "0.00")
                .replace("\"endDate\":\"" + start.plusMonths(10) + "\"", "\"endDate\":\"" + start.minusDays(1) + "\"")
                .replace("\"careDomains\":[\"WMO\",\"INFORMAL_CARE\"]", "\"careDomains\":[]")
                .replace("\"plannedParticipants\":40", "\"plannedParticipants\":0");
        saveOk(id, form);
        assertEquals(List.of("eligibility.endBeforeStart", "eligibility.activityReach",
                "eligibility.careDomainRequired"), problemKeys(id));

        form = validForm(id, "Regels", "3000.00", "0.00").replace("\"FOUNDATION\"", "\"PRIVATE_COMPANY\"");
        saveOk(id, form);
        assertEquals(List.of("eligibility.deMinimisRequired"), problemKeys(id));
        form = validForm(id, "Regels", "3000.00", "0.00").replace("\"FOUNDATION\"", "\"PRIVATE_COMPANY\"")
                .replace("\"title\":", "\"deMinimisDeclared\":true,\"deMinimisPriorAmount\":298000.00,\"title\":");
        saveOk(id, form);
        assertEquals(List.of("eligibility.deMinimisCeiling"), problemKeys(id));

        HttpResponse<String> submit = organiser.api("POST", "applications/" + id + "/submit", null);
        assertEquals(422, submit.statusCode());
        assertEquals(List.of("eligibility.deMinimisCeiling"), problemKeysOf(submit));
    }

    @Test
    void tooLongTextIsRefusedAndTheSavedDraftStaysAsItWas() throws Exception {
        long id = startDraft();
        save(id, validForm(id, "Bewaarde titel", "3000.00", "0.00"));
        char[] longTitle = new char[201];
        Arrays.fill(longTitle, 'x');
        HttpResponse<String> refused = save(id, validForm(id, new String(longTitle), "3000.00", "0.00"));
        assertEquals(422, refused.statusCode());
        assertTrue(json(refused).getJsonArray("problems").getJsonObject(0).getString("message")
                .contains("Naam van het initiatief"), refused.body());
        assertEquals("Bewaarde titel", json(organiser.api("GET", "applications/" + id + "/form", null))
                .getString("title"));
    }

    @Test
    void malformedOrMissingBodiesGetAClearMessageAndChangeNothing() throws Exception {
        long id = startDraft();
        saveOk(id, validForm(id, "Onaangetast", "3000.00", "0.00"));
        for (String body : List.of("{niet eens json", "{\"startDate\":\"kapot\"}", "{\"activities\":\"geen lijst\"}")) {
            HttpResponse<String> refused = save(id, body);
            assertEquals(400, refused.statusCode(), body + " -> " + refused.body());
            assertEquals(List.of("api.bodyInvalid"), problemKeysOf(refused));
            assertFalse(refused.body().contains("Exception"), "nothing of the inside leaks: " + refused.body());
        }
        HttpResponse<String> empty = save(id, "null");
        assertEquals(422, empty.statusCode(), empty.body());
        assertEquals("Onaangetast", json(organiser.api("GET", "applications/" + id + "/form", null)).getString("title"));
    }

    // ---- other people's applications ----------------------------------------------------------

    @Test
    void anotherOrganiserCannotReachTheApplicationInAnyWay() throws Exception {
        long id = startDraft();
        save(id, validForm(id, "Privé initiatief", "3000.00", "0.00"));
        assertEquals(201, organiser.upload(id, "plan.pdf", samplePdf()).statusCode());
        assertEquals(200, organiser.api("POST", "applications/" + id + "/submit", null).statusCode());
        long attachmentId = TestDatabase.count("SELECT MAX(id) FROM attachment WHERE application_id = ?", id);
        long receiptId = TestDatabase.count("SELECT MAX(id) FROM issued_document WHERE application_id = ?", id);

        WebSession other = new WebSession(base.toURI());
        assertEquals(302, other.login(TestDatabase.cloneAccount(ORGANISER, null), PASSWORD).statusCode());
        assertEquals(404, other.api("GET", "applications/" + id, null).statusCode());
        assertEquals(404, other.api("GET", "applications/" + id + "/form", null).statusCode());
        assertEquals(404, other.api("GET", "applications/" + id + "/problems", null).statusCode());
        assertEquals(404, other.api("PUT", "applications/" + id + "/form", validForm(id, "Gekaapt", "3000.00", "0.00"))
                .statusCode());
        assertEquals(404, other.api("POST", "applications/" + id + "/withdraw", "{}").statusCode());
        assertEquals(404, other.api("POST", "applications/" + id + "/answer", "{\"answer\":\"x\"}").statusCode());
        assertEquals(404, other.upload(id, "extra.pdf", samplePdf()).statusCode());
        assertEquals(404, other.getBytes("files/attachment/" + attachmentId).statusCode());
        assertEquals(404, other.getBytes("files/document/" + receiptId).statusCode());
        HttpResponse<String> page = other.get("applications/view.xhtml?id=" + id);
        assertEquals(404, page.statusCode());
        assertFalse(page.body().contains("Privé initiatief"));
        assertFalse(other.get("organiser/index.xhtml").body().contains("Privé initiatief"),
                "not on the other organiser's dashboard");
        assertEquals("SUBMITTED", json(organiser.api("GET", "applications/" + id, null)).getString("status"));

        // A partner that is not named sees nothing either; the named one may download the files.
        WebSession otherPartner = new WebSession(base.toURI());
        otherPartner.login(TestDatabase.cloneAccount(PARTNER, partnerId("Welzijn Assen")), PASSWORD);
        assertEquals(404, otherPartner.api("GET", "applications/" + id, null).statusCode());
        assertEquals(404, otherPartner.getBytes("files/attachment/" + attachmentId).statusCode());
        WebSession namedPartner = new WebSession(base.toURI());
        namedPartner.login(PARTNER, PASSWORD);
        assertEquals(200, namedPartner.getBytes("files/attachment/" + attachmentId).statusCode());
        assertTrue(namedPartner.get("partner/index.xhtml").body().contains("Privé initiatief"));
    }

    @Test
    void anAnonymousApiCallGetsA401ProblemNotTheLoginPage() throws Exception {
        WebSession anonymous = new WebSession(base.toURI());
        HttpResponse<String> response = anonymous.api("GET", "applications/1", null);
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("api.loginRequired", problemKeysOf(response).get(0));
        assertEquals(401, anonymous.api("POST", "calls/" + openCallId() + "/applications", null).statusCode());
        assertEquals(401, anonymous.get("api/payments/export").statusCode());
    }

    @Test
    void stateChangingApiCallsWithoutTheCsrfHeaderAreRefused() throws Exception {
        long id = startDraft();
        // Logged in, but without the header a page of another site could send: refused, nothing changes.
        HttpResponse<String> withoutHeader = organiser.rawPost("api/applications/" + id + "/submit");
        assertEquals(403, withoutHeader.statusCode());
        assertEquals("DRAFT", json(organiser.api("GET", "applications/" + id, null)).getString("status"));
    }

    // ---- uploads ------------------------------------------------------------------------------

    @Test
    void aRenamedExecutableIsRefused() throws Exception {
        long id = startDraft();
        byte[] executable = new byte[512];
        executable[0] = 'M';
        executable[1] = 'Z';
        executable[0x3C] = (byte) 0x80;
        executable[0x80] = 'P';
        executable[0x81] = 'E';
        HttpResponse<String> refused = organiser.upload(id, "begroting.pdf", executable);
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals(List.of("attachment.typeRefused"), problemKeysOf(refused));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM attachment WHERE application_id = ?", id));
    }

    @Test
    void anOversizedUploadIsRefusedAndTheDraftStaysIntact() throws Exception {
        long id = startDraft();
        save(id, validForm(id, "Met bijlagen", "3000.00", "0.00"));
        assertEquals(201, organiser.upload(id, "klein.pdf", samplePdf()).statusCode());
        byte[] pdf = samplePdf();
        byte[] huge = Arrays.copyOf(pdf, 10 * 1024 * 1024 + 1);
        HttpResponse<String> refused = organiser.upload(id, "groot.pdf", huge);
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals(List.of("attachment.tooLarge"), problemKeysOf(refused));
        assertTrue(json(refused).getJsonArray("problems").getJsonObject(0).getString("message").contains("10 MB"));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM attachment WHERE application_id = ?", id));
        assertEquals("Met bijlagen", json(organiser.api("GET", "applications/" + id + "/form", null))
                .getString("title"));
        assertEquals(List.of(), problemKeys(id));
    }
}
