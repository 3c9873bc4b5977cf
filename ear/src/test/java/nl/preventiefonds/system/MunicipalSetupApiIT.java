package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A municipality set up through the API alone (issue 18: "screens and API"): the first fund manager of a new
 * municipality imports and edits its neighbourhoods, adds a fund with year budgets, a partner organisation and a
 * colleague, changes the colleague's role and blocks them. Bad input is refused by key with nothing written, every
 * change is on the municipality's own audit trail, and nothing of it reaches Assen's fund manager.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MunicipalSetupApiIT {
    private static final String ASSEN_MANAGER = "beheerder@demo.preventiefonds.nl";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static void refused(HttpResponse<String> response, int status, String key) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(key), key + " in " + response.body());
    }

    @Test
    void aNewMunicipalitysFundManagerSetsItUpThroughTheApi() throws Exception {
        // Coevorden (GM0109): a municipality of its own, with a fund manager and nothing else.
        TestDatabase.update("INSERT INTO municipality (code, name) SELECT 'GM0109', 'Coevorden' FROM DUAL"
                + " WHERE NOT EXISTS (SELECT 1 FROM municipality WHERE code = 'GM0109')");
        long coevorden = TestDatabase.count("SELECT id FROM municipality WHERE code = 'GM0109'");
        String managerEmail = TestDatabase.cloneAccount(ASSEN_MANAGER, null);
        assertEquals(1, TestDatabase.moveToMunicipality(managerEmail, coevorden));
        WebSession manager = new WebSession(base.toURI());
        assertEquals(302, manager.login(managerEmail, Fixtures.PASSWORD).statusCode());
        String tag = UUID.randomUUID().toString().substring(0, 8);

        // Neighbourhoods: the CBS file, previewed, then stored; a code of another municipality is refused.
        long neighbourhoodsBefore = TestDatabase.count("SELECT COUNT(*) FROM neighbourhood WHERE municipality_id = ?",
                coevorden);
        byte[] cbs = ("WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;AantalInwoners_5\n"
                + "Coevorden;Coevorden;Gemeente;GM0109;35000\n"
                + "Centrum;Coevorden;Wijk;WK010900;4100\n"
                + "Haveltermade;Coevorden;Wijk;WK010901;6200\n").getBytes(StandardCharsets.UTF_8);
        JsonObject preview = json(manager.postBytes("neighbourhoods/import?preview=true", "text/csv", cbs));
        assertFalse(preview.getBoolean("stored"));
        assertEquals(neighbourhoodsBefore, TestDatabase.count("SELECT COUNT(*) FROM neighbourhood"
                + " WHERE municipality_id = ?", coevorden), "a preview writes nothing");
        HttpResponse<String> imported = manager.postBytes("neighbourhoods/import", "text/csv", cbs);
        assertEquals(200, imported.statusCode(), imported.body());
        assertTrue(json(imported).getBoolean("stored"), imported.body());
        JsonObject list = json(manager.api("GET", "neighbourhoods", null));
        assertEquals("GM0109", list.getString("municipalityCode"));
        assertTrue(list.getJsonArray("items").stream().map(v -> v.asJsonObject())
                .anyMatch(n -> n.getString("code").equals("WK010901") && n.getInt("population") == 6200));
        refused(manager.api("POST", "neighbourhoods", "{\"code\":\"WK010601\",\"name\":\"Assen-Oost\"}"), 422,
                "neighbourhood.codeOtherMunicipality");
        HttpResponse<String> added = manager.api("POST", "neighbourhoods",
                "{\"code\":\"WK010902\",\"name\":\"Nieuwveenselanden\",\"population\":5400}");
        assertEquals(201, added.statusCode(), added.body());
        long addedId = json(added).getJsonNumber("id").longValue();
        HttpResponse<String> renamed = manager.api("PUT", "neighbourhoods/" + addedId,
                "{\"code\":\"WK010902\",\"name\":\"Nieuwveense Landen\",\"population\":5450}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("Nieuwveense Landen", json(renamed).getString("name"));
        assertEquals(204, manager.api("DELETE", "neighbourhoods/" + addedId, null).statusCode(),
                "nothing refers to it yet");

        // A fund with two year budgets; a year above the total is refused and leaves the fund as it was.
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).getYear();
        HttpResponse<String> fund = manager.api("POST", "funds", "{\"name\":\"Coevorden Doet " + tag + "\","
                + "\"description\":\"Samen sterk in de wijk\",\"totalBudget\":250000.00,\"years\":[{\"year\":" + year
                + ",\"budget\":120000.00},{\"year\":" + (year + 1) + ",\"budget\":130000.00}]}");
        assertEquals(201, fund.statusCode(), fund.body());
        long fundId = json(fund).getJsonNumber("id").longValue();
        assertEquals(2, json(fund).getJsonArray("years").size());
        HttpResponse<String> tooMuch = manager.api("PUT", "funds/" + fundId, "{\"name\":\"Coevorden Doet " + tag
                + "\",\"totalBudget\":100000.00,\"years\":[{\"year\":" + year + ",\"budget\":120000.00}]}");
        assertEquals(422, tooMuch.statusCode(), tooMuch.body());
        assertEquals(0, new java.math.BigDecimal("250000.00").compareTo((java.math.BigDecimal) TestDatabase.query(
                "SELECT total_budget FROM fund WHERE id = ?", fundId).get(0).get(0)), "nothing half-written");

        // A partner organisation; a KvK number that is no number is refused.
        refused(manager.api("POST", "partners", "{\"name\":\"Welzijn Coevorden " + tag + "\",\"kind\":\"welfare\","
                + "\"kvkNumber\":\"1234\"}"), 422, "partner.kvkInvalid");
        HttpResponse<String> partner = manager.api("POST", "partners", "{\"name\":\"Welzijn Coevorden " + tag
                + "\",\"kind\":\"welfare\",\"kvkNumber\":\"12345678\",\"contactEmail\":\"info@welzijncoevorden.example\","
                + "\"coalitionMember\":true}");
        assertEquals(201, partner.statusCode(), partner.body());
        long partnerId = json(partner).getJsonNumber("id").longValue();
        assertTrue(json(partner).getBoolean("coalitionMember"));
        HttpResponse<String> partnerChanged = manager.api("PUT", "partners/" + partnerId, "{\"name\":\"Welzijn Coevorden "
                + tag + "\",\"kind\":\"welfare\",\"kvkNumber\":\"12345678\",\"coalitionMember\":false}");
        assertEquals(200, partnerChanged.statusCode(), partnerChanged.body());
        assertFalse(json(partnerChanged).getBoolean("coalitionMember"));

        // A colleague, invited by mail; their role changed; blocked.
        String colleague = "adviseur-" + tag + "@coevorden.example";
        HttpResponse<String> invited = manager.api("POST", "users", "{\"email\":\"" + colleague
                + "\",\"name\":\"Adviseur Coevorden\",\"role\":\"OFFICER\"}");
        assertEquals(201, invited.statusCode(), invited.body());
        long colleagueId = json(invited).getJsonNumber("id").longValue();
        assertEquals("PENDING", json(invited).getString("status"));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", colleague),
                "the invitation is mailed");
        HttpResponse<String> promoted = manager.api("PUT", "users/" + colleagueId + "/role",
                "{\"role\":\"DECISION_MAKER\"}");
        assertEquals(200, promoted.statusCode(), promoted.body());
        assertEquals("DECISION_MAKER", json(promoted).getString("role"));
        refused(manager.api("PUT", "users/" + colleagueId + "/status", "{\"status\":\"ANONYMISED\"}"), 422,
                "account.statusRequired");
        HttpResponse<String> blocked = manager.api("PUT", "users/" + colleagueId + "/status",
                "{\"status\":\"DISABLED\"}");
        assertEquals(200, blocked.statusCode(), blocked.body());
        assertEquals("DISABLED", json(blocked).getString("status"));
        JsonObject users = json(manager.api("GET", "users", null));
        assertTrue(users.getJsonArray("items").stream().map(v -> v.asJsonObject())
                .anyMatch(u -> u.getString("email").equals(colleague) && u.getString("status").equals("DISABLED")));

        // On Coevorden's own audit trail, in the transactions that made them.
        for (String action : List.of("NEIGHBOURHOOD_CREATED", "NEIGHBOURHOOD_CHANGED", "NEIGHBOURHOOD_REMOVED",
                "FUND_CREATED", "ACCOUNT_INVITED", "ACCOUNT_ROLE_CHANGED", "ACCOUNT_STATUS_CHANGED")) {
            assertTrue(TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND municipality_id = ?",
                    action, coevorden) > 0, action + " on Coevorden's trail");
        }

        // Assen's fund manager sees none of it, and cannot reach it by id.
        WebSession assen = new WebSession(base.toURI());
        assertEquals(302, assen.login(ASSEN_MANAGER, Fixtures.PASSWORD).statusCode());
        assertFalse(assen.api("GET", "funds", null).body().contains("Coevorden Doet " + tag));
        assertFalse(assen.api("GET", "partners", null).body().contains("Welzijn Coevorden " + tag));
        assertFalse(assen.api("GET", "neighbourhoods", null).body().contains("WK0109"));
        assertFalse(assen.api("GET", "users?size=200", null).body().contains(colleague));
        assertEquals(404, assen.api("PUT", "funds/" + fundId, "{\"name\":\"Overgenomen\"}").statusCode());
        assertEquals(404, assen.api("PUT", "partners/" + partnerId, "{\"name\":\"Overgenomen\",\"kind\":\"other\"}")
                .statusCode());
        assertEquals(404, assen.api("PUT", "users/" + colleagueId + "/status", "{\"status\":\"ACTIVE\"}")
                .statusCode());
    }
}
