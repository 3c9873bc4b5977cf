package nl.preventiefonds.demo;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationForm;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.application.BudgetLineKind;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.application.DemoApplications;
import nl.preventiefonds.application.LegalForm;
import nl.preventiefonds.application.TargetGroup;
import nl.preventiefonds.assessment.DemoReviews;
import nl.preventiefonds.call.CallForm;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.decision.DemoDecisions;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.determination.DemoDeterminations;
import nl.preventiefonds.determination.Determination;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.monitoring.DemoReports;
import nl.preventiefonds.payment.DemoPayments;
import nl.preventiefonds.payment.PaymentInstruction;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Money;

/**
 * Assen's fund in use: the awards of its last half-year (with the running grant of {@link DemoWorld} ten awards,
 * {@link #HALF_YEAR_TOTAL} in all, the volume of the real fund's first half-year) and two earlier years of grants that
 * were reported on, determined (vastgesteld) and paid. Dates follow the clock, so the demo is current whenever it is
 * loaded. Back-dated steps go through the demo helpers of each domain, as the rest of the demo's history does: the
 * services stamp every step with the clock's now.
 */
final class AssenGrants {
    /** What the half-year's awards (these nine and the running grant) come to. */
    static final BigDecimal HALF_YEAR_TOTAL = new BigDecimal("360000.00");

    /** A resident group, foundation or entrepreneur that applies, with the demo account of its contact. */
    record Organisation(String name, LegalForm legalForm, String kvk, String iban, String contact, String email) {
    }

    static final List<Organisation> ORGANISATIONS = List.of(
            new Organisation("Stichting Buurthuis Kloosterveen", LegalForm.FOUNDATION, "40023871",
                    "NL90RABO0312845671", "Marieke Hoekstra", "contact@buurthuiskloosterveen.demo.preventiefonds.nl"),
            new Organisation("Wijkvereniging Marsdijk", LegalForm.ASSOCIATION, "40027614", "NL26INGB0007351924",
                    "Gert Kuipers", "secretaris@wijkverenigingmarsdijk.demo.preventiefonds.nl"),
            new Organisation("Stichting SchuldHulpMaatje Assen", LegalForm.FOUNDATION, "40031095",
                    "NL62ABNA0541289367", "Yvonne Smit", "coordinator@schuldhulpmaatje-assen.demo.preventiefonds.nl"),
            new Organisation("Vereniging Jong Pittelo", LegalForm.ASSOCIATION, "40034452", "NL30RABO0354417718",
                    "Bram Veenstra", "bestuur@jongpittelo.demo.preventiefonds.nl"),
            // The local entrepreneur among the awards: an undertaking, so a de-minimis declaration.
            new Organisation("Eetcafé De Lariks V.O.F.", LegalForm.PARTNERSHIP, "40038830", "NL82INGB0006629143",
                    "Kemal Yilmaz", "info@eetcafedelariks.demo.preventiefonds.nl"),
            new Organisation("Stichting Mantelzorgsteunpunt Assen", LegalForm.FOUNDATION, "40041207",
                    "NL12SNSB0928374651", "Wilma Brouwer", "steunpunt@mantelzorgassen.demo.preventiefonds.nl"));

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

    private final EntityManager em;
    private final Fund fund;
    private final Map<String, UserAccount> owners;
    private final UserAccount officer;
    private final String decisionMaker;
    private final Map<String, Neighbourhood> neighbourhoods;
    private final LocalDate today;
    private final Instant now;

    AssenGrants(EntityManager em, Fund fund, Map<String, UserAccount> owners, UserAccount officer,
                String decisionMaker, List<Neighbourhood> neighbourhoods, LocalDate today, Instant now) {
        this.em = em;
        this.fund = fund;
        this.owners = owners;
        this.officer = officer;
        this.decisionMaker = decisionMaker;
        this.neighbourhoods = neighbourhoods.stream().collect(java.util.stream.Collectors.toMap(
                Neighbourhood::getName, Function.identity()));
        this.today = today;
        this.now = now;
    }

    /**
     * The half-year's round: opened nine months ago, closed twelve weeks ago, its awards decided from seven months to
     * six weeks ago, each running a year from the month after its decision, the advance paid and the reports planned.
     * Charged to the budget of the given year. Answers how many awards it made.
     */
    int halfYear(int budgetYear) {
        CallForm form = CallForm.withDefaults(fund.getId());
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
        FundingCall call = FundingCall.create(fund, form, Set.of());
        em.persist(call);
        // Decisions spread evenly from seven months to six weeks ago.
        long span = Duration.between(today.minusMonths(7).atStartOfDay(), today.minusWeeks(6).atStartOfDay()).toDays();
        for (int i = 0; i < HALF_YEAR.size(); i++) {
            LocalDate decidedOn = today.minusMonths(7).plusDays(span * i / (HALF_YEAR.size() - 1));
            LocalDate start = decidedOn.plusMonths(1).withDayOfMonth(1);
            Initiative initiative = HALF_YEAR.get(i);
            GrantDecision decision = award(call, initiative, start, start.plusYears(1).minusDays(1),
                    decidedOn.minusWeeks(7), decidedOn, 80);
            decision.getTranches().forEach(t -> {
                PaymentInstruction advance = new PaymentInstruction(decision, t, decision.getApplication(), now);
                if (!t.getDueOn().isAfter(today)) {
                    DemoPayments.paid(advance, t.getDueOn().minusDays(1));
                }
                em.persist(advance);
            });
            DemoReports.schedule(em, decision, now);
        }
        return HALF_YEAR.size();
    }

