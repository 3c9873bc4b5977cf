package nl.preventiefonds.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.preventiefonds.call.CallForm;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.identity.AccountStatus;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.platform.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of {@link EligibilityCheck} at its edge: amounts at exactly the call's minimum and maximum and one
 * cent either side, de-minimis at exactly EUR 300,000 and one cent either side, the opening and closing moment
 * of the call, and the dates, reach and budget rows at their limits.
 */
class EligibilityCheckTest {
    // The call runs from Monday 4 January 2027 09:00 to Wednesday 31 March 2027 17:00, Amsterdam time.
    private static final Instant OPENS = Instant.parse("2027-01-04T08:00:00Z");
    private static final Instant CLOSES = Instant.parse("2027-03-31T15:00:00Z");
    private static final Instant NOW = Instant.parse("2027-02-15T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2027, 2, 15);

    private static final Municipality ASSEN = withId(new Municipality("GM0106", "Assen"), 1L);
    private static final Municipality ELSEWHERE = withId(new Municipality("GM1904", "Stichtse Vecht"), 2L);
    private static final Neighbourhood PITTELO = withId(new Neighbourhood(ASSEN, "WK010603", "Pittelo"), 11L);
    private static final Neighbourhood LARIKS = withId(new Neighbourhood(ASSEN, "WK010604", "Lariks"), 12L);
    private static final Neighbourhood MAARSSEN = withId(new Neighbourhood(ELSEWHERE, "WK190401", "Maarssen"), 21L);

    private static <T> T withId(T entity, long id) {
        try {
            Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A call for EUR 500.00 to EUR 50,000.00 on loneliness, open to every neighbourhood of Assen. */
    private static FundingCall call(Set<Neighbourhood> eligible, Set<Theme> themes) {
        CallForm form = CallForm.withDefaults(1L);
        form.setTitle("Ronde 2027");
        form.setOpensAt(LocalDateTime.of(2027, 1, 4, 9, 0));
        form.setClosesAt(LocalDateTime.of(2027, 3, 31, 17, 0));
        form.setMinAmount(new BigDecimal("500.00"));
        form.setMaxAmount(new BigDecimal("50000.00"));
        form.setBudgetYear(2027);
        form.setThemes(themes);
        return FundingCall.create(new Fund(ASSEN, "Preventiefonds", null, new BigDecimal("1000000.00")), form,
                eligible);
    }

    private static FundingCall call() {
        return call(Set.of(), EnumSet.of(Theme.LONELINESS));
    }

    /** A complete form for a foundation asking costs minus co-funding. */
    private static ApplicationForm form(String costs, String coFunding) {
        ApplicationForm form = new ApplicationForm();
        form.setOrganisationName("Stichting Buurtkracht Pittelo");
        form.setLegalForm(LegalForm.FOUNDATION);
        form.setKvkNumber("40012345");
        form.setIban("NL91ABNA0417164300");
        form.setAccountHolder("Stichting Buurtkracht");
        form.setContactName("Anna de Vries");
        form.setContactEmail("anna@example.org");
        form.setPostalStreet("Stationsstraat 12");
        form.setPostalCode("9401 AB");
        form.setPostalTown("Assen");
        form.setTitle("Buurtkamer");
        form.setSummary("Een buurtkamer voor ouderen.");
        form.setDescription("Elke week open.");
        form.setTheoryOfChange("Minder eenzaamheid.");
        form.setStartDate(LocalDate.of(2027, 4, 1));
        form.setEndDate(LocalDate.of(2027, 12, 31));
        form.setThemes(EnumSet.of(Theme.LONELINESS, Theme.MEETING_PLACE));
        form.setTargetGroups(EnumSet.of(TargetGroup.OLDER_PEOPLE));
        form.setCareDomains(EnumSet.of(CareDomain.WMO));
        form.getActivities().add(new ApplicationForm.ActivityRow("Inloop", null, 40, 40, 6));
        form.getBudgetLines().add(new ApplicationForm.BudgetRow(BudgetLineKind.COST, "Huur", new BigDecimal(costs), null));
        if (coFunding != null) {
            form.getBudgetLines().add(new ApplicationForm.BudgetRow(BudgetLineKind.CO_FUNDING, "Eigen bijdrage",
                    new BigDecimal(coFunding), null));
        }
        return form;
    }

    private static Application application(FundingCall call, ApplicationForm form, List<Neighbourhood> neighbourhoods) {
        UserAccount owner = new UserAccount("anna@example.org", "Anna de Vries", "x", Role.ORGANISER,
                AccountStatus.ACTIVE, OPENS);
        Application application = new Application(call, owner, OPENS);
        application.apply(form, neighbourhoods, List.of(), OPENS);
        return application;
    }

    private static List<Problem> problems(FundingCall call, ApplicationForm form, Instant now) {
        return EligibilityCheck.check(application(call, form, List.of(PITTELO)), call, now);
    }

    private static List<String> keys(ApplicationForm form) {
        return keys(call(), form, NOW);
    }

    private static List<String> keys(FundingCall call, ApplicationForm form, Instant now) {
        return problems(call, form, now).stream().map(Problem::key).toList();
    }

    @Test
    void aCompleteApplicationMeetsEveryRule() {
        assertEquals(List.of(), keys(form("12500.00", "500.00")));
    }

    @ParameterizedTest(name = "{0} asked")
    @CsvSource({
            "499.99, eligibility.amountBelowMinimum",
            "500.00, ",
            "500.01, ",
            "49999.99, ",
            "50000.00, ",
            "50000.01, eligibility.amountAboveMaximum"
    })
    void theRequestedAmountAtTheCallsMinimumAndMaximum(String requested, String problem) {
        assertEquals(problem == null ? List.of() : List.of(problem), keys(form(requested, null)));
    }

    @Test
    void theAmountProblemsNameTheRequestAndTheLimit() {
        Problem below = problems(call(), form("499.99", null), NOW).get(0);
        assertEquals(List.of(new BigDecimal("499.99"), new BigDecimal("500.00")), below.args());
        Problem above = problems(call(), form("50000.01", null), NOW).get(0);
        assertEquals(List.of(new BigDecimal("50000.01"), new BigDecimal("50000.00")), above.args());
    }

    @Test
    void theRequestIsCostsMinusCoFundingAndCoFundingMustLeaveSomethingToAsk() {
        // 50,500.00 costs minus 500.00 own contribution is exactly the maximum
        assertEquals(List.of(), keys(form("50500.00", "500.00")));
        assertEquals(List.of("eligibility.amountAboveMaximum"), keys(form("50500.01", "500.00")));
        assertEquals(List.of("eligibility.coFundingCoversCosts"), keys(form("3000.00", "3000.00")));
        assertEquals(List.of("eligibility.coFundingCoversCosts"), keys(form("3000.00", "3000.01")));
        // one cent left to ask is not covered, but below the minimum
        assertEquals(List.of("eligibility.amountBelowMinimum"), keys(form("3000.00", "2999.99")));
    }

    @ParameterizedTest(name = "{0} before, {1} asked")
    @CsvSource({
            "287500.00, 12500.00, ",
            "287499.99, 12500.00, ",
            "287500.01, 12500.00, eligibility.deMinimisCeiling",
            "250000.00, 50000.00, ",
            "250000.01, 50000.00, eligibility.deMinimisCeiling",
            "0.00, 12500.00, "
    })
    void deMinimisAtExactlyThreeHundredThousandInThreeYears(String prior, String requested, String problem) {
        ApplicationForm form = form(requested, null);
        form.setLegalForm(LegalForm.PRIVATE_COMPANY);
        form.setDeMinimisDeclared(true);
        form.setDeMinimisPriorAmount(new BigDecimal(prior));
        assertEquals(problem == null ? List.of() : List.of(problem), keys(form));
    }

    @Test
    void theCeilingProblemNamesTheTotalAndTheCeiling() {
        ApplicationForm form = form("12500.00", null);
        form.setLegalForm(LegalForm.SOLE_PROPRIETORSHIP);
        form.setDeMinimisDeclared(true);
        form.setDeMinimisPriorAmount(new BigDecimal("287500.01"));
        Problem ceiling = problems(call(), form, NOW).get(0);
        assertEquals("eligibility.deMinimisCeiling", ceiling.key());
        assertEquals(List.of(new BigDecimal("300000.01"), new BigDecimal("300000.00"), new BigDecimal("0.00"),
                new BigDecimal("287500.01"), new BigDecimal("12500.00")), ceiling.args(),
                "total, ceiling, awarded by this municipality, declared from others, asked");
    }

    @ParameterizedTest(name = "{0} awarded here, {1} declared elsewhere, 12,500.00 asked")
    @CsvSource({
            "200000.00, 87500.00, ",
            "200000.01, 87500.00, eligibility.deMinimisCeiling",
            "287500.01, 0.00, eligibility.deMinimisCeiling"
    })
    void theMunicipalitysOwnAwardsCountTowardsTheCeiling(String awardedHere, String declared, String problem) {
        ApplicationForm form = form("12500.00", null);
        form.setLegalForm(LegalForm.PRIVATE_COMPANY);
        form.setDeMinimisDeclared(true);
        form.setDeMinimisPriorAmount(new BigDecimal(declared));
        List<String> keys = EligibilityCheck.check(application(call(), form, List.of(PITTELO)), call(), NOW,
                new BigDecimal(awardedHere)).stream().map(Problem::key).toList();
        assertEquals(problem == null ? List.of() : List.of(problem), keys);
    }

    @Test
    void anUndertakingMustDeclareItsPriorDeMinimisAid() {
        ApplicationForm company = form("12500.00", null);
        company.setLegalForm(LegalForm.PARTNERSHIP);
        assertEquals(List.of("eligibility.deMinimisRequired"), keys(company));
        company.setDeMinimisDeclared(true);
        assertEquals(List.of("eligibility.deMinimisRequired"), keys(company), "declared, but without an amount");
        company.setDeMinimisDeclared(false);
        company.setDeMinimisPriorAmount(new BigDecimal("0.00"));
        assertEquals(List.of("eligibility.deMinimisRequired"), keys(company), "an amount, but not declared");

        // a foundation that runs a cafe is an undertaking too, by its own statement
        ApplicationForm cafe = form("12500.00", null);
        cafe.setUndertaking(true);
        assertEquals(List.of("eligibility.deMinimisRequired"), keys(cafe));
        // and a foundation that is not needs no declaration even with a large prior amount
        ApplicationForm foundation = form("12500.00", null);
        foundation.setDeMinimisPriorAmount(new BigDecimal("299999.00"));
        assertEquals(List.of(), keys(foundation));
    }

    @Test
    void theCallIsOpenFromItsOpeningMomentUpToButNotIncludingItsClosingMoment() {
        FundingCall call = call();
        ApplicationForm form = form("12500.00", null);
        assertEquals(List.of("eligibility.callNotOpen"), keys(call, form, OPENS.minusNanos(1)));
        assertEquals(List.of(), keys(call, form, OPENS));
        assertEquals(List.of(), keys(call, form, CLOSES.minusNanos(1)));
        assertEquals(List.of("eligibility.callClosed"), keys(call, form, CLOSES));
        assertEquals(List.of("eligibility.callClosed"), keys(call, form, CLOSES.plusSeconds(1)));
    }

    @Test
    void theEndDateMayBeTheStartDateAndTodayButNotBefore() {
        ApplicationForm sameDay = form("12500.00", null);
        sameDay.setStartDate(LocalDate.of(2027, 5, 1));
        sameDay.setEndDate(LocalDate.of(2027, 5, 1));
        assertEquals(List.of(), keys(sameDay));
        sameDay.setEndDate(LocalDate.of(2027, 4, 30));
        assertEquals(List.of("eligibility.endBeforeStart"), keys(sameDay));

        ApplicationForm endsToday = form("12500.00", null);
        endsToday.setStartDate(TODAY.minusMonths(1));
        endsToday.setEndDate(TODAY);
        assertEquals(List.of(), keys(endsToday));
        endsToday.setEndDate(TODAY.minusDays(1));
        assertEquals(List.of("eligibility.endInPast"), keys(endsToday));

        ApplicationForm noEnd = form("12500.00", null);
        noEnd.setEndDate(null);
        assertEquals(List.of("eligibility.datesRequired"), keys(noEnd));
        noEnd.setEndDate(LocalDate.of(2027, 12, 31));
        noEnd.setStartDate(null);
        assertEquals(List.of("eligibility.datesRequired"), keys(noEnd));
    }

    @Test
    void todayIsTheDayInAmsterdam() {
        // 23:30 UTC on 14 February is already 15 February in Amsterdam: an end date of 14 February is past
        ApplicationForm form = form("12500.00", null);
        form.setStartDate(LocalDate.of(2027, 2, 1));
        form.setEndDate(LocalDate.of(2027, 2, 14));
        assertEquals(List.of("eligibility.endInPast"), keys(call(), form, Instant.parse("2027-02-14T23:30:00Z")));
        assertEquals(List.of(), keys(call(), form, Instant.parse("2027-02-14T22:59:59Z")));
    }

    @Test
    void everyActivityReachesAtLeastOnePersonAndHasAName() {
        ApplicationForm one = form("12500.00", null);
        one.getActivities().set(0, new ApplicationForm.ActivityRow("Inloop", null, 1, null, null));
        assertEquals(List.of(), keys(one));
        one.getActivities().set(0, new ApplicationForm.ActivityRow("Inloop", null, 0, 4, 1));
        assertEquals(List.of("eligibility.activityReach"), keys(one));
        one.getActivities().set(0, new ApplicationForm.ActivityRow(null, "zonder naam", null, 4, 1));
        assertEquals(List.of("eligibility.activityName", "eligibility.activityReach"), keys(one));
        Problem reach = problems(call(), one, NOW).get(1);
        assertEquals(List.of(1), reach.args(), "the row is named");
        one.getActivities().clear();
        assertEquals(List.of("eligibility.activityRequired"), keys(one));
    }

    @Test
    void budgetRowsNeedAPositiveCostAndPositiveHours() {
        ApplicationForm form = form("12500.00", null);
        form.getBudgetLines().add(new ApplicationForm.BudgetRow(BudgetLineKind.COST, "Koffie", new BigDecimal("0.00"),
                null));
        form.getBudgetLines().add(new ApplicationForm.BudgetRow(BudgetLineKind.IN_KIND_HOURS, "Vrijwilligers", null,
                new BigDecimal("0")));
        form.getBudgetLines().add(new ApplicationForm.BudgetRow(BudgetLineKind.IN_KIND_HOURS, "Bestuur", null,
                new BigDecimal("0.5")));
        form.getBudgetLines().add(new ApplicationForm.BudgetRow(BudgetLineKind.CO_FUNDING, "Sponsor",
                new BigDecimal("0.00"), null));
        form.getBudgetLines().add(new ApplicationForm.BudgetRow(BudgetLineKind.COST, null, new BigDecimal("0.01"),
                null));
        List<Problem> problems = problems(call(), form, NOW);
        assertEquals(List.of("eligibility.budgetLineAmount", "eligibility.budgetLineHours",
                "eligibility.budgetLineDescription"), problems.stream().map(Problem::key).toList());
        assertEquals(List.of(List.of(2), List.of(3), List.of(6)), problems.stream().map(Problem::args).toList(),
                "the rows are named by position");

        ApplicationForm noCost = form("12500.00", null);
        noCost.getBudgetLines().set(0, new ApplicationForm.BudgetRow(BudgetLineKind.CO_FUNDING, "Alleen bijdrage",
                new BigDecimal("100.00"), null));
        assertEquals(List.of("eligibility.costsRequired"), keys(noCost));
        ApplicationForm noRows = form("12500.00", null);
        noRows.getBudgetLines().clear();
        assertEquals(List.of("eligibility.costsRequired"), keys(noRows));
    }

    @Test
    void organisationDetailsAreCheckedByTheirOwnRules() {
        ApplicationForm group = form("12500.00", null);
        group.setLegalForm(LegalForm.INFORMAL_GROUP);
        group.setKvkNumber(null);
        assertEquals(List.of(), keys(group), "a residents' group has no KvK number");

        ApplicationForm foundation = form("12500.00", null);
        foundation.setKvkNumber(null);
        assertEquals(List.of("eligibility.kvkRequired"), keys(foundation));
        foundation.setKvkNumber("4001234");
        assertEquals(List.of("eligibility.kvkInvalid"), keys(foundation));
        foundation.setKvkNumber("40012345");
        foundation.setIban(null);
        assertEquals(List.of("eligibility.ibanRequired"), keys(foundation));
        foundation.setIban("NL91ABNA0417164301");
        assertEquals(List.of("eligibility.ibanInvalid"), keys(foundation));

        ApplicationForm empty = form("12500.00", null);
        empty.setOrganisationName(" ");
        empty.setLegalForm(null);
        empty.setAccountHolder(null);
        empty.setContactName(null);
        empty.setContactEmail("geen-adres");
        assertEquals(List.of("eligibility.organisationName", "eligibility.legalForm", "eligibility.accountHolder",
                "eligibility.contactName", "eligibility.contactEmail"), keys(empty));
    }

    @Test
    void thePostalAddressIsRequiredAtSubmitButADraftMayLackIt() {
        ApplicationForm noAddress = form("12500.00", null);
        noAddress.setPostalStreet(" ");
        noAddress.setPostalCode(null);
        noAddress.setPostalTown(null);
        assertEquals(List.of(), noAddress.checkStorable(), "a draft saves without an address");
        assertEquals(List.of("eligibility.postalStreet", "eligibility.postalCode", "eligibility.postalTown"),
                keys(noAddress));

        ApplicationForm lowerCase = form("12500.00", null);
        lowerCase.setPostalCode(" 9401ab ");
        assertEquals(List.of(), lowerCase.checkStorable());
        assertEquals(List.of(), keys(lowerCase), "written without the space and in small letters");
    }

    @Test
    void aPostcodeThatIsNotDutchIsRefusedEvenInADraft() {
        for (String bad : new String[] {"12345", "0401 AB", "9401 A", "9401-AB", "9401 SS", "B-1000"}) {
            ApplicationForm form = form("12500.00", null);
            form.setPostalCode(bad);
            assertEquals(List.of("application.postalCodeInvalid"),
                    form.checkStorable().stream().map(Problem::key).toList(), bad);
        }
        assertEquals(java.util.Optional.of("9401 AB"), nl.preventiefonds.platform.DutchPostalCode.normalise("9401ab"));
    }

    @Test
    void theInitiativeNeedsTextsThemesGroupsAndDomains() {
        ApplicationForm form = form("12500.00", null);
        form.setTitle(null);
        form.setSummary("");
        form.setDescription(null);
        form.setTheoryOfChange(null);
        form.setThemes(EnumSet.noneOf(Theme.class));
        form.setTargetGroups(EnumSet.noneOf(TargetGroup.class));
        form.setCareDomains(EnumSet.noneOf(CareDomain.class));
        assertEquals(List.of("eligibility.title", "eligibility.summary", "eligibility.description",
                "eligibility.themeRequired", "eligibility.targetGroupRequired", "eligibility.careDomainRequired",
                "eligibility.theoryOfChange"), keys(form));
    }

    @Test
    void oneThemeOfTheCallIsEnoughAndACallWithoutThemesTakesAny() {
        ApplicationForm form = form("12500.00", null);
        form.setThemes(EnumSet.of(Theme.DEBT_PREVENTION));
        assertEquals(List.of("eligibility.themeNotInCall"), keys(form));
        form.setThemes(EnumSet.of(Theme.DEBT_PREVENTION, Theme.LONELINESS));
        assertEquals(List.of(), keys(form));
        form.setThemes(EnumSet.of(Theme.DEBT_PREVENTION));
        assertEquals(List.of(), keys(call(Set.of(), EnumSet.noneOf(Theme.class)), form, NOW));
    }

    @Test
    void neighbourhoodsMustBeEligibleAndAtLeastOneIsNamed() {
        FundingCall onlyLariks = call(Set.of(LARIKS), EnumSet.of(Theme.LONELINESS));
        ApplicationForm form = form("12500.00", null);
        List<Problem> notEligible = EligibilityCheck.check(application(onlyLariks, form, List.of(PITTELO, LARIKS)),
                onlyLariks, NOW);
        assertEquals(List.of(Problem.of("eligibility.neighbourhoodNotEligible", "Pittelo")), notEligible);
        assertEquals(List.of(), EligibilityCheck.check(application(onlyLariks, form, List.of(LARIKS)), onlyLariks, NOW));

        FundingCall wholeMunicipality = call();
        assertEquals(List.of(Problem.of("eligibility.neighbourhoodNotEligible", "Maarssen")), EligibilityCheck.check(
                application(wholeMunicipality, form, List.of(MAARSSEN)), wholeMunicipality, NOW),
                "without a list, every neighbourhood of the fund's own municipality and no other");
        assertEquals(List.of(Problem.of("eligibility.neighbourhoodRequired")), EligibilityCheck.check(
                application(wholeMunicipality, form, List.of()), wholeMunicipality, NOW));
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        ApplicationForm form = form("60000.00", null);
        form.setTitle(null);
        form.setLegalForm(LegalForm.PRIVATE_COMPANY);
        assertEquals(List.of("eligibility.callClosed", "eligibility.title", "eligibility.amountAboveMaximum",
                "eligibility.deMinimisRequired"), keys(call(), form, CLOSES));
    }
}
