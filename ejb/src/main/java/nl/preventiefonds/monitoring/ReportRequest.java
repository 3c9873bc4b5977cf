package nl.preventiefonds.monitoring;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.partner.PartnerOrganisation;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/** A report somebody owes on a grant: the organiser (no partner) or one of the named partners. */
@Entity
@Table(name = "report_request")
public class ReportRequest implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "decision_id", nullable = false)
    private GrantDecision decision;

    @ManyToOne
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "partner_id")
    private PartnerOrganisation partner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReportPurpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(name = "required_kind", nullable = false, length = 40)
    private ReportKind requiredKind;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReportRequestStatus status = ReportRequestStatus.OPEN;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ReportRequest() {
    }

    ReportRequest(Application application, GrantDecision decision, PartnerOrganisation partner,
                  ReportPurpose purpose, ReportKind requiredKind, LocalDate dueOn, Instant createdAt) {
        this.application = application;
        this.decision = decision;
        this.partner = partner;
        this.purpose = purpose;
        this.requiredKind = requiredKind;
        this.dueOn = dueOn;
        this.createdAt = createdAt;
    }

    /** The requests an award asks for, by its determination tier (see {@link ReportSchedule}); not yet persisted. */
    static List<ReportRequest> scheduleFor(GrantDecision decision, Instant now,
                                           nl.preventiefonds.calendar.EquatedDays equated) {
        Application application = decision.getApplication();
        List<PartnerOrganisation> partners = application.sortedPartners();
        Map<Long, PartnerOrganisation> byId = partners.stream()
                .collect(Collectors.toMap(PartnerOrganisation::getId, p -> p, (a, b) -> a, java.util.LinkedHashMap::new));
        return ReportSchedule.plan(decision.getReportKind(), application.getStartDate(), application.getEndDate(),
                        decision.getReportDueOn(), List.copyOf(byId.keySet()), decision.getDecidedOn(), equated).stream()
                .map(planned -> new ReportRequest(application, decision, planned.partnerId() == null ? null
                        : byId.get(planned.partnerId()), planned.purpose(), decision.getReportKind(), planned.dueOn(),
                        now))
                .toList();
    }

    /** The organiser's final report carries the money: spending per budget line. */
    public boolean requiresFinancialReport() {
        return partner == null && purpose == ReportPurpose.FINAL
                && (requiredKind == ReportKind.ACTIVITY_AND_FINANCIAL_REPORT
                || requiredKind == ReportKind.ACCOUNTANT_STATEMENT);
    }

    public boolean requiresAccountantStatement() {
        return partner == null && purpose == ReportPurpose.FINAL && requiredKind == ReportKind.ACCOUNTANT_STATEMENT;
    }

    /**
     * The first day this report can be filed ({@link ReportSchedule#opensOn}); null when it came back for more (it
     * was open before, whatever its new due date). The same rule for the form, the API and the bulk upload.
     */
    public LocalDate opensOn() {
        return opensOn(status, purpose, application.getStartDate(), application.getEndDate(), dueOn);
    }

    static LocalDate opensOn(ReportRequestStatus status, ReportPurpose purpose, LocalDate start, LocalDate end,
                             LocalDate dueOn) {
        return status == ReportRequestStatus.MORE_REQUESTED ? null : ReportSchedule.opensOn(purpose, start, end, dueOn);
    }

    /** Can be filed today: still owed and its period has begun (a final report: the activities have ended). */
    public boolean isOpenOn(LocalDate today) {
        LocalDate opens = opensOn();
        return status.isOutstanding() && (opens == null || !opens.isAfter(today));
    }

    public boolean isOverdueOn(LocalDate today) {
        return overdue(status, dueOn, today);
    }

    /** Still owed and past its due date: the rule for a request and for its list line. */
    static boolean overdue(ReportRequestStatus status, LocalDate dueOn, LocalDate today) {
        return status.isOutstanding() && dueOn.isBefore(today);
    }

    void submitted() {
        status = ReportRequestStatus.SUBMITTED;
    }

    void accepted() {
        status = ReportRequestStatus.ACCEPTED;
    }

    void moreRequested(LocalDate newDueOn) {
        status = ReportRequestStatus.MORE_REQUESTED;
        dueOn = newDueOn;
    }

    void cancel() {
        status = ReportRequestStatus.CANCELLED;
    }

    public String auditSummary() {
        return "request=" + id + ", purpose=" + purpose + ", partner=" + (partner == null ? "-" : partner.getId())
                + ", status=" + status + ", due=" + dueOn;
    }

    public Long getId() {
        return id;
    }

    public Application getApplication() {
        return application;
    }

    public GrantDecision getDecision() {
        return decision;
    }

    public PartnerOrganisation getPartner() {
        return partner;
    }

    public ReportPurpose getPurpose() {
        return purpose;
    }

    public ReportKind getRequiredKind() {
        return requiredKind;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public ReportRequestStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
