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

    public ReportRequestRow(long id, String applicationReference, String applicationTitle, ReportPurpose purpose,
                            LocalDate dueOn, ReportRequestStatus status) {
        this.id = id;
        this.applicationReference = applicationReference;
        this.applicationTitle = applicationTitle;
        this.purpose = purpose;
        this.dueOn = dueOn;
        this.status = status;
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
