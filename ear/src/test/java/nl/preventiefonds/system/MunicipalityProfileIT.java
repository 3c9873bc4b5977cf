package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each municipality's profile and letterhead (issue 18) on the real server: Stichtse Vecht's fund manager fills in
 * its profile and logo through the API, nobody else's changes, bad input is refused by key, and a decision on an
 * application in Stichtse Vecht's call goes out under Stichtse Vecht's letterhead with its objection address, while
 * Assen's profile stays as it was.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MunicipalityProfileIT {
    private static final String ASSEN_MANAGER = "beheerder@demo.preventiefonds.nl";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private static long stichtseVecht() throws SQLException {
        List<List<Object>> found = TestDatabase.query("SELECT id FROM municipality WHERE code = 'GM1904'");
        if (found.isEmpty()) {
            TestDatabase.update("INSERT INTO municipality (code, name) VALUES ('GM1904', 'Stichtse Vecht')");
            found = TestDatabase.query("SELECT id FROM municipality WHERE code = 'GM1904'");
        }
        return ((Number) found.get(0).get(0)).longValue();
    }

    /** A clone of a demo account, working for Stichtse Vecht. */
    private static String stichtseVechtClone(String demoAccount) throws SQLException {
        String clone = TestDatabase.cloneAccount(demoAccount, null);
        assertEquals(1, TestDatabase.moveToMunicipality(clone, stichtseVecht()));
        return clone;
    }

    /** A fund and open call of Stichtse Vecht, the call's tiers and criteria as the demo call has them. */
    private static long stichtseVechtCall() throws SQLException {
        int year = LocalDate.now().getYear();
        String name = "Vitale Coalitie " + UUID.randomUUID();
        TestDatabase.update("INSERT INTO fund (municipality_id, name, total_budget, version) VALUES (?, ?, ?, 0)",
                stichtseVecht(), name, new BigDecimal("100000.00"));
        long fundId = TestDatabase.count("SELECT id FROM fund WHERE name = ?", name);
        TestDatabase.update("INSERT INTO fund_year_budget (fund_id, budget_year, budget) VALUES (?, ?, ?)", fundId,
                year, new BigDecimal("100000.00"));
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        TestDatabase.update("INSERT INTO funding_call (fund_id, title, opens_at, closes_at, max_amount, min_amount,"
                + " decision_term_weeks, budget_year, version) VALUES (?, ?, ?, ?, 50000, 0, 8, ?, 0)", fundId,
                "Ronde van " + name, now.minusDays(30), now.plusDays(30), year);
        long callId = TestDatabase.count("SELECT id FROM funding_call WHERE fund_id = ?", fundId);
        TestDatabase.update("INSERT INTO call_determination_tier (call_id, position, up_to_amount, report_kind)"
                + " VALUES (?, 1, NULL, 'ACTIVITY_REPORT')", callId);
        int position = 1;
        for (Object[] criterion : new Object[][] {{"Bijdrage aan preventie", 60}, {"Haalbaarheid", 40}}) {
            TestDatabase.update("INSERT INTO call_criterion (call_id, position, name, weight_percent)"
                    + " VALUES (?, ?, ?, ?)", callId, position++, criterion[0], criterion[1]);
        }
        return callId;
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String firstProblem(HttpResponse<String> response) {
        return json(response).getJsonArray("problems").getJsonObject(0).getString("key");
    }

    private static byte[] logo() throws Exception {
        BufferedImage image = new BufferedImage(240, 90, BufferedImage.TYPE_INT_ARGB);
        for (int x = 20; x < 220; x++) {
            for (int y = 10; y < 80; y++) {
                image.setRGB(x, y, new Color(0, 120, 60).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void aFundManagerFillsInTheProfileAndTheLettersOfTheirMunicipalityCarryIt() throws Exception {
        WebSession manager = WebSession.loggedIn(base, stichtseVechtClone(ASSEN_MANAGER));
        WebSession assenManager = WebSession.loggedIn(base, ASSEN_MANAGER);
        JsonObject assenBefore = json(assenManager.api("GET", "municipality/profile", null));

        JsonObject profile = json(manager.api("GET", "municipality/profile", null));
        assertEquals("GM1904", profile.getString("code"));
        long version = profile.getJsonNumber("version").longValue();

        HttpResponse<String> bad = manager.api("PUT", "municipality/profile", "{\"reclaimIban\":\"NL91ABNA0417164301\","
                + "\"version\":" + version + "}");
        assertEquals(422, bad.statusCode(), bad.body());
        assertEquals("municipality.ibanInvalid", firstProblem(bad));

        HttpResponse<String> saved = manager.api("PUT", "municipality/profile", "{\"street\":\"Endelhovenlaan 1\","
                + "\"postalCode\":\"3601gr\",\"city\":\"Maarssen\",\"objectionAddress\":\"Het college van burgemeester"
                + " en wethouders van Stichtse Vecht, t.a.v. de bezwarencommissie, Postbus 1212, 3600 BE Maarssen\","
                + "\"appealCourt\":\"Rechtbank Midden-Nederland\",\"phone\":\"14 0346\",\"email\":"
                + "\"info@stichtsevecht.nl\",\"website\":\"www.stichtsevecht.nl\",\"reclaimIban\":"
                + "\"NL20 INGB 0001 2345 67\",\"funderId\":\"NL-KVK-30279449\",\"givingPrefix\":\"360G-stichtsevecht\","
                + "\"version\":" + version + "}");
        assertEquals(200, saved.statusCode(), saved.body());
        JsonObject stored = json(saved);
        assertEquals("3601 GR", stored.getString("postalCode"));
        assertEquals("NL20INGB0001234567", stored.getString("reclaimIban"));
        assertEquals("360G-stichtsevecht", stored.getString("givingPrefix"));
        version = stored.getJsonNumber("version").longValue();
        HttpResponse<String> stale = manager.api("PUT", "municipality/profile", "{\"version\":" + (version - 1) + "}");
        assertEquals("municipality.changedElsewhere", firstProblem(stale));

        HttpResponse<String> notImage = manager.request("PUT", "api/municipality/profile/logo?version=" + version,
                "image/png", "<svg onload=alert(1)/>".getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
        assertEquals("municipality.logoNotImage", firstProblem(notImage));
        HttpResponse<String> logo = manager.request("PUT", "api/municipality/profile/logo?version=" + version,
                "image/png", logo(), true);
        assertEquals(200, logo.statusCode(), logo.body());
        HttpResponse<byte[]> shown = manager.getBytes("api/municipality/profile/logo");
        assertEquals(200, shown.statusCode());
        assertFalse(ImageIO.read(new ByteArrayInputStream(shown.body())).getColorModel().hasAlpha());
        assertEquals(404, assenManager.getBytes("api/municipality/profile/logo").statusCode(),
                "Assen has no logo, and does not see Stichtse Vecht's");
        assertEquals(assenBefore, json(assenManager.api("GET", "municipality/profile", null)),
                "another municipality's profile is untouched");
        assertEquals(2, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'Municipality'"
                + " AND subject_id = ? AND action IN ('MUNICIPALITY_PROFILE_CHANGED', 'MUNICIPALITY_LOGO_CHANGED')",
                String.valueOf(stichtseVecht())));
        WebSession officer = WebSession.loggedIn(base, stichtseVechtClone(Fixtures.OFFICER));
        assertEquals(403, officer.api("PUT", "municipality/profile", "{\"version\":" + version + "}").statusCode());

        // A decision on an application in Stichtse Vecht's call: its letterhead, logo and objection address.
        long application = Fixtures.applicationInAssessment(stichtseVechtCall(), "Samen in Maarssen", "4000.00");
        String reviewer = stichtseVechtClone(Fixtures.OFFICER);
        Fixtures.completedReview(application, reviewer);
        WebSession decider = WebSession.loggedIn(base, stichtseVechtClone(Fixtures.DECISION_MAKER));
        HttpResponse<String> decided = decider.api("POST", "applications/" + application + "/decision",
                "{\"outcome\":\"AWARD\",\"advancePercent\":80}");
        assertEquals(200, decided.statusCode(), decided.body());
        // Published under Stichtse Vecht's own 360Giving prefix, funded by its own org-id.
        String reference = (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?", application)
                .get(0).get(0);
        HttpResponse<String> giving = new WebSession(base.toURI()).get("api/open/360giving.json?municipality=GM1904");
        assertEquals(200, giving.statusCode(), giving.body());
        assertTrue(giving.body().contains("\"360G-stichtsevecht-" + reference.replaceAll("[^A-Za-z0-9-]", "_") + "\""),
                giving.body());
        assertTrue(giving.body().contains("NL-KVK-30279449"));
        long letterId = json(decider.api("GET", "applications/" + application + "/decision", null))
                .getJsonNumber("letterId").longValue();
        HttpResponse<byte[]> pdf = WebSession.loggedIn(base, Fixtures.ORGANISER).getBytes("files/document/"
                + letterId);
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.startsWith("Gemeente Stichtse Vecht"), text);
            assertTrue(text.contains("Endelhovenlaan 1, 3601 GR Maarssen"), text);
            assertTrue(text.contains("Telefoon 14 0346 | info@stichtsevecht.nl | https://www.stichtsevecht.nl"), text);
            assertTrue(text.contains("t.a.v. de bezwarencommissie, Postbus 1212, 3600 BE Maarssen"), text);
            PDResources resources = document.getPage(0).getResources();
            boolean image = false;
            for (COSName name : resources.getXObjectNames()) {
                image |= resources.getXObject(name) instanceof PDImageXObject;
            }
            assertTrue(image, "the logo on the first page");
        }
    }
}
