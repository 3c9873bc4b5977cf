package nl.preventiefonds.call;

import nl.preventiefonds.platform.Money;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.platform.Amsterdam;

/** A call for applications (subsidieronde) within a fund, with the rules of the round. */
@Entity
@Table(name = "funding_call")
public class FundingCall implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "fund_id", nullable = false)
    private Fund fund;

    @Column(nullable = false)
    private String title;

    @Column(length = 4000)
    private String description;

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Column(name = "min_amount", nullable = false, precision = 15, scale = 2)
    private BigDecimal minAmount = Money.ZERO.amount();

    @Column(name = "max_amount", nullable = false, precision = 15, scale = 2)
    private BigDecimal maxAmount;

    @Column(name = "decision_term_weeks", nullable = false)
    private int decisionTermWeeks = 8;

    /** The fund's budget year that awards of this call are committed against. */
    @Column(name = "budget_year")
    private Integer budgetYear;

    /** The call's own ceiling inside its fund year budget; null: only the year's budget limits it. */
    @Column(precision = 15, scale = 2)
    private BigDecimal budget;

    /** Written only by decisions and determinations, through a conditional UPDATE (decision.BudgetLedger). */
    @Column(nullable = false, precision = 15, scale = 2, insertable = false, updatable = false)
    private BigDecimal committed = Money.ZERO.amount();

    // Collections are lazy (indirection works without weaving): lists of calls never read them, and an eager
    // collection cost one statement per call and collection. Services touch them inside their transaction.
    @ElementCollection(fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "call_theme", joinColumns = @JoinColumn(name = "call_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "theme", length = 40)
    private Set<Theme> themes = new HashSet<>();

    /** Empty: every neighbourhood of the fund's municipality is eligible. */
    @ManyToMany(fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @JoinTable(name = "call_neighbourhood", joinColumns = @JoinColumn(name = "call_id"),
            inverseJoinColumns = @JoinColumn(name = "neighbourhood_id"))
    private Set<Neighbourhood> neighbourhoods = new HashSet<>();

    @BatchFetch(BatchFetchType.IN)
    @OneToMany(mappedBy = "call", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @OrderBy("position")
    private List<AssessmentCriterion> criteria = new ArrayList<>();

    @BatchFetch(BatchFetchType.IN)
    @OneToMany(mappedBy = "call", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @OrderBy("position")
    private List<DeterminationTier> tiers = new ArrayList<>();

    @Version
    private long version;

    protected FundingCall() {
    }

    public FundingCall(Fund fund, String title, Instant opensAt, Instant closesAt, BigDecimal maxAmount) {
        if (!closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("a call closes after it opens");
        }
        this.fund = fund;
        this.title = title;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.maxAmount = Money.exact(maxAmount).amount();
    }

    /** Applies a form that passed CallRules. */
    public static FundingCall create(Fund fund, CallForm form, Set<Neighbourhood> neighbourhoods) {
        FundingCall call = new FundingCall();
        call.fund = fund;
        call.apply(form, neighbourhoods);
        return call;
    }

    /**
     * Applies a form that passed CallRules. Criteria are matched by id and edited in place (reviews' scores refer
     * to them); tiers are replaced as a whole.
     */
    public void apply(CallForm form, Set<Neighbourhood> eligible) {
        title = form.getTitle().strip();
        description = form.getDescription() == null ? null : form.getDescription().strip();
        opensAt = form.getOpensAt().atZone(Amsterdam.ZONE).toInstant();
        closesAt = form.getClosesAt().atZone(Amsterdam.ZONE).toInstant();
        minAmount = Money.exact(form.getMinAmount()).amount();
        maxAmount = Money.exact(form.getMaxAmount()).amount();
        decisionTermWeeks = form.getDecisionTermWeeks();
        budgetYear = form.getBudgetYear();
        budget = form.getBudget() == null ? null : Money.exact(form.getBudget()).amount();
        themes.clear();
        themes.addAll(form.getThemes());
        neighbourhoods.clear();
        neighbourhoods.addAll(eligible);
        applyCriteria(form.getCriteria());
        tiers.clear();
        for (CallForm.TierRow row : form.getTiers()) {
            tiers.add(new DeterminationTier(this, tiers.size() + 1,
                    row.getUpToAmount() == null ? null : Money.exact(row.getUpToAmount()).amount(),
                    row.getReportKind()));
        }
    }

    /** Applies a budget that passed CallRules and CallAdministration's ceiling rules. */
    void changeBudget(BigDecimal newBudget) {
        budget = newBudget == null ? null : Money.exact(newBudget).amount();
    }

    private void applyCriteria(List<CallForm.CriterionRow> rows) {
        Map<Long, AssessmentCriterion> saved = new HashMap<>();
        criteria.forEach(c -> saved.put(c.getId(), c));
        List<AssessmentCriterion> kept = new ArrayList<>();
        for (CallForm.CriterionRow row : rows) {
            String description = row.getDescription();
            AssessmentCriterion criterion = row.getId() == null ? null : saved.get(row.getId());
            if (criterion == null) {
                criterion = new AssessmentCriterion(this, kept.size() + 1, row.getName().strip(), description,
                        row.getWeightPercent());
            } else {
                criterion.update(kept.size() + 1, row.getName().strip(), description, row.getWeightPercent());
            }
            kept.add(criterion);
        }
        // Keeps the managed list (orphan removal deletes only the criteria no row names any more).
        criteria.retainAll(kept);
        kept.stream().filter(c -> !criteria.contains(c)).forEach(criteria::add);
        criteria.sort(java.util.Comparator.comparingInt(AssessmentCriterion::getPosition));
    }

    /** The ids of the saved criteria, for the rules on what may change once reviews are scored. */
    public Set<Long> criterionIds() {
        Set<Long> ids = new HashSet<>();
        criteria.forEach(c -> ids.add(c.getId()));
        return ids;
    }

    public CallForm toForm() {
        CallForm form = new CallForm();
        form.setId(id);
        form.setVersion(version);
        form.setFundId(fund.getId());
        form.setTitle(title);
        form.setDescription(description);
        form.setOpensAt(LocalDateTime.ofInstant(opensAt, Amsterdam.ZONE));
        form.setClosesAt(LocalDateTime.ofInstant(closesAt, Amsterdam.ZONE));
        form.setMinAmount(minAmount);
        form.setMaxAmount(maxAmount);
        form.setDecisionTermWeeks(decisionTermWeeks);
        form.setBudgetYear(budgetYear);
        form.setBudget(budget);
        form.setCommitted(getCommitted());
        form.setThemes(themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes));
        form.setNeighbourhoodIds(neighbourhoods.stream().map(Neighbourhood::getId).sorted().toList());
        for (AssessmentCriterion criterion : criteria) {
            form.getCriteria().add(new CallForm.CriterionRow(criterion.getId(), criterion.getName(),
                    criterion.getDescription(), criterion.getWeightPercent()));
        }
        for (DeterminationTier tier : tiers) {
            form.getTiers().add(new CallForm.TierRow(tier.getUpToAmount(), tier.getReportKind()));
        }
        return form;
    }

    /** Reads the lazy rules (themes, neighbourhoods, criteria, tiers) for use after the transaction. */
    public void loadRules() {
        themes.size();
        neighbourhoods.size();
        criteria.size();
        tiers.size();
    }

    public boolean isOpenAt(Instant moment) {
        return !moment.isBefore(opensAt) && moment.isBefore(closesAt);
    }

    public boolean isEligible(Neighbourhood neighbourhood) {
        if (neighbourhoods.isEmpty()) {
            return neighbourhood.getMunicipality().getId().equals(fund.getMunicipality().getId());
        }
        return neighbourhoods.stream().anyMatch(n -> n.getId().equals(neighbourhood.getId()));
    }

    /** The report a grant of this amount requires, from the call's tiers. */
    public Optional<ReportKind> reportRequiredFor(BigDecimal amount) {
        return tiers.stream().filter(tier -> tier.covers(amount)).map(DeterminationTier::getReportKind).findFirst();
    }

    public String auditSummary() {
        return "title=" + title + ", opens=" + opensAt + ", closes=" + closesAt + ", min=" + minAmount + ", max="
                + maxAmount + ", termWeeks=" + decisionTermWeeks + ", year="
                + budgetYear + ", budget=" + budget + ", themes=" + themes + ", neighbourhoods=" + neighbourhoods.size() + ", criteria="
                + criteria.size() + ", tiers=" + tiers.size();
    }

    public Long getId() {
        return id;
    }

    public Fund getFund() {
        return fund;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public BigDecimal getMinAmount() {
        return minAmount;
    }

    public BigDecimal getMaxAmount() {
        return maxAmount;
    }

    public int getDecisionTermWeeks() {
        return decisionTermWeeks;
    }

    public Integer getBudgetYear() {
        return budgetYear;
    }

    /** Null when the call has no budget of its own. */
    public BigDecimal getBudget() {
        return budget;
    }

    /** What awards of this call have committed (less what determinations gave back). */
    public BigDecimal getCommitted() {
        return committed == null ? Money.ZERO.amount() : committed;
    }

    public Set<Theme> getThemes() {
        return Set.copyOf(themes);
    }

    public Set<Neighbourhood> getNeighbourhoods() {
        return Set.copyOf(neighbourhoods);
    }

    public List<AssessmentCriterion> getCriteria() {
        return List.copyOf(criteria);
    }

    public List<DeterminationTier> getTiers() {
        return List.copyOf(tiers);
    }

    public long getVersion() {
        return version;
    }
}
