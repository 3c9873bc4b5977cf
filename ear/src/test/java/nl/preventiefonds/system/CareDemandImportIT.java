package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fund manager's import of neighbourhood care-demand indicators against the real EAR and MariaDB: all or
 * nothing per file, suppressed values stored as missing (NULL), a re-import replacing a period atomically, and only
 * fund managers allowed. The demo world holds Assen (WK0106xx) with figures for 2019-2025; these tests use earlier
 * years so they do not touch them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CareDemandImportIT {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";
    private static final String HEADER = "wijkcode;wijknaam;periode;indicator;waarde\n";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private WebSession login(String email) throws Exception {
        return WebSession.loggedIn(base, email);
    }

    private static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonObject importCsv(WebSession session, String csv) throws Exception {
        HttpResponse<String> response = session.postBytes("indicators/import", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return object(response);
    }

    private static long stored(String period) throws Exception {
        return TestDatabase.count("SELECT COUNT(*) FROM care_indicator_value WHERE period_label = ?", period);
    }

    @Test
    void aFileWithABadRowWritesNothingAndSaysPerRowWhy() throws Exception {
        long importsBefore = TestDatabase.count("SELECT COUNT(*) FROM care_indicator_import");
        long auditBefore = TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CARE_INDICATORS_IMPORTED'");
        String csv = HEADER
                + "WK010601;Assen-Oost;2010;WMO_CLIENTS_PER_1000;61,4\n"          // 2 good
                + "WK010602;Pittelo;2010;Jeugdzorgtrajecten (aantal);.\n"          // 3 good, suppressed
                + "WK010699;Nergens;2010;WMO_CLIENTS_PER_1000;50\n"                // 4 unknown neighbourhood of Assen
                + "WK036301;Amsterdam;2010;WMO_CLIENTS_PER_1000;50\n"              // 5 other municipality
                + "\n"
                + "WK010603;Lariks;2010;Percentage jongeren met jeugdzorg;101\n"   // 7 above 100 %
                + "WK010604;Peelo;20x0;Geluk;-2\n"                                 // 8 period, indicator
                + "WK010601;Assen-Oost;2010;Wmo-cliënten relatief;60\n";           // 9 duplicate of line 2
        JsonObject result = importCsv(login(FUND_MANAGER), csv);
        assertFalse(result.getBoolean("stored"), result.toString());
        List<JsonObject> rows = result.getJsonArray("rows").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(List.of(2, 3, 4, 5, 7, 8, 9), rows.stream().map(r -> r.getInt("line")).toList());
        assertEquals(List.of(true, true, false, false, false, false, false),
                rows.stream().map(r -> r.getBoolean("valid")).toList());
        assertEquals(5, result.getInt("rowsRejected"));
        assertTrue(rows.get(2).getJsonArray("problems").getString(0).contains("niet bekend"), rows.get(2).toString());
        assertTrue(rows.get(3).getJsonArray("problems").getString(0).contains("hoort niet bij de gemeente Assen"),
                rows.get(3).toString());
        assertTrue(rows.get(4).getJsonArray("problems").getString(0).contains("hoogstens 100"), rows.get(4).toString());
        assertEquals(2, rows.get(5).getJsonArray("problems").size(), "all problems of a row: " + rows.get(5));
        assertTrue(rows.get(6).getJsonArray("problems").getString(0).contains("regel 2"), rows.get(6).toString());

        assertEquals(0, stored("2010"), "nothing written");
        assertEquals(importsBefore, TestDatabase.count("SELECT COUNT(*) FROM care_indicator_import"));
        assertEquals(auditBefore, TestDatabase.count("SELECT COUNT(*) FROM audit_entry"
                + " WHERE action = 'CARE_INDICATORS_IMPORTED'"));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CARE_INDICATORS_REJECTED'"
                + " AND after_summary = 'nothing stored: 5 of 7 rows have problems, periods 2010'"),
                "a refused import is on record, though it stored nothing");

        // A file that is no usable CSV is refused as a whole.
        JsonObject junk = importCsv(login(FUND_MANAGER), "wijkcode;periode\nWK010601;2010\n");
        assertFalse(junk.getJsonArray("fileProblems").isEmpty(), junk.toString());
        assertEquals(0, stored("2010"));
    }

    @Test
    void aGoodFileIsStoredWithSuppressedValuesAsMissingNotZero() throws Exception {
        long auditBefore = TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CARE_INDICATORS_IMPORTED'");
        // The wide CBS shape, windows-1252 would do as well; here UTF-8 with a BOM.
        String csv = "\uFEFFWijken en buurten;Codering;Perioden;Wmo-cliënten relatief (per 1 000 inwoners);"
                + "Percentage jongeren met jeugdzorg (%);Jeugdzorgtrajecten (aantal)\n"
                + "Assen-Oost;WK010601;2011;61,4;12,5;.\n"
                + "Pittelo;WK010602;2011;x;9,75;44\n";
        JsonObject result = importCsv(login(FUND_MANAGER), csv);
        assertTrue(result.getBoolean("stored"), result.toString());
        assertEquals("WIDE", result.getString("shape"));
        assertEquals(6, result.getInt("valuesStored"));
        assertEquals(2, result.getInt("suppressedStored"));
        assertEquals(0, result.getInt("replaced"));
        assertEquals(6, stored("2011"));

        List<List<Object>> trajectories = TestDatabase.query("SELECT v.indicator_value, v.suppressed, v.period_start"
                + " FROM care_indicator_value v JOIN neighbourhood n ON n.id = v.neighbourhood_id"
                + " WHERE n.code = 'WK010601' AND v.period_label = '2011' AND v.indicator = 'YOUTH_CARE_TRAJECTORIES'");
        assertEquals(1, trajectories.size());
        assertNull(trajectories.get(0).get(0), "a suppressed value is NULL, never 0");
        assertTrue(Boolean.TRUE.equals(trajectories.get(0).get(1)) || Integer.valueOf(1).equals(trajectories.get(0).get(1)));
        assertEquals("2011-01-01", String.valueOf(trajectories.get(0).get(2)));
        BigDecimal wmo = (BigDecimal) TestDatabase.query("SELECT v.indicator_value FROM care_indicator_value v JOIN"
                + " neighbourhood n ON n.id = v.neighbourhood_id WHERE n.code = 'WK010601' AND v.period_label = '2011'"
                + " AND v.indicator = 'WMO_CLIENTS_PER_1000'").get(0).get(0);
        assertEquals(0, new BigDecimal("61.4").compareTo(wmo), "Dutch decimal comma: " + wmo);

        long importId = result.getJsonNumber("importId").longValue();
        assertEquals(List.of(List.of(2, 6, 2, 0, "2011")), TestDatabase.query("SELECT row_count, value_count,"
                + " suppressed_count, replaced_count, periods FROM care_indicator_import WHERE id = ?", importId));
        assertEquals(auditBefore + 1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry"
                + " WHERE action = 'CARE_INDICATORS_IMPORTED'"));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CARE_INDICATORS_IMPORTED'"
                + " AND actor = ? AND after_summary LIKE ?", FUND_MANAGER, "import " + importId + ":%"));
    }

    @Test
    void aReimportReplacesThePeriodAtomically() throws Exception {
        WebSession manager = login(FUND_MANAGER);
        JsonObject first = importCsv(manager, HEADER
                + "WK010601;Assen-Oost;2012;WMO_CLIENTS_PER_1000;50\n"
                + "WK010602;Pittelo;2012;WMO_CLIENTS_PER_1000;51\n"
                + "WK010603;Lariks;2012;YOUTH_CARE_PERCENT;10\n"
                + "WK010601;Assen-Oost;2013;WMO_CLIENTS_PER_1000;52\n");
        assertTrue(first.getBoolean("stored"), first.toString());
        assertEquals(3, stored("2012"));
        assertEquals(1, stored("2013"));

        // A bad re-import of 2012 changes nothing.
        JsonObject bad = importCsv(manager, HEADER
                + "WK010601;Assen-Oost;2012;WMO_CLIENTS_PER_1000;70\n"
                + "WK010602;Pittelo;2012;WMO_CLIENTS_PER_1000;-1\n");
        assertFalse(bad.getBoolean("stored"));
        assertEquals(3, stored("2012"));
        assertEquals(0, new BigDecimal("50").compareTo(value("WK010601", "2012", "WMO_CLIENTS_PER_1000")));

        // The corrected release of 2012: every earlier 2012 value goes, 2013 stays.
        JsonObject again = importCsv(manager, HEADER
                + "WK010601;Assen-Oost;2012;WMO_CLIENTS_PER_1000;49,5\n"
                + "WK010604;Peelo;2012;Jeugdzorgtrajecten (aantal);.\n");
        assertTrue(again.getBoolean("stored"), again.toString());
        assertEquals(3, again.getInt("replaced"));
        assertEquals(2, stored("2012"));
        assertEquals(1, stored("2013"), "a period not in the file is untouched");
        assertEquals(0, new BigDecimal("49.5").compareTo(value("WK010601", "2012", "WMO_CLIENTS_PER_1000")));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM care_indicator_value v JOIN neighbourhood n"
                + " ON n.id = v.neighbourhood_id WHERE n.code IN ('WK010602', 'WK010603') AND v.period_label = '2012'"),
                "old values are gone");
        long importId = again.getJsonNumber("importId").longValue();
        assertEquals(2, TestDatabase.count("SELECT COUNT(*) FROM care_indicator_value WHERE import_id = ?", importId));
        assertEquals(3, TestDatabase.count("SELECT replaced_count FROM care_indicator_import WHERE id = ?", importId));
    }

    private static BigDecimal value(String code, String period, String indicator) throws Exception {
        return (BigDecimal) TestDatabase.query("SELECT v.indicator_value FROM care_indicator_value v JOIN neighbourhood n"
                + " ON n.id = v.neighbourhood_id WHERE n.code = ? AND v.period_label = ? AND v.indicator = ?",
                code, period, indicator).get(0).get(0);
    }

    @Test
    void theStoredValuesArePagedAndThePageShowsThem() throws Exception {
        WebSession manager = login(FUND_MANAGER);
        HttpResponse<String> page = manager.api("GET", "indicators?indicator=WMO_CLIENTS_PER_1000&from=2019&to=2025"
                + "&first=5&max=5", null);
        assertEquals(200, page.statusCode(), page.body());
        JsonObject body = object(page);
        assertEquals(11 * 7, body.getInt("total"), "the demo: eleven neighbourhoods, seven years");
        assertEquals(5, body.getJsonArray("items").size());
        JsonObject item = body.getJsonArray("items").getJsonObject(0);
        assertEquals("WMO_CLIENTS_PER_1000", item.getString("indicator"));
        assertTrue(item.getString("code").startsWith("WK0106"), item.toString());
        HttpResponse<String> suppressed = manager.api("GET", "indicators?indicator=Jeugdzorgtrajecten%20(aantal)"
                + "&from=2019&to=2025&max=1000", null);
        assertTrue(object(suppressed).getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(i -> i.getBoolean("suppressed") && i.isNull("value")), "the demo has suppressed counts");
        assertEquals(422, manager.api("GET", "indicators?indicator=geluk", null).statusCode());

        HttpResponse<String> html = manager.get("admin/indicators.xhtml");
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("id=\"storedTable\""), "what is stored is shown");
        assertTrue(html.body().contains("Alles of niets"), "the import policy is stated");
        assertTrue(manager.get("admin/index.xhtml").body().contains("admin/indicators.xhtml"), "the menu links it");
    }

    @Test
    void onlyTheFundManagerMayImportAndStaffMayRead() throws Exception {
        byte[] csv = (HEADER + "WK010601;Assen-Oost;2014;WMO_CLIENTS_PER_1000;50\n").getBytes(StandardCharsets.UTF_8);
        for (String who : List.of(Fixtures.OFFICER, Fixtures.ORGANISER)) {
            WebSession session = login(who);
            assertEquals(403, session.postBytes("indicators/import", "text/csv", csv).statusCode(), who);
            assertEquals(403, session.get("admin/indicators.xhtml").statusCode(), who);
        }
        // Reading the figures is for everyone who reads the impact dashboard; organisers and partners are not.
        assertEquals(200, login(Fixtures.OFFICER).api("GET", "indicators", null).statusCode());
        assertEquals(200, login(Fixtures.DECISION_MAKER).api("GET", "indicators", null).statusCode());
        assertEquals(403, login(Fixtures.ORGANISER).api("GET", "indicators", null).statusCode());
        assertEquals(403, login(Fixtures.PARTNER).api("GET", "indicators", null).statusCode());
        assertEquals(0, stored("2014"));
    }

    /**
     * Issue 18: a fund manager defines an indicator beyond the six through the API, imports a CBS-shaped file with
     * its column, and the stored values and the dashboard show it; Stichtse Vecht neither sees, changes nor imports
     * it, an officer cannot define one, and a duplicate is refused with its rule.
     */
    @Test
    void aMunicipalityDefinesItsOwnIndicatorImportsItsColumnAndSeesItOnTheDashboard() throws Exception {
        String heading = "Huishoudens met een bijstandsuitkering";
        String body = "{\"code\":\"BIJSTAND_API\",\"name\":\"Bijstand per 1.000 inwoners\","
                + "\"unit\":\"PER_1000_RESIDENTS\",\"sourceColumn\":\"" + heading + "\","
                + "\"careDomain\":\"DEBT_RELIEF\",\"costPerCase\":3100}";
        assertEquals(403, login(Fixtures.OFFICER).api("POST", "indicators/definitions", body).statusCode());
        WebSession fundManager = login(FUND_MANAGER);
        HttpResponse<String> created = fundManager.api("POST", "indicators/definitions", body);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject definition = object(created);
        assertEquals("BIJSTAND_API", definition.getString("code"));
        assertEquals(0, new BigDecimal("3100").compareTo(definition.getJsonNumber("costPerCase").bigDecimalValue()));
        long id = definition.getJsonNumber("id").longValue();
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CARE_INDICATOR_DEFINED'"
                + " AND subject_id = ?", String.valueOf(id)), "audited");
        HttpResponse<String> twice = fundManager.api("POST", "indicators/definitions", body);
        assertEquals(422, twice.statusCode(), twice.body());
        assertTrue(twice.body().contains("indicatorDefinition.codeTaken"), twice.body());

        // The wide file as CBS publishes it, the new column beside a standard one.
        JsonObject imported = importCsv(fundManager, "wijkcode;wijknaam;periode;Wmo-cliënten (aantal);" + heading
                + "\nWK010601;Assen-Oost;2008;120;37,5\nWK010602;Pittelo;2008;80;.\n");
        assertTrue(imported.getBoolean("stored"), imported.toString());
        assertEquals(4, imported.getInt("valuesStored"));
        JsonObject values = object(fundManager.api("GET", "indicators?indicator=BIJSTAND_API&from=2008&to=2008",
                null));
        assertEquals(2, values.getInt("total"), values.toString());
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM care_indicator_value WHERE indicator = 'BIJSTAND_API'"
                + " AND period_label = '2008' AND suppressed"), "a suppressed value is missing, not zero");

        JsonObject dashboard = object(fundManager.api("GET", "impact/dashboard", null));
        JsonObject impact = dashboard.getJsonArray("indicators").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("indicator").equals("BIJSTAND_API")).findFirst().orElseThrow();
        assertEquals("Bijstand per 1.000 inwoners", impact.getString("name"));
        assertEquals("DEBT_RELIEF", impact.getString("domain"));
        assertTrue(impact.getInt("observations") >= 1, impact.toString());

        // Stichtse Vecht: not among its indicators, its file with that column is refused, Assen's id is not its own.
        WebSession other = login("beheerder@stichtsevecht.demo.preventiefonds.nl");
        HttpResponse<String> list = other.api("GET", "indicators/definitions", null);
        assertEquals(200, list.statusCode(), list.body());
        assertFalse(list.body().contains("BIJSTAND_API"), list.body());
        assertTrue(list.body().contains("WMO_CLIENTS_PER_1000"), "it has the six of its own");
        JsonObject refused = importCsv(other, "wijkcode;wijknaam;periode;" + heading + "\nWK190401;Maarssen;2008;12\n");
        assertFalse(refused.getBoolean("stored"), refused.toString());
        assertTrue(refused.getJsonArray("fileProblems").toString().contains(heading), refused.toString());
        // Refused as another municipality's object: it looks like nothing.
        assertEquals(404, other.api("PUT", "indicators/definitions/" + id, body).statusCode());
        assertEquals(404, other.api("POST", "indicators/definitions/" + id + "/deactivate", null).statusCode());
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM care_indicator_definition WHERE id = ? AND active",
                id), "still Assen's and active");
    }
}
