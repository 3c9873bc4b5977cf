package nl.preventiefonds.call;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.preventiefonds.platform.Money;

/** What a fund manager edits about a call; times are Amsterdam wall-clock times. */
public class CallForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long id;
    /** The call's version when loaded: a save over a newer version is refused, not lost. */
    private long version;
    private Long fundId;
    private String title;
    private String description;
    private LocalDateTime opensAt;
    private LocalDateTime closesAt;
    private BigDecimal minAmount = BigDecimal.ZERO;
    private BigDecimal maxAmount;
    private int decisionTermWeeks = 8;
    private Integer budgetYear;
    /** The call's own ceiling inside its fund year budget; null: only the year's budget. */
    private BigDecimal budget;
    /** What the call's awards had committed when it was loaded; shown, never saved. */
    private BigDecimal committed = Money.ZERO.amount();
    private Set<Theme> themes = EnumSet.noneOf(Theme.class);
    /** Empty means every neighbourhood of the municipality. */
    private List<Long> neighbourhoodIds = new ArrayList<>();
    private List<CriterionRow> criteria = new ArrayList<>();
    private List<TierRow> tiers = new ArrayList<>();

    public static class CriterionRow implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The saved criterion this row edits; null for a new one. Scores refer to it, so it is kept. */
        private Long id;
        private String name;
        private String description;
        private Integer weightPercent;

        public CriterionRow() {
        }

        public CriterionRow(Long id, String name, String description, Integer weightPercent) {
            this(name, description, weightPercent);
            this.id = id;
        }

        public CriterionRow(String name, String description, Integer weightPercent) {
            this.name = name;
            this.description = description;
            this.weightPercent = weightPercent;
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public Integer getWeightPercent() {
            return weightPercent;
        }

        public void setWeightPercent(Integer weightPercent) {
            this.weightPercent = weightPercent;
        }
    }

    public static class TierRow implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Null on the last tier: no upper bound. */
        private BigDecimal upToAmount;
        private ReportKind reportKind = ReportKind.ACTIVITY_REPORT;

        public TierRow() {
        }

        public TierRow(BigDecimal upToAmount, ReportKind reportKind) {
            this.upToAmount = upToAmount;
            this.reportKind = reportKind;
        }

        public BigDecimal getUpToAmount() {
            return upToAmount;
        }

        public void setUpToAmount(BigDecimal upToAmount) {
            this.upToAmount = upToAmount;
        }

        public ReportKind getReportKind() {
            return reportKind;
        }

        public void setReportKind(ReportKind reportKind) {
            this.reportKind = reportKind;
        }
    }

    /** Sensible starting point for a new call: Assen's tiers and four common criteria. */
    public static CallForm withDefaults(Long fundId) {
        CallForm form = new CallForm();
        form.fundId = fundId;
        form.criteria.add(new CriterionRow("Bijdrage aan preventie", null, 40));
        form.criteria.add(new CriterionRow("Bereik in de wijk", null, 25));
        form.criteria.add(new CriterionRow("Samenwerking met partners", null, 20));
        form.criteria.add(new CriterionRow("Haalbaarheid en begroting", null, 15));
        form.tiers.add(new TierRow(new BigDecimal("5000.00"), ReportKind.NONE));
        form.tiers.add(new TierRow(new BigDecimal("50000.00"), ReportKind.ACTIVITY_REPORT));
        form.tiers.add(new TierRow(new BigDecimal("125000.00"), ReportKind.ACTIVITY_AND_FINANCIAL_REPORT));
        form.tiers.add(new TierRow(null, ReportKind.ACCOUNTANT_STATEMENT));
        return form;
    }

    public int weightTotal() {
        return criteria.stream().mapToInt(c -> c.getWeightPercent() == null ? 0 : c.getWeightPercent()).sum();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public Long getFundId() {
        return fundId;
    }

    public void setFundId(Long fundId) {
        this.fundId = fundId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = nl.preventiefonds.platform.FreeText.withoutBidiControls(title); // shown on every public page
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = nl.preventiefonds.platform.FreeText.withoutBidiControls(description);
    }

    public LocalDateTime getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(LocalDateTime opensAt) {
        this.opensAt = opensAt;
    }

    public LocalDateTime getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(LocalDateTime closesAt) {
        this.closesAt = closesAt;
    }

    public BigDecimal getMinAmount() {
        return minAmount;
    }

    public void setMinAmount(BigDecimal minAmount) {
        this.minAmount = minAmount;
    }

    public BigDecimal getMaxAmount() {
        return maxAmount;
    }

    public void setMaxAmount(BigDecimal maxAmount) {
        this.maxAmount = maxAmount;
    }

    public int getDecisionTermWeeks() {
        return decisionTermWeeks;
    }

    public void setDecisionTermWeeks(int decisionTermWeeks) {
        this.decisionTermWeeks = decisionTermWeeks;
    }

    public Integer getBudgetYear() {
        return budgetYear;
    }

    public void setBudgetYear(Integer budgetYear) {
        this.budgetYear = budgetYear;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public void setBudget(BigDecimal budget) {
        this.budget = budget;
    }

    public BigDecimal getCommitted() {
        return committed;
    }

    public void setCommitted(BigDecimal committed) {
        this.committed = committed;
    }

    public Set<Theme> getThemes() {
        return themes;
    }

    public void setThemes(Set<Theme> themes) {
        this.themes = themes == null || themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes);
    }

    public List<Long> getNeighbourhoodIds() {
        return neighbourhoodIds;
    }

    public void setNeighbourhoodIds(List<Long> neighbourhoodIds) {
        this.neighbourhoodIds = neighbourhoodIds == null ? new ArrayList<>() : new ArrayList<>(neighbourhoodIds);
    }

    public List<CriterionRow> getCriteria() {
        return criteria;
    }

    public void setCriteria(List<CriterionRow> criteria) {
        this.criteria = criteria;
    }

    public List<TierRow> getTiers() {
        return tiers;
    }

    public void setTiers(List<TierRow> tiers) {
        this.tiers = tiers;
    }
}
