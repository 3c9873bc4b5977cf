package nl.preventiefonds.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.preventiefonds.application.ApplicationForm;
import nl.preventiefonds.application.BudgetLineKind;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.application.LegalForm;
import nl.preventiefonds.application.TargetGroup;
import nl.preventiefonds.call.CallAdministration;
import nl.preventiefonds.call.CallForm;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.platform.Money;

/**
 * Assen's fund in use: the awards of its last half-year (with the running grant of {@link DemoWorld} ten awards,
 * {@link #HALF_YEAR_TOTAL} in all, the volume of the real fund's first half-year) and two earlier years of grants that
 * were reported on, determined (vastgesteld) and paid. Dates follow the clock, so the demo is current whenever it is
 * loaded. Every step goes through the service its page uses, as the user who takes it, on the day it happened
 * ({@link DemoSteps}).
 */
final class AssenGrants {
    /** What the half-year's awards (these nine and the running grant) come to. */
    static final BigDecimal HALF_YEAR_TOTAL = new BigDecimal("360000.00");

    /** A resident group, foundation or entrepreneur that applies, with the demo account of its contact. */
    record Organisation(String name, LegalForm legalForm, String kvk, String iban, String contact, String email,
                        String street, String postalCode) {
    }

    static final List<Organisation> ORGANISATIONS = List.of(
            new Organisation("Stichting Buurthuis Kloosterveen", LegalForm.FOUNDATION, "40023871",
                    "NL51RABO0312845671", "Marieke Hoekstra", KloosterveenActor.EMAIL, "Kloosterveste 12", "9408 AD"),
            new Organisation("Wijkvereniging Marsdijk", LegalForm.ASSOCIATION, "40027614", "NL71INGB0007351924",
                    "Gert Kuipers", MarsdijkActor.EMAIL, "Marsdijk 4", "9407 BR"),
            new Organisation("Stichting SchuldHulpMaatje Assen", LegalForm.FOUNDATION, "40031095",
                    "NL54ABNA0541289367", "Yvonne Smit", SchuldHulpMaatjeActor.EMAIL, "Postbus 1023", "9400 BA"),
            new Organisation("Vereniging Jong Pittelo", LegalForm.ASSOCIATION, "40034452", "NL79RABO0354417718",
                    "Bram Veenstra", JongPitteloActor.EMAIL, "Pittelo 25", "9405 AH"),
            // The local entrepreneur among the awards: an undertaking, so a de-minimis declaration.
            new Organisation("Eetcafé De Lariks V.O.F.", LegalForm.PARTNERSHIP, "40038830", "NL19INGB0006629143",
                    "Kemal Yilmaz", LariksActor.EMAIL, "Vlindersingel 30", "9404 HA"),
            new Organisation("Stichting Mantelzorgsteunpunt Assen", LegalForm.FOUNDATION, "40041207",
                    "NL32SNSB0928374651", "Wilma Brouwer", MantelzorgActor.EMAIL, "Kanaalstraat 8", "9401 EC"));

    /** One initiative: who, what, where, how much (whole euros), and what it aims to relieve. */
    private record Initiative(int organisation, String title, String summary, String activity, String amount,
                              List<String> neighbourhoods, Set<Theme> themes, Set<TargetGroup> targets,
                              Set<CareDomain> domains) {
    }

