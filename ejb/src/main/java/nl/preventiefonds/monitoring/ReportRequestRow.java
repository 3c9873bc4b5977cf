package nl.preventiefonds.monitoring;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A report request as the organiser's dashboard and the partner portal list it. Read as a projection: a request
 * entity would also load its decision (and without weaving the decision's letter) for every line.
 */
public final class ReportRequestRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long id;
    private final String applicationReference;
    private final String applicationTitle;
    private final ReportPurpose purpose;
    private final LocalDate dueOn;
    private final ReportRequestStatus status;
    private final LocalDate opensOn;

    public ReportRequestRow(long id, String applicationReference, String applicationTitle, ReportPurpose purpose,
                            LocalDate dueOn, ReportRequestStatus status, LocalDate start, LocalDate end) {
        this.id = id;
        this.applicationReference = applicationReference;
        this.applicationTitle = applicationTitle;
        this.purpose = purpose;
        this.dueOn = dueOn;
        this.status = status;
        this.opensOn = ReportRequest.opensOn(status, purpose, start, end, dueOn);
    }

    /** Owed, but its period has not begun: it can be filed only from {@link #getOpensOn()}. */
    public boolean isNotYetOpenOn(LocalDate today) {
        return status.isOutstanding() && opensOn != null && opensOn.isAfter(today);
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public boolean isOverdueOn(LocalDate today) {
        return ReportRequest.overdue(status, dueOn, today);
    }

    public long getId() {
        return id;
    }

    public String getApplicationReference() {
        return applicationReference;
    }

    public String getApplicationTitle() {
        return applicationTitle;
    }

    public ReportPurpose getPurpose() {
        return purpose;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public ReportRequestStatus getStatus() {
        return status;
    }
}
