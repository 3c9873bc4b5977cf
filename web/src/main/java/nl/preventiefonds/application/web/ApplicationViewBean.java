package nl.preventiefonds.application.web;

import jakarta.inject.Inject;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationService;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.application.Attachment;
import nl.preventiefonds.application.DocumentInfo;
import nl.preventiefonds.application.InformationRequest;
import nl.preventiefonds.application.IntakeService;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.web.Messages;

/** One application, for everyone allowed to see it, with the actions of the viewer's role. */
@Named("applicationView")
@ViewScoped
public class ApplicationViewBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private ApplicationService applications;
    @Inject
    private IntakeService intake;

    private Long id;
    private Application application;
    private List<Attachment> attachments;
    private List<InformationRequest> requests;
    private List<DocumentInfo> documents;
    private nl.preventiefonds.application.DeMinimisBreakdown deMinimis;
    private boolean missing;

    private String answer;
    private String withdrawalReason;
    private String requestMessage;
    private LocalDate requestDeadline;

    /** The application's own part of the page, as the case file read it (determination.web.CaseFileView). */
    public void show(ApplicationQueries.Page page) {
        application = page.application();
        attachments = page.attachments();
        requests = page.requests();
        documents = page.documents();
        deMinimis = page.deMinimis();
        if (requestDeadline == null) {
            requestDeadline = LocalDate.now(Amsterdam.ZONE).plusWeeks(2);
        }
    }

    /** The de-minimis figures of an undertaking, for staff (null otherwise). */
    public nl.preventiefonds.application.DeMinimisBreakdown getDeMinimis() {
        return deMinimis;
    }

    /** Another organiser's application looks exactly like one that does not exist. */
    public void showMissing() {
        missing = true;
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
    }

    public String answerRequest() {
        applications.answerInformationRequest(id, answer);
        Messages.info("view.answered");
        return reloaded();
    }

    public String withdraw() {
        applications.withdraw(id, withdrawalReason);
        Messages.info("view.withdrawn");
        return reloaded();
    }

    public String requestInformation() {
        intake.requestInformation(id, requestMessage, requestDeadline);
        Messages.info("view.informationRequested");
        return reloaded();
    }

    public String completeIntake() {
        intake.completeIntake(id);
        Messages.info("view.intakeCompleted");
        return reloaded();
    }

    public String closeUnanswered() {
        intake.closeUnansweredRequest(id);
        Messages.info("view.requestClosed");
        return reloaded();
    }

    /**
     * After a change, the page again by redirect (post/redirect/get): every section of it (assessment, decision,
     * monitoring, each held by the view-scoped bean of its domain) is read anew by the case file, so none shows the
     * state before the change; the message survives the redirect.
     */
    private String reloaded() {
        Messages.keepForRedirect();
        return "/applications/view?faces-redirect=true&id=" + id;
    }

    public InformationRequest getOpenRequest() {
        return requests == null ? null : requests.stream().filter(InformationRequest::isOpen).findFirst().orElse(null);
    }

    public boolean isOpenRequestOverdue() {
        InformationRequest open = getOpenRequest();
        return open != null && LocalDate.now(Amsterdam.ZONE).isAfter(open.getAnswerDeadline());
    }

    private boolean inRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    public boolean isOwnerView() {
        return inRole("organiser");
    }

    public boolean isOfficerView() {
        return inRole("officer");
    }

    /** Partners see the initiative, not the applicant's bank and contact details. */
    public boolean isShowPrivateDetails() {
        return !inRole("partner");
    }

    public boolean isEditable() {
        return isOwnerView() && application.getStatus().isEditableByOwner();
    }

    public boolean isWithdrawable() {
        return isOwnerView() && application.getStatus().isWithdrawable();
    }

    public boolean isAwaitingIntake() {
        return isOfficerView() && application.getStatus() == ApplicationStatus.SUBMITTED;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Application getApplication() {
        return application;
    }

    public List<Attachment> getAttachments() {
        return attachments;
    }

    public List<InformationRequest> getRequests() {
        return requests;
    }

    public List<DocumentInfo> getDocuments() {
        return documents;
    }

    public boolean isMissing() {
        return missing;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }

    public String getWithdrawalReason() {
        return withdrawalReason;
    }

    public void setWithdrawalReason(String withdrawalReason) {
        this.withdrawalReason = withdrawalReason;
    }

    public String getRequestMessage() {
        return requestMessage;
    }

    public void setRequestMessage(String requestMessage) {
        this.requestMessage = requestMessage;
    }

    public LocalDate getRequestDeadline() {
        return requestDeadline;
    }

    public void setRequestDeadline(LocalDate requestDeadline) {
        this.requestDeadline = requestDeadline;
    }
}
