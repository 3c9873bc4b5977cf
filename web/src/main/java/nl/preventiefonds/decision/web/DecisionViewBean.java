package nl.preventiefonds.decision.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.web.ApplicationViewBean;
import nl.preventiefonds.decision.DecisionForm;
import nl.preventiefonds.decision.DecisionOutcome;
import nl.preventiefonds.decision.DecisionQueries;
import nl.preventiefonds.decision.DecisionRules;
import nl.preventiefonds.decision.DecisionService;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.decision.Objection;
import nl.preventiefonds.decision.ObjectionConclusion;
import nl.preventiefonds.decision.ObjectionOutcome;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.web.Messages;

/**
 * The decision part of the application page: the decision itself (everyone who may see the
 * application), the decision form (decision makers) and objections (officers, decision makers).
 */
@Named("decisionView")
@ViewScoped
public class DecisionViewBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private DecisionService decisions;

    @Inject
    private ApplicationViewBean applicationView;

    private Long id;
    private GrantDecision decision;
    private List<Objection> objections = List.of();
    /** Whether the caller may decide now (a decision maker, the application in assessment and undecided). */
    private boolean mayDecide;
    /** What the call may still award; null unless the caller may decide. */
    private BigDecimal remaining;

    private DecisionForm form = new DecisionForm();

    private LocalDate objectionReceivedOn;
    private String objectionLodgedBy;
    private String objectionGrounds;
    private Long concludeId;
    private ObjectionOutcome objectionOutcome;
    private String objectionNotes;
    private boolean objectionLateExcused;
    /** The new decision of an upheld objection (Awb 7:11); advance as the decision form's default. */
    private DecisionForm newDecision = new DecisionForm();

    /** The decision part of the page, as the case file read it for this caller. */
    public void show(DecisionQueries.Section section) {
        id = applicationView.getId();
        decision = section.decision();
        objections = section.objections();
        mayDecide = section.mayDecide();
        remaining = section.remaining();
        if (objectionReceivedOn == null) {
            objectionReceivedOn = LocalDate.now(Amsterdam.ZONE);
        }
        if (concludeId == null) {
            concludeId = getOpenObjections().stream().map(Objection::getId).findFirst().orElse(null);
        }
    }

    private String reload() {
        Messages.keepForRedirect();
        return "/applications/view?faces-redirect=true&id=" + id;
    }

    public String decide() {
        DecisionService.DecisionResult result = decisions.decide(id, form);
        Messages.info("decision.taken", Messages.text("outcome." + result.outcome().name()));
        return reload();
    }

    public void addTranche() {
        form.getTranches().add(new DecisionForm.TrancheRow());
    }

    public void removeTranche(int index) {
        if (index >= 0 && index < form.getTranches().size()) {
            form.getTranches().remove(index);
        }
    }

    public String registerObjection() {
        decisions.registerObjection(decision.getId(), objectionReceivedOn, objectionLodgedBy, objectionGrounds);
        Messages.info("objection.registered");
        return reload();
    }

    public String concludeObjection() {
        if (concludeId == null) {
            return null;
        }
        boolean upheld = objectionOutcome != null && objectionOutcome.leadsToNewDecision();
        DecisionService.ObjectionResult result = decisions.concludeObjection(concludeId,
                new ObjectionConclusion(objectionOutcome, objectionNotes, objectionLateExcused,
                        upheld ? newDecision : null));
        Messages.info(result.newDecisionId() == null ? "objection.concluded" : "objection.concludedNewDecision");
        return reload();
    }

    /** The amount the form would grant: the request, the partial amount, or nothing. */
    public BigDecimal getGranted() {
        if (form.getOutcome() == null || application() == null) {
            return null;
        }
        if (form.getOutcome() == DecisionOutcome.PARTIAL_AWARD) {
            return form.getAmount();
        }
        return DecisionRules.grantedAmount(form, application().getRequestedAmount());
    }

    public BigDecimal getAdvance() {
        BigDecimal granted = getGranted();
        if (granted == null || form.getOutcome() == DecisionOutcome.REJECT || form.getAdvancePercent() < 0
                || form.getAdvancePercent() > 100) {
            return null;
        }
        return DecisionRules.advance(Money.down(granted).amount(), form.getAdvancePercent());
    }

    public BigDecimal getRemainingAfter() {
        BigDecimal granted = getGranted();
        if (remaining == null || granted == null) {
            return null;
        }
        return form.getOutcome().grantsMoney() ? remaining.subtract(granted) : remaining;
    }

    public boolean isOverBudget() {
        BigDecimal after = getRemainingAfter();
        return after != null && after.signum() < 0;
    }

    public DecisionForm getNewDecision() {
        return newDecision;
    }

    public boolean isObjectionLateExcused() {
        return objectionLateExcused;
    }

    public void setObjectionLateExcused(boolean objectionLateExcused) {
        this.objectionLateExcused = objectionLateExcused;
    }

    /** Whether any open objection came late, so the form asks whether that is excused (Awb 6:11). */
    public boolean isAnyOpenObjectionLate() {
        return getOpenObjections().stream().anyMatch(o -> !o.isOnTime());
    }

    public List<Objection> getOpenObjections() {
        return objections.stream().filter(o -> o.getOutcome() == null).toList();
    }

    private Application application() {
        return applicationView.getApplication();
    }

    private static boolean inRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    public boolean isStaff() {
        return inRole("officer") || inRole("decision-maker");
    }

    public boolean isMayDecide() {
        return mayDecide;
    }

    public boolean isPartial() {
        return form.getOutcome() == DecisionOutcome.PARTIAL_AWARD;
    }

    public boolean isGrantsMoney() {
        return form.getOutcome() != null && form.getOutcome().grantsMoney();
    }

    public DecisionOutcome[] getOutcomes() {
        return DecisionOutcome.values();
    }

    public ObjectionOutcome[] getObjectionOutcomes() {
        return ObjectionOutcome.values();
    }

    public GrantDecision getDecision() {
        return decision;
    }

    public List<Objection> getObjections() {
        return objections;
    }

    public BigDecimal getRemaining() {
        return remaining;
    }

    public DecisionForm getForm() {
        return form;
    }

    public LocalDate getObjectionReceivedOn() {
        return objectionReceivedOn;
    }

    public void setObjectionReceivedOn(LocalDate objectionReceivedOn) {
        this.objectionReceivedOn = objectionReceivedOn;
    }

    public String getObjectionLodgedBy() {
        return objectionLodgedBy;
    }

    public void setObjectionLodgedBy(String objectionLodgedBy) {
        this.objectionLodgedBy = objectionLodgedBy;
    }

    public String getObjectionGrounds() {
        return objectionGrounds;
    }

    public void setObjectionGrounds(String objectionGrounds) {
        this.objectionGrounds = objectionGrounds;
    }

    public Long getConcludeId() {
        return concludeId;
    }

    public void setConcludeId(Long concludeId) {
        this.concludeId = concludeId;
    }

    public ObjectionOutcome getObjectionOutcome() {
        return objectionOutcome;
    }

    public void setObjectionOutcome(ObjectionOutcome objectionOutcome) {
        this.objectionOutcome = objectionOutcome;
    }

    public String getObjectionNotes() {
        return objectionNotes;
    }

    public void setObjectionNotes(String objectionNotes) {
        this.objectionNotes = objectionNotes;
    }
}
