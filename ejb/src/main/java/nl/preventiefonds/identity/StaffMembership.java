package nl.preventiefonds.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import nl.preventiefonds.municipality.Municipality;

/**
 * A staff role of one person in one municipality. A person may work for several municipalities (a regional team
 * serving two); the account's own role and municipality are the membership they are working in now, which they
 * switch explicitly.
 */
@Entity
@Table(name = "staff_membership")
public class StaffMembership implements Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private UserAccount account;

    @ManyToOne(optional = false)
    @JoinColumn(name = "municipality_id", nullable = false)
    private Municipality municipality;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected StaffMembership() {
    }

    StaffMembership(UserAccount account, Municipality municipality, Role role, Instant createdAt) {
        this.account = account;
        this.municipality = municipality;
        this.role = role;
        this.createdAt = createdAt;
    }

    void changeRole(Role newRole) {
        this.role = newRole;
    }

    public boolean isIn(Long municipalityId) {
        return municipality.getId() != null && municipality.getId().equals(municipalityId);
    }

    public Long getId() {
        return id;
    }

    public UserAccount getAccount() {
        return account;
    }

    public Municipality getMunicipality() {
        return municipality;
    }

    public Role getRole() {
        return role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
