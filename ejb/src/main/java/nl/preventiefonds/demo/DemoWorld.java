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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import nl.preventiefonds.application.ApplicationForm;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.application.BudgetLineKind;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.application.LegalForm;
import nl.preventiefonds.application.TargetGroup;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.call.CallAdministration;
import nl.preventiefonds.call.CallForm;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.fund.FundAdministration;
import nl.preventiefonds.fund.FundForm;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.identity.NewAccount;
import nl.preventiefonds.identity.PartnerAdministration;
import nl.preventiefonds.identity.PartnerForm;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.impact.CareDemandService;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityDirectory;
import nl.preventiefonds.platform.AdjustableClock;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Settings;

/**
 * The demo world of Assen and Stichtse Vecht, loaded at start-up only when the server runs with
 * -Dpreventiefonds.demo=true (the run command and the test server). Never in production. Everything Assen's demo
 * creates, its history included, goes through the services the screens use, as the user who takes each step and on
 * the day it happened ({@link DemoSteps}); only the accounts a new installation provisions at start-up (and the
 * organisers', whose self-registration needs the link from the activation mail) are provisioned.
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
    private FundAdministration funds;

    @Inject
    private CallAdministration calls;

    @Inject
    private PartnerAdministration partners;

    @Inject
    private CareDemandService careDemand;

    @Inject
    private StichtseVechtDemo stichtseVecht;

    @Inject
    private DemoSteps steps;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private jakarta.enterprise.event.Event<nl.preventiefonds.identity.OrganisationClaim> organisationClaims;

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
        LocalDate today = LocalDate.now(clock.withZone(Amsterdam.ZONE));
        int thisYear = today.getYear();
        // Assen sets up two months before its first round opens (the completed 2023 grant's round, or the first
        // of the two earlier years'), and everything after happens on its own day, as the users who did it.
        LocalDate firstOpens = AssenGrants.firstRoundOpens(thisYear).isBefore(COMPLETED_ROUND_OPENS)
                ? AssenGrants.firstRoundOpens(thisYear) : COMPLETED_ROUND_OPENS;
        Instant founded = DemoSteps.on(firstOpens.minusMonths(2), 9, 0);
        AdjustableClock.at(founded, () -> {
            for (Role role : List.of(Role.INSTALLATION_ADMIN, Role.ORGANISER)) {
                accounts.provisionAtStartup(new NewAccount(LOGINS.get(role), NAMES.get(role), role, null, PASSWORD),
                        null);
            }
            for (AssenGrants.Organisation organisation : AssenGrants.ORGANISATIONS) {
                accounts.provisionAtStartup(new NewAccount(organisation.email(), organisation.contact() + " ("
                        + organisation.name() + ")", Role.ORGANISER, null, PASSWORD), null);
            }
            return null;
        });
        Municipality assen = DemoSteps.at(founded, steps.installationAdmin,
                () -> municipalities.create("GM0106", "Assen"));
        // Its first fund manager, as a new installation's (invitations are mailed; the demo hands out passwords).
        AdjustableClock.at(founded, () -> accounts.provisionAtStartup(new NewAccount(LOGINS.get(Role.FUND_MANAGER),
                NAMES.get(Role.FUND_MANAGER), Role.FUND_MANAGER, null, PASSWORD), assen.getId()));
        long fundId = setUpAssen(founded, thisYear);
        // In code order, the order of the demo's care-demand figures.
        List<Neighbourhood> neighbourhoods = em.createQuery("SELECT n FROM Neighbourhood n WHERE n.municipality = :m"
                + " ORDER BY n.code", Neighbourhood.class).setParameter("m", assen).getResultList();
        long library = em.createQuery("SELECT p.id FROM PartnerOrganisation p WHERE p.municipality = :m"
                + " AND p.kind = 'library'", Long.class).setParameter("m", assen).getSingleResult();

        // Created in the order the tour's tests know them by (the open call first, the demo organiser's
        // applications, the running and the completed grant, then the organisations' history), each on its own day.
        long call = openCall(fundId, thisYear, today);
        seedApplications(call, neighbourhoods, library);
        long historyStarted = System.nanoTime();
        AssenGrants history = new AssenGrants(steps, calls, fundId, neighbourhoods, today);
        long firstRound = history.halfYearRound(thisYear);
        seedRunningGrant(firstRound, today, library);
        seedCompletedGrant(fundId);
        int grants = history.twoYearsAgo(thisYear - 2) + history.lastYear(thisYear - 1);
        int awards = history.halfYear(firstRound);
        long historyMillis = Duration.ofNanos(System.nanoTime() - historyStarted).toMillis();
        // The care-demand figures as the fund manager imports CBS's file, today.
        CareDemandService.ImportResult indicators = steps.fundManager.act(() -> careDemand.importCsv(assen.getId(),
                DemoCareFigures.csv(neighbourhoods)));
        if (!indicators.stored()) {
            throw new IllegalStateException("demo care-demand figures refused: " + indicators.fileProblems() + " "
                    + indicators.rows().stream().filter(r -> !r.valid()).map(r -> r.line() + ": " + r.problems())
                    .toList());
        }
        audit.recordAs(AuditTrail.SYSTEM, "DEMO_WORLD_LOADED", "Fund", fundId, null,
                "Assen, " + neighbourhoods.size() + " neighbourhoods, budget " + FUND_TOTAL + ", " + (grants + 1)
                        + " earlier grants, " + (awards + 1) + " awards this year");
        loadStichtseVecht(today);
        organisations(today);
        LOG.info("Demo world loaded in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms (Assen's "
                + (grants + awards + 2) + " grants through the services, as their users, back-dated: " + historyMillis
                + " ms)");
        waiveSecondFactorOfDemoStaff();
        announce();
    }

    /** Assen's fund of a million: what it holds in the current year and the next, after its earlier years. */
    static final BigDecimal FUND_TOTAL = new BigDecimal("1000000.00");
    static final BigDecimal THIS_YEAR_BUDGET = new BigDecimal("650000.00");
    /** The round of the completed grant of 2023 (in Assen-Oost and Peelo, where the impact dashboard looks). */
    static final LocalDate COMPLETED_ROUND_OPENS = LocalDate.of(2022, 9, 1);
    static final int COMPLETED_YEAR = 2023;
    static final BigDecimal COMPLETED_AMOUNT = new BigDecimal("14400.00");

    /** The demo accounts' names. */
    private static final Map<Role, String> NAMES = Map.of(
            Role.ORGANISER, "Anna de Vries (Buurtvereniging Pittelo)",
            Role.PARTNER, "Joris Bakker (Bibliotheek Assen)",
            Role.OFFICER, "Fatima El Amrani",
            Role.DECISION_MAKER, "Henk Jansen",
            Role.FUND_MANAGER, "Ellen Mulder",
            Role.INSTALLATION_ADMIN, "Ruud Kamphuis (regionale uitvoeringsorganisatie)");

    /**
     * What Assen's fund manager sets up on the day the municipality starts, on the screens: the wijken (the CBS
     * import), the coalition's partners, the staff's and the library's accounts, and the fund with its years (the
     * earlier years' budgets what their rounds awarded, this year's most of the money: the half-year's round and
     * this round are charged to it, the rest of the million to next year). Answers the fund's id.
     */
    private long setUpAssen(Instant founded, int thisYear) {
        return DemoSteps.at(founded, steps.fundManager, () -> {
            steps.fundManager.importNeighbourhoods();
            Long library = null;
            for (String[] partner : List.of(new String[] {"Bibliotheek Assen", "library"},
                    new String[] {"Maatschappelijk Werk Assen", "social-work"},
                    new String[] {"Vrijwilligerspunt Assen", "volunteer-help"},
                    new String[] {"Welzijn Assen", "welfare"}, new String[] {"Jongerenwerk Assen", "youth-work"})) {
                PartnerForm form = new PartnerForm();
                form.setName(partner[0] + DEMO_MARK);
                form.setKind(partner[1]);
                form.setCoalitionMember(true);
                long id = partners.save(form);
                library = library == null ? id : library;
            }
            String url = applicationUrl();
            for (Role role : List.of(Role.OFFICER, Role.DECISION_MAKER, Role.PARTNER)) {
                accounts.createAccount(new NewAccount(LOGINS.get(role), NAMES.get(role), role,
                        role == Role.PARTNER ? library : null, PASSWORD), url);
            }
            FundForm fund = new FundForm();
            fund.setName("Preventiefonds Assen");
            fund.setDescription("Geld voor sociale initiatieven in de wijken die informele, vrij toegankelijke steun"
                    + " versterken, zodat de druk op dure zorg echt afneemt." + DEMO_MARK);
            fund.setTotalBudget(FUND_TOTAL);
            Map<Integer, BigDecimal> years = new java.util.TreeMap<>(AssenGrants.earlierYearBudgets(thisYear));
            years.merge(COMPLETED_YEAR, COMPLETED_AMOUNT, BigDecimal::add);
            years.put(thisYear, THIS_YEAR_BUDGET);
            BigDecimal rest = FUND_TOTAL.subtract(years.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
            years.put(thisYear + 1, rest);
            years.forEach((year, budget) -> fund.getYears().add(new FundForm.YearRow(year, budget)));
            return funds.save(fund);
        });
    }

    /** This year's second round, open now, set up two weeks before it opened; answers its id. */
    private long openCall(long fundId, int thisYear, LocalDate today) {
        CallForm callForm = CallForm.withDefaults(fundId);
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
        return DemoSteps.at(DemoSteps.on(today.minusMonths(1).minusWeeks(2), 10, 0), steps.fundManager,
                () -> calls.save(callForm));
    }

    /** Where the mails of the set-up (account announcements) point: the configured address, else the run command's. */
    private static String applicationUrl() {
        int port = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return Settings.text(Settings.PUBLIC_URL).map(url -> url.replaceAll("/+$", ""))
                .orElse("http://localhost:" + port + "/preventiefonds");
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

    /**
     * The organisation registry's demo: SchuldHulpMaatje (three awards in Assen) applies in Stichtse Vecht too, and
     * the demo organiser logged in once through the organisation broker, so "Mijn organisatie" shows her as
     * Buurtvereniging Pittelo's administrator (the event the eHerkenning login fires).
     */
    private void organisations(LocalDate today) {
        long municipality = em.createQuery("SELECT m.id FROM Municipality m WHERE m.code = :code", Long.class)
                .setParameter("code", StichtseVechtDemo.CODE).getSingleResult();
        long call = em.createQuery("SELECT c.id FROM FundingCall c WHERE c.fund.municipality.id = :m ORDER BY c.id",
                Long.class).setParameter("m", municipality).setMaxResults(1).getSingleResult();
        List<Long> kernen = em.createQuery("SELECT n.id FROM Neighbourhood n WHERE n.municipality.id = :m"
                + " AND n.name = 'Maarssenbroek'", Long.class).setParameter("m", municipality).getResultList();
        AssenGrants.Organisation schuldHulp = AssenGrants.ORGANISATIONS.get(2);
        steps.submit(steps.organiser(schuldHulp.email()), call,
                AssenGrants.schuldHulpMaatjeInStichtseVecht(kernen, today), clock.instant().minus(Duration.ofDays(3)));
        long anna = em.createQuery("SELECT u.id FROM UserAccount u WHERE u.email = :email", Long.class)
                .setParameter("email", LOGINS.get(Role.ORGANISER)).getSingleResult();
        organisationClaims.fire(new nl.preventiefonds.identity.OrganisationClaim(anna, "40012345",
                "Buurtvereniging Pittelo" + DEMO_MARK, "EH3"));
    }

    /** The demo organiser's applications, one in every state so each screen has something to show. */
    private void seedApplications(long call, List<Neighbourhood> neighbourhoods, long library) {
        List<Long> pittelo = neighbourhoods.stream().filter(n -> List.of("Pittelo", "Lariks").contains(n.getName()))
                .map(Neighbourhood::getId).toList();
        DemoActor organiser = steps.organiser;
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
            form.setNeighbourhoodIds(pittelo);
            form.setPartnerIds(List.of(library));
            ApplicationStatus target = (ApplicationStatus) row[1];
            Instant submitted = now.minus(Duration.ofDays((Integer) row[2]));
            Instant later = submitted.plus(Duration.ofDays(3));
            if (target == ApplicationStatus.DRAFT) {
                steps.draft(organiser, call, form, submitted);
                continue;
            }
            long application = steps.submit(organiser, call, form, submitted);
            switch (target) {
                case INFORMATION_REQUESTED -> steps.requestInformation(application, "Wilt u een offerte meesturen"
                        + " voor de huur van de ruimte, en aangeven welke vrijwilligers de activiteiten begeleiden?",
                        later);
                case IN_ASSESSMENT -> {
                    steps.completeIntake(application, later);
                    // Reviewed by the officer, so the decision maker has something to decide.
                    steps.review(application, now.minus(Duration.ofDays(2)));
                }
                case WITHDRAWN -> steps.withdraw(organiser, application,
                        "Wij hebben ander geld gevonden voor dit initiatief.", later);
                default -> {
                }
            }
        }
    }

    /**
     * A grant that runs, in the half-year's round: awarded seven months ago, its first progress reports (organiser
     * and library) just overdue, the library carrying out one of the activities. Fills the reports, partner and
     * deadline screens.
     */
    private void seedRunningGrant(long call, LocalDate today, long library) {
        LocalDate start = today.minusDays(17).minusMonths(6);
        // Costs of 18,900.00 less the participants' 400.00: a request of 18,500.00, with the half-year's nine
        // awards the 360,000.00 of AssenGrants.HALF_YEAR_TOTAL.
        ApplicationForm form = demoForm("Voorlezen en ontmoeten in Kloosterveen", new BigDecimal("18900.00"));
        form.setStartDate(start);
        form.setEndDate(start.plusMonths(12).minusDays(1));
        ApplicationForm.ActivityRow reading = new ApplicationForm.ActivityRow("Voorleesochtend", "Elke woensdag in"
                + " de bibliotheek, voor ouders en jonge kinderen", 40, 45, 4);
        reading.setDeliveredByPartnerId(library);
        form.getActivities().add(reading);
        form.setNeighbourhoodIds(neighbourhoodIds("Pittelo", "Lariks"));
        form.setPartnerIds(List.of(library));
        Instant submitted = DemoSteps.on(start.minusMonths(2), 10, 0);
        long grant = steps.submit(steps.organiser, call, form, submitted);
        steps.completeIntake(grant, submitted.plus(Duration.ofDays(3)));
        steps.review(grant, submitted.plus(Duration.ofDays(20)));
        steps.award(grant, 80, DemoSteps.on(start.minusMonths(1), 10, 0));
        steps.payDue(grant, today, 2);
    }

    /**
     * A grant of an earlier round that ran in 2023 in Assen-Oost and Peelo, reported, determined a little lower
     * than awarded and the difference paid back: fills the register, the impact dashboard and the reclaims.
     */
    private void seedCompletedGrant(long fundId) {
        CallForm form2023 = CallForm.withDefaults(fundId);
        form2023.setTitle("Ronde 2023: ontmoeting in de wijk");
        form2023.setDescription("Een eerdere ronde, gesloten." + DEMO_MARK);
        form2023.setOpensAt(COMPLETED_ROUND_OPENS.atStartOfDay());
        form2023.setClosesAt(LocalDate.of(2022, 11, 30).atTime(17, 0));
        form2023.setMinAmount(new BigDecimal("500.00"));
        form2023.setMaxAmount(new BigDecimal("50000.00"));
        form2023.setBudgetYear(COMPLETED_YEAR);
        form2023.setThemes(EnumSet.allOf(Theme.class));
        long round2023 = DemoSteps.at(DemoSteps.on(COMPLETED_ROUND_OPENS.minusWeeks(2), 10, 0), steps.fundManager,
                () -> calls.save(form2023));
        ApplicationForm form = demoForm("Huiskamer van de wijk Assen-Oost en Peelo", COMPLETED_AMOUNT);
        form.setStartDate(LocalDate.of(2023, 2, 1));
        form.setEndDate(LocalDate.of(2024, 1, 31));
        form.setNeighbourhoodIds(neighbourhoodIds("Assen-Oost", "Peelo"));
        Instant submitted = DemoSteps.on(LocalDate.of(2022, 11, 15), 11, 0);
        long grant = steps.submit(steps.organiser, round2023, form, submitted);
        steps.completeIntake(grant, submitted.plus(Duration.ofDays(3)));
        steps.review(grant, submitted.plus(Duration.ofDays(30)));
        steps.award(grant, 100, DemoSteps.on(LocalDate.of(2023, 1, 10), 10, 0));
        steps.payDue(grant, LocalDate.of(2023, 2, 10), 1);
        steps.reportAll(steps.organiser, grant, 52, DemoSteps.on(LocalDate.of(2024, 3, 20), 9, 0));
        steps.determine(grant, new BigDecimal("13600.00"), "De huur viel lager uit dan begroot.",
                DemoSteps.on(LocalDate.of(2024, 5, 14), 10, 0));
        steps.repay(grant, LocalDate.of(2024, 6, 20));
    }

    private List<Long> neighbourhoodIds(String... names) {
        return em.createQuery("SELECT n.id FROM Neighbourhood n WHERE n.name IN :names AND n.municipality.code"
                + " = 'GM0106' ORDER BY n.code", Long.class).setParameter("names", List.of(names)).getResultList();
    }

    private ApplicationForm demoForm(String title, BigDecimal costs) {
        ApplicationForm form = new ApplicationForm();
        form.setOrganisationName("Buurtvereniging Pittelo" + DEMO_MARK);
        form.setLegalForm(LegalForm.ASSOCIATION);
        form.setKvkNumber("40012345");
        form.setIban("NL91ABNA0417164300");
        form.setAccountHolder("Buurtvereniging Pittelo");
        form.setContactName("Anna de Vries");
        form.setContactEmail(LOGINS.get(Role.ORGANISER));
        form.setPostalStreet("Pittelo 1");
        form.setPostalCode("9405 AA");
        form.setPostalTown("Assen");
        form.setTitle(title);
        form.setSummary(title + ": een laagdrempelige plek in de wijk waar bewoners elkaar ontmoeten en hulp vinden"
                + " voordat problemen groot worden.");
        form.setDescription("Wekelijkse bijeenkomsten met vrijwilligers uit de buurt, in samenwerking met de"
                + " bibliotheek. Bewoners met vragen worden op tijd doorverwezen naar het wijkteam.");
        form.setTheoryOfChange("Meer ontmoeting en vroege signalering betekent minder eenzaamheid en minder"
                + " aanvragen voor Wmo-begeleiding.");
        LocalDate start = LocalDate.now(clock.withZone(Amsterdam.ZONE)).plusMonths(1).withDayOfMonth(1);
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
