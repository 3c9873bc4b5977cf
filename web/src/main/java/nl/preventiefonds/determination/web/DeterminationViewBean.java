package nl.preventiefonds.determination.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.application.web.ApplicationViewBean;
import nl.preventiefonds.determination.Determination;
import nl.preventiefonds.determination.DeterminationForm;
import nl.preventiefonds.determination.DeterminationService;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.payment.PaymentInstruction;
import nl.preventiefonds.payment.PaymentKind;
import nl.preventiefonds.payment.Reclaim;
import nl.preventiefonds.payment.Settlement;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.platform.web.ProblemMessages;

/**
 * The money part of the application page, once a decision granted money: the determination (vaststelling) with
 * a live preview of what it does to the money, its reclaim, and the payments. The services decide who sees what;
 * this bean only leaves out what a role may not ask for (partners never see money flows).
 */
@Named("determinationView")
@ViewScoped
public class DeterminationViewBean implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Set<ApplicationStatus> GRANTED = Set.of(ApplicationStatus.AWARDED,
            ApplicationStatus.PARTIALLY_AWARDED, ApplicationStatus.DETERMINED);
    static final String DETERMINE_FORM = "determineForm";

    @Inject
    private DeterminationService determinations;

    @Inject
    private ApplicationViewBean applicationView;

    private Long id;
    private boolean shown;
    private Determination determination;
    private DeterminationService.Readiness readiness;
    private List<PaymentInstruction> paymentList = List.of();
    private Reclaim reclaim;

    // The determination form; kept over failed attempts so nothing typed is lost.
    private DeterminationForm form;
    private Settlement preview;
    private String previewProblem;

    /**
     * The money part of the page, as the case file read it: the money for those who see it (null otherwise, and
     * before a grant), the outlook for officers and decision makers while the grant is not determined.
     */
    public void show(DeterminationService.MoneyOfApplication money, DeterminationService.Outlook outlook) {
        if (applicationView.getApplication() == null) {
            return;
        }
        id = applicationView.getId();
        shown = GRANTED.contains(applicationView.getApplication().getStatus());
        if (money != null) {
            determination = money.determination();
            paymentList = money.payments();
            reclaim = money.reclaim();
        }
        readiness = outlook == null ? null : outlook.readiness();
        if (form == null && readiness != null && readiness.awarded() != null) {
            form = new DeterminationForm(readiness.awarded(), null);
            preview = outlook.atAwarded();
            previewProblem = null;
        }
    }

    private String reload() {
        Messages.keepForRedirect();
        return "/applications/view?faces-redirect=true&id=" + id;
    }

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
            previewProblem = e.getProblems().stream().map(ProblemMessages::text).collect(Collectors.joining(" "));
        } catch (AccessDeniedException | EJBAccessException e) {
            preview = null;
        }
    }

    public String determine() {
        try {
            DeterminationService.DeterminationResult result = determinations.determine(id, form);
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

    /** Officers and decision makers: determine. */
    public boolean isStaff() {
        return inRole("officer") || inRole("decision-maker");
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
