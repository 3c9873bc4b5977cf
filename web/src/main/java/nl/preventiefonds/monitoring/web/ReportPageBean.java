package nl.preventiefonds.monitoring.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import nl.preventiefonds.application.Attachment;
import nl.preventiefonds.application.AttachmentPolicy;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.monitoring.ReportForm;
import nl.preventiefonds.monitoring.ReportRequest;
import nl.preventiefonds.monitoring.ReportRequestStatus;
import nl.preventiefonds.monitoring.ReportQueries;
import nl.preventiefonds.monitoring.ReportSubmission;
import nl.preventiefonds.monitoring.ReviewOutcome;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.FieldProblems;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.platform.web.ProblemMessages;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * One report to fill in (reports/report.xhtml?request=ID), for the organiser or a partner. The service decides
 * who may; anything the caller may not report on looks exactly like a request that does not exist.
 */
@Named("reportPage")
@ViewScoped
public class ReportPageBean implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "reportForm";

    @Inject
    private ReportQueries reports;

    @Inject
    private ReportSubmission submission;

    @Inject
    private Clock clock;

    private Long requestId;
    private ReportRequest request;
    private ReportForm form;
    private List<Attachment> attachments = List.of();
    private String moreNote;
    private boolean missing;

    public void load() {
        if (form != null) {
            return;
        }
        if (requestId == null) {
            notFound();
            return;
        }
        try {
            request = reports.request(requestId);
            // The organiser sees the partners' requests of its application, but reports only its own.
            if (inRole("organiser") && request.getPartner() != null) {
                notFound();
                return;
            }
            form = reports.blankForm(requestId);
            attachments = reports.attachments(requestId);
            if (request.getStatus() == ReportRequestStatus.MORE_REQUESTED) {
                moreNote = reports.reportsFor(request.getApplication().getId()).stream()
                        .filter(r -> r.getRequest().getId().equals(requestId)
                                && r.getReviewOutcome() == ReviewOutcome.MORE_REQUESTED)
                        .map(r -> r.getReviewNote()).filter(Objects::nonNull).findFirst().orElse(null);
            }
        } catch (ValidationFailedException | AccessDeniedException | EJBAccessException e) {
            notFound();
        }
    }

    private void notFound() {
        missing = true;
        request = null;
        form = null;
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
    }

    private static boolean inRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    /** Submits; on success back to the caller's start page, otherwise every problem at once and nothing lost. */
    public String submit() {
        FieldProblems.bind(this::fieldOf);
        try {
            submission.submit(requestId, form);
        } catch (AccessDeniedException | EJBAccessException e) {
            Messages.error(null, "reporter.notFound");
            return null;
        }
        Messages.info("reporter.submitted", request.getApplication().getReference());
        Messages.keepForRedirect();
        return (inRole("partner") ? "/partner/index" : "/organiser/index") + "?faces-redirect=true";
    }

    /** The input a problem belongs to, so it is marked invalid and its message shows beside it. */
    String fieldOf(Problem problem) {
        List<Serializable> args = problem.args();
        switch (problem.key()) {
            case "report.reachMissing", "report.reachInvalid" -> {
                return row("activities", args, form.getActivities().size(), fieldName(args.get(1)));
            }
            case "report.rowTooLong" -> {
                if ("field.indicator".equals(args.get(1))) {
                    return row("indicators", args, form.getIndicators().size(), "indicatorName");
                }
                return row("activities", args, form.getActivities().size(), "note");
            }
            case "report.indicatorIncomplete" -> {
                int index = index(args, form.getIndicators().size());
                if (index < 0) {
                    return null;
                }
                boolean noValue = form.getIndicators().get(index).getValue() == null;
                return clientId("indicators", index, noValue ? "indicatorValue" : "indicatorName");
            }
            case "report.indicatorValueInvalid" -> {
                return row("indicators", args, form.getIndicators().size(), "indicatorValue");
            }
            case "report.spentRequired", "report.spentInvalid" -> {
                return row("spending", args, form.getSpending().size(), "spent");
            }
            case "report.narrativeRequired" -> {
                return FORM + ":narrative";
            }
            case "field.tooLong" -> {
                return "field.narrative".equals(args.isEmpty() ? null : args.get(0)) ? FORM + ":narrative" : null;
            }
            default -> {
                return null;
            }
        }
    }

    private static String fieldName(Object key) {
        return switch (String.valueOf(key)) {
            case "field.participants" -> "participants";
            case "field.sessions" -> "sessions";
            case "field.volunteers" -> "volunteers";
            default -> null;
        };
    }

    private static int index(List<Serializable> args, int size) {
        if (args.isEmpty() || !(args.get(0) instanceof Number number)) {
            return -1;
        }
        int index = number.intValue() - 1;
        return index >= 0 && index < size ? index : -1;
    }

    private static String row(String repeat, List<Serializable> args, int size, String field) {
        int index = index(args, size);
        return index < 0 || field == null ? null : clientId(repeat, index, field);
    }

    private static String clientId(String repeat, int index, String field) {
        return FORM + ":" + repeat + ":" + index + ":" + field;
    }

    public void addIndicator() {
        form.getIndicators().add(new ReportForm.Indicator());
    }

    public void removeIndicator(int index) {
        if (index >= 0 && index < form.getIndicators().size()) {
            form.getIndicators().remove(index);
        }
    }

    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        try (InputStream in = file.getInputStream()) {
            byte[] content = AttachmentPolicy.readBounded(in);
            submission.addAttachment(requestId, file.getFileName(), content);
            Messages.info("attachment.added", file.getFileName());
        } catch (ValidationFailedException e) {
            ProblemMessages.add(e.getProblems());
        } catch (IOException e) {
            Messages.error(null, "attachment.unreadable");
        }
        attachments = reports.attachments(requestId);
    }

    public BigDecimal getTotalBudgeted() {
        return form.getSpending().stream().map(ReportForm.Spending::getBudgeted).filter(Objects::nonNull)
                .reduce(Money.ZERO.amount(), BigDecimal::add);
    }

    public BigDecimal getTotalSpent() {
        return form.getSpending().stream().map(ReportForm.Spending::getSpent).filter(Objects::nonNull)
                .reduce(Money.ZERO.amount(), BigDecimal::add);
    }

    /** A report can be sent only while one is owed and its period has begun (the same rule as the service). */
    public boolean isEditable() {
        return request != null && request.isOpenOn(today());
    }

    /** Owed, but not yet: the page says from when instead of offering a form that would be refused. */
    public boolean isNotYetOpen() {
        return request != null && request.getStatus().isOutstanding() && !request.isOpenOn(today());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
    }

    public boolean isOverdue() {
        return request != null && request.isOverdueOn(today());
    }

    public boolean isPartnerReport() {
        return request != null && request.getPartner() != null;
    }

    /** The narrative is required for the organiser's final report. */
    public boolean isNarrativeRequired() {
        return request != null && request.getPartner() == null
                && request.getPurpose() == nl.preventiefonds.monitoring.ReportPurpose.FINAL;
    }

    public long getMaxFileBytes() {
        return AttachmentPolicy.MAX_FILE_BYTES;
    }

    public Long getRequestId() {
        return requestId;
    }

    public void setRequestId(Long requestId) {
        this.requestId = requestId;
    }

    public ReportRequest getRequest() {
        return request;
    }

    public ReportForm getForm() {
        return form;
    }

    public List<Attachment> getAttachments() {
        return attachments;
    }

    public String getMoreNote() {
        return moreNote;
    }

    public boolean isMissing() {
        return missing;
    }
}
