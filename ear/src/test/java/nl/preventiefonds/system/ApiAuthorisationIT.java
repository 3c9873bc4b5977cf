package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call the monitoring, impact and open-data API, from one table: each row an endpoint and the exact status
 * every role gets (401 anonymous, 403 a role without access, 2xx allowed: a change is sent with a valid body, so
 * the table proves it works, not only that it is not blocked). Object-level checks (another organiser's or
 * partner's object) are in the feature tests and AuthorisationMatrixIT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiAuthorisationIT {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";
    /** A Tuesday that no decree equates: the fund manager adds it, the test removes it again. */
    private static final String TRIAL_DAY = "2099-06-30";
    private static final List<String> ROLES = List.of("anonymous", Fixtures.ORGANISER, Fixtures.PARTNER,
            Fixtures.OFFICER, Fixtures.DECISION_MAKER, FUND_MANAGER);

    /** method, path, then the expected status per role in the order of ROLES. */
    private static final Object[][] MATRIX = {
        {"GET", "calls", 401, 200, 200, 200, 200, 200},
        {"GET", "applications", 401, 200, 200, 200, 200, 200},
        {"GET", "deadlines", 401, 403, 403, 200, 200, 403},
        {"GET", "impact/dashboard", 401, 403, 403, 200, 200, 200},
        {"GET", "indicators?indicator=WMO_CLIENTS_PER_1000", 401, 403, 403, 200, 200, 200},
        {"GET", "awards", 401, 200, 200, 200, 200, 200},
        {"GET", "reports", 401, 200, 200, 200, 200, 200},
        {"GET", "impact/cost-parameters", 401, 403, 403, 200, 200, 200},
        {"PUT", "impact/cost-parameters", 401, 403, 403, 403, 403, 200}, // the settled values, saved again
        {"GET", "reclaims", 401, 403, 403, 200, 403, 200},
        {"GET", "payments", 401, 403, 403, 403, 403, 200},
        {"GET", "report-requests/mine", 401, 200, 200, 403, 403, 403},
        {"POST", "monitoring/reminders", 401, 403, 403, 200, 403, 200},
        {"GET", "anonymisation/candidates", 401, 403, 403, 403, 403, 200},
        {"GET", "equated-days", 401, 403, 403, 200, 200, 200},
        {"PUT", "equated-days/" + TRIAL_DAY, 401, 403, 403, 403, 403, 403}, // the installation administrator's
        {"GET", "open/register", 200, 200, 200, 200, 200, 200},
        {"GET", "open/360giving", 200, 200, 200, 200, 200, 200},
        {"GET", "open/360giving.json", 200, 200, 200, 200, 200, 200},
        {"GET", "open/360giving.csv", 200, 200, 200, 200, 200, 200},
    };

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    @Test
    void everyRoleGetsWhatTheTableSays() throws Exception {
        Map<String, WebSession> sessions = new LinkedHashMap<>();
        for (String role : ROLES.subList(1, ROLES.size())) {
            WebSession session = new WebSession(base.toURI());
            assertEquals(302, session.login(role, Fixtures.PASSWORD).statusCode(), role);
            sessions.put(role, session);
        }
        HttpClient anonymous = HttpClient.newHttpClient();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        WebSession manager = sessions.get(FUND_MANAGER);
        HttpResponse<String> settled = manager.api("GET", "impact/cost-parameters", null);
        assertEquals(200, settled.statusCode(), settled.body());
        boolean costsWereDefaults = settled.body().contains("\"defaults\":true");
        // Valid bodies: what gets past the role check must then work.
        Map<String, String> bodies = Map.of(
                "impact/cost-parameters", jakarta.json.Json.createReader(new java.io.StringReader(settled.body()))
                        .readObject().getJsonObject("parameters").toString(),
                "equated-days/" + TRIAL_DAY, "{\"description\":\"Proef van ApiAuthorisationIT\"}");
        try {
            checked = check(sessions, anonymous, bodies, wrong);
        } finally {
            // Shared data back as it was: ImpactDashboardBrowserIT starts from unsettled cost parameters.
            if (costsWereDefaults) {
                TestDatabase.update("DELETE FROM cost_parameters");
            }
        }
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM equated_day WHERE equated_on = ?",
                java.sql.Date.valueOf(TRIAL_DAY)), "no municipal role wrote the trial day");
        System.out.println("API authorisation matrix: " + checked + " calls checked");
        assertEquals(List.of(), wrong);
    }

    private int check(Map<String, WebSession> sessions, HttpClient anonymous, Map<String, String> bodies,
            List<String> wrong) throws Exception {
        int checked = 0;
        for (Object[] row : MATRIX) {
            String method = (String) row[0];
            String path = (String) row[1];
            for (int r = 0; r < ROLES.size(); r++) {
                int expected = (Integer) row[2 + r];
                int actual;
                // A CSV download is asked for as any type; the rest as JSON.
                String accept = path.endsWith(".csv") ? "*/*" : "application/json";
                if (r == 0) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(base.toURI().resolve("api/" + path))
                            .header("Accept", accept).header("X-Requested-With", "test");
                    if ("GET".equals(method)) {
                        request.GET();
                    } else {
                        request.header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(bodies.getOrDefault(path, "{}")));
                    }
                    actual = anonymous.send(request.build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                } else if (path.endsWith(".csv")) {
                    actual = sessions.get(ROLES.get(r)).get("api/" + path).statusCode();
                } else {
                    actual = sessions.get(ROLES.get(r)).api(method, path, "GET".equals(method) ? null
                            : bodies.getOrDefault(path, "{}")).statusCode();
                }
                checked++;
                if (actual != expected) {
                    wrong.add(method + " " + path + " as " + ROLES.get(r) + ": expected " + expected + ", got "
                            + actual);
                }
            }
        }
        return checked;
    }

    @Test
    void listsArePagedAndShowEachRoleItsOwn() throws Exception {
        WebSession organiser = new WebSession(base.toURI());
        organiser.login(Fixtures.ORGANISER, Fixtures.PASSWORD);
        WebSession partner = new WebSession(base.toURI());
        partner.login(Fixtures.PARTNER, Fixtures.PASSWORD);
        WebSession officer = new WebSession(base.toURI());
        officer.login(Fixtures.OFFICER, Fixtures.PASSWORD);
        String own = organiser.api("GET", "applications?size=200", null).body();
        assertTrue(own.contains("\"status\":\"DRAFT\""), "the organiser sees its own drafts: " + own);
        assertTrue(organiser.api("GET", "applications?text=zzz-no-such-title", null).body().contains("\"total\":0"),
                "the organiser's own list honours the text search");
        String partners = partner.api("GET", "applications?size=200", null).body();
        assertFalse(partners.contains("\"status\":\"DRAFT\""), partners);
        String staff = officer.api("GET", "applications?status=DRAFT", null).body();
        assertTrue(staff.contains("\"total\":0"), "staff never list drafts: " + staff);
        jakarta.json.JsonObject one = jakarta.json.Json.createReader(new java.io.StringReader(
                officer.api("GET", "applications?first=0&size=1", null).body())).readObject();
        assertEquals(1, one.getJsonArray("items").size());
        assertTrue(one.getJsonNumber("total").longValue() >= 1);
        java.net.http.HttpResponse<String> tooBig = officer.api("GET", "applications?size=500", null);
        assertEquals(422, tooBig.statusCode());
        assertTrue(tooBig.body().contains("api.pageInvalid"), tooBig.body());
        // An unconvertible query value is the caller's mistake, said as such, not "not found".
        for (String bad : List.of("applications?status=NONSENSE", "applications?callId=abc")) {
            java.net.http.HttpResponse<String> refused = officer.api("GET", bad, null);
            assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
            assertTrue(refused.body().contains("api.parameterInvalid"), refused.body());
        }
        assertEquals(404, officer.api("GET", "no-such-endpoint", null).statusCode());
        // Awards and reports: staff see all, the organiser only its own applications', the partner only its own.
        jakarta.json.JsonObject staffAwards = json(officer.api("GET", "awards?size=200", null).body());
        assertTrue(staffAwards.getJsonNumber("total").longValue() >= 2, "both demo awards: " + staffAwards);
        java.util.Set<Integer> ownIds = new java.util.HashSet<>();
        json(own).getJsonArray("items").forEach(v -> ownIds.add(v.asJsonObject().getInt("id")));
        jakarta.json.JsonObject organiserAwards = json(organiser.api("GET", "awards", null).body());
        organiserAwards.getJsonArray("items").forEach(v -> assertTrue(ownIds.contains(
                v.asJsonObject().getInt("applicationId")), "only own awards: " + v));
        jakarta.json.JsonObject firstAward = json(officer.api("GET", "awards?size=1", null).body());
        assertEquals(1, firstAward.getJsonArray("items").size());
        assertTrue(firstAward.getJsonArray("items").getJsonObject(0).getJsonNumber("amount").bigDecimalValue()
                .signum() > 0, firstAward.toString());
        jakarta.json.JsonObject staffReports = json(officer.api("GET", "reports?size=200", null).body());
        assertTrue(staffReports.getJsonNumber("total").longValue() >= 1, staffReports.toString());
        jakarta.json.JsonObject partnerReports = json(partner.api("GET", "reports?size=200", null).body());
        partnerReports.getJsonArray("items").forEach(v -> assertFalse(v.asJsonObject().isNull("partnerName"),
                "a partner lists only its own reports: " + v));
        assertTrue(partnerReports.getJsonNumber("total").longValue()
                < staffReports.getJsonNumber("total").longValue(), "the organiser's reports are not the partner's");
        assertEquals(422, officer.api("GET", "awards?first=-1", null).statusCode());

        String open = organiser.api("GET", "calls?open=true", null).body();
        assertTrue(open.contains("\"open\":true"), open);

        // Calls page in the database: the total counts them all, a page holds the same calls as the whole list.
        jakarta.json.JsonObject allCalls = json(organiser.api("GET", "calls?size=200", null).body());
        int callCount = allCalls.getJsonNumber("total").intValue();
        assertTrue(callCount >= 2, allCalls.toString());
        assertEquals(Math.min(callCount, 200), allCalls.getJsonArray("items").size());
        jakarta.json.JsonObject secondCall = json(organiser.api("GET", "calls?first=1&size=1", null).body());
        assertEquals(callCount, secondCall.getJsonNumber("total").intValue(), "the total does not depend on the page");
        assertEquals(allCalls.getJsonArray("items").getJsonObject(1).getJsonNumber("id"),
                secondCall.getJsonArray("items").getJsonObject(0).getJsonNumber("id"));
        jakarta.json.JsonObject openCalls = json(organiser.api("GET", "calls?open=true&size=200", null).body());
        int openCount = openCalls.getJsonNumber("total").intValue();
        assertTrue(openCount >= 1 && openCount <= callCount, openCalls.toString());
        assertEquals(Math.min(openCount, 200), openCalls.getJsonArray("items").size());
        openCalls.getJsonArray("items").forEach(v -> assertTrue(v.asJsonObject().getBoolean("open"), v.toString()));
    }

    private static jakarta.json.JsonObject json(String body) {
        return jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject();
    }
}
