package nl.preventiefonds.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationRow;
import nl.preventiefonds.application.ApplicationService;
import nl.preventiefonds.application.DeMinimisBreakdown;
import nl.preventiefonds.application.DeMinimisWindow;
import nl.preventiefonds.application.StaffListCounts;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.OrganisationClaim;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.StaffOnDemoDatabase;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The organisation registry on the run command's database: an organisation's applications, awards and de-minimis
 * total per municipality (the window's edges, replaced and rejected decisions, another municipality's awards), the
 * de-minimis check counting the municipality's awards, the broker's claim recorded by its observer, and
 * representatives authorised and revoked, with the access that follows at once.
 */
class OrganisationRegistryOnDemoDatabaseTest {
    private static final String NAME = "organisations";
    private static final String URL = "jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
            + "NON_KEYWORDS=VALUE,YEAR,MONTH";
    /** Today is 2 June 2026 in Amsterdam: the window runs from 3 June 2023 to 2 June 2026. */
    private static final Instant NOW = Instant.parse("2026-06-02T09:00:00Z");
    private static final long ASSEN = 1;
    private static final long VECHT = 2;
    /** Active in Assen (awards at the window's edges) and in Stichtse Vecht. */
    private static final String KLOOSTERVEEN = "40023871";
    /** Active in Assen; the representation tests use it. */
    private static final String SCHULDHULP = "40031095";
    /** Active in Stichtse Vecht only. */
    private static final String VECHT_ONLY = "40099999";
    private static final Caller ASSEN_OFFICER = new Caller(10L, "adviseur@assen.example", Role.OFFICER, null, ASSEN);
    private static final Caller VECHT_OFFICER = new Caller(11L, "adviseur@sv.example", Role.OFFICER, null, VECHT);
    private static final Caller AUTHOR = new Caller(1L, "auteur@example.org", Role.ORGANISER, null);
    private static final Caller ADMINISTRATOR = new Caller(2L, "bestuur@example.org", Role.ORGANISER, null);
    private static final Caller COLLEAGUE = new Caller(3L, "collega@example.org", Role.ORGANISER, null);
    private static DemoDatabase database;

