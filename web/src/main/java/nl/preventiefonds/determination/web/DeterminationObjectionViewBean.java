package nl.preventiefonds.determination.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.decision.ObjectionOutcome;
import nl.preventiefonds.determination.Determination;
import nl.preventiefonds.determination.DeterminationForm;
import nl.preventiefonds.determination.DeterminationObjection;
import nl.preventiefonds.determination.DeterminationObjectionService;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.web.FieldProblems;
import nl.preventiefonds.platform.web.Messages;

/**
 * Objections against the determination on the application page, below the determination: the organiser lodges
 * one, staff register one on the organiser's behalf and conclude it (upheld: a new final amount). The service
 * decides who may do what; the form's input is kept when it refuses.
 */
@Named("determinationObjectionView")
@ViewScoped
public class DeterminationObjectionViewBean implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String REGISTER_FORM = "detObjectionForm";
    static final String CONCLUDE_FORM = "detConcludeForm";

    @Inject
    private DeterminationObjectionService objections;

    @Inject
    private DeterminationViewBean determinationView;

    private Long id;
    private List<DeterminationObjection> list = List.of();

    private LocalDate receivedOn;
    private String lodgedBy;
    private String grounds;
    private boolean lateExcused;

    private Long concludeId;
    private ObjectionOutcome outcome;
    private String notes;
    private DeterminationForm newDetermination = new DeterminationForm();

    /** The objections against the determination, as the case file read them; nothing before a determination. */
    public void show(List<DeterminationObjection> objections) {
        Determination determination = determinationView.getDetermination();
        if (determination == null) {
            return;
        }
        id = determination.getApplication().getId();
        list = objections;
        if (receivedOn == null) {
            receivedOn = LocalDate.now(Amsterdam.ZONE);
        }
        if (concludeId == null) {
            concludeId = getOpen().stream().map(DeterminationObjection::getId).findFirst().orElse(null);
        }
    }

    private String reload() {
        Messages.keepForRedirect();
        return "/applications/view?faces-redirect=true&id=" + id;
    }

    public String register() {
        String prefix = REGISTER_FORM + ":";
        FieldProblems.bind(problem -> switch (problem.key()) {
            case "objection.receivedOnInvalid", "objection.late" -> isStaff() ? prefix + "receivedOn" : null;
            case "objection.lodgedByRequired" -> prefix + "lodgedBy";
            case "objection.groundsRequired" -> prefix + "grounds";
            default -> null;
        });
        // The organiser's objection is received today; the service sets it.
        objections.register(id, isStaff() ? receivedOn : null, lodgedBy, grounds, isStaff() && lateExcused);
        Messages.info("detObjection.registered");
        return reload();
    }

    public String conclude() {
        if (concludeId == null) {
            return null;
        }
        String prefix = CONCLUDE_FORM + ":";
        FieldProblems.bind(problem -> switch (problem.key()) {
            case "objection.outcomeRequired" -> prefix + "outcome";
            case "determination.amountRequired", "determination.amountInvalid", "determination.aboveAwarded",
                 "determinationObjection.newDeterminationRequired", "determinationObjection.unchanged" ->
                    prefix + "newAmount";
            case "determination.reasonsRequired" -> prefix + "newReasons";
            default -> null;
        });
        boolean upheld = outcome != null && outcome.leadsToNewDetermination();
        DeterminationObjectionService.ObjectionConclusionResult result = objections.conclude(id, concludeId,
                new DeterminationObjectionService.Conclusion(outcome, notes, upheld ? newDetermination : null));
        Messages.info(result.newDeterminationId() == null ? "detObjection.concluded"
                : "detObjection.concludedNew");
        return reload();
    }

    private static boolean inRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    public boolean isStaff() {
        return inRole("officer") || inRole("decision-maker");
    }

    /** The section: for the organiser and staff once there is a determination. */
    public boolean isShown() {
        return determinationView.getDetermination() != null && (isStaff() || inRole("organiser"));
    }

    /**
     * A new objection may be lodged: against a first determination, none open; by the organiser only within the
     * term (staff register a late one when its lateness is excused).
     */
    public boolean isMayRegister() {
        Determination d = determinationView.getDetermination();
        return isShown() && d != null && !d.isOnObjection() && getOpen().isEmpty()
                && (isStaff() || !LocalDate.now(Amsterdam.ZONE).isAfter(d.getObjectionDeadline()));
    }

    /** Against a determination taken on objection only appeal to the court is open (Awb 7:1). */
    public boolean isAppealOnly() {
        Determination d = determinationView.getDetermination();
        return d != null && d.isOnObjection();
    }

    public boolean isMayConclude() {
        return isStaff() && !getOpen().isEmpty();
    }

    public List<DeterminationObjection> getObjections() {
        return list;
    }

    public List<DeterminationObjection> getOpen() {
        return list.stream().filter(o -> o.getOutcome() == null).toList();
    }

    public ObjectionOutcome[] getOutcomes() {
        return ObjectionOutcome.values();
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public void setReceivedOn(LocalDate receivedOn) {
        this.receivedOn = receivedOn;
    }

    public String getLodgedBy() {
        return lodgedBy;
    }

    public void setLodgedBy(String lodgedBy) {
        this.lodgedBy = lodgedBy;
    }

    public String getGrounds() {
        return grounds;
    }

    public void setGrounds(String grounds) {
        this.grounds = grounds;
    }

    public boolean isLateExcused() {
        return lateExcused;
    }

    public void setLateExcused(boolean lateExcused) {
        this.lateExcused = lateExcused;
    }

    public Long getConcludeId() {
        return concludeId;
    }

    public void setConcludeId(Long concludeId) {
        this.concludeId = concludeId;
    }

    public ObjectionOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(ObjectionOutcome outcome) {
        this.outcome = outcome;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public DeterminationForm getNewDetermination() {
        return newDetermination;
    }
}
