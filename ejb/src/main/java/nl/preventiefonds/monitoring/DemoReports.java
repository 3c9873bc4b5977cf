package nl.preventiefonds.monitoring;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.decision.GrantDecision;

/** The report requests of a demo award, for the demo world only (never production). */
public final class DemoReports {
    private DemoReports() {
    }

    public static void schedule(EntityManager em, GrantDecision decision, Instant now) {
        ReportRequest.scheduleFor(decision, now, nl.preventiefonds.calendar.StatutoryCalendar.read(em))
                .forEach(em::persist);
    }

    /** A completed grant's final report: accepted, with the given reach per activity. */
    public static Report finalReportAccepted(EntityManager em, GrantDecision decision, int[] participantsPerActivity,
                                             Instant reportedAt, String officer) {
        Application application = decision.getApplication();
        java.time.LocalDate reportedOn = java.time.LocalDate.ofInstant(reportedAt, nl.preventiefonds.platform.Amsterdam.ZONE);
        ReportRequest request = new ReportRequest(application, decision, null, ReportPurpose.FINAL,
                decision.getReportKind(), reportedOn.plusDays(10), reportedAt);
        em.persist(request);
        Report report = new Report(request, reportedAt, application.getOwner().getEmail(), false,
                "Alle bijeenkomsten gingen door; de groep is na afloop zelfstandig verdergegaan.");
        List<nl.preventiefonds.application.Activity> activities = application.getActivities();
        for (int i = 0; i < activities.size(); i++) {
            int participants = participantsPerActivity[Math.min(i, participantsPerActivity.length - 1)];
            report.addActivity(activities.get(i), participants, Math.max(1, participants / 2), 4, null);
        }
        report.addIndicator("Deelnemers die zich minder eenzaam voelen (%)", new java.math.BigDecimal("58.00"));
        report.reviewed(ReviewOutcome.ACCEPTED, null, officer, reportedAt.plusSeconds(7 * 24 * 3600));
        request.submitted();
        request.accepted();
        em.persist(report);
        return report;
    }
}
