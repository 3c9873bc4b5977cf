package nl.preventiefonds.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A criterion applications of a call are scored on, with its weight in percent. */
@Entity
@Table(name = "call_criterion")
public class AssessmentCriterion implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "call_id", nullable = false)
    private FundingCall call;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 1000)
    private String description;

    @Column(name = "weight_percent", nullable = false)
    private int weightPercent;

    protected AssessmentCriterion() {
    }

    AssessmentCriterion(FundingCall call, int position, String name, String description, int weightPercent) {
        this.call = call;
        this.position = position;
        this.name = name;
        this.description = description;
        this.weightPercent = weightPercent;
    }

    /** Edits the criterion in place: scores refer to it by id. */
    void update(int newPosition, String newName, String newDescription, int newWeightPercent) {
        position = newPosition;
        name = newName;
        description = newDescription;
        weightPercent = newWeightPercent;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public int getWeightPercent() {
        return weightPercent;
    }
}
