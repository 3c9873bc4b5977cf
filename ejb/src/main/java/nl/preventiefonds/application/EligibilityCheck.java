package nl.preventiefonds.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.identity.EmailAddress;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.DutchPostalCode;
import nl.preventiefonds.platform.Problem;

/**
 * Every rule an application must meet before it can be submitted, all reported at once so the
 * organiser can fix them in one go. Pure: takes the application and its call.
 */
public final class EligibilityCheck {
    /** EU 2023/2831: at most EUR 300,000 de-minimis aid per undertaking in three years. */
    public static final BigDecimal DE_MINIMIS_CEILING = new BigDecimal("300000.00");

    private EligibilityCheck() {
    }

    /** The rules for an organisation this municipality has awarded nothing in the de-minimis window. */
    public static List<Problem> check(Application application, FundingCall call, Instant now) {
        return check(application, call, now, Money.ZERO.amount());
    }

    /**
     * Every rule; {@code awardedHere} is what the municipality awarded the organisation (by KvK number) in the
     * de-minimis window ending today, from the organisation registry.
     */
    public static List<Problem> check(Application application, FundingCall call, Instant now, BigDecimal awardedHere) {
        List<Problem> problems = new ArrayList<>();
        if (now.isBefore(call.getOpensAt())) {
            problems.add(Problem.of("eligibility.callNotOpen"));
        } else if (!now.isBefore(call.getClosesAt())) {
            problems.add(Problem.of("eligibility.callClosed"));
        }
        organisation(application, problems);
        initiative(application, call, now, problems);
        activities(application, problems);
        budget(application, call, problems);
        deMinimis(application, awardedHere, LocalDate.ofInstant(now, Amsterdam.ZONE), problems);
        return problems;
    }

    private static void organisation(Application application, List<Problem> problems) {
        require(problems, application.getOrganisationName(), "eligibility.organisationName");
        if (application.getLegalForm() == null) {
            problems.add(Problem.of("eligibility.legalForm"));
        } else if (application.getLegalForm().needsKvkNumber()
                && !OrganisationIdentifiers.isValidKvk(application.getKvkNumber())) {
            problems.add(Problem.of(application.getKvkNumber() == null ? "eligibility.kvkRequired"
                    : "eligibility.kvkInvalid"));
        }
        if (application.getIban() == null) {
            problems.add(Problem.of("eligibility.ibanRequired"));
        } else if (!OrganisationIdentifiers.isValidIban(application.getIban())) {
            problems.add(Problem.of("eligibility.ibanInvalid"));
        }
        require(problems, application.getAccountHolder(), "eligibility.accountHolder");
        require(problems, application.getContactName(), "eligibility.contactName");
        if (!EmailAddress.isValid(application.getContactEmail())) {
            problems.add(Problem.of("eligibility.contactEmail"));
        }
        // the letters are addressed to the applicant by post
        require(problems, application.getPostalStreet(), "eligibility.postalStreet");
        if (application.getPostalCode() == null) {
            problems.add(Problem.of("eligibility.postalCode"));
        } else if (DutchPostalCode.normalise(application.getPostalCode()).isEmpty()) {
            problems.add(Problem.of("application.postalCodeInvalid"));
        }
        require(problems, application.getPostalTown(), "eligibility.postalTown");
    }

    private static void initiative(Application application, FundingCall call, Instant now, List<Problem> problems) {
        require(problems, application.getTitle(), "eligibility.title");
        require(problems, application.getSummary(), "eligibility.summary");
        require(problems, application.getDescription(), "eligibility.description");
        if (application.getNeighbourhoods().isEmpty()) {
            problems.add(Problem.of("eligibility.neighbourhoodRequired"));
        }
        for (Neighbourhood neighbourhood : application.sortedNeighbourhoods()) {
            if (!call.isEligible(neighbourhood)) {
                problems.add(Problem.of("eligibility.neighbourhoodNotEligible", neighbourhood.getName()));
            }
        }
        if (application.getThemes().isEmpty()) {
            problems.add(Problem.of("eligibility.themeRequired"));
        } else if (!call.getThemes().isEmpty()) {
            boolean anyInCall = application.getThemes().stream().anyMatch(call.getThemes()::contains);
            if (!anyInCall) {
                problems.add(Problem.of("eligibility.themeNotInCall"));
            }
        }
        if (application.getTargetGroups().isEmpty()) {
            problems.add(Problem.of("eligibility.targetGroupRequired"));
        }
        LocalDate today = LocalDate.ofInstant(now, Amsterdam.ZONE);
        if (application.getStartDate() == null || application.getEndDate() == null) {
            problems.add(Problem.of("eligibility.datesRequired"));
        } else if (application.getEndDate().isBefore(application.getStartDate())) {
            problems.add(Problem.of("eligibility.endBeforeStart"));
        } else if (application.getEndDate().isBefore(today)) {
            problems.add(Problem.of("eligibility.endInPast"));
        }
    }

