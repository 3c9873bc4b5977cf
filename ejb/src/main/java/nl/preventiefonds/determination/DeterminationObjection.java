package nl.preventiefonds.determination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.IssuedDocument;
import nl.preventiefonds.decision.LodgedObjection;
import nl.preventiefonds.decision.ObjectionOutcome;

/**
 * An objection (bezwaar) against a final determination, with the dates the Awb sets (6:7, 6:8, 7:10) and its
 * outcome; registered only on time or with its lateness excused (6:11).
 */
@Entity
@Table(name = "determination_objection")
public class DeterminationObjection extends LodgedObjection {
    private static final long serialVersionUID = 1L;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "determination_id", nullable = false)
    private Determination determination;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @Column(name = "late_excused", nullable = false)
    private boolean lateExcused;

    /** The determination taken in place of the contested one when the objection was upheld (Awb 7:11). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "new_determination_id")
    private Determination newDetermination;

    /** The letter 'Beslissing op bezwaar'; null while open and for a withdrawn objection. */
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "letter_document_id")
    private IssuedDocument letter;

    protected DeterminationObjection() {
    }

    DeterminationObjection(Determination determination, LocalDate receivedOn, String lodgedBy, String grounds,
                           boolean onTime, boolean lateExcused, LocalDate decideBy, Instant registeredAt,
                           String registeredBy) {
        super(receivedOn, lodgedBy, grounds, onTime, decideBy, registeredAt, registeredBy);
        this.determination = determination;
        this.application = determination.getApplication();
        this.lateExcused = lateExcused;
    }

    void conclude(ObjectionOutcome result, LocalDate on, String notes) {
        recordOutcome(result, on, notes);
    }

    void newDetermination(Determination determination) {
        newDetermination = determination;
    }

    void attachLetter(IssuedDocument document) {
        letter = document;
    }

    public Determination getDetermination() {
        return determination;
    }

    public Application getApplication() {
        return application;
    }

    public boolean isLateExcused() {
        return lateExcused;
    }

    public Determination getNewDetermination() {
        return newDetermination;
    }

    public IssuedDocument getLetter() {
        return letter;
    }
}
