package nl.preventiefonds.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One line of the append-only audit trail: who did what to which object, and how it changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int SUMMARY_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "subject_type", nullable = false, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", updatable = false)
    private String subjectId;

    /** The municipality whose trail this line is on; none for the installation's own (an organiser's login). */
    @Column(name = "municipality_id", updatable = false)
    private Long municipalityId;

    @Column(name = "before_summary", updatable = false, length = SUMMARY_LENGTH)
    private String beforeSummary;

    @Column(name = "after_summary", updatable = false, length = SUMMARY_LENGTH)
    private String afterSummary;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String actor, String action, String subjectType, String subjectId,
               Long municipalityId, String beforeSummary, String afterSummary) {
        this.occurredAt = occurredAt;
        this.municipalityId = municipalityId;
        this.actor = actor;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.beforeSummary = truncate(beforeSummary);
        this.afterSummary = truncate(afterSummary);
    }

    private static String truncate(String summary) {
        if (summary == null || summary.length() <= SUMMARY_LENGTH) {
            return summary;
        }
        return summary.substring(0, SUMMARY_LENGTH - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Long getMunicipalityId() {
        return municipalityId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getBeforeSummary() {
        return beforeSummary;
    }

    public String getAfterSummary() {
        return afterSummary;
    }
}