    private static void activities(Application application, List<Problem> problems) {
        List<Activity> activities = application.getActivities();
        if (activities.isEmpty()) {
            problems.add(Problem.of("eligibility.activityRequired"));
        }
        for (Activity activity : activities) {
            if (activity.getName() == null) {
                problems.add(Problem.of("eligibility.activityName", activity.getPosition()));
            }
            if (activity.getPlannedParticipants() == null || activity.getPlannedParticipants() < 1) {
                problems.add(Problem.of("eligibility.activityReach", activity.getPosition()));
            }
        }
        if (application.getCareDomains().isEmpty()) {
            problems.add(Problem.of("eligibility.careDomainRequired"));
        }
        require(problems, application.getTheoryOfChange(), "eligibility.theoryOfChange");
    }

    private static void budget(Application application, FundingCall call, List<Problem> problems) {
        boolean anyCost = false;
        for (BudgetLine line : application.getBudgetLines()) {
            if (line.getDescription() == null) {
                problems.add(Problem.of("eligibility.budgetLineDescription", line.getPosition()));
            }
            if (line.getKind() == BudgetLineKind.IN_KIND_HOURS) {
                if (line.getHours() == null || line.getHours().signum() <= 0) {
                    problems.add(Problem.of("eligibility.budgetLineHours", line.getPosition()));
                }
            } else if (line.getAmount() == null
                    || (line.getKind() == BudgetLineKind.COST && line.getAmount().signum() <= 0)) {
                problems.add(Problem.of("eligibility.budgetLineAmount", line.getPosition()));
            } else if (line.getKind() == BudgetLineKind.COST) {
                anyCost = true;
            }
        }
        if (!anyCost) {
            problems.add(Problem.of("eligibility.costsRequired"));
            return;
        }
        if (application.getCoFunding().compareTo(application.getTotalCosts()) >= 0) {
            problems.add(Problem.of("eligibility.coFundingCoversCosts"));
            return;
        }
        BigDecimal requested = application.getRequestedAmount();
        if (requested.compareTo(call.getMinAmount()) < 0) {
            problems.add(Problem.of("eligibility.amountBelowMinimum", requested, call.getMinAmount()));
        }
        if (requested.compareTo(call.getMaxAmount()) > 0) {
            problems.add(Problem.of("eligibility.amountAboveMaximum", requested, call.getMaxAmount()));
        }
    }

    /** Whether the de-minimis rules apply: the applicant said it is an undertaking, or its legal form is one. */
    public static boolean isUndertaking(Application application) {
        return application.isUndertaking()
                || (application.getLegalForm() != null && application.getLegalForm().isUndertaking());
    }

    /**
     * The figures of the check on {@code today}: this municipality's awards in the window, the declared aid from
     * other givers, and the request.
     */
    public static DeMinimisBreakdown breakdown(Application application, BigDecimal awardedHere, LocalDate today) {
        return new DeMinimisBreakdown(DeMinimisWindow.endingOn(today), awardedHere,
                application.getDeMinimisPriorAmount() == null ? Money.ZERO.amount()
                        : application.getDeMinimisPriorAmount(),
                application.getRequestedAmount(), DE_MINIMIS_CEILING);
    }

    private static void deMinimis(Application application, BigDecimal awardedHere, LocalDate today,
                                  List<Problem> problems) {
        if (!isUndertaking(application)) {
            return;
        }
        if (!application.isDeMinimisDeclared() || application.getDeMinimisPriorAmount() == null) {
            problems.add(Problem.of("eligibility.deMinimisRequired"));
            return;
        }
        DeMinimisBreakdown figures = breakdown(application, awardedHere, today);
        if (figures.exceedsCeiling()) {
            // Names every figure, so the organiser and the officer see where the total comes from.
            problems.add(Problem.of("eligibility.deMinimisCeiling", figures.total(), DE_MINIMIS_CEILING,
                    figures.awardedHere(), figures.declaredElsewhere(), figures.requested()));
        }
    }

    private static void require(List<Problem> problems, String value, String key) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.of(key));
        }
    }
}
