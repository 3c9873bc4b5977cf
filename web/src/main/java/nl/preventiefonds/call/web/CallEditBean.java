package nl.preventiefonds.call.web;

import jakarta.inject.Inject;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.preventiefonds.call.CallAdministration;
import nl.preventiefonds.call.CallForm;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.fund.FundAdministration;
import nl.preventiefonds.fund.FundDirectory;
import nl.preventiefonds.fund.FundYearBudget;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.FieldProblems;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.platform.web.ProblemMessages;

/**
 * Fund manager: creates or edits one call with all its rules. Everything typed stays in this
 * view until it is saved; the service checks every rule and reports all problems at once.
 */
@Named
@ViewScoped
public class CallEditBean implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String FORM = "callForm:";

    @Inject
    private CallAdministration calls;

    @Inject
    private FundAdministration funds;

    @Inject
    private FundDirectory directory;

    /** From the address (?id=...); null for a new call. */
    private Long id;
    /** Null when the requested call does not exist. */
    private CallForm form;
    private List<String> themeNames = new ArrayList<>();
    private List<FundOption> fundOptions = List.of();
    private List<NeighbourhoodOption> neighbourhoodOptions = List.of();

    /** A fund to choose from, with its budget years. (A class, not a record: EL 5 reads getters only.) */
    public static final class FundOption implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String name;
        private final long municipalityId;
        private final List<Integer> years;

        FundOption(Fund fund) {
            id = fund.getId();
            name = fund.getName();
            municipalityId = fund.getMunicipality().getId();
            years = List.copyOf(fund.getYearBudgets().stream().map(FundYearBudget::getBudgetYear).toList());
        }

        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        long municipalityId() {
            return municipalityId;
        }

        List<Integer> years() {
            return years;
        }
    }

    /** A neighbourhood to choose from. */
    public static final class NeighbourhoodOption implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String name;
        private final long municipalityId;

        NeighbourhoodOption(Neighbourhood neighbourhood) {
            id = neighbourhood.getId();
            name = neighbourhood.getName();
            municipalityId = neighbourhood.getMunicipality().getId();
        }

        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }
    }

    /** Runs once per view (f:viewAction), not on postbacks. */
    public void load() {
        // The fund manager's own municipality's funds, and so its neighbourhoods.
        fundOptions = funds.funds().stream().map(FundOption::new).toList();
        neighbourhoodOptions = fundOptions.isEmpty() ? List.of()
                : directory.neighbourhoodsOf(fundOptions.get(0).municipalityId()).stream()
                        .map(NeighbourhoodOption::new).toList();
        if (id != null) {
            try {
                form = calls.load(id);
            } catch (ValidationFailedException e) {
                if (e.getMessageKeys().contains("call.notFound")) {
                    // Said on the page, answered as HTTP says: an unknown call and another municipality's look alike.
                    FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
                }
                ProblemMessages.add(e.getProblems());
                form = null;
                return;
            }
        } else {
            // Chosen for the fund manager only when there is nothing to choose.
            Long fundId = fundOptions.size() == 1 ? fundOptions.get(0).getId() : null;
            form = CallForm.withDefaults(fundId);
            form.setBudgetYear(defaultYear(fund()));
        }
        themeNames = form.getThemes().stream().map(Theme::name).collect(Collectors.toCollection(ArrayList::new));
    }

    private FundOption fund() {
        return form == null || form.getFundId() == null ? null
                : fundOptions.stream().filter(f -> f.getId() == form.getFundId()).findFirst().orElse(null);
    }

    /** This year if the fund has a budget for it, else its first later year, else its last year. */
    private static Integer defaultYear(FundOption fund) {
        if (fund == null || fund.years().isEmpty()) {
            return null;
        }
        int thisYear = Year.now(Amsterdam.ZONE).getValue();
        return fund.years().stream().filter(y -> y >= thisYear).min(Integer::compare)
                .orElse(fund.years().get(fund.years().size() - 1));
    }

    /** Another fund: keep the budget year and neighbourhoods only where that fund has them. */
    public void fundChanged() {
        FundOption fund = fund();
        // No year chosen yet (several funds, none preselected): an immutable list refuses contains(null).
        if (fund == null || form.getBudgetYear() == null || !fund.years().contains(form.getBudgetYear())) {
            form.setBudgetYear(defaultYear(fund));
        }
        Set<Long> allowed = getNeighbourhoods().stream().map(NeighbourhoodOption::getId).collect(Collectors.toSet());
        form.setNeighbourhoodIds(form.getNeighbourhoodIds().stream().filter(allowed::contains).toList());
    }

    public void addCriterion() {
        form.getCriteria().add(new CallForm.CriterionRow());
    }

    public void removeCriterion(int index) {
        if (index >= 0 && index < form.getCriteria().size()) {
            form.getCriteria().remove(index);
        }
    }

    /** A new tier goes before the last one, which stays open-ended ("and above"). */
    public void addTier() {
        List<CallForm.TierRow> tiers = form.getTiers();
        if (tiers.isEmpty()) {
            tiers.add(new CallForm.TierRow(null, ReportKind.ACCOUNTANT_STATEMENT));
        } else {
            tiers.add(tiers.size() - 1, new CallForm.TierRow(null, ReportKind.ACTIVITY_REPORT));
        }
    }

    /** Removing the last tier makes the one before it the open-ended tier. */
    public void removeTier(int index) {
        List<CallForm.TierRow> tiers = form.getTiers();
        if (index >= 0 && index < tiers.size()) {
            tiers.remove(index);
            if (!tiers.isEmpty()) {
                tiers.get(tiers.size() - 1).setUpToAmount(null);
            }
        }
    }

    public String save() {
        form.setThemes(themeNames.stream().map(Theme::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Theme.class))));
        FieldProblems.bind("form.notSaved", this::fieldOf);
        boolean created = form.getId() == null;
        calls.save(form);
        Messages.info(created ? "calls.created" : "calls.saved", form.getTitle().strip());
        Messages.keepForRedirect();
        return "/admin/calls?faces-redirect=true";
    }

    private String fieldOf(Problem problem) {
        return switch (problem.key()) {
            case "call.titleRequired" -> FORM + "title";
            case "call.datesRequired" -> FORM + (form.getOpensAt() == null ? "opensAt" : "closesAt");
            case "call.closesBeforeOpens" -> FORM + "closesAt";
            case "call.amountsRequired" -> FORM + (form.getMinAmount() == null ? "minAmount" : "maxAmount");
            case "call.amountsPositive", "money.cents" -> FORM + "maxAmount";
            case "call.minAboveMax" -> FORM + "minAmount";
            case "call.termWeeksRange" -> FORM + "decisionTermWeeks";
            case "call.budgetYearRequired", "call.budgetYearUnknown", "call.budgetYearAfterAwards" -> FORM + "budgetYear";
            case "call.budgetNegative", "call.budgetAboveYear", "call.budgetBelowCommitted" -> FORM + "budget";
            case "call.themeRequired" -> FORM + "themes";
            case "call.fundRequired" -> FORM + "fund";
            case "call.neighbourhoodUnknown" -> FORM + "neighbourhoods";
            case "call.criterionNameRequired", "call.criterionUnknown", "call.criterionAddedAfterScoring" ->
                    row(problem, "criteria", "criterionName");
            case "call.criterionWeightRange" -> row(problem, "criteria", "criterionWeight");
            case "call.tierReportRequired" -> row(problem, "tiers", "tierReport");
            case "call.tierAmountRequired", "call.tiersAscending" -> row(problem, "tiers", "tierAmount");
            default -> null;
        };
    }

    /** The input in a table row; the problem's first argument is the row number (from 1). */
    private static String row(Problem problem, String table, String input) {
        if (problem.args().isEmpty() || !(problem.args().get(0) instanceof Number number)) {
            return null;
        }
        return FORM + table + ":" + (number.intValue() - 1) + ":" + input;
    }

    public int getWeightTotal() {
        return form == null ? 0 : form.weightTotal();
    }

    /** "Totaal: 95% (moet 100% zijn)"; updated while the weights are typed. */
    public String getWeightTotalText() {
        int total = getWeightTotal();
        return Messages.text(total == 100 ? "call.weightTotal" : "call.weightTotalWrong", String.valueOf(total));
    }

    public boolean isLastTier(int index) {
        return form != null && index == form.getTiers().size() - 1;
    }

    public List<Integer> getBudgetYears() {
        FundOption fund = fund();
        return fund == null ? List.of() : fund.years();
    }

    /** The neighbourhoods of the chosen fund's municipality. */
    public List<NeighbourhoodOption> getNeighbourhoods() {
        FundOption fund = fund();
        return fund == null ? List.of() : neighbourhoodOptions.stream()
                .filter(n -> n.municipalityId == fund.municipalityId()).toList();
    }

    public List<FundOption> getFundOptions() {
        return fundOptions;
    }

    public List<Theme> getThemes() {
        return Arrays.asList(Theme.values());
    }

    public List<ReportKind> getReportKinds() {
        return Arrays.asList(ReportKind.values());
    }

    public boolean isFound() {
        return form != null;
    }

    public boolean isCreating() {
        return form != null && form.getId() == null;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public CallForm getForm() {
        return form;
    }

    public List<String> getThemeNames() {
        return themeNames;
    }

    public void setThemeNames(List<String> themeNames) {
        this.themeNames = themeNames == null ? new ArrayList<>() : new ArrayList<>(themeNames);
    }
}
