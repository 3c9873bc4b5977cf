package nl.preventiefonds.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import nl.preventiefonds.application.Activity;
import java.io.Serializable;

/** Realised reach of one activity in a report. */
@Entity
@Table(name = "report_activity")
public class ReportActivity implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "report_id", nullable = false)
    private Report report;

    @ManyToOne(optional = false)
    @JoinColumn(name = "activity_id", nullable = false)
    private Activity activity;

    @Column(nullable = false)
    private int participants;

    @Column(nullable = false)
    private int sessions;

    @Column(nullable = false)
    private int volunteers;

    @Column(length = 2000)
    private String note;

    protected ReportActivity() {
    }

    ReportActivity(Report report, Activity activity, int participants, int sessions, int volunteers, String note) {
        this.report = report;
        this.activity = activity;
        this.participants = participants;
        this.sessions = sessions;
        this.volunteers = volunteers;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public Activity getActivity() {
        return activity;
    }

    public int getParticipants() {
        return participants;
    }

    public int getSessions() {
        return sessions;
    }

    public int getVolunteers() {
        return volunteers;
    }

    public String getNote() {
        return note;
    }
}
