package nl.preventiefonds.decision;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.IssuedDocument;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.platform.Money;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/** The decision (beschikking) on an application: written once, never changed afterwards. */
@Entity
@Table(name = "grant_decision")
public class GrantDecision implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    // Batched too: a list's rows are built one by one, so while the first row's decision (and its letter)
    // is read, the other rows' applications are not yet in the persistence context.
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DecisionOutcome outcome;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal amount;

    @Column(name = "budget_year")
    private Integer budgetYear;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "fund_id", nullable = false)
    private Fund fund;

    @Column(length = 4000)
    private String reasons;

    @Column(length = 4000)
    private String obligations;

    @Column(name = "advance_percent", nullable = false)
    private int advancePercent;

    @Enumerated(EnumType.STRING)
    @Column(name = "report_kind", length = 40)
    private ReportKind reportKind;

    @Column(name = "report_due_on")
    private LocalDate reportDueOn;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "decided_on", nullable = false)
    private LocalDate decidedOn;

    @Column(name = "decided_by", nullable = false, length = 254)
    private String decidedBy;

    @Column(name = "objection_deadline", nullable = false)
    private LocalDate objectionDeadline;

    @ManyToOne(fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "letter_document_id")
    private IssuedDocument letter;

    /** The decision this one replaces after an upheld objection (Awb 7:11); null for a first decision. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "replaces_id")
    private GrantDecision replaces;

    /** The decision that replaced this one; null while it is in force. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "replaced_by_id")
    private GrantDecision replacedBy;

    @OneToMany(mappedBy = "decision", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<PaymentTranche> tranches = new ArrayList<>();

    protected GrantDecision() {
    }

    GrantDecision(Application application, Fund fund, Integer budgetYear, DecisionOutcome outcome, BigDecimal amount,
                  String reasons, String obligations, int advancePercent, ReportKind reportKind,
                  LocalDate reportDueOn, Instant decidedAt, LocalDate decidedOn, String decidedBy,
                  LocalDate objectionDeadline) {
        this.application = application;
        this.fund = fund;
        this.budgetYear = budgetYear;
        this.outcome = outcome;
        this.amount = Money.exact(amount).amount();
        this.reasons = reasons;
        this.obligations = obligations;
        this.advancePercent = advancePercent;
        this.reportKind = reportKind;
        this.reportDueOn = reportDueOn;
        this.decidedAt = decidedAt;
        this.decidedOn = decidedOn;
        this.decidedBy = decidedBy;
        this.objectionDeadline = objectionDeadline;
    }

    void addTranche(String label, LocalDate dueOn, BigDecimal trancheAmount) {
        tranches.add(new PaymentTranche(this, tranches.size() + 1, label, dueOn, trancheAmount));
    }

    /** Links this new decision to the one it replaces, which is no longer in force from now on. */
    void replace(GrantDecision contested) {
        replaces = contested;
        contested.replacedBy = this;
    }

    /** Taken on an objection (beslissing op bezwaar): the remedy against it is appeal, not objection (Awb 7:1). */
    public boolean isOnObjection() {
        return replaces != null;
    }

    public boolean isInForce() {
        return replacedBy == null;
    }

    public GrantDecision getReplaces() {
        return replaces;
    }

    public GrantDecision getReplacedBy() {
        return replacedBy;
    }

    /** What the decision commits against the fund's year budget: its amount when it grants money. */
    public BigDecimal committedAmount() {
        return outcome.grantsMoney() ? amount : Money.ZERO.amount();
    }

    void attachLetter(IssuedDocument document) {
        letter = document;
    }

    public List<String> obligationList() {
        return obligations == null ? List.of() : obligations.lines().map(String::strip).filter(l -> !l.isEmpty())
                .toList();
    }

    public String auditSummary() {
        return "outcome=" + outcome + ", amount=" + amount + ", year=" + budgetYear + ", advance=" + advancePercent
                + "%, tranches=" + tranches.size() + ", report=" + reportKind + ", objectionBy=" + objectionDeadline
                + (replaces == null ? "" : ", replaces=" + replaces.getId());
    }

    public Long getId() {
        return id;
    }

    public Application getApplication() {
        return application;
    }

    public DecisionOutcome getOutcome() {
        return outcome;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Integer getBudgetYear() {
        return budgetYear;
    }

    public Fund getFund() {
        return fund;
    }

    public String getReasons() {
        return reasons;
    }

    public String getObligations() {
        return obligations;
    }

    public int getAdvancePercent() {
        return advancePercent;
    }

    public ReportKind getReportKind() {
        return reportKind;
    }

    public LocalDate getReportDueOn() {
        return reportDueOn;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public LocalDate getObjectionDeadline() {
        return objectionDeadline;
    }

    public IssuedDocument getLetter() {
        return letter;
    }

    public List<PaymentTranche> getTranches() {
        return List.copyOf(tranches);
    }
}
