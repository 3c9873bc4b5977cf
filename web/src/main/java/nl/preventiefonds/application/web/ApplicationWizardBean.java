package nl.preventiefonds.application.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationForm;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationService;
import nl.preventiefonds.application.Attachment;
import nl.preventiefonds.application.AttachmentPolicy;
import nl.preventiefonds.application.AttachmentService;
import nl.preventiefonds.application.Budget;
import nl.preventiefonds.application.BudgetLineKind;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.application.LegalForm;
import nl.preventiefonds.application.TargetGroup;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.fund.FundDirectory;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.partner.PartnerDirectory;
import nl.preventiefonds.partner.PartnerOrganisation;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.platform.web.ProblemMessages;

/**
 * The organiser's application form in steps. Drafts are saved on every step change, on the
 * save button and every 30 seconds while the page is open, so leaving loses nothing.
 */
@Named("wizard")
@ViewScoped
public class ApplicationWizardBean implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int STEP_COUNT = 6;

    @Inject
    private ApplicationService applications;
    @Inject
    private ApplicationQueries queries;
    @Inject
    private AttachmentService attachmentService;
    @Inject
    private FundDirectory funds;
    @Inject
    private PartnerDirectory partnerDirectory;

    private Long id;
    private ApplicationForm form;
    private int step;
    private String reference;
    private String callTitle;
    private String status;
    private BigDecimal callMin;
    private BigDecimal callMax;
    private Instant callClosesAt;
    private Set<Theme> callThemes = EnumSet.noneOf(Theme.class);
    private List<Neighbourhood> neighbourhoodOptions = List.of();
    private List<PartnerOrganisation> partnerOptions = List.of();
    private List<Attachment> attachments = List.of();
    private List<Problem> problems;
    private Instant lastSavedAt;
    private boolean missing;

    /** Loads the draft named in the URL; anything not the caller's own shows as not found. */
    public void load() {
        if (form != null) {
            return;
        }
        try {
            form = applications.load(id);
            Application application = queries.view(id);
            reference = application.getReference();
            status = application.getStatus().name();
            FundingCall call = application.getCall();
            callTitle = call.getTitle();
            callMin = call.getMinAmount();
            callMax = call.getMaxAmount();
            callClosesAt = call.getClosesAt();
            callThemes = call.getThemes().isEmpty() ? EnumSet.allOf(Theme.class) : EnumSet.copyOf(call.getThemes());
            neighbourhoodOptions = funds.neighbourhoodsOf(call.getFund().getMunicipality().getId()).stream()
                    .filter(call::isEligible).toList();
            partnerOptions = partnerDirectory.ofMunicipality(call.getFund().getMunicipality().getId());
            step = Math.min(Math.max(form.getCurrentStep(), 0), STEP_COUNT - 1);
            attachments = queries.attachments(id);
            if (!application.getStatus().isEditableByOwner()) {
                redirectToView();
            }
        } catch (ValidationFailedException | AccessDeniedException | EJBAccessException e) {
            // Someone else's draft answers like a missing one, as the view page does.
            missing = true;
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    private void redirectToView() {
        try {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath()
                    + "/applications/view.xhtml?id=" + id);
            faces.responseComplete();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void next() {
        goTo(step + 1);
    }

    public void previous() {
        goTo(step - 1);
    }

    /** Saves, remembering the step the organiser goes to, so coming back resumes there. */
    public void goTo(int target) {
        int destination = Math.min(Math.max(target, 0), STEP_COUNT - 1);
        if (persist(destination)) {
            step = destination;
            afterStepChange();
        }
    }

    private void afterStepChange() {
        if (step == STEP_COUNT - 1) {
            problems = applications.eligibilityProblems(id);
        }
    }

    /** The save button: says so when it worked. */
    public void save() {
        if (persist(step)) {
            Messages.info("wizard.saved");
        }
    }

    /** The 30-second poll: silent unless saving failed, then the reason shows like any other. */
    public void autosave() {
        persist(step);
    }

    private boolean persist(int stepToRemember) {
        form.setCurrentStep(stepToRemember);
        try {
            ApplicationForm saved = applications.saveDraft(form);
            // Keep the rows on screen (also empty ones being filled in); only the version moves on.
            form.setVersion(saved.getVersion());
            lastSavedAt = Instant.now();
            return true;
        } catch (ValidationFailedException e) {
            ProblemMessages.add(e.getProblems(), ApplicationWizardBean::fieldOf);
            return false;
        }
    }

    /** The field a draft's problem belongs to, where it has one on the current step. */
    static String fieldOf(Problem problem) {
        return "application.postalCodeInvalid".equals(problem.key()) ? "wizard:postalCode" : null;
    }

    public String submit() {
        if (!persist(step)) {
            return null;
        }
        try {
            ApplicationService.Submission submission = applications.submit(id,
                    nl.preventiefonds.identity.web.BrokerLoginServlet.assurance((jakarta.servlet.http.HttpServletRequest)
                            jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                                    .getRequest()));
            Messages.info("wizard.submitted", submission.reference());
            Messages.keepForRedirect();
            return "/applications/view?faces-redirect=true&id=" + submission.applicationId();
        } catch (ValidationFailedException e) {
            problems = e.getProblems();
            ProblemMessages.add(e.getProblems());
            return null;
        }
    }

    public String discard() {
        applications.withdraw(id, null);
        Messages.info("wizard.discarded");
        Messages.keepForRedirect();
        return "/organiser/index?faces-redirect=true";
    }

    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        try (InputStream in = file.getInputStream()) {
            // Read at most one byte past the limit: enough to refuse, without holding a huge file.
            byte[] content = AttachmentPolicy.readBounded(in);
            attachmentService.upload(id, file.getFileName(), content);
            Messages.info("attachment.added", file.getFileName());
        } catch (ValidationFailedException e) {
            // On the upload field (its p:message), e.g. attachment.quarantined; the rest of the form stays as it is.
            // Not through ProblemMessages.add with a field: decoding a file input again would upload the file twice.
            FacesContext faces = FacesContext.getCurrentInstance();
            String field = event.getComponent().getClientId(faces);
            for (Problem problem : e.getProblems()) {
                String text = ProblemMessages.text(problem);
                faces.addMessage(field, new jakarta.faces.application.FacesMessage(
                        jakarta.faces.application.FacesMessage.SEVERITY_ERROR, text, text));
            }
        } catch (IOException e) {
            Messages.error(null, "attachment.unreadable");
        }
        attachments = queries.attachments(id);
    }

    public void deleteAttachment(long attachmentId) {
        attachmentService.delete(attachmentId);
        attachments = queries.attachments(id);
    }

    public void addActivity() {
        form.getActivities().add(new ApplicationForm.ActivityRow());
    }

    public void removeActivity(int index) {
        if (index >= 0 && index < form.getActivities().size()) {
            form.getActivities().remove(index);
        }
    }

    public void addBudgetLine(BudgetLineKind kind) {
        ApplicationForm.BudgetRow row = new ApplicationForm.BudgetRow();
        row.setKind(kind);
        form.getBudgetLines().add(row);
    }

    public void removeBudgetLine(int index) {
        if (index >= 0 && index < form.getBudgetLines().size()) {
            form.getBudgetLines().remove(index);
        }
    }

    public Budget getBudget() {
        return Budget.of(form.getBudgetLines());
    }

    /** The requested amount against the call's limits, for the live hint under the budget. */
    public String getBudgetVerdict() {
        BigDecimal requested = getBudget().requested();
        if (requested.signum() == 0) {
            return "budget.verdict.empty";
        }
        if (requested.compareTo(callMin) < 0) {
            return "budget.verdict.belowMin";
        }
        return requested.compareTo(callMax) > 0 ? "budget.verdict.aboveMax" : "budget.verdict.ok";
    }

    public boolean isUndertakingApplies() {
        return form.isUndertaking() || (form.getLegalForm() != null && form.getLegalForm().isUndertaking());
    }

    public String problemText(Problem problem) {
        return ProblemMessages.text(problem);
    }

    public long getAttachmentTotalBytes() {
        return attachments.stream().mapToLong(Attachment::getSizeBytes).sum();
    }

    // Enum collections are edited as lists of names: JSF cannot convert the elements of a Set<Enum>.

    public List<String> getThemeNames() {
        return names(form.getThemes());
    }

    public void setThemeNames(List<String> names) {
        form.setThemes(names.stream().map(Theme::valueOf).collect(Collectors.toSet()));
    }

    public List<String> getTargetGroupNames() {
        return names(form.getTargetGroups());
    }

    public void setTargetGroupNames(List<String> names) {
        form.setTargetGroups(names.stream().map(TargetGroup::valueOf).collect(Collectors.toSet()));
    }

    public List<String> getCareDomainNames() {
        return names(form.getCareDomains());
    }

    public void setCareDomainNames(List<String> names) {
        form.setCareDomains(names.stream().map(CareDomain::valueOf).collect(Collectors.toSet()));
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.toCollection(ArrayList::new));
    }

    public List<Theme> getThemeOptions() {
        return callThemes.stream().sorted(Comparator.comparing(Enum::ordinal)).toList();
    }

    public List<TargetGroup> getTargetGroupOptions() {
        return Arrays.asList(TargetGroup.values());
    }

    public List<CareDomain> getCareDomainOptions() {
        return Arrays.asList(CareDomain.values());
    }

    public List<LegalForm> getLegalFormOptions() {
        return Arrays.asList(LegalForm.values());
    }

    public List<Neighbourhood> getNeighbourhoodOptions() {
        return neighbourhoodOptions;
    }

    /** Whether the organiser named this partner (step 5); only a named partner can carry out an activity. */
    public boolean partnerNamed(Long partnerId) {
        return partnerId != null && form.getPartnerIds().contains(partnerId);
    }

    public List<PartnerOrganisation> getPartnerOptions() {
        return partnerOptions;
    }

    public List<Attachment> getAttachments() {
        return attachments;
    }

    public List<Problem> getProblems() {
        return problems;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ApplicationForm getForm() {
        return form;
    }

    public int getStep() {
        return step;
    }

    public int getStepCount() {
        return STEP_COUNT;
    }

    public String getReference() {
        return reference;
    }

    public String getCallTitle() {
        return callTitle;
    }

    public String getStatus() {
        return status;
    }

    public BigDecimal getCallMin() {
        return callMin;
    }

    public BigDecimal getCallMax() {
        return callMax;
    }

    public Instant getCallClosesAt() {
        return callClosesAt;
    }

    public Instant getLastSavedAt() {
        return lastSavedAt;
    }

    public boolean isMissing() {
        return missing;
    }

    public long getMaxFileBytes() {
        return AttachmentPolicy.MAX_FILE_BYTES;
    }
}
