package nl.preventiefonds.determination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.IssuedDocument;
import nl.preventiefonds.decision.ObjectionOutcome;

/**
 * An objection (bezwaar) against a final determination, with the dates the Awb sets (6:7, 6:8, 7:10) and its
 * outcome; registered only on time or with its lateness excused (6:11).
 */
@Entity
@Table(name = "determination_objection")
public class DeterminationObjection implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "determination_id", nullable = false)
    private Determination determination;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Column(name = "lodged_by", nullable = false, length = 200)
    private String lodgedBy;

    @Column(nullable = false, length = 4000)
    private String grounds;

    @Column(name = "on_time", nullable = false)
    private boolean onTime;

    @Column(name = "late_excused", nullable = false)
    private boolean lateExcused;

    @Column(name = "decide_by", nullable = false)
    private LocalDate decideBy;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", nullable = false, length = 254)
    private String registeredBy;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private ObjectionOutcome outcome;

    @Column(name = "outcome_on")
    private LocalDate outcomeOn;

    @Column(name = "outcome_notes", length = 4000)
    private String outcomeNotes;

    /** The determination taken in place of the contested one when the objection was upheld (Awb 7:11). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "new_determination_id")
    private Determination newDetermination;

    /** The letter 'Beslissing op bezwaar'; null while open and for a withdrawn objection. */
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "letter_document_id")
    private IssuedDocument letter;

    @Version
    private long version;

    protected DeterminationObjection() {
    }

    DeterminationObjection(Determination determination, LocalDate receivedOn, String lodgedBy, String grounds,
                           boolean onTime, boolean lateExcused, LocalDate decideBy, Instant registeredAt,
                           String registeredBy) {
        this.determination = determination;
        this.application = determination.getApplication();
        this.receivedOn = receivedOn;
        this.lodgedBy = lodgedBy;
        this.grounds = grounds;
        this.onTime = onTime;
        this.lateExcused = lateExcused;
        this.decideBy = decideBy;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
    }

    void conclude(ObjectionOutcome result, LocalDate on, String notes) {
        outcome = result;
        outcomeOn = on;
        outcomeNotes = notes;
    }

    void newDetermination(Determination determination) {
        newDetermination = determination;
    }

    void attachLetter(IssuedDocument document) {
        letter = document;
    }

    public Long getId() {
        return id;
    }

    public Determination getDetermination() {
        return determination;
    }

    public Application getApplication() {
        return application;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public String getLodgedBy() {
        return lodgedBy;
    }

    public String getGrounds() {
        return grounds;
    }

    public boolean isOnTime() {
        return onTime;
    }

    public boolean isLateExcused() {
        return lateExcused;
    }

    public LocalDate getDecideBy() {
        return decideBy;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public ObjectionOutcome getOutcome() {
        return outcome;
    }

    public LocalDate getOutcomeOn() {
        return outcomeOn;
    }

    public String getOutcomeNotes() {
        return outcomeNotes;
    }

    public Determination getNewDetermination() {
        return newDetermination;
    }

    public IssuedDocument getLetter() {
        return letter;
    }
}
