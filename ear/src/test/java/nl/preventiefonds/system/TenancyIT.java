package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One installation, two municipalities: Stichtse Vecht beside the demo world's Assen, with a fund manager of its own.
 * Through pages and API, that fund manager sees, changes and infers none of Assen's funds, calls, care figures or
 * staff, and the public start page shows one municipality at a time.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenancyIT {
    private static final String ASSEN_MANAGER = "beheerder@demo.preventiefonds.nl";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private static long municipality(String code, String name) throws SQLException {
        List<List<Object>> found = TestDatabase.query("SELECT id FROM municipality WHERE code = ?", code);
        if (found.isEmpty()) {
            TestDatabase.update("INSERT INTO municipality (code, name) VALUES (?, ?)", code, name);
            found = TestDatabase.query("SELECT id FROM municipality WHERE code = ?", code);
        }
        return ((Number) found.get(0).get(0)).longValue();
    }

    /** A fund manager of Stichtse Vecht: the demo fund manager's clone, moved there. */
    private static String stichtseVechtManager() throws SQLException {
        long stichtseVecht = municipality("GM1904", "Stichtse Vecht");
        String clone = TestDatabase.cloneAccount(ASSEN_MANAGER, null);
        assertEquals(1, TestDatabase.update("UPDATE app_user SET municipality_id = ? WHERE email = ?", stichtseVecht,
                clone));
        return clone;
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static boolean refused(HttpResponse<String> response) {
        return response.statusCode() >= 400 && response.statusCode() < 500;
    }

    @Test
    void aFundManagerOfAnotherMunicipalitySeesChangesAndInfersNoneOfAssens() throws Exception {
        WebSession stichtseVecht = WebSession.loggedIn(base, stichtseVechtManager());
        WebSession assen = WebSession.loggedIn(base, ASSEN_MANAGER);
        List<Object> assenCall = TestDatabase.query("SELECT c.id, c.title, c.budget FROM funding_call c"
                + " JOIN fund f ON f.id = c.fund_id JOIN municipality m ON m.id = f.municipality_id"
                + " WHERE m.code = 'GM0106' ORDER BY c.id").get(0);
        long callId = ((Number) assenCall.get(0)).longValue();
        String callTitle = (String) assenCall.get(1);
        int checks = 0;

        // A call's budget through the API: Assen's own fund manager reads it, the other gets the answer for a call
        // that does not exist, and cannot change it.
        assertEquals(200, assen.api("GET", "calls/" + callId + "/budget", null).statusCode());
        HttpResponse<String> read = stichtseVecht.api("GET", "calls/" + callId + "/budget", null);
        HttpResponse<String> unknown = stichtseVecht.api("GET", "calls/999999999/budget", null);
        assertTrue(refused(read), read.statusCode() + " " + read.body());
        assertEquals(unknown.statusCode(), read.statusCode(), "as unknown as a call that does not exist");
        assertFalse(read.body().contains(callTitle), read.body());
        checks += 2;
        HttpResponse<String> changed = stichtseVecht.api("PUT", "calls/" + callId + "/budget", "{\"budget\":1.00}");
        assertTrue(refused(changed), changed.statusCode() + " " + changed.body());
        List<Object> after = TestDatabase.query("SELECT budget FROM funding_call WHERE id = ?", callId).get(0);
        assertEquals(assenCall.get(2) == null ? null : new BigDecimal(assenCall.get(2).toString()),
                after.get(0) == null ? null : new BigDecimal(after.get(0).toString()), "the budget is unchanged");
        checks++;

        // Care figures: Assen's thousands of demo values are not Stichtse Vecht's.
        String values = "indicators?indicator=WMO_CLIENTS_PER_1000&size=1";
        assertTrue(json(assen.api("GET", values, null)).getJsonNumber("total").longValue() > 0);
        assertEquals(0, json(stichtseVecht.api("GET", values, null)).getJsonNumber("total").longValue());
        checks++;

        // The fund manager's pages: funds, calls, accounts, the impact dashboard.
        assertTrue(assen.get("admin/funds.xhtml").body().contains("Preventiefonds Assen"));
        String funds = stichtseVecht.get("admin/funds.xhtml").body();
        assertFalse(funds.contains("Preventiefonds Assen"), "Assen's fund is not listed");
        String calls = stichtseVecht.get("admin/calls.xhtml").body();
        assertFalse(calls.contains(callTitle), "Assen's call is not listed");
        String callPage = stichtseVecht.get("admin/call.xhtml?id=" + callId).body();
        assertFalse(callPage.contains(callTitle), "nor opened by its id");
        // Decision makers sort first in the account list: Assen's is on its first page, not on Stichtse Vecht's.
        assertTrue(assen.get("admin/users.xhtml").body().contains(Fixtures.DECISION_MAKER));
        String users = stichtseVecht.get("admin/users.xhtml").body();
        assertFalse(users.contains(Fixtures.DECISION_MAKER) || users.contains(Fixtures.OFFICER), "Assen's staff");
        HttpResponse<String> dashboard = stichtseVecht.api("GET", "impact/dashboard", null);
        assertEquals(200, dashboard.statusCode(), dashboard.body());
        assertFalse(dashboard.body().contains("Kloosterveen"), "none of Assen's neighbourhoods");
        checks += 6;

        // The header names each staff member's own municipality.
        assertTrue(assen.get("admin/index.xhtml").body().contains("Gemeente Assen"));
        assertTrue(stichtseVecht.get("admin/index.xhtml").body().contains("Gemeente Stichtse Vecht"));
        checks++;
        System.out.println("Cross-tenant checks (fund manager): " + checks);
    }

    @Test
    void thePublicStartPageShowsOneMunicipalityAtATime() throws Exception {
        municipality("GM1904", "Stichtse Vecht");
        WebSession visitor = new WebSession(base.toURI());
        String assen = visitor.get("index.xhtml?gemeente=GM0106").body();
        assertTrue(assen.contains("Preventiefonds Assen") && assen.contains("Kloosterveen"), assen);
        String stichtseVecht = visitor.get("index.xhtml?gemeente=gm1904").body();
        assertTrue(stichtseVecht.contains("Gemeente Stichtse Vecht"), stichtseVecht);
        assertFalse(stichtseVecht.contains("Preventiefonds Assen") || stichtseVecht.contains("Kloosterveen"),
                "none of Assen's funds, calls or neighbourhoods");
        String choice = visitor.get("index.xhtml").body();
        assertTrue(choice.contains("Kies uw gemeente") && choice.contains("index.xhtml?gemeente=GM1904")
                && choice.contains("index.xhtml?gemeente=GM0106"), "with two, the visitor chooses: " + choice);
        String unknown = visitor.get("index.xhtml?gemeente=GM9999").body();
        assertTrue(unknown.contains("Kies uw gemeente"), "an unknown code leads to the choice");
    }
}
