package nl.preventiefonds.monitoring.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.preventiefonds.monitoring.ReminderService;
import nl.preventiefonds.monitoring.ReportQueries;
import nl.preventiefonds.monitoring.web.MonitoringViews.ReminderView;
import nl.preventiefonds.monitoring.web.MonitoringViews.ReportRequestView;
import nl.preventiefonds.monitoring.web.MonitoringViews.ReportView;

/** Monitoring of one application: what is asked, what was filed, and the reminders sent. */
@Path("applications/{id}/reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationReportsResource {
    @Inject
    private ReportQueries reports;

    @Inject
    private ReminderService reminders;

    public record ApplicationReports(List<ReportRequestView> requests, List<ReportView> reports,
                                     List<ReminderView> reminders) {
    }

    @GET
    public ApplicationReports forApplication(@PathParam("id") long id) {
        return new ApplicationReports(reports.requestsFor(id).stream().map(ReportRequestView::of).toList(),
                reports.reportsFor(id).stream().map(ReportView::of).toList(),
                reminders.forApplication(id).stream().map(ReminderView::of).toList());
    }
}
