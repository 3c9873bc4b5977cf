package nl.preventiefonds.monitoring.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.monitoring.ReportRequestRow;
import nl.preventiefonds.monitoring.ReportQueries;
import nl.preventiefonds.platform.Amsterdam;

/** The reports the caller owes or has sent, on the organiser's dashboard and in the partner portal. */
@Named("myReports")
@ViewScoped
public class MyReportsBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private ReportQueries reports;

    @Inject
    private Clock clock;

    private List<ReportRequestRow> requests;
    private LocalDate today;

    @PostConstruct
    void load() {
        requests = reports.myRequestRows();
        today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
    }

    public List<ReportRequestRow> getRequests() {
        return requests;
    }

    /** Still owed and past its due date. */
    public boolean overdue(ReportRequestRow request) {
        return request.isOverdueOn(today);
    }

    /** Owed, but its period has not begun. */
    public boolean notYetOpen(ReportRequestRow request) {
        return request.isNotYetOpenOn(today);
    }

    public boolean isAnyOutstanding() {
        return requests.stream().anyMatch(r -> r.getStatus().isOutstanding());
    }
}
