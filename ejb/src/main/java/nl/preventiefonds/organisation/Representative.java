package nl.preventiefonds.organisation;

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
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import nl.preventiefonds.identity.UserAccount;

/** A person (organiser account) acting for an organisation, from when, on what basis, until revoked. */
@Entity
@Table(name = "organisation_representative")
public class Representative implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
    private Organisation organisation;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private UserAccount user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private RepresentationBasis basis;

    @Column(name = "level_of_assurance", length = 40)
    private String levelOfAssurance;

    @Column(name = "granted_by", nullable = false, length = 254, updatable = false)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    /** The latest time the basis was confirmed: the last broker login for a claim, the grant for an authorisation. */
    @Column(name = "confirmed_at", nullable = false)
    private Instant confirmedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 254)
    private String revokedBy;

    protected Representative() {
    }

    Representative(Organisation organisation, UserAccount user, RepresentationBasis basis, String levelOfAssurance,
                   String grantedBy, Instant now) {
        this.organisation = organisation;
        this.user = user;
        this.basis = basis;
        this.levelOfAssurance = levelOfAssurance;
        this.grantedBy = grantedBy;
        this.grantedAt = now;
        this.confirmedAt = now;
    }

    void confirm(String level, Instant now) {
        this.levelOfAssurance = level;
        this.confirmedAt = now;
    }

    void revoke(String by, Instant now) {
        this.revokedAt = now;
        this.revokedBy = by;
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public String auditSummary() {
        return "organisation=" + organisation.getKvkNumber() + ", user=" + user.getId() + ", basis=" + basis
                + (levelOfAssurance == null ? "" : ", loa=" + levelOfAssurance)
                + (revokedAt == null ? "" : ", revokedAt=" + revokedAt + ", revokedBy=" + revokedBy);
    }

    public Long getId() {
        return id;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public UserAccount getUser() {
        return user;
    }

    public RepresentationBasis getBasis() {
        return basis;
    }

    public String getLevelOfAssurance() {
        return levelOfAssurance;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }
}
