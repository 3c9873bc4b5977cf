package nl.preventiefonds.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.platform.DemoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The open register of an installation with two municipalities (H2 in MariaDB mode, migrated by Flyway): narrowed to
 * one, the register, its totals, its year and neighbourhood choices and its 360Giving files hold that municipality's
 * awards only, with that municipality as the funder; across all, each grant keeps its own funder. One cache serves
 * every municipality, and no municipality's entry answers for another.
 */
class OpenRegisterPerMunicipalityOnDemoDatabaseTest {
    private static final String NAME = "openregister";
    private static final String URL = "jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
            + "NON_KEYWORDS=VALUE,YEAR,MONTH";
    private static final String ASSEN = "GM0106";
    private static final String VECHT = "GM1904";
    private static final String ASSEN_FUNDER = "NL-KVK-01234567";
    private static DemoDatabase database;
    /** One cache for every test, as the container has one. */
    private static final RegisterCache CACHE = new RegisterCache();

    /**
     * Assen (its own funder identifier) awarded A-1 (2025, Pittelo) and A-2 (2026, Lariks); Stichtse Vecht (none)
     * awarded V-3 (2024, Maarssen) and has a draft V-4. GM0344 (Utrecht) is a municipality without awards.
     */
    @BeforeAll
    static void world() throws SQLException {
        database = new DemoDatabase(NAME);
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO municipality (id, code, name, funder_id) VALUES (1, 'GM0106', 'Assen', '"
                    + ASSEN_FUNDER + "'), (2, 'GM1904', 'Stichtse Vecht', NULL), (3, 'GM0344', 'Utrecht', NULL)");
            s.executeUpdate("INSERT INTO app_user (id, email, display_name, password_hash, role, status, created_at)"
                    + " VALUES (1, 'o@example.org', 'O', 'x', 'ORGANISER', 'ACTIVE', TIMESTAMP '2026-01-01 00:00:00')");
            s.executeUpdate("INSERT INTO neighbourhood (id, municipality_id, code, name) VALUES"
                    + " (1, 1, 'WK010601', 'Pittelo'), (2, 1, 'WK010602', 'Lariks'), (3, 2, 'WK190401', 'Maarssen')");
            for (long m = 1; m <= 2; m++) {
                s.executeUpdate("INSERT INTO fund (id, municipality_id, name, total_budget) VALUES (" + m + ", " + m
                        + ", 'Fonds " + m + "', 1000000)");
                s.executeUpdate("INSERT INTO funding_call (id, fund_id, title, opens_at, closes_at, max_amount,"
                        + " min_amount, decision_term_weeks, budget_year, version) VALUES (" + m + ", " + m
                        + ", 'Ronde " + m + "', TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2026-12-01 00:00:00',"
                        + " 50000, 0, 8, 2026, 0)");
            }
            String[] references = {"A-1", "A-2", "V-3", "V-4"};
            long[] municipality = {1, 1, 2, 2};
            String[] decided = {"2025-03-01", "2026-02-01", "2024-05-01", null};
            long[] neighbourhood = {1, 2, 3, 3};
            for (int i = 0; i < references.length; i++) {
                long a = i + 1;
                long m = municipality[i];
                s.executeUpdate("INSERT INTO application (id, reference, call_id, municipality_id, owner_id, status,"
                        + " org_name, org_legal_form, org_kvk_number, title, summary, start_date, end_date, total_costs,"
                        + " co_funding, requested_amount, created_at, updated_at, submitted_at, decision_due_on,"
                        + " version) VALUES (" + a + ", '" + references[i] + "', " + m + ", " + m + ", 1, "
                        + (decided[i] == null ? "'DRAFT'" : "'AWARDED'") + ", 'Stichting " + references[i]
                        + "', 'FOUNDATION', '4000000" + a + "', 'Buurtkamer " + references[i] + "', 'Samen koken',"
                        + " DATE '2026-02-01', DATE '2026-12-01', 4000, 0, 4000, TIMESTAMP '2024-01-01 00:00:00',"
                        + " TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-02 10:00:00', DATE '2026-06-03', 0)");
                s.executeUpdate("INSERT INTO application_neighbourhood (application_id, neighbourhood_id) VALUES ("
                        + a + ", " + neighbourhood[i] + ")");
                s.executeUpdate("INSERT INTO application_theme (application_id, theme) VALUES (" + a
                        + ", 'LONELINESS')");
                if (decided[i] != null) {
                    s.executeUpdate("INSERT INTO grant_decision (id, application_id, outcome, amount, budget_year,"
                            + " fund_id, advance_percent, decided_at, decided_on, decided_by, objection_deadline)"
                            + " VALUES (" + a + ", " + a + ", 'AWARD', 4000, 2026, " + m + ", 80, TIMESTAMP '"
                            + decided[i] + " 00:00:00', DATE '" + decided[i] + "', 'd@example.org',"
                            + " DATE '2026-12-15')");
                }
            }
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static <T> T read(Function<OpenRegister, T> work) {
        return database.inTransaction(em -> {
            OpenRegister register = new OpenRegister();
            DemoDatabase.inject(register, "em", em);
            DemoDatabase.inject(register, "cache", CACHE);
            DemoDatabase.inject(register, "clock", Clock.fixed(Instant.parse("2026-06-02T09:00:00Z"),
                    ZoneId.of("Europe/Amsterdam")));
            return work.apply(register);
        });
    }

    private static List<String> references(OpenFilter filter) {
        return read(r -> r.page(filter, 0, 100)).stream().map(OpenGrant::reference).toList();
    }

    private static OpenFilter in(String municipality) {
        return OpenFilter.of(municipality);
    }

    @Test
    void oneMunicipalitysRegisterHoldsItsOwnAwardsOnly() {
        assertEquals(List.of("A-2", "A-1"), references(in(ASSEN)));
        assertEquals(List.of("V-3"), references(in(VECHT)), "not Assen's, not the draft");
        assertEquals(List.of("A-2", "A-1", "V-3"), references(OpenFilter.ALL), "all municipalities, newest first");
        assertEquals(List.of(), references(in("GM0344")), "a municipality without awards has an empty register");
        assertEquals(List.of(), references(in("GM9999")), "an unknown one too, never everything");
        read(r -> r.page(in(VECHT), 0, 100)).forEach(g -> assertEquals(VECHT, g.municipalityCode()));
        // The other filters within one municipality: nothing of the other slips in.
        assertEquals(List.of(), references(new OpenFilter(VECHT, null, null, "WK010601", null)),
                "Assen's neighbourhood in Stichtse Vecht's register");
        assertEquals(List.of("A-1"), references(new OpenFilter(ASSEN, 2025, Theme.LONELINESS, (String) null,
                "buurtkamer")));
        assertEquals(List.of(), references(new OpenFilter(VECHT, 2025, null, (String) null, null)));
        assertEquals(List.of(), references(new OpenFilter(ASSEN, null, null, (String) null, "V-3")));
    }

    @Test
    void countsAreThoseOfTheMunicipalityAndSharedCachesKeepThemApart() {
        // Asked in turn against one cache and one data version: each answer its own municipality's.
        for (int round = 0; round < 2; round++) {
            assertEquals(2L, (long) read(r -> r.count(in(ASSEN))));
            assertEquals(1L, (long) read(r -> r.count(in(VECHT))));
            assertEquals(3L, (long) read(r -> r.count(OpenFilter.ALL)));
            assertEquals(0L, (long) read(r -> r.count(in("GM0344"))));
            assertEquals(0L, (long) read(r -> r.count(in("GM9999"))));
            assertEquals(1L, (long) read(r -> r.count(new OpenFilter(ASSEN, 2026, null, (String) null, null))));
        }
        assertEquals(read(r -> r.page(in(ASSEN), 0, 100)).size(), (long) read(r -> r.count(in(ASSEN))),
                "the total is the rows'");
        assertTrue(CACHE.counts().size() <= 500, "bounded");
    }

    @Test
    void theChoicesAreTheMunicipalitysOwn() {
        OpenRegister.Choices assen = read(r -> r.choices(ASSEN));
        assertEquals(List.of(2026, 2025), assen.years());
        assertEquals(List.of("Lariks", "Pittelo"), assen.neighbourhoods().stream().map(OpenGrant.Place::name).toList());
        OpenRegister.Choices vecht = read(r -> r.choices(VECHT));
        assertEquals(List.of(2024), vecht.years());
        assertEquals(List.of("Maarssen"), vecht.neighbourhoods().stream().map(OpenGrant.Place::name).toList());
        assertEquals(List.of(), vecht.matching("Pittelo", 10), "Assen's neighbourhood is no choice in Stichtse Vecht");
        OpenRegister.Choices all = read(r -> r.choices(null));
        assertEquals(List.of(2026, 2025, 2024), all.years());
        assertEquals(3, all.neighbourhoods().size());
        assertEquals(List.of(), read(r -> r.choices("GM9999")).years());
        // Asked again from the cache, still each its own.
        assertEquals(List.of(2024), read(r -> r.choices(VECHT)).years());
        assertEquals(List.of(2026, 2025), read(r -> r.choices(ASSEN)).years());
    }

    @Test
    void onlyMunicipalitiesWithAwardsAreOfferedButEveryOneIsKnown() {
        assertEquals(List.of(new OpenRegister.OpenMunicipality(ASSEN, "Assen"),
                new OpenRegister.OpenMunicipality(VECHT, "Stichtse Vecht")), read(OpenRegister::municipalities),
                "by name, not Utrecht which has none");
        assertEquals(Optional.of(new OpenRegister.OpenMunicipality("GM0344", "Utrecht")),
                read(r -> r.municipality("gm0344")));
        assertEquals(Optional.empty(), read(r -> r.municipality("GM9999")));
        assertEquals(Optional.empty(), read(r -> r.municipality("Assen")));
        assertEquals(Optional.empty(), read(r -> r.municipality(null)));
    }

    @Test
    void aFilterTakesOnlyACbsCode() {
        assertEquals(ASSEN, OpenFilter.of(" gm0106 ").municipality());
        assertThrows(IllegalArgumentException.class, () -> OpenFilter.of("Assen"));
        assertThrows(IllegalArgumentException.class, () -> OpenFilter.of("GM106"));
        assertNotEquals(in(ASSEN), in(VECHT), "cache keys of two municipalities differ");
    }

    private static List<JsonObject> grants(String json) {
        return Json.createReader(new StringReader(json)).readObject().getJsonArray("grants").stream()
                .map(JsonValue::asJsonObject).toList();
    }

    private static JsonObject funder(JsonObject grant) {
        return grant.getJsonArray("fundingOrganization").getJsonObject(0);
    }

    @Test
    void the360GivingFilesOfOneMunicipalityHaveItAsTheFunderAndNothingElse() {
        // Twice each, in turn: the second answers come from the cache and must still be the municipality's own.
        for (int round = 0; round < 2; round++) {
            List<JsonObject> assen = grants(read(r -> r.threeSixtyGivingJson(ASSEN)));
            assertEquals(List.of("360G-GM0106-A-2", "360G-GM0106-A-1"),
                    assen.stream().map(g -> g.getString("id")).toList());
            assen.forEach(g -> assertEquals(ASSEN_FUNDER, funder(g).getString("id"), "Assen's profile identifier"));
            assen.forEach(g -> assertEquals("Gemeente Assen", funder(g).getString("name")));

            List<JsonObject> vecht = grants(read(r -> r.threeSixtyGivingJson(VECHT)));
            assertEquals(List.of("360G-GM1904-V-3"), vecht.stream().map(g -> g.getString("id")).toList());
            assertNotEquals(ASSEN_FUNDER, funder(vecht.get(0)).getString("id"));
            assertEquals("Gemeente Stichtse Vecht", funder(vecht.get(0)).getString("name"));

            String vechtCsv = read(r -> r.threeSixtyGivingCsv(VECHT));
            assertTrue(vechtCsv.contains("360G-GM1904-V-3"), vechtCsv);
            assertFalse(vechtCsv.contains("A-1") || vechtCsv.contains("A-2") || vechtCsv.contains("Assen"), vechtCsv);
            String assenCsv = read(r -> r.threeSixtyGivingCsv(ASSEN));
            assertFalse(assenCsv.contains("V-3") || assenCsv.contains("Stichtse Vecht"), assenCsv);
            assertEquals(3, assenCsv.lines().count(), "the header and Assen's two awards");

            // Across all municipalities each grant keeps its own funder.
            List<JsonObject> all = grants(read(r -> r.threeSixtyGivingJson(null)));
            assertEquals(3, all.size());
            all.forEach(g -> assertEquals(g.getString("id").startsWith("360G-GM0106-") ? "Gemeente Assen"
                    : "Gemeente Stichtse Vecht", funder(g).getString("name")));
            assertEquals(List.of(), grants(read(r -> r.threeSixtyGivingJson("GM0344"))));
            assertEquals(List.of(), grants(read(r -> r.threeSixtyGivingJson("GM9999"))));
        }
        assertEquals(List.of(), ThreeSixtyGivingSchema.problems(read(r -> r.threeSixtyGivingJson(VECHT))));
        assertTrue(CACHE.downloads().size() <= 2 * RegisterCache.MUNICIPALITIES, "bounded");
    }
}
