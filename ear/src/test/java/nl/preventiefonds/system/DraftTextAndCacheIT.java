package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An organiser's draft: discarded from its page it is gone; text with bidi controls is stored and shown clean; answers
 * with bank details are never cached.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DraftTextAndCacheIT {
    private static final Pattern BIDI_CONTROL = Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private Fixtures.FundAndCall fund;
    private WebSession organiser;

    @BeforeEach
    void setUp() throws Exception {
        fund = Fixtures.fundWithCall("100000.00");
        organiser = WebSession.loggedIn(base, Fixtures.ORGANISER);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private long draft() throws Exception {
        HttpResponse<String> started = organiser.api("POST", "calls/" + fund.callId() + "/applications", null);
        assertEquals(201, started.statusCode(), started.body());
        return json(started).getJsonNumber("id").longValue();
    }

    private static long stored(long id) throws Exception {
        return TestDatabase.count("SELECT COUNT(*) FROM application WHERE id = ?", id);
    }

    @Test
    void aDraftDiscardedFromItsPageIsGone() throws Exception {
        long id = draft();
        JsonObject form = json(organiser.api("GET", "applications/" + id + "/form", null));
        assertEquals(200, organiser.api("PUT", "applications/" + id + "/form", Json.createObjectBuilder(form)
                .add("title", "Weg ermee").add("activities", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "Inloop").add("plannedParticipants", 10)))
                .add("budgetLines", Json.createArrayBuilder().add(Json.createObjectBuilder().add("kind", "COST")
                        .add("description", "Huur").add("amount", 500)))
                .add("partnerIds", Json.createArrayBuilder().add(Fixtures.demoPartnerId()))
                .build().toString()).statusCode());
        assertEquals(201, organiser.upload(id, "plan.pdf", ApplicationJourneyIT.samplePdf()).statusCode());

        HttpResponse<String> discarded = organiser.submitForm("organiser/application.xhtml?id=" + id, "wizard",
                "discard", Map.of());
        assertEquals(302, discarded.statusCode(), discarded.body());
        assertTrue(discarded.headers().firstValue("Location").orElse("").contains("organiser/index"),
                discarded.headers().map().toString());
        assertEquals(0, stored(id), "the draft is gone");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM attachment WHERE application_id = ?", id));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'DRAFT_DISCARDED'"
                + " AND subject_id = ?", String.valueOf(id)));
        assertEquals(404, organiser.api("GET", "applications/" + id, null).statusCode());
    }

    @Test
    void bidiControlsInApplicationTextsAreCleanedOnInput() throws Exception {
        long id = draft();
        JsonObject form = json(organiser.api("GET", "applications/" + id + "/form", null));
        String reversed = "Buurtkamer \u202Erood\u202C en \u2067koffie\u2069";
        HttpResponse<String> saved = organiser.api("PUT", "applications/" + id + "/form", Json.createObjectBuilder(form)
                .add("title", reversed).add("summary", "\u202ASamen\u202C").add("activities", Json
                        .createArrayBuilder().add(Json.createObjectBuilder().add("name", "\u202DInloop")
                                .add("plannedParticipants", 10))).build().toString());
        assertEquals(200, saved.statusCode(), saved.body());
        JsonObject back = json(organiser.api("GET", "applications/" + id + "/form", null));
        assertEquals("Buurtkamer rood en koffie", back.getString("title"));
        assertEquals("Samen", back.getString("summary"));
        assertEquals("Inloop", back.getJsonArray("activities").getJsonObject(0).getString("name"));
        assertEquals("Buurtkamer rood en koffie", TestDatabase.query("SELECT title FROM application WHERE id = ?", id)
                .get(0).get(0));
        for (String page : new String[] {"organiser/application.xhtml?id=" + id, "organiser/index.xhtml"}) {
            String body = organiser.get(page).body();
            assertFalse(BIDI_CONTROL.matcher(body).find(), page);
            assertTrue(body.contains("Buurtkamer rood en koffie"), page);
        }
    }

    @Test
    void answersWithBankDetailsAreNeverCached() throws Exception {
        long id = Fixtures.applicationInAssessment(fund.callId(), "Met rekeningnummer", "10000.00");
        WebSession manager = WebSession.loggedIn(base, "beheerder@demo.preventiefonds.nl");
        List<HttpResponse<String>> answers = List.of(
                organiser.api("GET", "applications/" + id + "/form", null),
                organiser.get("applications/view.xhtml?id=" + id),
                organiser.get("organiser/application.xhtml?id=" + draft()),
                manager.api("GET", "payments?size=5", null),
                manager.get("api/payments/export"),
                manager.get("admin/payments.xhtml"));
        for (HttpResponse<String> answer : answers) {
            assertEquals(200, answer.statusCode(), answer.request().uri().toString());
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""),
                    answer.request().uri().toString());
        }
        assertTrue(answers.get(1).body().contains("NL91"), "the view page shows the IBAN");
    }
}