    /**
     * An earlier year's round with its grants run from February to September of that year, the whole amount paid in
     * advance, the final reports accepted in October and the grants determined in November; the last but one
     * determined lower and the difference paid back. Answers how many grants it made.
     */
    int earlierYear(int year, List<Initiative> initiatives, String lowerReason) {
        CallForm form = CallForm.withDefaults(fund.getId());
        form.setTitle("Ronde " + year + ": sociale basis in de wijk");
        form.setDescription("Een eerdere ronde, gesloten." + DemoWorld.DEMO_MARK);
        form.setOpensAt(LocalDate.of(year - 1, 10, 1).atStartOfDay());
        form.setClosesAt(LocalDate.of(year - 1, 11, 30).atTime(17, 0));
        form.setMinAmount(new BigDecimal("500.00"));
        form.setMaxAmount(new BigDecimal("50000.00"));
        form.setThemes(EnumSet.allOf(Theme.class));
        FundingCall call = FundingCall.create(fund, form, Set.of());
        em.persist(call);
        for (int i = 0; i < initiatives.size(); i++) {
            Initiative initiative = initiatives.get(i);
            LocalDate decidedOn = LocalDate.of(year, 1, 12 + i);
            GrantDecision decision = award(call, initiative, LocalDate.of(year, 2, 1), LocalDate.of(year, 9, 30),
                    LocalDate.of(year - 1, 11, 10 + i), decidedOn, 100);
            decision.getTranches().forEach(t -> {
                PaymentInstruction advance = new PaymentInstruction(decision, t, decision.getApplication(), now);
                DemoPayments.paid(advance, t.getDueOn().minusDays(1));
                em.persist(advance);
            });
            boolean lower = i == initiatives.size() - 2;
            BigDecimal awarded = decision.getAmount();
            // 92% of the award in whole euros.
            BigDecimal finalAmount = lower ? Money.exact(awarded.multiply(new BigDecimal("0.92")).setScale(0,
                    java.math.RoundingMode.DOWN)).amount() : awarded;
            int participants = 24 + 11 * i + (year % 7);
            DemoReports.finalReportAccepted(em, decision, new int[] {participants},
                    LocalDate.of(year, 10, 15 + i).atTime(9, 0).atZone(Amsterdam.ZONE).toInstant(),
                    officer.getEmail());
            LocalDate determinedOn = LocalDate.of(year, 11, 16 + i);
            Determination determination = DemoDeterminations.determined(em, decision, finalAmount,
                    lower ? lowerReason : "Het initiatief is uitgevoerd zoals toegekend.",
                    determinedOn.atTime(10, 0).atZone(Amsterdam.ZONE).toInstant(), officer.getEmail());
            if (lower) {
                em.flush();
                DemoPayments.settledReclaim(em, determination.getId(), decision.getApplication(),
                        awarded.subtract(finalAmount), determinedOn, determinedOn.plusWeeks(5), now);
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

    /** Submitted, reviewed by the officer and awarded by the decision maker on the given days. */
    private GrantDecision award(FundingCall call, Initiative initiative, LocalDate start, LocalDate end,
                                LocalDate submittedOn, LocalDate decidedOn, int advancePercent) {
        Organisation organisation = ORGANISATIONS.get(initiative.organisation());
        ApplicationForm form = form(organisation, initiative, start, end);
        List<Neighbourhood> where = initiative.neighbourhoods().stream().map(neighbourhoods::get).toList();
        Instant submitted = submittedOn.atTime(14, 30).atZone(Amsterdam.ZONE).toInstant();
        Application application = DemoApplications.seed(em, call, owners.get(organisation.email()), form, where,
                List.of(), ApplicationStatus.IN_ASSESSMENT, submitted);
        DemoReviews.seed(em, application, officer, decidedOn.minusWeeks(2).atTime(11, 0).atZone(Amsterdam.ZONE)
                .toInstant());
        GrantDecision decision = DemoDecisions.award(em, application, decisionMaker,
                decidedOn.atTime(10, 0).atZone(Amsterdam.ZONE).toInstant(), advancePercent);
        em.flush();
        return decision;
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
