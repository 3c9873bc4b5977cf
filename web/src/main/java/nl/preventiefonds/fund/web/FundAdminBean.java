package nl.preventiefonds.fund.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.fund.FundAdministration;
import nl.preventiefonds.fund.FundForm;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.FieldProblems;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.platform.web.ProblemMessages;

/** Fund manager: the funds, their total budget and the budget per year. */
@Named
@ViewScoped
public class FundAdminBean implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String FORM = "fundForm:";

    @Inject
    private FundAdministration administration;
    @Inject
    private FundHeader fundHeader;

    private List<FundRow> funds;
    /** Null while no fund is being edited. */
    private FundForm form;
    private List<YearLine> years;

    /** A fund as the list shows it. (A class, not a record: EL 5 reads getters only.) */
    public static final class FundRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String name;
        private final BigDecimal totalBudget;
        private final BigDecimal yearTotal;

        FundRow(Fund fund) {
            id = fund.getId();
            name = fund.getName();
            totalBudget = fund.getTotalBudget();
            yearTotal = fund.yearBudgetTotal();
        }

        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public BigDecimal getTotalBudget() {
            return totalBudget;
        }

        public BigDecimal getYearTotal() {
            return yearTotal;
        }
    }

    /**
     * One year row of the editor. Years already saved keep their number and cannot be removed
     * (calls may be booked against them); their budget can still be changed, also to zero.
     */
    public static class YearLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private final FundForm.YearRow row;
        private final boolean saved;

        YearLine(FundForm.YearRow row, boolean saved) {
            this.row = row;
            this.saved = saved;
        }

        public FundForm.YearRow getRow() {
            return row;
        }

        public boolean isSaved() {
            return saved;
        }
    }

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        funds = administration.funds().stream().map(FundRow::new).toList();
    }

    public void newFund() {
        form = new FundForm();
        years = new ArrayList<>();
        years.add(new YearLine(new FundForm.YearRow(Year.now(Amsterdam.ZONE).getValue(), null), false));
    }

    public void edit(long fundId) {
        try {
            form = administration.load(fundId);
            years = new ArrayList<>();
            form.getYears().forEach(row -> years.add(new YearLine(row, true)));
        } catch (ValidationFailedException e) {
            ProblemMessages.add(e.getProblems());
            form = null;
        }
    }

    public void addYear() {
        int next = years.stream().map(y -> y.getRow().getYear()).filter(Objects::nonNull)
                .max(Integer::compare).map(y -> y + 1).orElse(Year.now(Amsterdam.ZONE).getValue());
        years.add(new YearLine(new FundForm.YearRow(next, null), false));
    }

    public void removeYear(int index) {
        if (index >= 0 && index < years.size() && !years.get(index).isSaved()) {
            years.remove(index);
        }
    }

    public void save() {
        form.setYears(new ArrayList<>(years.stream().map(YearLine::getRow).toList()));
        FieldProblems.bind("form.notSaved", FundAdminBean::fieldOf);
        boolean created = form.getId() == null;
        administration.save(form);
        fundHeader.forget();
        Messages.info(created ? "funds.created" : "funds.saved", form.getName().strip());
        form = null;
        years = null;
        reload();
    }

    public void cancel() {
        form = null;
        years = null;
    }

    private static String fieldOf(Problem problem) {
        return switch (problem.key()) {
            case "fund.nameRequired" -> FORM + "name";
            case "fund.totalRequired", "money.cents", "fund.yearsAboveTotal" -> FORM + "totalBudget";
            default -> null;
        };
    }

    /** Sum of the year budgets as typed so far, for the editor. */
    public BigDecimal getYearTotal() {
        return years == null ? BigDecimal.ZERO : years.stream().map(y -> y.getRow().getBudget())
                .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean isEditing() {
        return form != null;
    }

    public List<FundRow> getFunds() {
        return funds;
    }

    public FundForm getForm() {
        return form;
    }

    public List<YearLine> getYears() {
        return years;
    }
}
