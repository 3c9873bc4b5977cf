package nl.preventiefonds.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationForm;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.application.BudgetLineKind;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.application.DemoApplications;
import nl.preventiefonds.application.LegalForm;
import nl.preventiefonds.application.TargetGroup;
import nl.preventiefonds.assessment.DemoReviews;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.call.CallForm;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.decision.DemoDecisions;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.determination.DemoDeterminations;
import nl.preventiefonds.determination.Determination;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.identity.NewAccount;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.impact.CareIndicatorImport;
import nl.preventiefonds.impact.DemoIndicators;
import nl.preventiefonds.monitoring.DemoReports;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityDirectory;
import nl.preventiefonds.partner.PartnerOrganisation;
import nl.preventiefonds.payment.DemoPayments;
import nl.preventiefonds.payment.PaymentInstruction;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Settings;

/**
 * The demo world of Assen, loaded at start-up only when the server runs with
 * -Dpreventiefonds.demo=true (the run command and the test server). Never in production.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "FirstAdministrator"})
public class DemoWorld {
    private static final Logger LOG = Logger.getLogger(DemoWorld.class.getName());
    public static final String PASSWORD = "Preventie-2026";
    public static final String DEMO_MARK = " (demo)";

    /** One account per role; the e-mail addresses use a reserved demo domain. */
    public static final Map<Role, String> LOGINS = Map.of(
            Role.ORGANISER, "organisator@demo.preventiefonds.nl",
            Role.PARTNER, "partner@demo.preventiefonds.nl",
            Role.OFFICER, "adviseur@demo.preventiefonds.nl",
            Role.DECISION_MAKER, "beslisser@demo.preventiefonds.nl",
            Role.FUND_MANAGER, AssenDemo.FUND_MANAGER,
            Role.INSTALLATION_ADMIN, "installatie@demo.preventiefonds.nl");

    /** Stichtse Vecht's own demo accounts: its staff work for Stichtse Vecht only. */
    public static final Map<Role, String> STICHTSE_VECHT_LOGINS = Map.of(
            Role.ORGANISER, "organisator@stichtsevecht.demo.preventiefonds.nl",
            Role.PARTNER, "partner@stichtsevecht.demo.preventiefonds.nl",
            Role.OFFICER, "adviseur@stichtsevecht.demo.preventiefonds.nl",
            Role.DECISION_MAKER, "beslisser@stichtsevecht.demo.preventiefonds.nl",
            Role.FUND_MANAGER, StichtseVechtDemo.FUND_MANAGER);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccountService accounts;

    @Inject
    private MunicipalityDirectory municipalities;

    @Inject
    private StichtseVechtDemo stichtseVecht;

    @Inject
    private AssenDemo assenDemo;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @PostConstruct
    void load() {
        if (!Settings.flag(Settings.DEMO, false)) {
            return;
        }
        if (!em.createQuery("SELECT f.id FROM Fund f", Long.class).setMaxResults(1).getResultList().isEmpty()) {
            LOG.info("Demo data already present");
            announce();
            return;
        }
        long started = System.nanoTime();
        Municipality assen = municipalities.provisionAtStartup("GM0106", "Assen");
        // The fund manager first: the wijken and their residents come in through the CBS import the fund manager uses.
        account(Role.FUND_MANAGER, "Ellen Mulder", null, assen.getId());
        em.flush();
        assenDemo.importNeighbourhoods();
        // In code order, the order of the demo's care-demand figures.
        List<Neighbourhood> neighbourhoods = em.createQuery("SELECT n FROM Neighbourhood n WHERE n.municipality = :m"
                + " ORDER BY n.code", Neighbourhood.class).setParameter("m", assen).getResultList();
        CareIndicatorImport indicators = DemoIndicators.seed(em, assen, neighbourhoods, clock.instant());

        Fund fund = new Fund(assen, "Preventiefonds Assen",
                "Geld voor sociale initiatieven in de wijken die informele, vrij toegankelijke steun versterken,"
                        + " zodat de druk op dure zorg echt afneemt." + DEMO_MARK,
                new BigDecimal("1000000.00"));
        int thisYear = Year.now(clock.withZone(Amsterdam.ZONE)).getValue();
        // Most of the first year's money: the half-year's round (AssenGrants) and this round are charged to it.
        fund.addYearBudget(thisYear, new BigDecimal("650000.00"));
        fund.addYearBudget(thisYear + 1, new BigDecimal("350000.00"));
        em.persist(fund);

        LocalDate today = LocalDate.now(clock.withZone(Amsterdam.ZONE));
        CallForm callForm = CallForm.withDefaults(fund.getId());
        callForm.setTitle("Ronde " + thisYear + ": sterke sociale basis in de wijk");
        callForm.setDescription("Voor initiatieven van bewoners en organisaties die ontmoeting, mantelzorgondersteuning,"
                + " opvoedsteun, schuldpreventie, gezond leven of minder eenzaamheid in de wijk brengen." + DEMO_MARK);
        callForm.setOpensAt(today.minusMonths(1).atStartOfDay());
        callForm.setClosesAt(today.plusMonths(3).atTime(17, 0));
        callForm.setMinAmount(new BigDecimal("500.00"));
        callForm.setMaxAmount(new BigDecimal("50000.00"));
        callForm.setBudgetYear(thisYear);
        // The year's second round, after the first round's 360,000 (AssenGrants); the rest stays for a later one.
        callForm.setBudget(new BigDecimal("250000.00"));
        callForm.setThemes(EnumSet.allOf(Theme.class));
        FundingCall call = FundingCall.create(fund, callForm, Set.of());
        em.persist(call);

        PartnerOrganisation library = partner(assen, "Bibliotheek Assen" + DEMO_MARK, "library");
        partner(assen, "Maatschappelijk Werk Assen" + DEMO_MARK, "social-work");
        partner(assen, "Vrijwilligerspunt Assen" + DEMO_MARK, "volunteer-help");
        partner(assen, "Welzijn Assen" + DEMO_MARK, "welfare");
        partner(assen, "Jongerenwerk Assen" + DEMO_MARK, "youth-work");
        em.flush();

        account(Role.ORGANISER, "Anna de Vries (Buurtvereniging Pittelo)", null, null);
        account(Role.PARTNER, "Joris Bakker (Bibliotheek Assen)", library.getId(), null);
        account(Role.OFFICER, "Fatima El Amrani", null, assen.getId());
        account(Role.DECISION_MAKER, "Henk Jansen", null, assen.getId());
        account(Role.INSTALLATION_ADMIN, "Ruud Kamphuis (regionale uitvoeringsorganisatie)", null, null);
        seedApplications(call, library);
        long historyStarted = System.nanoTime();
        int grants = seedHistory(fund, neighbourhoods, thisYear, today);
        long historyMillis = Duration.ofNanos(System.nanoTime() - historyStarted).toMillis();
        audit.recordAs(AuditTrail.SYSTEM, "DEMO_WORLD_LOADED", "Fund", fund.getId(), null,
                "Assen, " + neighbourhoods.size() + " neighbourhoods, budget 1000000.00, " + grants
                        + " earlier grants");
        audit.recordAs(AuditTrail.SYSTEM, "CARE_INDICATORS_IMPORTED", "Municipality", assen.getId(), null,
                "demo import " + indicators.getId() + ": " + indicators.getValueCount() + " values ("
                        + indicators.getSuppressedCount() + " suppressed), periods " + indicators.getPeriods());
        loadStichtseVecht(today);
        LOG.info("Demo world loaded in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms (Assen's "
                + grants + " earlier grants and their organisations' accounts: " + historyMillis + " ms)");
        waiveSecondFactorOfDemoStaff();
        announce();
    }

    /**
     * Assen's fund in use: the last half-year's awards and two earlier years of determined grants, each organisation
     * with an organiser account of its own (so the demo organiser's own list stays the tour's). Answers the count.
     */
    private int seedHistory(Fund fund, List<Neighbourhood> neighbourhoods, int thisYear, LocalDate today) {
        Map<String, UserAccount> owners = new java.util.HashMap<>();
        for (AssenGrants.Organisation organisation : AssenGrants.ORGANISATIONS) {
            owners.put(organisation.email(), accounts.provisionAtStartup(new NewAccount(organisation.email(),
                    organisation.contact() + " (" + organisation.name() + ")", Role.ORGANISER, null, PASSWORD),
                    null));
        }
        UserAccount officer = em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :email", UserAccount.class)
                .setParameter("email", LOGINS.get(Role.OFFICER)).getSingleResult();
        em.flush();
        AssenGrants history = new AssenGrants(em, fund, owners, officer, LOGINS.get(Role.DECISION_MAKER),
                neighbourhoods, today, clock.instant());
        return history.twoYearsAgo(thisYear - 2) + history.lastYear(thisYear - 1) + history.halfYear(thisYear);
    }

    /** A file of the demo's resources (nl/preventiefonds/demo/), as bytes. */
    static byte[] resource(String name) {
        try (java.io.InputStream in = DemoWorld.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A demo import must have stored: a refused demo file is a fault of the demo, stated loudly. */
    static int requireStored(nl.preventiefonds.fund.NeighbourhoodAdministration.ImportResult result, String file) {
        if (!result.stored()) {
            throw new IllegalStateException("demo file " + file + " refused: " + result.fileProblems() + " "
                    + result.rows().stream().filter(r -> !r.row().valid()).map(r -> r.row().line() + ": "
                    + r.row().problems()).toList());
        }
        return result.created();
    }

    /** The second municipality on the installation: its staff, then what its fund manager sets up on the screens. */
    private void loadStichtseVecht(LocalDate today) {
        Municipality municipality = municipalities.provisionAtStartup(StichtseVechtDemo.CODE, "Stichtse Vecht");
        Map<Role, String> names = Map.of(Role.ORGANISER, "Jeroen Bos (Jongerenplatform Breukelen)",
                Role.OFFICER, "Ingrid Verbeek", Role.DECISION_MAKER, "Pieter van Dijk",
                Role.FUND_MANAGER, "Saskia de Boer");
        for (Role role : List.of(Role.FUND_MANAGER, Role.OFFICER, Role.DECISION_MAKER, Role.ORGANISER)) {
            accounts.provisionAtStartup(new NewAccount(STICHTSE_VECHT_LOGINS.get(role), names.get(role), role, null,
                    PASSWORD), role.isMunicipalStaff() ? municipality.getId() : null);
        }
        em.flush();
        long kwadraad = stichtseVecht.setUp(today);
        accounts.provisionAtStartup(new NewAccount(STICHTSE_VECHT_LOGINS.get(Role.PARTNER),
                "Noor Jansen (Kwadraad maatschappelijk werk)", Role.PARTNER, kwadraad, PASSWORD), null);
    }

    /** The demo organiser's applications, one in every state so each screen has something to show. */
    private void seedApplications(FundingCall call, PartnerOrganisation library) {
        UserAccount organiser = em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :email", UserAccount.class)
                .setParameter("email", LOGINS.get(Role.ORGANISER)).getSingleResult();
        List<Neighbourhood> pittelo = em.createQuery("SELECT n FROM Neighbourhood n WHERE n.name IN :names",
                Neighbourhood.class).setParameter("names", List.of("Pittelo", "Lariks")).getResultList();
        UserAccount officer = em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :email", UserAccount.class)
                .setParameter("email", LOGINS.get(Role.OFFICER)).getSingleResult();
        Instant now = clock.instant();
        Object[][] demo = {
            {"Buurtkamer Pittelo", ApplicationStatus.IN_ASSESSMENT, 20, "12500.00"},
            {"Mantelzorgcafé Lariks", ApplicationStatus.INFORMATION_REQUESTED, 12, "8200.00"},
            {"Samen koken, samen eten", ApplicationStatus.SUBMITTED, 2, "4300.00"},
            {"Geldzaken op orde in de wijk", ApplicationStatus.WITHDRAWN, 25, "15000.00"},
            {"Wandelgroep voor ouderen", ApplicationStatus.DRAFT, 1, "2400.00"},
        };
        for (Object[] row : demo) {
            ApplicationForm form = demoForm((String) row[0], new BigDecimal((String) row[3]));
            Application application = DemoApplications.seed(em, call, organiser, form, pittelo, List.of(library),
                    (ApplicationStatus) row[1], now.minus(Duration.ofDays((Integer) row[2])));
            if (row[1] == ApplicationStatus.IN_ASSESSMENT) {
                // Reviewed by the officer, so the decision maker has something to decide.
                DemoReviews.seed(em, application, officer, now.minus(Duration.ofDays(2)));
            }
        }
        seedRunningGrant(call, organiser, officer, pittelo, library);
        seedCompletedGrant(call.getFund(), organiser, officer);
    }

    /**
     * A grant that runs: awarded seven months ago, its first progress reports (organiser and library) just
     * overdue, the library carrying out one of the activities. Fills the reports, partner and deadline screens.
     */
    private void seedRunningGrant(FundingCall call, UserAccount organiser, UserAccount officer,
                                  List<Neighbourhood> neighbourhoods, PartnerOrganisation library) {
        LocalDate today = LocalDate.now(clock.withZone(Amsterdam.ZONE));
        LocalDate start = today.minusDays(17).minusMonths(6);
        ApplicationForm form = demoForm("Voorlezen en ontmoeten in Kloosterveen", new BigDecimal("18500.00"));
        form.setStartDate(start);
        form.setEndDate(start.plusMonths(12).minusDays(1));
        ApplicationForm.ActivityRow reading = new ApplicationForm.ActivityRow("Voorleesochtend", "Elke woensdag in"
                + " de bibliotheek, voor ouders en jonge kinderen", 40, 45, 4);
        reading.setDeliveredByPartnerId(library.getId());
        form.getActivities().add(reading);
        Instant submitted = start.minusMonths(2).atStartOfDay(Amsterdam.ZONE).toInstant();
        Application grant = DemoApplications.seed(em, call, organiser, form, neighbourhoods, List.of(library),
                ApplicationStatus.IN_ASSESSMENT, submitted);
        DemoReviews.seed(em, grant, officer, submitted.plus(Duration.ofDays(20)));
        GrantDecision decision = DemoDecisions.award(em, grant, LOGINS.get(Role.DECISION_MAKER),
                start.minusMonths(1).atTime(10, 0).atZone(Amsterdam.ZONE).toInstant(), 80);
        em.flush();
        Instant now = clock.instant();
        decision.getTranches().forEach(t -> {
            PaymentInstruction advance = new PaymentInstruction(decision, t, grant, now);
            DemoPayments.paid(advance, t.getDueOn().minusDays(2));
            em.persist(advance);
        });
        DemoReports.schedule(em, decision, now);
    }

    /**
     * A grant of an earlier round that ran in 2023 in Assen-Oost and Peelo, reported, determined a little lower
     * than awarded and the difference paid back: fills the register, the impact dashboard and the reclaims.
     */
    private void seedCompletedGrant(Fund fund, UserAccount organiser, UserAccount officer) {
        CallForm form2023 = CallForm.withDefaults(fund.getId());
        form2023.setTitle("Ronde 2023: ontmoeting in de wijk");
        form2023.setDescription("Een eerdere ronde, gesloten." + DEMO_MARK);
        form2023.setOpensAt(LocalDate.of(2022, 9, 1).atStartOfDay());
        form2023.setClosesAt(LocalDate.of(2022, 11, 30).atTime(17, 0));
        form2023.setMinAmount(new BigDecimal("500.00"));
        form2023.setMaxAmount(new BigDecimal("50000.00"));
        form2023.setThemes(EnumSet.allOf(Theme.class));
        FundingCall round2023 = FundingCall.create(fund, form2023, Set.of());
        em.persist(round2023);
        List<Neighbourhood> where = em.createQuery("SELECT n FROM Neighbourhood n WHERE n.name IN :names",
                Neighbourhood.class).setParameter("names", List.of("Assen-Oost", "Peelo")).getResultList();
        ApplicationForm form = demoForm("Huiskamer van de wijk Assen-Oost en Peelo", new BigDecimal("14400.00"));
        form.setStartDate(LocalDate.of(2023, 2, 1));
        form.setEndDate(LocalDate.of(2024, 1, 31));
        Instant submitted = LocalDate.of(2022, 11, 15).atTime(11, 0).atZone(Amsterdam.ZONE).toInstant();
        Application grant = DemoApplications.seed(em, round2023, organiser, form, where, List.of(),
                ApplicationStatus.IN_ASSESSMENT, submitted);
        DemoReviews.seed(em, grant, officer, submitted.plus(Duration.ofDays(30)));
        Instant decidedAt = LocalDate.of(2023, 1, 10).atTime(10, 0).atZone(Amsterdam.ZONE).toInstant();
        GrantDecision decision = DemoDecisions.award(em, grant, LOGINS.get(Role.DECISION_MAKER), decidedAt, 100);
        em.flush();
        Instant now = clock.instant();
        decision.getTranches().forEach(t -> {
            PaymentInstruction advance = new PaymentInstruction(decision, t, grant, now);
            DemoPayments.paid(advance, t.getDueOn().minusDays(1));
            em.persist(advance);
        });
        Instant determinedAt = LocalDate.of(2024, 5, 14).atTime(10, 0).atZone(Amsterdam.ZONE).toInstant();
        BigDecimal finalAmount = new BigDecimal("13600.00");
        DemoReports.finalReportAccepted(em, decision, new int[] {52}, LocalDate.of(2024, 3, 20).atTime(9, 0)
                .atZone(Amsterdam.ZONE).toInstant(), officer.getEmail());
        Determination determination = DemoDeterminations.determined(em, decision, finalAmount,
                "De huur viel lager uit dan begroot.", determinedAt, officer.getEmail());
        em.flush();
        DemoPayments.settledReclaim(em, determination.getId(), grant, decision.getAmount().subtract(finalAmount),
                LocalDate.of(2024, 5, 14), LocalDate.of(2024, 6, 20), now);
    }

    private static ApplicationForm demoForm(String title, BigDecimal costs) {
        ApplicationForm form = new ApplicationForm();
        form.setOrganisationName("Buurtvereniging Pittelo" + DEMO_MARK);
        form.setLegalForm(LegalForm.ASSOCIATION);
        form.setKvkNumber("40012345");
        form.setIban("NL91ABNA0417164300");
        form.setAccountHolder("Buurtvereniging Pittelo");
        form.setContactName("Anna de Vries");
        form.setContactEmail(LOGINS.get(Role.ORGANISER));
        form.setTitle(title);
        form.setSummary(title + ": een laagdrempelige plek in de wijk waar bewoners elkaar ontmoeten en hulp vinden"
                + " voordat problemen groot worden.");
        form.setDescription("Wekelijkse bijeenkomsten met vrijwilligers uit de buurt, in samenwerking met de"
                + " bibliotheek. Bewoners met vragen worden op tijd doorverwezen naar het wijkteam.");
        form.setTheoryOfChange("Meer ontmoeting en vroege signalering betekent minder eenzaamheid en minder"
                + " aanvragen voor Wmo-begeleiding.");
        LocalDate start = LocalDate.now(Amsterdam.ZONE).plusMonths(1).withDayOfMonth(1);
        form.setStartDate(start);
        form.setEndDate(start.plusMonths(11).withDayOfMonth(28));
        form.setThemes(EnumSet.of(Theme.MEETING_PLACE, Theme.LONELINESS));
        form.setTargetGroups(EnumSet.of(TargetGroup.OLDER_PEOPLE, TargetGroup.ALL_RESIDENTS));
        form.setCareDomains(EnumSet.of(CareDomain.WMO, CareDomain.INFORMAL_CARE));
        form.getActivities().add(new ApplicationForm.ActivityRow("Wekelijkse inloop", "Koffie, spelletjes en"
                + " spreekuur", 60, 45, 8));
        form.getBudgetLines().add(new ApplicationForm.BudgetRow(BudgetLineKind.COST, "Huur ruimte en materialen",
                costs, null));
        form.getBudgetLines().add(new ApplicationForm.BudgetRow(BudgetLineKind.CO_FUNDING, "Eigen bijdrage deelnemers",
                new BigDecimal("400.00"), null));
        form.getBudgetLines().add(new ApplicationForm.BudgetRow(BudgetLineKind.IN_KIND_HOURS, "Inzet vrijwilligers",
                null, new BigDecimal("360")));
        return form;
    }

    /** A partner of the municipality's coalition. */
    private PartnerOrganisation partner(Municipality municipality, String name, String kind) {
        PartnerOrganisation partner = new PartnerOrganisation(municipality, name, null, kind);
        partner.update(name, null, kind, null, null, null, true);
        em.persist(partner);
        return partner;
    }

    private void account(Role role, String name, Long partnerId, Long municipalityId) {
        accounts.provisionAtStartup(new NewAccount(LOGINS.get(role), name, role, partnerId, PASSWORD),
                municipalityId);
    }

    /**
     * The demo's own staff log in with the printed password only, so anyone can try every role; every other account
     * (the installation's first administrator, staff invited later) needs the second factor its role asks for.
     * The pages show a notice to the waived accounts (docs/security.md).
     */
    private void waiveSecondFactorOfDemoStaff() {
        java.util.Set<String> demoStaff = new java.util.HashSet<>();
        for (Map<Role, String> logins : List.of(LOGINS, STICHTSE_VECHT_LOGINS)) {
            logins.forEach((role, email) -> {
                if (role.offersSecondFactor()) {
                    demoStaff.add(email);
                }
            });
        }
        em.createQuery("UPDATE UserAccount u SET u.secondFactorWaived = TRUE WHERE u.email IN :emails")
                .setParameter("emails", demoStaff).executeUpdate();
    }

    private static void announce() {
        int port = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        StringBuilder text = new StringBuilder("\n\n==== Preventiefonds demo is starting ====\n")
                .append("Open  http://localhost:").append(port).append("/preventiefonds/\n")
                .append("Demo logins (password for all: ").append(PASSWORD)
                .append("; the demo's own staff need no second factor):\n")
                .append(" Assen:\n");
        for (Role role : Role.values()) {
            if (role != Role.INSTALLATION_ADMIN) {
                text.append(String.format("  %-18s %s%n", role.roleName(), LOGINS.get(role)));
            }
        }
        text.append(" Stichtse Vecht:\n");
        for (Role role : Role.values()) {
            if (STICHTSE_VECHT_LOGINS.containsKey(role)) {
                text.append(String.format("  %-18s %s%n", role.roleName(), STICHTSE_VECHT_LOGINS.get(role)));
            }
        }
        text.append(" The installation (both municipalities):\n")
                .append(String.format("  %-18s %s%n", Role.INSTALLATION_ADMIN.roleName(),
                        LOGINS.get(Role.INSTALLATION_ADMIN)))
                .append("This is demo data in an in-memory database: it is gone when you stop the server.\n");
        LOG.info(text.toString());
    }
}