    /** The last half-year's awards, oldest first; with the running grant (18,500.00) they make 360,000.00. */
    private static final List<Initiative> HALF_YEAR = List.of(
            new Initiative(0, "Huiskamer Kloosterveen", "Een open huiskamer in het buurthuis, vier dagen per week,"
                    + " waar bewoners binnenlopen voor koffie, een praatje en een vraag aan de wijkverpleegkundige.",
                    "Open huiskamer", "48500.00", List.of("Kloosterveen"),
                    EnumSet.of(Theme.MEETING_PLACE, Theme.LONELINESS),
                    EnumSet.of(TargetGroup.OLDER_PEOPLE, TargetGroup.ADULTS), EnumSet.of(CareDomain.WMO)),
            new Initiative(5, "Mantelzorgcafé en respijt in Marsdijk", "Maandelijks mantelzorgcafé en een pool van"
                    + " vrijwilligers die mantelzorgers een dagdeel per week ontlasten.", "Mantelzorgcafé",
                    "38500.00", List.of("Marsdijk"), EnumSet.of(Theme.INFORMAL_CARE_SUPPORT),
                    EnumSet.of(TargetGroup.INFORMAL_CARERS), EnumSet.of(CareDomain.WMO, CareDomain.INFORMAL_CARE)),
            new Initiative(2, "Schuldhulpmaatjes in Assen-Oost en Peelo", "Getrainde maatjes helpen huishoudens"
                    + " met beginnende geldzorgen hun administratie op orde te krijgen, voordat schulden"
                    + " problematisch worden.", "Thuisbezoek maatje", "46900.00", List.of("Assen-Oost", "Peelo"),
                    EnumSet.of(Theme.DEBT_PREVENTION), EnumSet.of(TargetGroup.LOW_INCOME_HOUSEHOLDS),
                    EnumSet.of(CareDomain.DEBT_RELIEF)),
            new Initiative(3, "Jongeren aan zet in Pittelo", "Jongeren organiseren zelf activiteiten in de wijk,"
                    + " met een jongerenwerker als coach; zo zien zij wie uit beeld raakt.", "Jongerenavond",
                    "44750.00", List.of("Pittelo"), EnumSet.of(Theme.YOUTH_PARTICIPATION),
                    EnumSet.of(TargetGroup.YOUNG_PEOPLE), EnumSet.of(CareDomain.YOUTH_CARE)),
            new Initiative(4, "Ontmoetingstafel bij Eetcafé De Lariks", "Twee keer per week een betaalbare"
                    + " maaltijd aan de lange tafel voor wie vaak alleen eet; de buurt kookt mee.",
                    "Maaltijd aan de lange tafel", "19950.00", List.of("Lariks"),
                    EnumSet.of(Theme.MEETING_PLACE, Theme.LONELINESS), EnumSet.of(TargetGroup.OLDER_PEOPLE,
                            TargetGroup.ALL_RESIDENTS), EnumSet.of(CareDomain.WMO)),
            new Initiative(1, "Opvoedcafé voor jonge ouders in Marsdijk", "Ouders van jonge kinderen wisselen"
                    + " ervaringen uit onder leiding van een pedagoog; vragen gaan op tijd naar het wijkteam.",
                    "Opvoedcafé", "36250.00", List.of("Marsdijk"), EnumSet.of(Theme.PARENTING_SUPPORT),
                    EnumSet.of(TargetGroup.PARENTS), EnumSet.of(CareDomain.YOUTH_CARE)),
            new Initiative(0, "Samen bewegen in het Centrum", "Wandel- en beweeggroepen voor ouderen en mensen"
                    + " met een beperking, met een fysiotherapeut uit de wijk.", "Beweeggroep", "29300.00",
                    List.of("Centrum"), EnumSet.of(Theme.HEALTHY_LIVING), EnumSet.of(TargetGroup.OLDER_PEOPLE,
                            TargetGroup.PEOPLE_WITH_DISABILITIES), EnumSet.of(CareDomain.WMO)),
            new Initiative(1, "Wijkmoestuin Marsdijk", "Bewoners telen samen groente in de wijkmoestuin en koken"
                    + " er eens per maand mee; nieuwe Assenaren vinden er aansluiting.", "Tuinochtend", "34600.00",
                    List.of("Marsdijk"), EnumSet.of(Theme.HEALTHY_LIVING, Theme.MEETING_PLACE),
                    EnumSet.of(TargetGroup.NEWCOMERS, TargetGroup.ALL_RESIDENTS), EnumSet.of(CareDomain.WMO)),
            new Initiative(5, "Welzijn op recept in Kloosterveen en Marsdijk", "Huisartsen verwijzen bewoners met"
                    + " klachten zonder medische oorzaak naar een welzijnscoach en activiteiten in de wijk.",
                    "Gesprek met welzijnscoach", "42750.00", List.of("Kloosterveen", "Marsdijk"),
                    EnumSet.of(Theme.LONELINESS, Theme.HEALTHY_LIVING), EnumSet.of(TargetGroup.ADULTS),
                    EnumSet.of(CareDomain.WMO, CareDomain.SHELTERED_HOUSING)));

