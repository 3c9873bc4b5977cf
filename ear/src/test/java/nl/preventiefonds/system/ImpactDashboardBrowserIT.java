package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import nl.preventiefonds.demo.DemoWorld;
import nl.preventiefonds.identity.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In a real browser, with the demo world (awarded grants, Assen's care-demand figures 2019-2025): the officer opens
 * the impact dashboard and sees the portfolio tiles, both charts drawn with their data tables, the estimate with its
 * plain-language explanation and the avoided-cost scenario labelled as an estimate. The JSON API gives the same
 * figures to officers and fund managers and refuses organisers and partners.
 */
class ImpactDashboardBrowserIT extends BrowserTestBase {
    private static final String FUND_MANAGER = DemoWorld.LOGINS.get(Role.FUND_MANAGER);

    private WebSession api(String email) throws Exception {
        return WebSession.loggedIn(base, email);
    }

    private void waitFor(By element, String step) throws Exception {
        try {
            chromium.waitUpTo(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(ExpectedConditions.presenceOfElementLocated(element));
        } catch (TimeoutException e) {
            chromium.fullPageScreenshot("impact-stuck-" + step);
            throw new AssertionError("did not reach " + step + ": " + browser.getPageSource(), e);
        }
    }

    private long canvasWidth(String id) {
        Object width = ((JavascriptExecutor) browser).executeScript(
                "var c = document.getElementById(arguments[0]); return c ? c.width : -1;", id);
        return ((Number) width).longValue();
    }

    /** Whether Chart.js drew anything: some pixel of the canvas is not transparent. */
    private boolean drawn(String id) {
        Object drawn = ((JavascriptExecutor) browser).executeScript(
                "var c = document.getElementById(arguments[0]); if (!c || c.width === 0) return false;"
                        + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + " for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false;", id);
        return Boolean.TRUE.equals(drawn);
    }

    /**
     * The demo figures run to 2025 and the running demo grant (Pittelo, Lariks) started this year, so there is no
     * "after" year yet: the test adds this year's figures, a little lower in the funded neighbourhoods.
     */
    private static void figuresForTheStartYear() throws Exception {
        int year = java.time.LocalDate.now().getYear();
        TestDatabase.update("DELETE FROM care_indicator_value WHERE period_label = ?", String.valueOf(year));
        TestDatabase.update("INSERT INTO care_indicator_value (neighbourhood_id, period_label, period_start, indicator,"
                + " indicator_value, suppressed, imported_at, import_id) SELECT v.neighbourhood_id, ?, ?, v.indicator,"
                + " CASE WHEN v.suppressed THEN NULL WHEN n.name IN ('Pittelo', 'Lariks') THEN v.indicator_value * 0.9"
                + " ELSE v.indicator_value * 1.01 END, v.suppressed, v.imported_at, v.import_id FROM"
                + " care_indicator_value v JOIN neighbourhood n ON n.id = v.neighbourhood_id WHERE v.period_label = ?"
                + " AND v.indicator IN ('WMO_CLIENTS_PER_1000', 'YOUTH_CARE_PERCENT')", String.valueOf(year),
                java.sql.Date.valueOf(java.time.LocalDate.of(year, 1, 1)), String.valueOf(year - 1));
    }

    @Test
    void officerSeesTheDashboardWithChartsTheEstimateAndTheScenario() throws Exception {
        figuresForTheStartYear();
        chromium.login(base.toString(), Fixtures.OFFICER, Fixtures.PASSWORD);
        assertFalse(browser.findElements(By.id("menuImpact")).isEmpty(), "the menu links to the dashboard");
        browser.get(base + "impact/dashboard.xhtml");
        waitFor(By.id("dash:trendChart_canvas"), "dashboard");

        // Tiles: the demo world has awarded grants.
        String awards = browser.findElement(By.cssSelector("#tileAwards strong")).getText();
        assertTrue(Integer.parseInt(awards.trim()) >= 1, "awards: " + awards);
        assertTrue(browser.findElement(By.id("tileAwarded")).getText().contains("€"));

        // Both charts drawn, each with its data table.
        chromium.waitUpTo(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> drawn("dash:trendChart_canvas") && drawn("dash:moneyChart_canvas"));
        assertTrue(canvasWidth("dash:trendChart_canvas") > 0);
        assertTrue(canvasWidth("dash:moneyChart_canvas") > 0);
        List<WebElement> trendRows = browser.findElements(By.cssSelector("#trendTable tbody tr"));
        assertTrue(trendRows.size() >= 7, "one row per year from 2019: " + trendRows.size());
        assertFalse(browser.findElements(By.cssSelector("#moneyTable tbody tr")).isEmpty());
        assertTrue(browser.findElement(By.id("moneyTable")).getText().contains("Kloosterveen")
                || browser.findElement(By.id("moneyTable")).getText().contains("Pittelo"),
                browser.findElement(By.id("moneyTable")).getText());

        // The estimate, in plain Dutch, never as proof.
        String estimate = browser.findElement(By.id("estimate")).getText();
        assertTrue(estimate.contains("Schatting"), estimate);
        assertTrue(estimate.contains("We vergelijken") && estimate.contains("geen bewijs"), estimate);
        assertTrue(estimate.contains("95%"), estimate);
        String scenario = browser.findElement(By.id("dash:scenario")).getText();
        assertTrue(scenario.contains("Schatting (scenario), geen geboekte besparing"), scenario);
        assertTrue(scenario.contains("6.000 inwoners"), "the population assumption is stated: " + scenario);
        // The demo's wijken have their residents from its CBS-shaped file; other tests add funded neighbourhoods
        // without one. The page counts what the database holds, and assumes a population only where one is missing.
        List<Object> funded = TestDatabase.query("SELECT COUNT(DISTINCT n.id), COUNT(DISTINCT CASE WHEN n.population"
                + " IS NOT NULL THEN n.id END), SUM(CASE WHEN n.code BETWEEN 'WK010600' AND 'WK010610' AND"
                + " n.population IS NULL THEN 1 ELSE 0 END) FROM neighbourhood n JOIN application_neighbourhood an ON"
                + " an.neighbourhood_id = n.id JOIN grant_decision d ON d.application_id = an.application_id JOIN"
                + " municipality m ON m.id = n.municipality_id WHERE m.code = 'GM0106' AND d.outcome IN ('AWARD',"
                + " 'PARTIAL_AWARD') AND d.replaced_by_id IS NULL").get(0);
        String treated = browser.findElement(By.id("dash:treatedPopulation")).getText();
        assertTrue(treated.contains("bekend voor " + ((Number) funded.get(1)).longValue() + " van de "
                + ((Number) funded.get(0)).longValue() + " wijken"), treated + " " + funded);
        assertEquals(0, ((Number) funded.get(2)).longValue(), "every funded demo wijk has its residents");
        assertTrue(((Number) funded.get(1)).longValue() >= 7, "the demo funds seven wijken: " + funded);
        if (((Number) funded.get(0)).longValue() == ((Number) funded.get(1)).longValue()) {
            assertFalse(scenario.contains("aangenomen aantal"), "no population assumed: " + scenario);
        }
        assertEquals("€ 4.600,00", browser.findElement(By.id("dash:wmoCost_input")).getAttribute("value"));

        // Each funded neighbourhood on its own against the unfunded ones: the completed 2023 grant's two.
        String perNeighbourhood = browser.findElement(By.id("perNeighbourhoodTable")).getText();
        assertTrue(perNeighbourhood.contains("Assen-Oost 2023") && perNeighbourhood.contains("Peelo 2023"),
                perNeighbourhood);
        assertTrue(perNeighbourhood.contains(" tot "), "an interval per neighbourhood: " + perNeighbourhood);
        chromium.waitUpTo(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> drawn("dash:neighbourhoodChart_canvas"));
        assertTrue(browser.findElement(By.cssSelector("#neighbourhoodTrendTable caption")).getText()
                .startsWith("Assen-Oost"), "the first funded neighbourhood is charted");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("dash:trendNeighbourhood")))
                .selectByVisibleText("Peelo");
        chromium.waitUpTo(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> browser.findElement(By.cssSelector("#neighbourhoodTrendTable caption"))
                .getText().startsWith("Peelo"));
        String peelo = browser.findElement(By.id("neighbourhoodTrendTable")).getText();
        assertTrue(peelo.contains("2023 (start)"), "the start year is marked in words: " + peelo);
        chromium.waitUpTo(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> drawn("dash:neighbourhoodChart_canvas"));

        chromium.fullPageScreenshot("impact-dashboard");

        // A different Wmo cost recomputes the scenario at once; it stays labelled as an estimate.
        By wmoCentral = By.cssSelector("#scenarioTable tbody tr:first-child td:nth-child(3)");
        String before = browser.findElement(wmoCentral).getText();
        WebElement wmoCost = browser.findElement(By.id("dash:wmoCost_input"));
        wmoCost.click();
        wmoCost.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wmoCost.sendKeys("9200", Keys.TAB);
        chromium.waitUpTo(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> !browser.findElement(wmoCentral).getText().equals(before));
        assertTrue(browser.findElement(By.id("dash:scenario")).getText()
                .contains("Schatting (scenario), geen geboekte besparing"));
        assertEquals("€ 9.200,00", browser.findElement(By.id("dash:wmoCost_input")).getAttribute("value"));

        // Regression: a year out of range said "dash:year: Validation Error: Specified attribute is not between the
        // expected values of 2.000 and 2.100." Now the page's own Dutch words.
        WebElement year = browser.findElement(By.id("dash:year"));
        year.clear();
        year.sendKeys("-1");
        browser.findElement(By.id("dash:apply")).click();
        chromium.waitUpTo(20).until(d -> browser.getPageSource().contains("Vul een jaartal in, bijvoorbeeld 2025."));
        String main = browser.findElement(By.id("main")).getText();
        assertFalse(main.contains("Validation Error") || main.contains("dash:year"), main);
    }

    @Test
    void theApiGivesTheFiguresToStaffAndRefusesOrganisersAndPartners() throws Exception {
        HttpResponse<String> officer = api(Fixtures.OFFICER).api("GET", "impact/dashboard", null);
        assertEquals(200, officer.statusCode(), officer.body());
        assertTrue(officer.body().contains("\"portfolio\""), officer.body());
        assertTrue(officer.body().contains("\"ESTIMATE\""), officer.body());
        assertTrue(officer.body().contains("WMO_CLIENTS_PER_1000"), officer.body());
        // The demo world's completed grant reported an outcome indicator in its accepted final report.
        jakarta.json.JsonObject figures = jakarta.json.Json.createReader(new java.io.StringReader(officer.body()))
                .readObject();
        assertTrue(figures.getJsonArray("outcomes").stream().map(v -> v.asJsonObject())
                .anyMatch(o -> o.getString("name").equals("Deelnemers die zich minder eenzaam voelen (%)")
                        && o.getJsonNumber("reports").longValue() >= 1
                        && o.getJsonNumber("mean").bigDecimalValue().signum() > 0), figures.toString());

        HttpResponse<String> filtered = api(FUND_MANAGER).api("GET",
                "impact/dashboard?theme=LONELINESS&careDomain=WMO&year=2026", null);
        assertEquals(200, filtered.statusCode(), filtered.body());
        assertEquals(200, api(Fixtures.DECISION_MAKER).api("GET", "impact/dashboard", null).statusCode());
        assertEquals(422, api(FUND_MANAGER).api("GET", "impact/dashboard?theme=NONSENSE", null).statusCode());

        assertEquals(403, api(Fixtures.ORGANISER).api("GET", "impact/dashboard", null).statusCode());
        assertEquals(403, api(Fixtures.PARTNER).api("GET", "impact/dashboard", null).statusCode());
        assertEquals(403, api(Fixtures.ORGANISER).get("impact/dashboard.xhtml").statusCode());
    }

    @Test
    void theImpactReportIsAPdfForStaffAndRefusedToOrganisers() throws Exception {
        figuresForTheStartYear();
        int year = java.time.LocalDate.now().getYear(); // the running demo grant started this year
        HttpResponse<byte[]> pdf = api(Fixtures.OFFICER).getBytes("api/impact/report?year=" + year);
        assertEquals(200, pdf.statusCode(), new String(pdf.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(pdf.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"),
                pdf.headers().map().toString());
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("")
                .contains("impactrapportage-" + year + ".pdf"), pdf.headers().map().toString());
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains("Impactrapportage " + year), text);
        assertTrue(text.contains("Schatting (scenario), geen geboekte besparing"), text);
        assertTrue(text.contains("Toegekend bedrag € "), text);
        assertTrue(text.contains("Pagina 1 van "), text);
        assertFalse(text.contains("NaN"), text);

        assertEquals(200, api(FUND_MANAGER).getBytes("api/impact/report?year=" + year).statusCode());
        assertEquals(403, api(Fixtures.ORGANISER).getBytes("api/impact/report?year=" + year).statusCode());
        assertEquals(422, api(FUND_MANAGER).getBytes("api/impact/report").statusCode());

        // Filtered: the report renders the dashboard of the same filter, so both compare the same neighbourhoods.
        jakarta.json.JsonObject yearFigures = jakarta.json.Json.createReader(new java.io.StringReader(
                api(Fixtures.OFFICER).api("GET", "impact/dashboard?year=" + year, null).body())).readObject();
        jakarta.json.JsonObject funded = yearFigures.getJsonArray("neighbourhoods").getJsonObject(0);
        String filter = "year=" + year + "&neighbourhood=" + funded.getJsonNumber("neighbourhoodId").longValue();
        jakarta.json.JsonObject filteredFigures = jakarta.json.Json.createReader(new java.io.StringReader(
                api(Fixtures.OFFICER).api("GET", "impact/dashboard?" + filter, null).body())).readObject();
        HttpResponse<byte[]> filteredPdf = api(Fixtures.OFFICER).getBytes("api/impact/report?" + filter);
        assertEquals(200, filteredPdf.statusCode());
        String filteredText;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(filteredPdf.body())) {
            filteredText = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertTrue(filteredText.contains("Selectie Wijk: " + funded.getString("name")), filteredText);
        int compared = 0;
        for (jakarta.json.JsonValue value : filteredFigures.getJsonArray("indicators")) {
            jakarta.json.JsonObject indicator = value.asJsonObject();
            if (indicator.getInt("observations") == 0) {
                continue;
            }
            int treated = indicator.getInt("treatedUnits");
            int control = indicator.getInt("controlUnits");
            assertTrue(filteredText.contains("We vergelijken " + treated + " wijken met een initiatief met " + control
                    + " andere wijken") || filteredText.contains("(" + treated + " wijken met een initiatief, "
                    + control + " andere wijken)"), indicator.getString("indicator") + " " + treated + "/" + control
                    + ": " + filteredText);
            compared++;
        }
        assertTrue(compared > 0, "at least one indicator has figures: " + filteredFigures);
        HttpResponse<byte[]> unknown = api(FUND_MANAGER).getBytes("api/impact/report?year=" + year
                + "&neighbourhood=999999999");
        assertEquals(422, unknown.statusCode());
        assertTrue(new String(unknown.body(), java.nio.charset.StandardCharsets.UTF_8).contains("impact.filterInvalid"));
        // The figures of the same filter are refused the same way, not answered as an empty dashboard.
        HttpResponse<byte[]> unknownFigures = api(FUND_MANAGER).getBytes("api/impact/dashboard?year=" + year
                + "&neighbourhood=999999999");
        assertEquals(422, unknownFigures.statusCode());
        assertTrue(new String(unknownFigures.body(), java.nio.charset.StandardCharsets.UTF_8)
                .contains("impact.filterInvalid"));

        // The dashboard offers it with a year choice.
        chromium.login(base.toString(), Fixtures.OFFICER, Fixtures.PASSWORD);
        browser.get(base + "impact/dashboard.xhtml");
        waitFor(By.id("reportForm:downloadReport"), "report button");
        assertEquals("Impactrapportage (PDF)", browser.findElement(By.id("reportForm:downloadReport")).getText());
        assertEquals(String.valueOf(year), browser.findElement(By.id("reportForm:reportYear")).getAttribute("value"));
    }

    @Test
    void theFundManagerSettlesTheCostParametersForEveryoneAndTheChangeIsAudited() throws Exception {
        try {
            WebSession manager = api(FUND_MANAGER);
            HttpResponse<String> defaults = manager.api("GET", "impact/cost-parameters", null);
            assertEquals(200, defaults.statusCode(), defaults.body());
            assertTrue(defaults.body().contains("\"defaults\":true"), defaults.body());

            HttpResponse<String> bad = manager.api("PUT", "impact/cost-parameters",
                    "{\"wmoCostPerClientPerYear\": -1, \"youthCarePerYoungPersonPerYear\": 12000,"
                            + " \"debtHelpReturnPerEuro\": 2.5}");
            assertEquals(422, bad.statusCode(), bad.body());
            assertTrue(bad.body().contains("Wmo-kosten per cliënt"), "a Dutch message per field: " + bad.body());
            assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM cost_parameters"), "nothing stored");

            // Counted with the same filter before and after: the authorisation tests save the parameters too.
            String thisChange = "SELECT COUNT(*) FROM audit_entry WHERE action = 'COST_PARAMETERS_CHANGED'"
                    + " AND before_summary LIKE 'defaults%' AND after_summary LIKE '%wmo 5100.00%'";
            long audited = TestDatabase.count(thisChange);
            HttpResponse<String> saved = manager.api("PUT", "impact/cost-parameters",
                    "{\"wmoCostPerClientPerYear\": 5100, \"youthCarePerYoungPersonPerYear\": 11500.5,"
                            + " \"debtHelpReturnPerEuro\": 2.5}");
            assertEquals(200, saved.statusCode(), saved.body());
            assertEquals(audited + 1, TestDatabase.count(thisChange));
            assertEquals(403, api(Fixtures.OFFICER).api("PUT", "impact/cost-parameters",
                    "{\"wmoCostPerClientPerYear\": 1, \"youthCarePerYoungPersonPerYear\": 1,"
                            + " \"debtHelpReturnPerEuro\": 1}").statusCode());

            // Everyone's dashboard starts from them; the officer can try other values, but not settle them.
            HttpResponse<String> figures = api(Fixtures.OFFICER).api("GET", "impact/dashboard", null);
            assertTrue(figures.body().contains("\"wmoCostPerClientPerYear\":5100"), figures.body());
            chromium.login(base.toString(), Fixtures.OFFICER, Fixtures.PASSWORD);
            browser.get(base + "impact/dashboard.xhtml");
            waitFor(By.id("dash:wmoCost_input"), "dashboard as officer");
            assertEquals("€ 5.100,00", browser.findElement(By.id("dash:wmoCost_input")).getAttribute("value"));
            assertTrue(browser.findElement(By.id("parametersSource")).getText().contains("vastgelegd door "
                    + FUND_MANAGER), browser.findElement(By.id("parametersSource")).getText());
            assertTrue(browser.findElements(By.id("dash:saveParameters")).isEmpty(), "only fund managers settle");

            // The fund manager settles new values on the page.
            chromium.login(base.toString(), FUND_MANAGER, Fixtures.PASSWORD);
            browser.get(base + "impact/dashboard.xhtml");
            waitFor(By.id("dash:saveParameters"), "dashboard as fund manager");
            WebElement youth = browser.findElement(By.id("dash:youthCost_input"));
            youth.click();
            youth.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            youth.sendKeys("13000", Keys.TAB);
            chromium.waitUpTo(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> browser.findElement(By.id("parametersSource")).getText()
                    .contains("alleen op dit scherm"));
            browser.findElement(By.id("dash:saveParameters")).click();
            chromium.waitUpTo(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> browser.findElement(By.id("dash:scenario")).getText()
                    .contains("De kostenparameters zijn vastgelegd"));
            assertEquals(0, new java.math.BigDecimal("13000.00").compareTo((java.math.BigDecimal)
                    TestDatabase.query("SELECT youth_care_cost_per_young_person FROM cost_parameters").get(0).get(0)));
        } finally {
            TestDatabase.update("DELETE FROM cost_parameters");
        }
    }
}
