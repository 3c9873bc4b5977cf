package nl.preventiefonds.application;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import nl.preventiefonds.partner.PartnerOrganisation;
import java.io.Serializable;

/** A planned activity with its planned reach. */
@Entity
@Table(name = "application_activity")
public class Activity implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @Column(nullable = false)
    private int position;

    @Column(length = 200)
    private String name;

    @Column(length = 1000)
    private String description;

    @Column(name = "planned_participants")
    private Integer plannedParticipants;

    @Column(name = "planned_sessions")
    private Integer plannedSessions;

    @Column(name = "planned_volunteers")
    private Integer plannedVolunteers;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "delivered_by_partner_id")
    private PartnerOrganisation deliveredBy;

    protected Activity() {
    }

    Activity(Application application, int position, ApplicationForm.ActivityRow row,
             PartnerOrganisation deliveredBy) {
        this(application, position, row);
        this.deliveredBy = deliveredBy;
    }

    private Activity(Application application, int position, ApplicationForm.ActivityRow row) {
        this.application = application;
        this.position = position;
        this.name = Texts.clean(row.getName(), 200);
        this.description = Texts.clean(row.getDescription(), 1000);
        this.plannedParticipants = row.getPlannedParticipants();
        this.plannedSessions = row.getPlannedSessions();
        this.plannedVolunteers = row.getPlannedVolunteers();
    }

    ApplicationForm.ActivityRow toRow() {
        ApplicationForm.ActivityRow row = new ApplicationForm.ActivityRow(name, description, plannedParticipants,
                plannedSessions, plannedVolunteers);
        row.setDeliveredByPartnerId(deliveredBy == null ? null : deliveredBy.getId());
        return row;
    }

    public PartnerOrganisation getDeliveredBy() {
        return deliveredBy;
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

    public Integer getPlannedParticipants() {
        return plannedParticipants;
    }

    public Integer getPlannedSessions() {
        return plannedSessions;
    }

    public Integer getPlannedVolunteers() {
        return plannedVolunteers;
    }
}