    /** The grants of the year before last, in the neighbourhoods where the fund began; the third cost less. */
    private static final List<Initiative> TWO_YEARS_AGO = List.of(
            new Initiative(5, "Koffie-inloop voor mantelzorgers Assen-Oost", "Elke dinsdag een inloop waar"
                    + " mantelzorgers elkaar en de mantelzorgconsulent treffen.", "Inloop", "12400.00",
                    List.of("Assen-Oost"), EnumSet.of(Theme.INFORMAL_CARE_SUPPORT),
                    EnumSet.of(TargetGroup.INFORMAL_CARERS), EnumSet.of(CareDomain.INFORMAL_CARE)),
            new Initiative(2, "Budgetcafé Peelo", "Een wekelijks spreekuur over rekeningen, toeslagen en"
                    + " besparen, door vrijwilligers met een financiële achtergrond.", "Spreekuur", "9750.00",
                    List.of("Peelo"), EnumSet.of(Theme.DEBT_PREVENTION), EnumSet.of(TargetGroup.LOW_INCOME_HOUSEHOLDS),
                    EnumSet.of(CareDomain.DEBT_RELIEF)),
            new Initiative(3, "Zomerschool in Peelo", "Drie zomerweken met sport, taal en uitstapjes voor"
                    + " kinderen die niet op vakantie gaan.", "Zomerschooldag", "21300.00", List.of("Peelo"),
                    EnumSet.of(Theme.YOUTH_PARTICIPATION), EnumSet.of(TargetGroup.CHILDREN),
                    EnumSet.of(CareDomain.YOUTH_CARE)),
            new Initiative(0, "Wandelen met de buurt in Assen-Oost", "Wekelijkse wandelingen voor bewoners die"
                    + " weinig buiten komen, met koffie na afloop.", "Wandeling", "6850.00", List.of("Assen-Oost"),
                    EnumSet.of(Theme.LONELINESS, Theme.HEALTHY_LIVING), EnumSet.of(TargetGroup.OLDER_PEOPLE),
                    EnumSet.of(CareDomain.WMO)));

    /** Last year's grants; the third one cost less. */
    private static final List<Initiative> LAST_YEAR = List.of(
            new Initiative(1, "Buurtkamer Peelo", "Een buurtkamer in de voormalige school, door bewoners"
                    + " gerund, met een spreekuur van het wijkteam.", "Inloop", "18900.00", List.of("Peelo"),
                    EnumSet.of(Theme.MEETING_PLACE), EnumSet.of(TargetGroup.ALL_RESIDENTS), EnumSet.of(CareDomain.WMO)),
            new Initiative(3, "Opvoedsteun aan huis in Assen-Oost", "Ervaren ouders bezoeken gezinnen met"
                    + " opvoedvragen, in samenwerking met het jeugdteam.", "Huisbezoek", "27500.00",
                    List.of("Assen-Oost"), EnumSet.of(Theme.PARENTING_SUPPORT), EnumSet.of(TargetGroup.PARENTS),
                    EnumSet.of(CareDomain.YOUTH_CARE)),
            new Initiative(2, "Geldzorgen-spreekuur in Assen-Oost en Peelo", "Een vast spreekuur in de"
                    + " buurthuizen waar bewoners met geldzorgen zonder afspraak terechtkunnen.", "Spreekuur",
                    "14250.00", List.of("Assen-Oost", "Peelo"), EnumSet.of(Theme.DEBT_PREVENTION),
                    EnumSet.of(TargetGroup.LOW_INCOME_HOUSEHOLDS), EnumSet.of(CareDomain.DEBT_RELIEF)),
            new Initiative(0, "Samen sporten 55+ in Peelo", "Laagdrempelig sporten voor 55-plussers in de"
                    + " gymzaal, met een gezamenlijke lunch eens per maand.", "Sportuur", "8600.00",
                    List.of("Peelo"), EnumSet.of(Theme.HEALTHY_LIVING), EnumSet.of(TargetGroup.OLDER_PEOPLE),
                    EnumSet.of(CareDomain.WMO)));

