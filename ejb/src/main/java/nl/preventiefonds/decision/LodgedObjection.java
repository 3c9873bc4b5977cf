package nl.preventiefonds.decision;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What every objection (bezwaar) holds, whatever it contests: when it was received and by whom, on what grounds,
 * whether on time (Awb 6:7, 6:8), the date it must be decided by (7:10), and how it ended. A decision's objection and a
 * determination's objection each add what they contest.
 */
@MappedSuperclass
public abstract class LodgedObjection implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Column(name = "lodged_by", nullable = false, length = 200)
    private String lodgedBy;

    @Column(nullable = false, length = 4000)
    private String grounds;

    @Column(name = "on_time", nullable = false)
    private boolean onTime;

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

    @Version
    private long version;

    protected LodgedObjection() {
    }

    protected LodgedObjection(LocalDate receivedOn, String lodgedBy, String grounds, boolean onTime,
                              LocalDate decideBy, Instant registeredAt, String registeredBy) {
        this.receivedOn = receivedOn;
        this.lodgedBy = lodgedBy;
        this.grounds = grounds;
        this.onTime = onTime;
        this.decideBy = decideBy;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
    }

    protected final void recordOutcome(ObjectionOutcome result, LocalDate on, String notes) {
        outcome = result;
        outcomeOn = on;
        outcomeNotes = notes;
    }

    public Long getId() {
        return id;
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
}
