package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The organisation registry on real MariaDB over the API: Assen's staff see Assen's figures of an organisation and
 * nothing of Stichtse Vecht's, an organisation active elsewhere only is a 404, organisers are refused; the de-minimis
 * check counts what the municipality awarded; and the administrator's authorisation shares the organisation's
 * applications with another organiser account until it is revoked.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrganisationRegistryIT {
    /** Stichting Buurthuis Kloosterveen: demo awards in Assen only. */
    private static final String KLOOSTERVEEN = "40023871";
    /** Stichting SchuldHulpMaatje: demo awards in Assen, an application in Stichtse Vecht. */
    private static final String SCHULDHULP = "40031095";
    /** Buurtvereniging Pittelo: the demo organiser's, who is its administrator through the demo's broker claim. */
    private static final String PITTELO = "40012345";
    private static final String VECHT_OFFICER = "adviseur@stichtsevecht.demo.preventiefonds.nl";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static long assen() throws Exception {
        return TestDatabase.count("SELECT id FROM municipality WHERE code = 'GM0106'");
    }

    /** What MariaDB says the municipality awarded the KvK number in the three years ending today. */
    private static BigDecimal awardedInWindow(long municipality, String kvk) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        Object sum = TestDatabase.query("SELECT COALESCE(SUM(d.amount), 0) FROM grant_decision d JOIN application a"
                + " ON a.id = d.application_id WHERE a.municipality_id = ? AND a.org_kvk_number = ?"
                + " AND d.outcome <> 'REJECT' AND d.replaced_by_id IS NULL AND d.decided_on >= ? AND d.decided_on <= ?",
                municipality, kvk, java.sql.Date.valueOf(today.minusYears(3).plusDays(1)),
                java.sql.Date.valueOf(today)).get(0).get(0);
        return new BigDecimal(sum.toString()).setScale(2);
    }

    private static Set<Long> applicationIds(JsonObject detail) {
        return detail.getJsonArray("applications").stream().map(v -> v.asJsonObject().getJsonNumber("id")
                .longValue()).collect(Collectors.toSet());
    }

    @Test
    void staffOfAssenSeeAssensFiguresOnlyAndAnotherMunicipalitysOrganisationIsUnknown() throws Exception {
        WebSession officer = WebSession.loggedIn(base, Fixtures.OFFICER);
        HttpResponse<String> list = officer.api("GET", "organisations", null);
        assertEquals(200, list.statusCode(), list.body());
        JsonArray items = json(list).getJsonArray("items");
        JsonObject kloosterveen = items.stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("kvkNumber").equals(KLOOSTERVEEN)).findFirst().orElseThrow();
        // The demo: four awards to the foundation, two this half-year and one in each of the two years before.
        assertEquals(4, kloosterveen.getInt("awards"), kloosterveen.toString());
        assertEquals(new BigDecimal("93250.00"), kloosterveen.getJsonNumber("awarded").bigDecimalValue());
        assertEquals(awardedInWindow(assen(), KLOOSTERVEEN), kloosterveen.getJsonNumber("deMinimisTotal")
                .bigDecimalValue());
        assertTrue(kloosterveen.getString("name").startsWith("Stichting Buurthuis Kloosterveen"));
        assertEquals(List.of(KLOOSTERVEEN), json(officer.api("GET", "organisations?q=4002%203871", null))
                .getJsonArray("items").stream().map(v -> v.asJsonObject().getString("kvkNumber")).toList());

        // SchuldHulpMaatje applied in both municipalities: each sees its own applications of it, no more.
        JsonObject inAssen = json(officer.api("GET", "organisations/" + SCHULDHULP, null));
        WebSession vecht = WebSession.loggedIn(base, TestDatabase.cloneAccount(VECHT_OFFICER, null));
        HttpResponse<String> inVechtResponse = vecht.api("GET", "organisations/" + SCHULDHULP, null);
        assertEquals(200, inVechtResponse.statusCode(), inVechtResponse.body());
        JsonObject inVecht = json(inVechtResponse);
        assertEquals(3, inAssen.getJsonArray("awards").size());
        assertEquals(0, inVecht.getJsonArray("awards").size(), "Assen's awards are not Stichtse Vecht's business");
        assertEquals(new BigDecimal("0.00"), inVecht.getJsonNumber("deMinimisTotal").bigDecimalValue().setScale(2));
        Set<Long> assenIds = applicationIds(inAssen);
        Set<Long> vechtIds = applicationIds(inVecht);
        assertFalse(vechtIds.isEmpty());
        assertTrue(vechtIds.stream().noneMatch(assenIds::contains));
        for (long id : vechtIds) {
            assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM application WHERE id = ? AND municipality_id = ?",
                    id, assen()), "only Stichtse Vecht's applications");
        }
        assertFalse(inVechtResponse.body().contains("Kloosterveen"), inVechtResponse.body());

        // Active in Assen only: unknown to Stichtse Vecht, exactly like a number nobody has.
        HttpResponse<String> elsewhere = vecht.api("GET", "organisations/" + KLOOSTERVEEN, null);
        assertEquals(404, elsewhere.statusCode(), elsewhere.body());
        assertTrue(elsewhere.body().contains("organisation.notFound"), elsewhere.body());
        assertEquals(404, vecht.api("GET", "organisations/99999999", null).statusCode());
        String vechtList = vecht.api("GET", "organisations", null).body();
        assertFalse(vechtList.contains(KLOOSTERVEEN), vechtList);

        WebSession organiser = WebSession.loggedIn(base, Fixtures.ORGANISER);
        assertEquals(403, organiser.api("GET", "organisations", null).statusCode());
        assertEquals(403, organiser.api("GET", "organisations/" + KLOOSTERVEEN, null).statusCode());
    }

    @Test
    void theDeMinimisCheckCountsWhatTheMunicipalityAwarded() throws Exception {
        BigDecimal awardedHere = awardedInWindow(assen(), PITTELO);
        assertTrue(awardedHere.signum() > 0, "the demo organiser's running grant counts: " + awardedHere);
        WebSession organiser = WebSession.loggedIn(base, Fixtures.ORGANISER);
        long call = TestDatabase.count("SELECT MIN(id) FROM funding_call WHERE title LIKE 'Ronde %'");
        HttpResponse<String> created = organiser.api("POST", "calls/" + call + "/applications", null);
        assertEquals(201, created.statusCode(), created.body());
        long id = json(created).getJsonNumber("id").longValue();
        BigDecimal requested = new BigDecimal("3000.00");
        // Declared from other givers: exactly up to the ceiling with what Assen awarded, then one cent more.
        BigDecimal declared = new BigDecimal("300000.00").subtract(awardedHere).subtract(requested);
        TestDatabase.update("UPDATE application SET org_kvk_number = ?, org_legal_form = 'PRIVATE_COMPANY',"
                + " de_minimis_declared = TRUE, de_minimis_prior_amount = ?, requested_amount = ? WHERE id = ?",
                PITTELO, declared, requested, id);
        assertFalse(problems(organiser, id).contains("eligibility.deMinimisCeiling"), "exactly the ceiling");
        TestDatabase.update("UPDATE application SET de_minimis_prior_amount = ? WHERE id = ?",
                declared.add(new BigDecimal("0.01")), id);
        HttpResponse<String> problems = organiser.api("GET", "applications/" + id + "/problems", null);
        String sentence = Json.createReader(new StringReader(problems.body())).readArray().stream()
                .map(JsonValue::asJsonObject).filter(p -> p.getString("key").equals("eligibility.deMinimisCeiling"))
                .map(p -> p.getString("message", p.toString())).findFirst().orElseThrow(() -> new AssertionError(
                        "one cent over the ceiling: " + problems.body()));
        assertTrue(sentence.contains("300.000,01"), sentence);
        organiser.api("POST", "applications/" + id + "/withdraw", "{}"); // a draft is discarded
    }

    private static List<String> problems(WebSession organiser, long id) throws Exception {
        HttpResponse<String> response = organiser.api("GET", "applications/" + id + "/problems", null);
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readArray().stream()
                .map(v -> v.asJsonObject().getString("key")).toList();
    }

    @Test
    void anAuthorisationSharesTheOrganisationsApplicationsUntilItIsRevoked() throws Exception {
        WebSession administrator = WebSession.loggedIn(base, Fixtures.ORGANISER);
        JsonArray mine = json(administrator.api("GET", "my-organisations", null)).getJsonArray("items");
        JsonObject pittelo = mine.stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("kvkNumber").equals(PITTELO)).findFirst().orElseThrow();
        assertTrue(pittelo.getBoolean("administrator"), "the demo's broker claim: " + pittelo);
        long application = TestDatabase.count("SELECT MIN(id) FROM application WHERE org_kvk_number = ?"
                + " AND status <> 'DRAFT' AND owner_id = ?", PITTELO, TestDatabase.userId(Fixtures.ORGANISER));

        String colleagueLogin = TestDatabase.cloneAccount(Fixtures.ORGANISER, null);
        WebSession colleague = WebSession.loggedIn(base, colleagueLogin);
        assertEquals(404, colleague.api("GET", "applications/" + application, null).statusCode(),
                "not yet authorised: another organiser's application");
        assertEquals(0, json(colleague.api("GET", "my-organisations", null)).getJsonArray("items").size());

        HttpResponse<String> refused = colleague.api("POST", "my-organisations/" + PITTELO + "/representatives",
                "{\"email\":\"" + colleagueLogin + "\"}");
        assertEquals(404, refused.statusCode(), "only its administrator authorises: " + refused.body());
        HttpResponse<String> staff = administrator.api("POST", "my-organisations/" + PITTELO + "/representatives",
                "{\"email\":\"" + Fixtures.OFFICER + "\"}");
        assertEquals(422, staff.statusCode(), staff.body());
        assertTrue(staff.body().contains("representation.accountUnknown"), staff.body());

        HttpResponse<String> granted = administrator.api("POST", "my-organisations/" + PITTELO + "/representatives",
                "{\"email\":\"" + colleagueLogin.toUpperCase() + "\"}");
        assertEquals(201, granted.statusCode(), granted.body());
        long representative = json(granted).getJsonNumber("id").longValue();
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'REPRESENTATIVE_AUTHORISED'"
                + " AND actor = ? AND after_summary LIKE ?", Fixtures.ORGANISER, "%user=" + TestDatabase.userId(
                colleagueLogin) + "%"));
        HttpResponse<String> shared = colleague.api("GET", "applications/" + application, null);
        assertEquals(200, shared.statusCode(), shared.body());
        // Other tests give many applications this KvK number: the list is searched for this one's reference.
        String applicationReference = (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?",
                application).get(0).get(0);
        String list = colleague.api("GET", "applications?text=" + applicationReference, null).body();
        assertTrue(list.contains("\"id\":" + application), "the organisation's applications are on the list: " + list);
        assertEquals("AUTHORISATION", json(colleague.api("GET", "my-organisations", null)).getJsonArray("items")
                .getJsonObject(0).getString("basis"));

        HttpResponse<String> revoked = administrator.api("DELETE", "my-organisations/" + PITTELO
                + "/representatives/" + representative, null);
        assertEquals(204, revoked.statusCode(), revoked.body());
        assertEquals(404, colleague.api("GET", "applications/" + application, null).statusCode(),
                "revoked: no access, at once");
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'REPRESENTATIVE_REVOKED'"
                + " AND actor = ? AND subject_type = 'Organisation'", Fixtures.ORGANISER));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM organisation_representative WHERE id = ?"
                + " AND revoked_at IS NOT NULL AND revoked_by = ?", representative, Fixtures.ORGANISER));
    }
}