    private final DemoSteps steps;
    private final CallAdministration calls;
    private final long fundId;
    private final Map<String, Long> neighbourhoods;
    private final LocalDate today;

    AssenGrants(DemoSteps steps, CallAdministration calls, long fundId, List<Neighbourhood> neighbourhoods,
                LocalDate today) {
        this.steps = steps;
        this.calls = calls;
        this.fundId = fundId;
        this.neighbourhoods = neighbourhoods.stream().collect(java.util.stream.Collectors.toMap(
                Neighbourhood::getName, Neighbourhood::getId));
        this.today = today;
    }

    /** Every year with a round of the history, with what its grants come to (the fund's budget for that year). */
    static Map<Integer, BigDecimal> earlierYearBudgets(int thisYear) {
        Map<Integer, BigDecimal> years = new java.util.TreeMap<>();
        years.merge(thisYear - 2, total(TWO_YEARS_AGO), BigDecimal::add);
        years.merge(thisYear - 1, total(LAST_YEAR), BigDecimal::add);
        return years;
    }

    private static BigDecimal total(List<Initiative> initiatives) {
        return initiatives.stream().map(i -> new BigDecimal(i.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The earliest day of the history: the fund's first round opens a month after it. */
    static LocalDate firstRoundOpens(int thisYear) {
        return LocalDate.of(thisYear - 3, 10, 1);
    }

    /** The fund manager sets up a round, two weeks before it opens; answers its id. */
    private long call(CallForm form) {
        return DemoSteps.at(DemoSteps.on(form.getOpensAt().toLocalDate().minusWeeks(2), 10, 0), steps.fundManager,
                () -> calls.save(form));
    }

    /**
     * The half-year's round: opened nine months ago, closed twelve weeks ago, charged to the budget of the given year.
     * Answers its id.
     */
    long halfYearRound(int budgetYear) {
        CallForm form = CallForm.withDefaults(fundId);
        form.setTitle("Ronde " + budgetYear + ": eerste ronde, initiatieven in de wijk");
        form.setDescription("De eerste ronde van het fonds, gesloten: ontmoeting, mantelzorg, opvoedsteun,"
                + " schuldpreventie, gezond leven en jongeren." + DemoWorld.DEMO_MARK);
        form.setOpensAt(today.minusMonths(9).atStartOfDay());
        form.setClosesAt(today.minusWeeks(12).atTime(17, 0));
        form.setMinAmount(new BigDecimal("500.00"));
        form.setMaxAmount(new BigDecimal("50000.00"));
        form.setBudgetYear(budgetYear);
        form.setBudget(new BigDecimal("400000.00"));
        form.setThemes(EnumSet.allOf(Theme.class));
        return call(form);
    }

    /**
     * The half-year round's awards, decided from seven months to six weeks ago, each running a year from the month
     * after its decision, the advance paid and the reports planned. Answers how many awards it made.
     */
    int halfYear(long call) {
        // Decisions spread evenly from seven months to six weeks ago.
        long span = Duration.between(today.minusMonths(7).atStartOfDay(), today.minusWeeks(6).atStartOfDay()).toDays();
        for (int i = 0; i < HALF_YEAR.size(); i++) {
            LocalDate decidedOn = today.minusMonths(7).plusDays(span * i / (HALF_YEAR.size() - 1));
            LocalDate start = decidedOn.plusMonths(1).withDayOfMonth(1);
            long application = award(call, HALF_YEAR.get(i), start, start.plusYears(1).minusDays(1),
                    decidedOn.minusWeeks(7), decidedOn, 80);
            steps.payDue(application, today, 1);
        }
        return HALF_YEAR.size();
    }

    /**
     * An earlier year's round with its grants run from February to September of that year, the whole amount paid in
     * advance, the reports accepted (the final ones in October) and the grants determined in November; the last but
     * one determined lower and the difference paid back. Answers how many grants it made.
     */
    int earlierYear(int year, List<Initiative> initiatives, String lowerReason) {
        CallForm form = CallForm.withDefaults(fundId);
        form.setTitle("Ronde " + year + ": sociale basis in de wijk");
        form.setDescription("Een eerdere ronde, gesloten." + DemoWorld.DEMO_MARK);
        form.setOpensAt(LocalDate.of(year - 1, 10, 1).atStartOfDay());
        form.setClosesAt(LocalDate.of(year - 1, 11, 30).atTime(17, 0));
        form.setMinAmount(new BigDecimal("500.00"));
        form.setMaxAmount(new BigDecimal("50000.00"));
        form.setBudgetYear(year);
        form.setThemes(EnumSet.allOf(Theme.class));
        long call = call(form);
        for (int i = 0; i < initiatives.size(); i++) {
            Initiative initiative = initiatives.get(i);
            LocalDate decidedOn = LocalDate.of(year, 1, 12 + i);
            long application = award(call, initiative, LocalDate.of(year, 2, 1), LocalDate.of(year, 9, 30),
                    LocalDate.of(year - 1, 11, 10 + i), decidedOn, 100);
            steps.payDue(application, decidedOn.plusMonths(1), 1);
            boolean lower = i == initiatives.size() - 2;
            BigDecimal awarded = new BigDecimal(initiative.amount());
            // 92% of the award in whole euros.
            BigDecimal finalAmount = lower ? Money.exact(awarded.multiply(new BigDecimal("0.92")).setScale(0,
                    java.math.RoundingMode.DOWN)).amount() : Money.exact(awarded).amount();
            int participants = 24 + 11 * i + (year % 7);
            DemoActor organiser = steps.organiser(ORGANISATIONS.get(initiative.organisation()).email());
            steps.reportAll(organiser, application, participants, DemoSteps.on(LocalDate.of(year, 10, 15 + i), 9, 0));
            LocalDate determinedOn = LocalDate.of(year, 11, 16 + i);
            steps.determine(application, finalAmount, lower ? lowerReason
                    : "Het initiatief is uitgevoerd zoals toegekend.", DemoSteps.on(determinedOn, 10, 0));
            if (lower) {
                steps.repay(application, determinedOn.plusWeeks(5));
            }
        }
        return initiatives.size();
    }

    int twoYearsAgo(int year) {
        return earlierYear(year, TWO_YEARS_AGO, "De derde zomerschoolweek ging niet door: te weinig begeleiders.");
    }

    int lastYear(int year) {
        return earlierYear(year, LAST_YEAR, "Het spreekuur begon een maand later dan gepland.");
    }

    /** Submitted by its organisation, reviewed by the officer and awarded by the decision maker on the given days. */
    private long award(long call, Initiative initiative, LocalDate start, LocalDate end, LocalDate submittedOn,
                       LocalDate decidedOn, int advancePercent) {
        Organisation organisation = ORGANISATIONS.get(initiative.organisation());
        ApplicationForm form = form(organisation, initiative, start, end);
        form.setNeighbourhoodIds(initiative.neighbourhoods().stream().map(neighbourhoods::get).toList());
        Instant submitted = DemoSteps.on(submittedOn, 14, 30);
        long application = steps.submit(steps.organiser(organisation.email()), call, form, submitted);
        steps.completeIntake(application, submitted.plus(Duration.ofDays(3)));
        steps.review(application, DemoSteps.on(decidedOn.minusWeeks(2), 11, 0));
        steps.award(application, advancePercent, DemoSteps.on(decidedOn, 10, 0));
        return application;
    }

    /**
     * SchuldHulpMaatje works in more than one municipality: its application to Stichtse Vecht's open call, so the
     * organisation registry shows each municipality its own figures of one KvK number. Answers the form.
     */
    static ApplicationForm schuldHulpMaatjeInStichtseVecht(List<Long> kernIds, LocalDate today) {
        Initiative initiative = new Initiative(2, "Schuldhulpmaatjes in Maarssenbroek", "Getrainde maatjes helpen"
                + " huishoudens in Maarssenbroek met beginnende geldzorgen, zoals in Assen.", "Thuisbezoek maatje",
                "18500.00", List.of(), EnumSet.of(Theme.DEBT_PREVENTION), EnumSet.of(TargetGroup.LOW_INCOME_HOUSEHOLDS),
                EnumSet.of(CareDomain.DEBT_RELIEF));
        ApplicationForm form = form(ORGANISATIONS.get(2), initiative, today.plusMonths(1).withDayOfMonth(1),
                today.plusMonths(1).withDayOfMonth(1).plusYears(1).minusDays(1));
        form.setNeighbourhoodIds(kernIds);
        return form;
    }

    private static ApplicationForm form(Organisation organisation, Initiative initiative, LocalDate start,
                                        LocalDate end) {
        ApplicationForm form = new ApplicationForm();
        form.setOrganisationName(organisation.name() + DemoWorld.DEMO_MARK);
        form.setLegalForm(organisation.legalForm());
        form.setKvkNumber(organisation.kvk());
        form.setIban(organisation.iban());
        form.setAccountHolder(organisation.name());
        form.setContactName(organisation.contact());
        form.setContactEmail(organisation.email());
        form.setPostalStreet(organisation.street());
        form.setPostalCode(organisation.postalCode());
        form.setPostalTown("Assen");
        if (organisation.legalForm() == LegalForm.PARTNERSHIP) {
            form.setDeMinimisDeclared(true);
            form.setDeMinimisPriorAmount(new BigDecimal("0.00"));
        }
        form.setTitle(initiative.title());
        form.setSummary(initiative.summary());
        form.setDescription(initiative.summary() + " Vrijwilligers uit de buurt dragen het; wie hulp nodig heeft,"
                + " wordt op tijd naar het wijkteam verwezen.");
        form.setTheoryOfChange("Wie in de wijk steun vindt, heeft minder vaak dure zorg nodig; vroege signalering"
                + " voorkomt dat vragen groot worden.");
        form.setStartDate(start);
        form.setEndDate(end);
        form.setThemes(initiative.themes());
        form.setTargetGroups(initiative.targets());
        form.setCareDomains(initiative.domains());
        form.getActivities().add(new ApplicationForm.ActivityRow(initiative.activity(), initiative.summary()
                .length() > 200 ? initiative.summary().substring(0, 200) : initiative.summary(), 40, 36, 6));
        // Costs are what is asked plus the participants' own contribution: the request is the difference.
        BigDecimal contribution = new BigDecimal("500.00");
        form.getBudgetLines().add(new ApplicationForm.BudgetRow(BudgetLineKind.COST, "Coördinatie, ruimte en"
                + " materialen", new BigDecimal(initiative.amount()).add(contribution), null));
        form.getBudgetLines().add(new ApplicationForm.BudgetRow(BudgetLineKind.CO_FUNDING, "Eigen bijdrage"
                + " deelnemers", contribution, null));
        form.getBudgetLines().add(new ApplicationForm.BudgetRow(BudgetLineKind.IN_KIND_HOURS, "Inzet vrijwilligers",
                null, new BigDecimal("520")));
        return form;
    }
}
