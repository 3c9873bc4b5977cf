package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.calendar.DutchCalendar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The days equated to general holidays (Atw art. 3 lid 3) over the API: shipped with the decree for 2026-2028, kept
 * by the installation administrator (one national decree, one table for every municipality) with an audit line per
 * change on the installation's trail, read-only for municipal staff, refused with a reason when wrong, and counted by
 * the terms.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EquatedDayIT {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";
    private static final String INSTALLATION_ADMIN = nl.preventiefonds.demo.DemoWorld.LOGINS
            .get(nl.preventiefonds.identity.Role.INSTALLATION_ADMIN);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String firstProblem(HttpResponse<String> response) {
        return json(response).getJsonArray("problems").getJsonObject(0).getString("key");
    }

    private static long audited(String action, LocalDate day) throws Exception {
        return TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject_type = 'EquatedDay'"
                + " AND subject_id = ?", action, day.toString());
    }

    /** The equated days as the server has them (its table, which the installation administrator may extend). */
    static nl.preventiefonds.calendar.EquatedDays equatedDays() throws Exception {
        return nl.preventiefonds.calendar.EquatedDays.of(TestDatabase.query("SELECT equated_on FROM equated_day")
                .stream().map(row -> row.get(0) instanceof java.sql.Date d ? d.toLocalDate()
                        : LocalDate.parse(row.get(0).toString())).toList());
    }

    private static String body(String description) {
        return Json.createObjectBuilder().add("description", description).build().toString();
    }

    @Test
    void theDecreeFor2026To2028IsShippedAndStaffReadIt() throws Exception {
        WebSession officer = WebSession.loggedIn(base, Fixtures.OFFICER);
        HttpResponse<String> listed = officer.api("GET", "equated-days", null);
        assertEquals(200, listed.statusCode(), listed.body());
        JsonObject list = json(listed);
        List<String> dates = list.getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("date")).toList();
        assertTrue(dates.containsAll(List.of("2026-01-02", "2026-05-15", "2027-05-07", "2028-04-28", "2028-05-26")),
                dates.toString());
        assertEquals(dates.stream().sorted().toList(), dates, "ascending");
        assertTrue(list.getInt("lastYear") >= 2028);
        // Regression: the fund manager's start page wrote the year as a number, "tot en met 2.028".
        String start = WebSession.loggedIn(base, FUND_MANAGER).get("admin/index.xhtml").body();
        assertTrue(start.contains("De lijst loopt tot en met " + list.getInt("lastYear") + "."), start);
        String installationStart = WebSession.loggedIn(base, INSTALLATION_ADMIN).get("installation/index.xhtml").body();
        assertTrue(installationStart.contains("De lijst loopt tot en met " + list.getInt("lastYear") + "."),
                installationStart);
        assertTrue(installationStart.contains("installation/equated-days.xhtml"), "the start page links to the list");
        assertTrue(list.getJsonArray("yearsInUse").stream()
                .anyMatch(y -> y.toString().equals(String.valueOf(LocalDate.now().getYear() + 1))), list.toString());
    }

    @Test
    void theInstallationAdministratorAddsChangesAndRemovesADayEachAuditedOnTheInstallationTrail() throws Exception {
        WebSession manager = WebSession.loggedIn(base, INSTALLATION_ADMIN);
        LocalDate friday = LocalDate.of(2029, 5, 11); // the Friday after Ascension Day 2029
        manager.api("DELETE", "equated-days/" + friday, null); // a rerun against the same database starts clean
        try {
            HttpResponse<String> added = manager.api("PUT", "equated-days/" + friday,
                    body("Vrijdag na Hemelvaartsdag (Besluit gelijkstelling 2029-2031)"));
            assertEquals(201, added.statusCode(), added.body());
            assertEquals(friday.toString(), json(added).getString("date"));
            assertEquals(INSTALLATION_ADMIN, json(added).getString("changedBy"));
            assertEquals(1, audited("EQUATED_DAY_ADDED", friday));
            assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'EQUATED_DAY_ADDED'"
                    + " AND subject_id = ? AND municipality_id IS NULL", friday.toString()),
                    "on the installation's trail, not on a municipality's");
            String readOnly = WebSession.loggedIn(base, FUND_MANAGER).get("admin/equated-days.xhtml").body();
            assertTrue(readOnly.contains(friday.toString()), "the fund manager sees the new day");
            assertFalse(readOnly.contains("equatedDayForm"), "but gets no form to change it");
            assertEquals(2029, json(manager.api("GET", "equated-days", null)).getInt("lastYear"));

            HttpResponse<String> changed = manager.api("PUT", "equated-days/" + friday, body("  Vrijdag na Hemelvaart  "));
            assertEquals(200, changed.statusCode(), changed.body());
            assertEquals("Vrijdag na Hemelvaart", json(changed).getString("description"), "stripped");
            assertEquals(1, audited("EQUATED_DAY_CHANGED", friday));
            assertEquals("Vrijdag na Hemelvaart", TestDatabase.query("SELECT description FROM equated_day"
                    + " WHERE equated_on = ?", java.sql.Date.valueOf(friday)).get(0).get(0));

            HttpResponse<String> removed = manager.api("DELETE", "equated-days/" + friday, null);
            assertEquals(204, removed.statusCode(), removed.body());
            assertEquals(1, audited("EQUATED_DAY_REMOVED", friday));
            assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM equated_day WHERE equated_on = ?",
                    java.sql.Date.valueOf(friday)));
            HttpResponse<String> again = manager.api("DELETE", "equated-days/" + friday, null);
            assertEquals(404, again.statusCode(), again.body());
            assertEquals("equatedDay.notFound", firstProblem(again));
        } finally {
            manager.api("DELETE", "equated-days/" + friday, null);
        }
    }

    @Test
    void wrongDaysAndTextsAreRefusedWithAReasonAndWriteNothing() throws Exception {
        WebSession manager = WebSession.loggedIn(base, INSTALLATION_ADMIN);
        long days = TestDatabase.count("SELECT COUNT(*) FROM equated_day");
        long audits = TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'EquatedDay'");
        record Refusal(String path, String body, String key) {
        }
        for (Refusal refusal : List.of(
                new Refusal("equated-days/2029-05-12", body("Zaterdag"), "equatedDay.noWorkingDay"),
                new Refusal("equated-days/2029-05-10", body("Hemelvaartsdag zelf"), "equatedDay.noWorkingDay"),
                new Refusal("equated-days/2029-13-01", body("Geen datum"), "equatedDay.dateInvalid"),
                new Refusal("equated-days/morgen", body("Geen datum"), "equatedDay.dateInvalid"),
                new Refusal("equated-days/1900-01-02", body("Te vroeg"), "equatedDay.yearOutOfRange"),
                new Refusal("equated-days/+999999999-01-01", body("Te laat"), "equatedDay.yearOutOfRange"),
                new Refusal("equated-days/2029-05-11", body("   "), "equatedDay.descriptionRequired"),
                new Refusal("equated-days/2029-05-11", "{}", "equatedDay.descriptionRequired"),
                new Refusal("equated-days/2029-05-11", body("x".repeat(201)), "equatedDay.descriptionTooLong"))) {
            HttpResponse<String> refused = manager.api("PUT", refusal.path(), refusal.body());
            assertEquals(422, refused.statusCode(), refusal + ": " + refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    refusal.toString());
            assertEquals(refusal.key(), firstProblem(refused), refusal.toString());
        }
        assertEquals(days, TestDatabase.count("SELECT COUNT(*) FROM equated_day"));
        assertEquals(audits, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'EquatedDay'"));
        WebSession officer = WebSession.loggedIn(base, Fixtures.OFFICER);
        assertEquals(403, officer.api("PUT", "equated-days/2029-05-11", body("Vrijdag")).statusCode(),
                "staff read the list, only the installation administrator changes it");
    }

    /**
     * The terms count the table as it is now: the objection deadline of a decision taken today is equated, and the
     * next decision's deadline runs on to the working day after it.
     */
    @Test
    void aDayAddedMovesTheNextTermEndingOnIt() throws Exception {
        WebSession decider = WebSession.loggedIn(base, Fixtures.DECISION_MAKER);
        WebSession manager = WebSession.loggedIn(base, INSTALLATION_ADMIN);
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("100000.00");
        LocalDate before = rejectedDeadline(decider, fund, "Gelijkgesteld eerst");
        assertFalse(equatedDays().contains(before), "the deadline is a working day");
        try {
            assertEquals(201, manager.api("PUT", "equated-days/" + before, body("Proef: gelijkgesteld")).statusCode());
            LocalDate after = rejectedDeadline(decider, fund, "Gelijkgesteld daarna");
            assertTrue(after.isAfter(before), after + " after " + before);
            assertEquals(DutchCalendar.onOrNextWorkingDay(before.plusDays(1), equatedDays()),
                    after);
        } finally {
            assertEquals(204, manager.api("DELETE", "equated-days/" + before, null).statusCode());
        }
        assertEquals(before, rejectedDeadline(decider, fund, "Gelijkgesteld weer weg"), "removed, it counts again");
    }

    private static LocalDate rejectedDeadline(WebSession decider, Fixtures.FundAndCall fund, String title)
            throws Exception {
        long id = Fixtures.applicationInAssessment(fund.callId(), title + " " + System.nanoTime(), "5000.00");
        Fixtures.completedReview(id, Fixtures.OFFICER);
        HttpResponse<String> rejected = decider.api("POST", "applications/" + id + "/decision",
                "{\"outcome\":\"REJECT\",\"reasons\":\"Het plan richt zich niet op preventie in de wijk.\"}");
        assertEquals(200, rejected.statusCode(), rejected.body());
        return LocalDate.parse(json(decider.api("GET", "applications/" + id + "/decision", null))
                .getString("objectionDeadline"));
    }

    @Test
    void noMunicipalRoleChangesTheNationalListAndNothingIsWritten() throws Exception {
        LocalDate friday = LocalDate.of(2029, 5, 11);
        long days = TestDatabase.count("SELECT COUNT(*) FROM equated_day");
        long audits = TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'EquatedDay'");
        for (String staff : List.of(FUND_MANAGER, Fixtures.OFFICER)) {
            WebSession session = WebSession.loggedIn(base, staff);
            HttpResponse<String> put = session.api("PUT", "equated-days/" + friday, body("Vrijdag na Hemelvaartsdag"));
            assertEquals(403, put.statusCode(), staff + ": " + put.body());
            HttpResponse<String> delete = session.api("DELETE", "equated-days/2026-05-15", null);
            assertEquals(403, delete.statusCode(), staff + ": " + delete.body());
            assertEquals(403, session.get("installation/equated-days.xhtml").statusCode(), staff);
        }
        assertEquals(days, TestDatabase.count("SELECT COUNT(*) FROM equated_day"));
        assertEquals(audits, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'EquatedDay'"));
    }
}
