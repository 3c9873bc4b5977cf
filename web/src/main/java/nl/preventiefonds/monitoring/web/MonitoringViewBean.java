package nl.preventiefonds.monitoring.web;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.application.Attachment;
import nl.preventiefonds.application.web.ApplicationViewBean;
import nl.preventiefonds.identity.AccessDeniedException;
import nl.preventiefonds.monitoring.Determination;
import nl.preventiefonds.monitoring.DeterminationForm;
import nl.preventiefonds.monitoring.DeterminationService;
import nl.preventiefonds.monitoring.ReminderService;
import nl.preventiefonds.monitoring.Report;
import nl.preventiefonds.monitoring.ReportActivity;
import nl.preventiefonds.monitoring.ReportReminder;
import nl.preventiefonds.monitoring.ReportRequest;
import nl.preventiefonds.monitoring.ReportRequestStatus;
import nl.preventiefonds.monitoring.ReportService;
import nl.preventiefonds.monitoring.ReportSpending;
import nl.preventiefonds.monitoring.ReviewOutcome;
import nl.preventiefonds.payment.PaymentInstruction;
import nl.preventiefonds.payment.PaymentKind;
import nl.preventiefonds.payment.PaymentService;
import nl.preventiefonds.payment.Reclaim;
import nl.preventiefonds.payment.Settlement;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.platform.web.ProblemMessages;

/**
 * The monitoring part of the application page, once a decision granted money: report requests and reminders,
 * the submitted reports with the officer's review, the determination (vaststelling) with a live preview of what
 * it does to the money, and the payments. The services decide who sees what (partners only their own requests,
 * no money for partners); this bean only leaves out what a role may not ask for.
 */
