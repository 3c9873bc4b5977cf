package nl.preventiefonds.monitoring.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.application.Attachment;
import nl.preventiefonds.application.web.ApplicationViewBean;
import nl.preventiefonds.monitoring.Report;
import nl.preventiefonds.monitoring.ReportActivity;
import nl.preventiefonds.monitoring.ReportReminder;
import nl.preventiefonds.monitoring.ReportRequest;
import nl.preventiefonds.monitoring.ReportQueries;
import nl.preventiefonds.monitoring.ReportRequestStatus;
import nl.preventiefonds.monitoring.ReportReview;
import nl.preventiefonds.monitoring.ReportSpending;
import nl.preventiefonds.monitoring.ReviewOutcome;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.web.FieldProblems;
import nl.preventiefonds.platform.web.Messages;

/**
 * The monitoring part of the application page, once a decision granted money: report requests and reminders,
 * the submitted reports with the officer's review. The determination and the payments are
 * {@code DeterminationViewBean}. The services decide who sees what (partners only their own requests); this bean
 * only leaves out what a role may not ask for.
 */
@Named("monitoringView")
@ViewScoped
public class MonitoringViewBean implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Set<ApplicationStatus> GRANTED = Set.of(ApplicationStatus.AWARDED,
            ApplicationStatus.PARTIALLY_AWARDED, ApplicationStatus.DETERMINED);
    static final String REPORTS_FORM = "reportsForm";

    @Inject
    private ReportReview reviews;

    @Inject
    private ApplicationViewBean applicationView;

    private Long id;
    private boolean shown;
    private List<ReportRequest> requests = List.of();
    private List<Report> submitted = List.of();
    private Map<Long, List<ReportReminder>> remindersByRequest = Map.of();
    private Map<Long, List<Attachment>> attachmentsByRequest = Map.of();

    // The review of a report, per report (several may wait: the organiser's and a partner's).
    private final Map<Long, ReviewInput> reviewInputs = new HashMap<>();

    /**
     * The monitoring part of the page, as the case file read it: null before a grant and for roles that see no
     * reports.
     */
    public void show(ReportQueries.Monitoring monitoring) {
        if (applicationView.getApplication() == null) {
            return;
        }
        id = applicationView.getId();
        shown = GRANTED.contains(applicationView.getApplication().getStatus());
        if (monitoring != null) {
            requests = monitoring.requests();
            submitted = monitoring.reports();
            remindersByRequest = monitoring.remindersByRequest();
            attachmentsByRequest = monitoring.attachmentsByRequest();
        }
        for (Report report : submitted) {
            if (awaitingReview(report)) {
                review(report);
            }
        }
    }

    private String reload() {
        Messages.keepForRedirect();
        return "/applications/view?faces-redirect=true&id=" + id;
    }

    // ---- review ----

    /** What the reviewer typed for one report; typed properties, so the date picker knows its type. */
    public static class ReviewInput implements Serializable {
        private static final long serialVersionUID = 1L;
        private String note;
        private LocalDate moreDueOn = LocalDate.now(Amsterdam.ZONE).plusWeeks(2);

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }

        public LocalDate getMoreDueOn() {
            return moreDueOn;
        }

        public void setMoreDueOn(LocalDate moreDueOn) {
            this.moreDueOn = moreDueOn;
        }
    }

    public ReviewInput review(Report report) {
        return reviewInputs.computeIfAbsent(report.getId(), k -> new ReviewInput());
    }

    public String accept(Report report) {
        reviews.review(report.getId(), ReviewOutcome.ACCEPTED, review(report).getNote(), null);
        Messages.info("monitoring.reviewAccepted", purposeLabel(report.getRequest()));
        return reload();
    }

    /** Asks for more; index is the report's row, to bind a problem to its own note or date. */
    public String requestMore(Report report, int index) {
        String row = REPORTS_FORM + ":reports:" + index + ":";
        FieldProblems.bind(problem -> switch (problem.key()) {
            case "report.moreNoteRequired", "field.tooLong" -> row + "reviewNote";
            case "report.moreDueInvalid" -> row + "moreDueOn";
            default -> null;
        });
        ReviewInput input = review(report);
        reviews.review(report.getId(), ReviewOutcome.MORE_REQUESTED, input.getNote(), input.getMoreDueOn());
        Messages.info("monitoring.reviewMoreRequested", purposeLabel(report.getRequest()));
        return reload();
    }

    // ---- helpers for the page ----

    private static boolean inRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    /** Officers and decision makers: review. */
    public boolean isStaff() {
        return inRole("officer") || inRole("decision-maker");
    }

    /** Who may see reports: the organiser, partners (their own), officers and decision makers. */
    public boolean isReporting() {
        return inRole("organiser") || inRole("partner") || isStaff();
    }

    public boolean isShown() {
        return shown;
    }

    public boolean awaitingReview(Report report) {
        return report.getReviewOutcome() == null && report.getRequest().getStatus() == ReportRequestStatus.SUBMITTED;
    }

    public boolean mayReview(Report report) {
        return isStaff() && awaitingReview(report);
    }

    public boolean overdue(ReportRequest request) {
        return request.isOverdueOn(LocalDate.now(Amsterdam.ZONE));
    }

    public List<ReportReminder> remindersOf(ReportRequest request) {
        return remindersByRequest.getOrDefault(request.getId(), List.of());
    }

    public List<Attachment> attachmentsOf(Report report) {
        return attachmentsByRequest.getOrDefault(report.getRequest().getId(), List.of());
    }

    private static String purposeLabel(ReportRequest request) {
        return Messages.text("reportPurpose." + request.getPurpose().name());
    }

    /** Realised minus planned, or null when nothing was planned. */
    public Integer difference(Integer realised, Integer planned) {
        return realised == null || planned == null ? null : realised - planned;
    }

    public BigDecimal totalBudgeted(Report report) {
        return report.getSpending().stream().map(ReportSpending::getBudgeted)
                .reduce(Money.ZERO.amount(), BigDecimal::add);
    }

    public BigDecimal totalDifference(Report report) {
        return report.totalSpent().subtract(totalBudgeted(report));
    }

    public int plannedParticipants(Report report) {
        return report.getActivities().stream().map(ReportActivity::getActivity)
                .mapToInt(a -> a.getPlannedParticipants() == null ? 0 : a.getPlannedParticipants()).sum();
    }

    public List<ReportRequest> getRequests() {
        return requests;
    }

    public List<Report> getReports() {
        return submitted;
    }
}