    @BeforeAll
    static void world() throws SQLException {
        database = new DemoDatabase(NAME);
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO municipality (id, code, name) VALUES (1, 'GM0106', 'Assen'),"
                    + " (2, 'GM1904', 'Stichtse Vecht')");
            user(s, 1, AUTHOR.email(), "ORGANISER", null);
            user(s, 2, ADMINISTRATOR.email(), "ORGANISER", null);
            user(s, 3, COLLEAGUE.email(), "ORGANISER", null);
            user(s, 10, ASSEN_OFFICER.email(), "OFFICER", ASSEN);
            user(s, 11, VECHT_OFFICER.email(), "OFFICER", VECHT);
            for (long m = 1; m <= 2; m++) {
                s.executeUpdate("INSERT INTO fund (id, municipality_id, name, total_budget) VALUES (" + m + ", " + m
                        + ", 'Fonds " + m + "', 1000000)");
                s.executeUpdate("INSERT INTO funding_call (id, fund_id, title, opens_at, closes_at, max_amount,"
                        + " min_amount, decision_term_weeks, budget_year, version) VALUES (" + m + ", " + m
                        + ", 'Ronde " + m + "', TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-12-01 00:00:00',"
                        + " 50000, 0, 8, 2026, 0)");
            }
            // Assen, Kloosterveen: outside the window by a day, on its first day, on its last day, rejected,
            // replaced on objection (the replacing decision counts), a draft; Stichtse Vecht's award to it.
            application(s, 1, ASSEN, 1, "AWARDED", KLOOSTERVEEN, "Buurthuis Kloosterveen", "10000.00");
            decision(s, 1, 1, ASSEN, "AWARD", "10000.00", "2023-06-02", null);
            application(s, 2, ASSEN, 1, "AWARDED", KLOOSTERVEEN, "Buurthuis Kloosterveen", "20000.00");
            decision(s, 2, 2, ASSEN, "AWARD", "20000.00", "2023-06-03", null);
            application(s, 3, ASSEN, 1, "AWARDED", KLOOSTERVEEN, "Stichting Buurthuis Kloosterveen", "30000.00");
            decision(s, 3, 3, ASSEN, "AWARD", "30000.00", "2026-06-02", null);
            s.executeUpdate("INSERT INTO determination (id, decision_id, application_id, awarded, final_amount,"
                    + " paid_before, cancelled_unpaid, direct_tier, determined_on, determined_at, determined_by,"
                    + " objection_deadline) VALUES (1, 3, 3, 30000, 25000, 30000, 0, FALSE, DATE '2026-06-02',"
                    + " TIMESTAMP '2026-06-02 08:00:00', 'adviseur@assen.example', DATE '2026-07-14')");
            application(s, 4, ASSEN, 1, "REJECTED", KLOOSTERVEEN, "Buurthuis Kloosterveen", "9000.00");
            decision(s, 4, 4, ASSEN, "REJECT", "0.00", "2026-01-10", null);
            application(s, 5, ASSEN, 1, "AWARDED", KLOOSTERVEEN, "Buurthuis Kloosterveen", "40000.00");
            decision(s, 6, 5, ASSEN, "PARTIAL_AWARD", "15000.00", "2026-03-01", null);
            decision(s, 5, 5, ASSEN, "AWARD", "40000.00", "2026-01-15", 6L);
            application(s, 6, ASSEN, 1, "DRAFT", KLOOSTERVEEN, "Concept", "5000.00");
            application(s, 7, VECHT, 1, "AWARDED", KLOOSTERVEEN, "Buurthuis Kloosterveen", "50000.00");
            decision(s, 7, 7, VECHT, "AWARD", "50000.00", "2026-02-01", null);
            // Assen, SchuldHulpMaatje: one submitted application of the author, one draft of the author.
            application(s, 8, ASSEN, 1, "SUBMITTED", SCHULDHULP, "SchuldHulpMaatje", "12000.00");
            application(s, 9, ASSEN, 1, "DRAFT", SCHULDHULP, "SchuldHulpMaatje", "8000.00");
            // Stichtse Vecht only.
            application(s, 10, VECHT, 1, "SUBMITTED", VECHT_ONLY, "Alleen in de Vecht", "3000.00");
            // An undertaking's draft in Assen for the de-minimis check: 65,000.00 awarded here in the window.
            application(s, 11, ASSEN, 1, "DRAFT", KLOOSTERVEEN, "Eetcafé", "40000.00");
            s.executeUpdate("UPDATE application SET org_is_undertaking = TRUE, de_minimis_declared = TRUE,"
                    + " de_minimis_prior_amount = 200000.00 WHERE id = 11");
        }
    }

    private static void user(Statement s, long id, String email, String role, Long municipality) throws SQLException {
        s.executeUpdate("INSERT INTO app_user (id, email, display_name, password_hash, role, status, created_at,"
                + " municipality_id) VALUES (" + id + ", '" + email + "', 'Gebruiker " + id + "', 'x', '" + role
                + "', 'ACTIVE', TIMESTAMP '2026-01-01 00:00:00', " + municipality + ")");
    }

    private static void application(Statement s, long id, long municipality, long owner, String status, String kvk,
                                    String name, String requested) throws SQLException {
        boolean draft = status.equals("DRAFT");
        s.executeUpdate("INSERT INTO application (id, reference, call_id, municipality_id, owner_id, status, org_name,"
                + " org_kvk_number, title, start_date, end_date, total_costs, co_funding, requested_amount, created_at,"
                + " updated_at, submitted_at, decision_due_on, version) VALUES (" + id + ", 'A-" + id + "', "
                + municipality + ", " + municipality + ", " + owner + ", '" + status + "', '" + name + "', '" + kvk
                + "', 'Initiatief " + id + "', DATE '2026-02-01', DATE '2026-12-01', " + requested + ", 0, " + requested
                + ", TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00', "
                + (draft ? "NULL" : "TIMESTAMP '2026-01-01 10:" + (10 + id) + ":00'") + ", DATE '2026-06-03', 0)");
    }

    private static void decision(Statement s, long id, long application, long fund, String outcome, String amount,
                                 String decidedOn, Long replacedBy) throws SQLException {
        s.executeUpdate("INSERT INTO grant_decision (id, application_id, outcome, amount, budget_year, fund_id,"
                + " advance_percent, decided_at, decided_on, decided_by, objection_deadline, replaced_by_id) VALUES ("
                + id + ", " + application + ", '" + outcome + "', " + amount + ", 2026, " + fund + ", 80, TIMESTAMP '"
                + decidedOn + " 10:00:00', DATE '" + decidedOn + "', 'd@example.org', DATE '" + decidedOn + "', "
                + replacedBy + ")");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    // --- the registry

    @Test
    void staffSeeTheirMunicipalitysFiguresOnly() {
        List<OrganisationRegistry.Summary> assen = registry(ASSEN_OFFICER, r -> r.organisations(null));
        assertEquals(List.of(KLOOSTERVEEN, SCHULDHULP), assen.stream().map(OrganisationRegistry.Summary::kvkNumber)
                .sorted().toList(), "not the organisation that is active in Stichtse Vecht only");
        OrganisationRegistry.Summary kloosterveen = assen.stream().filter(s -> s.kvkNumber().equals(KLOOSTERVEEN))
                .findFirst().orElseThrow();
        assertEquals(5, kloosterveen.applications(), "submitted ones, not the drafts, not Stichtse Vecht's");
        assertEquals(4, kloosterveen.awards(), "the rejection does not count, the replaced decision once");
        assertEquals(new BigDecimal("75000.00"), kloosterveen.awarded());
        assertEquals(new BigDecimal("65000.00"), kloosterveen.deMinimisTotal(),
                "20,000 on the window's first day, 30,000 today, 15,000 replacing 40,000; not 10,000 a day too early");
        assertEquals("Buurthuis Kloosterveen", kloosterveen.name(), "the latest submitted application's name");

        List<OrganisationRegistry.Summary> vecht = registry(VECHT_OFFICER, r -> r.organisations(null));
        assertEquals(List.of(KLOOSTERVEEN, VECHT_ONLY), vecht.stream().map(OrganisationRegistry.Summary::kvkNumber)
                .sorted().toList());
        OrganisationRegistry.Summary thereKloosterveen = vecht.stream()
                .filter(s -> s.kvkNumber().equals(KLOOSTERVEEN)).findFirst().orElseThrow();
        assertEquals(new BigDecimal("50000.00"), thereKloosterveen.deMinimisTotal());
        assertEquals(1, thereKloosterveen.applications());
    }

    @Test
    void theDetailListsApplicationsAndAwardsAndAnotherMunicipalitysOrganisationIsUnknown() {
        OrganisationRegistry.Detail detail = registry(ASSEN_OFFICER, r -> r.organisation("4002 3871"));
        assertEquals(List.of("A-5", "A-4", "A-3", "A-2", "A-1"), detail.applications().stream()
                .map(OrganisationRegistry.ApplicationLine::reference).toList(), "newest submission first, no drafts");
        assertEquals(new DeMinimisWindow(LocalDate.of(2023, 6, 3), LocalDate.of(2026, 6, 2)), detail.window());
        assertEquals(List.of("2026-06-02 true 30000.00 25000.00", "2026-03-01 true 15000.00 null",
                        "2023-06-03 true 20000.00 null", "2023-06-02 false 10000.00 null"),
                detail.awards().stream().map(a -> a.decidedOn() + " " + a.inDeMinimisWindow() + " " + a.amount() + " "
                        + a.determined()).toList());
        assertEquals(new BigDecimal("65000.00"), detail.deMinimisTotal());
        assertEquals(new BigDecimal("75000.00"), detail.awarded());
        assertEquals(new BigDecimal("25000.00"), detail.determined());

        assertEquals("organisation.notFound", assertThrows(ValidationFailedException.class,
                () -> registry(ASSEN_OFFICER, r -> r.organisation(VECHT_ONLY))).getMessage(),
                "active in Stichtse Vecht only: unknown to Assen");
        assertEquals("organisation.notFound", assertThrows(ValidationFailedException.class,
                () -> registry(ASSEN_OFFICER, r -> r.organisation("12345678"))).getMessage());
        assertEquals("organisation.notFound", assertThrows(ValidationFailedException.class,
                () -> registry(ASSEN_OFFICER, r -> r.organisation("abc"))).getMessage());
        assertEquals(1, registry(VECHT_OFFICER, r -> r.organisation(KLOOSTERVEEN)).applications().size(),
                "Stichtse Vecht sees its own application of the organisation, not Assen's");
        assertThrows(AccessDeniedException.class, () -> registry(AUTHOR, r -> r.organisations(null)));
        assertThrows(AccessDeniedException.class, () -> registry(new Caller(12L, "zwerver@example.org",
                Role.OFFICER, null, null), r -> r.organisations(null)), "staff of no municipality");
    }

    @Test
    void searchFindsByKvkDigitsOrPartOfTheName() {
        assertEquals(List.of(SCHULDHULP), registry(ASSEN_OFFICER, r -> r.organisations("schuldhulp")).stream()
                .map(OrganisationRegistry.Summary::kvkNumber).toList());
        assertEquals(List.of(KLOOSTERVEEN), registry(ASSEN_OFFICER, r -> r.organisations("4002 38")).stream()
                .map(OrganisationRegistry.Summary::kvkNumber).toList());
        assertEquals(List.of(), registry(ASSEN_OFFICER, r -> r.organisations("Alleen in de Vecht")));
    }

    // --- the de-minimis check

    @Test
    void theDeMinimisCheckCountsTheMunicipalitysAwardsInTheWindowAndNamesTheFigures() {
        List<Problem> problems = applications(AUTHOR, s -> s.eligibilityProblems(11));
        Problem ceiling = problems.stream().filter(p -> p.key().equals("eligibility.deMinimisCeiling")).findFirst()
                .orElseThrow(() -> new AssertionError("no ceiling problem in " + problems));
        assertEquals(List.of(new BigDecimal("305000.00"), new BigDecimal("300000.00"), new BigDecimal("65000.00"),
                new BigDecimal("200000.00"), new BigDecimal("40000.00")), ceiling.args(),
                "65,000 awarded here + 200,000 declared from others + 40,000 asked");
        // Exactly the ceiling is allowed.
        database.inTransaction(em -> em.createNativeQuery("UPDATE application SET de_minimis_prior_amount = 195000.00"
                + " WHERE id = 11").executeUpdate());
        try {
            assertTrue(applications(AUTHOR, s -> s.eligibilityProblems(11)).stream()
                    .noneMatch(p -> p.key().startsWith("eligibility.deMinimis")));
        } finally {
            database.inTransaction(em -> em.createNativeQuery("UPDATE application SET de_minimis_prior_amount ="
                    + " 200000.00 WHERE id = 11").executeUpdate());
        }
        assertThrows(AccessDeniedException.class, () -> queries(ASSEN_OFFICER, q -> q.deMinimisBreakdown(11)),
                "staff never see a draft");
    }

    @Test
    void theOfficerSeesTheBreakdownOfASubmittedUndertaking() {
        database.inTransaction(em -> em.createNativeQuery("UPDATE application SET org_is_undertaking = TRUE,"
                + " de_minimis_declared = TRUE, de_minimis_prior_amount = 1000.00 WHERE id = 5").executeUpdate());
        DeMinimisBreakdown breakdown = queries(ASSEN_OFFICER, q -> q.deMinimisBreakdown(5));
        assertEquals(new BigDecimal("50000.00"), breakdown.awardedHere(),
                "its own award (15,000) is not counted again: 20,000 + 30,000");
        assertEquals(new BigDecimal("1000.00"), breakdown.declaredElsewhere());
        assertEquals(new BigDecimal("91000.00"), breakdown.total());
        assertFalse(breakdown.exceedsCeiling());
        assertNull(queries(ASSEN_OFFICER, q -> q.deMinimisBreakdown(8)), "no undertaking: no de-minimis figures");
        assertEquals("application.notFound", assertThrows(ValidationFailedException.class,
                () -> queries(VECHT_OFFICER, q -> q.deMinimisBreakdown(5))).getMessage());
    }

    // --- representatives

    @Test
    void aClaimMakesTheAdministratorWhoAuthorisesAndRevokesWithAccessFollowingAtOnce() {
        // Before any claim the administrator sees nothing of the author's applications, and lists none.
        assertThrows(AccessDeniedException.class, () -> queries(ADMINISTRATOR, q -> q.view(8)));
        assertEquals(List.of(), applications(ADMINISTRATOR, ApplicationService::mine));
        assertEquals(List.of("A-11", "A-9", "A-8", "A-6", "A-5", "A-4", "A-3", "A-2", "A-1"),
                applications(AUTHOR, ApplicationService::mine).stream().map(ApplicationRow::getReference)
                        .filter(r -> !r.equals("A-10") && !r.equals("A-7")).sorted(java.util.Comparator.comparing(
                                (String r) -> Integer.parseInt(r.substring(2))).reversed()).toList(),
                "the author's own, in every municipality, without representing anyone");
        claims(c -> c.claimed(new OrganisationClaim(2L, "4003.1095", "Stichting SchuldHulpMaatje Assen", "EH3")));
        claims(c -> c.claimed(new OrganisationClaim(2L, SCHULDHULP, "Stichting SchuldHulpMaatje Assen", "EH4")));
        assertEquals(1L, database.count("SELECT COUNT(r) FROM Representative r WHERE r.user.id = 2"
                + " AND r.revokedAt IS NULL"), "a second login refreshes the claim, adds none");
        assertEquals("EH4", database.inTransaction(em -> em.createQuery("SELECT r.levelOfAssurance FROM"
                + " Representative r WHERE r.user.id = 2", String.class).getSingleResult()));
        assertEquals(1L, database.count("SELECT COUNT(a) FROM AuditEntry a WHERE a.action ="
                + " 'ORGANISATION_CLAIM_RECORDED' AND a.actor = ?1", ADMINISTRATOR.email()));
        assertEquals(1L, database.count("SELECT COUNT(a) FROM AuditEntry a WHERE a.action ="
                + " 'ORGANISATION_CLAIM_CONFIRMED'"));
        assertEquals("Stichting SchuldHulpMaatje Assen", registry(ASSEN_OFFICER, r -> r.organisation(SCHULDHULP))
                .name(), "the broker's name (from the KvK register) goes first");

        // The administrator now shares the organisation's applications: sees the submitted one, edits the draft.
        assertEquals("A-8", queries(ADMINISTRATOR, q -> q.view(8)).getReference());
        assertEquals(9L, applications(ADMINISTRATOR, s -> s.load(9)).getId());
        assertThrows(AccessDeniedException.class, () -> applications(ADMINISTRATOR, s -> s.load(8)),
                "a submitted application is edited by its author only");
        assertThrows(AccessDeniedException.class, () -> applications(ADMINISTRATOR, s -> s.submit(9)),
                "submitting stays with the author");
        assertThrows(AccessDeniedException.class, () -> applications(ADMINISTRATOR, s -> s.load(6)),
                "another organisation's draft of the same author stays the author's");
        assertEquals(List.of("A-9", "A-8"), applications(ADMINISTRATOR, ApplicationService::mine).stream()
                .map(ApplicationRow::getReference).sorted(java.util.Comparator.reverseOrder()).toList());

        // Authorising a colleague.
        assertThrows(AccessDeniedException.class, () -> queries(COLLEAGUE, q -> q.view(8)));
        assertEquals("representation.accountUnknown", assertThrows(ValidationFailedException.class,
                () -> mine(ADMINISTRATOR, m -> m.authorise(SCHULDHULP, "niemand@example.org"))).getMessage());
        assertEquals("representation.accountUnknown", assertThrows(ValidationFailedException.class,
                () -> mine(ADMINISTRATOR, m -> m.authorise(SCHULDHULP, ASSEN_OFFICER.email()))).getMessage(),
                "staff do not act for organisations");
        assertEquals("organisation.notFound", assertThrows(ValidationFailedException.class,
                () -> mine(ADMINISTRATOR, m -> m.authorise(KLOOSTERVEEN, COLLEAGUE.email()))).getMessage(),
                "only for an organisation the caller administers");
        long authorisation = mine(ADMINISTRATOR, m -> m.authorise(SCHULDHULP, " Collega@Example.org "));
        assertEquals("representation.alreadyActs", assertThrows(ValidationFailedException.class,
                () -> mine(ADMINISTRATOR, m -> m.authorise(SCHULDHULP, COLLEAGUE.email()))).getMessage());
        assertEquals("A-8", queries(COLLEAGUE, q -> q.view(8)).getReference());
        assertEquals(9L, applications(COLLEAGUE, s -> s.load(9)).getId());
        assertEquals("organisation.notFound", assertThrows(ValidationFailedException.class,
                () -> mine(COLLEAGUE, m -> m.authorise(SCHULDHULP, AUTHOR.email()))).getMessage(),
                "an authorised representative is no administrator");
        MyOrganisation.Membership membership = mine(ADMINISTRATOR, MyOrganisation::mine).get(0);
        assertTrue(membership.administrator());
        assertEquals(List.of(ADMINISTRATOR.email() + " BROKER_CLAIM", COLLEAGUE.email() + " AUTHORISATION"),
                membership.representatives().stream().map(r -> r.email() + " " + r.basis()).toList());
        assertEquals(List.of(RepresentationBasis.AUTHORISATION), mine(COLLEAGUE, MyOrganisation::mine).stream()
                .map(MyOrganisation.Membership::basis).toList());
        assertTrue(mine(COLLEAGUE, MyOrganisation::mine).get(0).representatives().isEmpty());

        // Revoking: the colleague loses access at once; a broker's claim is not revoked here.
        long claim = database.inTransaction(em -> em.createQuery("SELECT r.id FROM Representative r WHERE"
                + " r.basis = ?1", Long.class).setParameter(1, RepresentationBasis.BROKER_CLAIM).getSingleResult());
        assertEquals("representation.claimNotRevocable", assertThrows(ValidationFailedException.class,
                () -> mine(ADMINISTRATOR, m -> {
                    m.revoke(SCHULDHULP, claim);
                    return null;
                })).getMessage());
        mine(ADMINISTRATOR, m -> {
            m.revoke(SCHULDHULP, authorisation);
            return null;
        });
        assertThrows(AccessDeniedException.class, () -> queries(COLLEAGUE, q -> q.view(8)));
        assertThrows(AccessDeniedException.class, () -> applications(COLLEAGUE, s -> s.load(9)));
        assertEquals("representation.alreadyRevoked", assertThrows(ValidationFailedException.class,
                () -> mine(ADMINISTRATOR, m -> {
                    m.revoke(SCHULDHULP, authorisation);
                    return null;
                })).getMessage());
        assertEquals(List.of(), mine(COLLEAGUE, MyOrganisation::mine));
        assertEquals(ADMINISTRATOR.email(), database.inTransaction(em -> em.find(Representative.class,
                authorisation).getRevokedBy()));
        assertEquals(1L, database.count("SELECT COUNT(a) FROM AuditEntry a WHERE a.action ="
                + " 'REPRESENTATIVE_AUTHORISED' AND a.actor = ?1", ADMINISTRATOR.email()));
        assertEquals(1L, database.count("SELECT COUNT(a) FROM AuditEntry a WHERE a.action ="
                + " 'REPRESENTATIVE_REVOKED' AND a.actor = ?1", ADMINISTRATOR.email()));
        // The author keeps access whatever the registry says.
        assertEquals("A-8", queries(AUTHOR, q -> q.view(8)).getReference());
    }

    @Test
    void aClaimWithoutAValidKvkNumberRecordsNothing() {
        assertEquals("organisation.kvkInvalid", assertThrows(ValidationFailedException.class,
                () -> claims(c -> c.claimed(new OrganisationClaim(3L, "", "Zonder nummer", "EH3")))).getMessage());
        assertEquals(0L, database.count("SELECT COUNT(o) FROM Organisation o WHERE o.claimedName = 'Zonder nummer'"));
    }

    // --- wiring: the services as the container would give them to this caller, at NOW

    private static Clock clock() {
        return Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam"));
    }

    private static <T> T registry(Caller caller, Function<OrganisationRegistry, T> work) {
        return database.inTransaction(em -> {
            OrganisationRegistry registry = DemoDatabase.inject(new OrganisationRegistry(), "em", em);
            DemoDatabase.inject(registry, "access", StaffOnDemoDatabase.accessOf(caller));
            DemoDatabase.inject(registry, "clock", clock());
            return work.apply(registry);
        });
    }

    private static <T> T mine(Caller caller, Function<MyOrganisation, T> work) {
        return database.inTransaction(em -> {
            MyOrganisation service = DemoDatabase.inject(new MyOrganisation(), "em", em);
            DemoDatabase.inject(service, "access", StaffOnDemoDatabase.accessOf(caller));
            DemoDatabase.inject(service, "audit", StaffOnDemoDatabase.auditAs(em, caller.email()));
            DemoDatabase.inject(service, "clock", clock());
            return work.apply(service);
        });
    }

    private static void claims(java.util.function.Consumer<OrganisationClaims> work) {
        database.inTransaction(em -> {
            OrganisationClaims claims = DemoDatabase.inject(new OrganisationClaims(), "em", em);
            // The login has no caller yet: the observer names the person itself (recordAs).
            DemoDatabase.inject(claims, "audit", StaffOnDemoDatabase.auditAs(em, "anonymous"));
            DemoDatabase.inject(claims, "clock", clock());
            work.accept(claims);
            return null;
        });
    }

    private static <T> T queries(Caller caller, Function<ApplicationQueries, T> work) {
        return database.inTransaction(em -> work.apply(queriesIn(em, caller)));
    }

    private static ApplicationQueries queriesIn(EntityManager em, Caller caller) {
        ApplicationQueries queries = DemoDatabase.inject(new ApplicationQueries(), "em", em);
        DemoDatabase.inject(queries, "access", StaffOnDemoDatabase.accessOf(caller));
        DemoDatabase.inject(queries, "counts", new StaffListCounts());
        DemoDatabase.inject(queries, "clock", clock());
        DemoDatabase.inject(queries, "representation", DemoDatabase.inject(new Representatives(), "em", em));
        return DemoDatabase.inject(queries, "deMinimis", DemoDatabase.inject(new RegistryAwards(), "em", em));
    }

    private static <T> T applications(Caller caller, Function<ApplicationService, T> work) {
        return database.inTransaction(em -> {
            ApplicationService service = DemoDatabase.inject(new ApplicationService(), "em", em);
            DemoDatabase.inject(service, "access", StaffOnDemoDatabase.accessOf(caller));
            DemoDatabase.inject(service, "audit", StaffOnDemoDatabase.auditAs(em, caller.email()));
            DemoDatabase.inject(service, "clock", clock());
            DemoDatabase.inject(service, "representation", DemoDatabase.inject(new Representatives(), "em", em));
            DemoDatabase.inject(service, "deMinimis", DemoDatabase.inject(new RegistryAwards(), "em", em));
            return work.apply(service);
        });
    }
}