@Named("monitoringView")
@ViewScoped
public class MonitoringViewBean implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Set<ApplicationStatus> GRANTED = Set.of(ApplicationStatus.AWARDED,
            ApplicationStatus.PARTIALLY_AWARDED, ApplicationStatus.DETERMINED);
    static final String REPORTS_FORM = "reportsForm";
    static final String DETERMINE_FORM = "determineForm";

    @EJB
    private ReportService reports;
    @EJB
    private ReminderService reminders;
    @EJB
    private DeterminationService determinations;
    @EJB
    private PaymentService payments;

    @Inject
    private ApplicationViewBean applicationView;

    private Long id;
    private boolean shown;
    private List<ReportRequest> requests = List.of();
    private List<Report> submitted = List.of();
    private Map<Long, List<ReportReminder>> remindersByRequest = Map.of();
    private Map<Long, List<Attachment>> attachmentsByRequest = Map.of();
    private Determination determination;
    private DeterminationService.Readiness readiness;
    private List<PaymentInstruction> paymentList = List.of();
    private Reclaim reclaim;

    // The review of a report, per report (several may wait: the organiser's and a partner's).
    private final Map<Long, ReviewInput> reviewInputs = new HashMap<>();

    // The determination form; kept over failed attempts so nothing typed is lost.
    private DeterminationForm form;
    private Settlement preview;
    private String previewProblem;

    public void load() {
        if (applicationView.isMissing() || applicationView.getApplication() == null) {
            return;
        }
        id = applicationView.getId();
        Application application = applicationView.getApplication();
        shown = GRANTED.contains(application.getStatus());
        if (!shown) {
            return;
        }
        if (isReporting()) {
            try {
                requests = reports.requestsFor(id);
                submitted = reports.reportsFor(id);
                Map<Long, List<ReportReminder>> byRequest = new LinkedHashMap<>();
                for (ReportReminder reminder : reminders.forApplication(id)) {
                    byRequest.computeIfAbsent(reminder.getRequest().getId(), k -> new ArrayList<>()).add(reminder);
                }
                remindersByRequest = byRequest;
                Map<Long, List<Attachment>> files = new HashMap<>();
                for (Report report : submitted) {
                    Long requestId = report.getRequest().getId();
                    if (!files.containsKey(requestId)) {
                        files.put(requestId, reports.attachments(requestId));
                    }
                }
                attachmentsByRequest = files;
            } catch (ValidationFailedException | AccessDeniedException | EJBAccessException e) {
                requests = List.of();
                submitted = List.of();
            }
        }
        if (isSeesMoney()) {
            try {
                determination = determinations.forApplication(id).orElse(null);
                paymentList = payments.forApplication(id);
                reclaim = payments.reclaimForApplication(id);
            } catch (ValidationFailedException | AccessDeniedException | EJBAccessException e) {
                determination = null;
                paymentList = List.of();
                reclaim = null;
            }
        }
        readiness = null;
        if (isStaff() && determination == null) {
            try {
                readiness = determinations.readiness(id);
            } catch (ValidationFailedException | AccessDeniedException | EJBAccessException e) {
                readiness = null;
            }
            if (form == null && readiness != null && readiness.awarded() != null) {
                form = new DeterminationForm(readiness.awarded(), null);
                updatePreview();
            }
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
        try {
            reports.review(report.getId(), ReviewOutcome.ACCEPTED, review(report).getNote(), null);
            Messages.info("monitoring.reviewAccepted", purposeLabel(report.getRequest()));
            return reload();
        } catch (ValidationFailedException e) {
            ProblemMessages.add(e.getProblems());
            return null;
        }
    }

    /** Asks for more; index is the report's row, to bind a problem to its own note or date. */
    public String requestMore(Report report, int index) {
        try {
            ReviewInput input = review(report);
            reports.review(report.getId(), ReviewOutcome.MORE_REQUESTED, input.getNote(), input.getMoreDueOn());
            Messages.info("monitoring.reviewMoreRequested", purposeLabel(report.getRequest()));
            return reload();
        } catch (ValidationFailedException e) {
            String row = REPORTS_FORM + ":reports:" + index + ":";
            ProblemMessages.add(e.getProblems(), problem -> switch (problem.key()) {
                case "report.moreNoteRequired", "field.tooLong" -> row + "reviewNote";
                case "report.moreDueInvalid" -> row + "moreDueOn";
                default -> null;
            });
            return null;
        }
    }

    // ---- determination ----

    /** The live preview: what this final amount does to the money, without doing it. */
    public void updatePreview() {
        preview = null;
        previewProblem = null;
        if (form == null || form.getFinalAmount() == null || readiness == null || readiness.awarded() == null) {
            return;
        }
        try {
            // The service applies the determination's own amount rules and says what is wrong.
            preview = determinations.preview(id, form.getFinalAmount());
        } catch (ValidationFailedException e) {
            previewProblem = e.getProblems().stream().map(ProblemMessages::text)
                    .collect(java.util.stream.Collectors.joining(" "));
        } catch (AccessDeniedException | EJBAccessException e) {
            preview = null;
        }
    }

    public String determine() {
        try {
            DeterminationService.Result result = determinations.determine(id, form);
            Messages.info("monitoring.determined", Amsterdam.euros(result.finalAmount(),
                    FacesContext.getCurrentInstance().getViewRoot().getLocale()));
            return reload();
        } catch (ValidationFailedException e) {
            String prefix = DETERMINE_FORM + ":";
            ProblemMessages.add(e.getProblems(), problem -> switch (problem.key()) {
                case "determination.amountRequired", "determination.amountInvalid", "determination.aboveAwarded" ->
                        prefix + "finalAmount";
                case "determination.reasonsRequired", "determination.exOfficioReasonsRequired", "field.tooLong" ->
                        prefix + "reasons";
                default -> null;
            });
            updatePreview();
            return null;
        }
    }

    /** The unpaid payments this final amount would cancel. */
    public List<PaymentInstruction> getCancelledByPreview() {
        if (preview == null || preview.cancelledIds().isEmpty()) {
            return List.of();
        }
        return paymentList.stream().filter(p -> preview.cancelledIds().contains(p.getId())).toList();
    }

    // ---- helpers for the page ----

    private static boolean inRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    /** Officers and decision makers: review and determine. */
    public boolean isStaff() {
        return inRole("officer") || inRole("decision-maker");
    }

    /** Who may see reports: the organiser, partners (their own), officers and decision makers. */
    public boolean isReporting() {
        return inRole("organiser") || inRole("partner") || isStaff();
    }

    /** Partners never see money flows. */
    public boolean isSeesMoney() {
        return inRole("organiser") || isStaff() || inRole("fund-manager");
    }

    public boolean isShown() {
        return shown;
    }

    public boolean isDeterminable() {
        return readiness != null && readiness.determinable() && form != null;
    }

    /** The determination section for staff while the grant is not determined yet. */
    public boolean isShowDetermineSection() {
        return shown && isStaff() && determination == null && readiness != null;
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

    public boolean overduePayment(PaymentInstruction payment) {
        return payment.isOverdueOn(LocalDate.now(Amsterdam.ZONE));
    }

    public boolean overdueReclaim(Reclaim r) {
        return r.isOverdueOn(LocalDate.now(Amsterdam.ZONE));
    }

    /** A balance payment paid after its legal date (four weeks after the determination). */
    public boolean paidLate(PaymentInstruction payment) {
        return payment.getKind() == PaymentKind.BALANCE && payment.isPaidLate();
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
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public BigDecimal totalDifference(Report report) {
        return report.totalSpent().subtract(totalBudgeted(report));
    }

    public int plannedParticipants(Report report) {
        return report.getActivities().stream().map(ReportActivity::getActivity)
                .mapToInt(a -> a.getPlannedParticipants() == null ? 0 : a.getPlannedParticipants()).sum();
    }

    /** What the preview says in one line. */
    public String getPreviewKey() {
        if (preview == null) {
            return null;
        }
        if (preview.reclaim().signum() > 0) {
            return "monitoring.previewReclaim";
        }
        if (preview.balancePayment().signum() > 0) {
            return "monitoring.previewBalance";
        }
        return "monitoring.previewNothing";
    }

    public BigDecimal getPreviewAmount() {
        if (preview == null) {
            return null;
        }
        return preview.reclaim().signum() > 0 ? preview.reclaim() : preview.balancePayment();
    }

    public BigDecimal getPreviewKeptUnpaid() {
        return preview == null ? null : preview.keptUnpaid();
    }

    public boolean isLowerThanAwarded() {
        return form != null && form.getFinalAmount() != null && readiness != null && readiness.awarded() != null
                && form.getFinalAmount().compareTo(readiness.awarded()) < 0;
    }

    public boolean isExOfficio() {
        return readiness != null && readiness.exOfficio();
    }

    public List<ReportRequest> getRequests() {
        return requests;
    }

    public List<Report> getReports() {
        return submitted;
    }

    public Determination getDetermination() {
        return determination;
    }

    public DeterminationService.Readiness getReadiness() {
        return readiness;
    }

    /** EL 5 reads no record components: the readiness figures through getters. */
    public BigDecimal getAwarded() {
        return readiness == null ? null : readiness.awarded();
    }

    public BigDecimal getPaidSoFar() {
        return readiness == null ? null : readiness.paid();
    }

    public BigDecimal getScheduledUnpaid() {
        return readiness == null ? null : readiness.scheduledUnpaid();
    }

    public String getReadinessReasonKey() {
        return readiness == null ? null : readiness.reasonKey();
    }

    public List<PaymentInstruction> getPayments() {
        return paymentList;
    }

    public Reclaim getReclaim() {
        return reclaim;
    }

    public DeterminationForm getForm() {
        return form;
    }

    public Settlement getPreview() {
        return preview;
    }

    public String getPreviewProblem() {
        return previewProblem;
    }

}
