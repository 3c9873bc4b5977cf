package nl.preventiefonds.monitoring;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.platform.Money;

/** What was delivered on a report request: reach per activity, indicators, narrative and spending. */
@Entity
@Table(name = "report")
public class Report implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "request_id", nullable = false)
    private ReportRequest request;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "submitted_by", nullable = false, length = 254)
    private String submittedBy;

    @Column(name = "via_upload", nullable = false)
    private boolean viaUpload;

    @Column(length = 8000)
    private String narrative;

    /** The activities' participants, kept with the report so impact figures need not read every activity row. */
    @Column(name = "participants_total", nullable = false)
    private int participantsTotal;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_outcome", length = 20)
    private ReviewOutcome reviewOutcome;

    @Column(name = "review_note", length = 4000)
    private String reviewNote;

    @Column(name = "reviewed_by", length = 254)
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ReportActivity> activities = new ArrayList<>();

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ReportIndicator> indicators = new ArrayList<>();

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ReportSpending> spending = new ArrayList<>();

    protected Report() {
    }

    Report(ReportRequest request, Instant submittedAt, String submittedBy, boolean viaUpload, String narrative) {
        this.request = request;
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
        this.viaUpload = viaUpload;
        this.narrative = narrative;
    }

    void addActivity(nl.preventiefonds.application.Activity activity, int participants, int sessions,
                     int volunteers, String note) {
        activities.add(new ReportActivity(this, activity, participants, sessions, volunteers, note));
        participantsTotal += participants;
    }

    void addIndicator(String name, java.math.BigDecimal value) {
        indicators.add(new ReportIndicator(this, indicators.size() + 1, name, value));
    }

    void addSpending(Long budgetLineId, String description, java.math.BigDecimal budgeted,
                     java.math.BigDecimal spent) {
        spending.add(new ReportSpending(this, spending.size() + 1, budgetLineId, description, budgeted, spent));
    }

    void reviewed(ReviewOutcome outcome, String note, String by, Instant at) {
        reviewOutcome = outcome;
        reviewNote = note;
        reviewedBy = by;
        reviewedAt = at;
    }

    public int totalParticipants() {
        return activities.stream().mapToInt(ReportActivity::getParticipants).sum();
    }

    public int totalSessions() {
        return activities.stream().mapToInt(ReportActivity::getSessions).sum();
    }

    public int totalVolunteers() {
        return activities.stream().mapToInt(ReportActivity::getVolunteers).sum();
    }

    public java.math.BigDecimal totalSpent() {
        return spending.stream().map(ReportSpending::getSpent).reduce(Money.ZERO.amount(),
                java.math.BigDecimal::add);
    }

    public String auditSummary() {
        return "report=" + id + ", activities=" + activities.size() + ", participants=" + totalParticipants()
                + ", indicators=" + indicators.size() + ", spendingLines=" + spending.size() + ", spent="
                + totalSpent() + ", viaUpload=" + viaUpload;
    }

    public Long getId() {
        return id;
    }

    public ReportRequest getRequest() {
        return request;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public boolean isViaUpload() {
        return viaUpload;
    }

    public String getNarrative() {
        return narrative;
    }

    public ReviewOutcome getReviewOutcome() {
        return reviewOutcome;
    }

    public String getReviewNote() {
        return reviewNote;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public List<ReportActivity> getActivities() {
        return activities;
    }

    public List<ReportIndicator> getIndicators() {
        return indicators;
    }

    public List<ReportSpending> getSpending() {
        return spending;
    }
}
