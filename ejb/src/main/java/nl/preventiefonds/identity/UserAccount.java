package nl.preventiefonds.identity;

import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.partner.PartnerOrganisation;

@Entity
@Table(name = "app_user")
public class UserAccount implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Failures in a row after which the account is locked for a while. */
    static final int LOCK_AFTER_FAILURES = 5;
    /** The first lock; each lock in a row after it lasts twice as long, up to {@link #LONGEST_LOCK}. */
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    static final Duration LONGEST_LOCK = Duration.ofHours(24);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountStatus status;

    @ManyToOne
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "partner_id")
    private PartnerOrganisation partner;

    /** The municipality a member of staff works for; none for organisers and partners. */
    @ManyToOne
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "municipality_id")
    private Municipality municipality;

    /** Every municipality this member of staff works for, the current one included; none for anyone else. */
    @OneToMany(mappedBy = "account", cascade = CascadeType.ALL, orphanRemoval = true)
    @BatchFetch(BatchFetchType.IN)
    @OrderBy("id")
    private List<StaffMembership> memberships = new ArrayList<>();

    @Column(name = "preferred_locale", nullable = false)
    private String preferredLocale = "nl";

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** Locks in a row without a successful login between them: each doubles the next one (backoff). */
    @Column(nullable = false)
    private int lockouts;

    /** The base32 secret of the authenticator app; set at enrolment, never shown again. */
    @Column(name = "totp_secret")
    private String totpSecret;

    @Column(name = "totp_enrolled_at")
    private Instant totpEnrolledAt;

    /** The last 30-second step a code was accepted for: no code is accepted twice. */
    @Column(name = "totp_last_step", nullable = false)
    private long totpLastStep;

    /** Only the embedded demo's own accounts: they need no second factor (pages say so). */
    @Column(name = "second_factor_waived", nullable = false)
    private boolean secondFactorWaived;

    /** Logins from before this moment end (a password reset sets it). */
    @Column(name = "sessions_valid_from")
    private Instant sessionsValidFrom;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String email, String displayName, String passwordHash, Role role, AccountStatus status,
                       Instant createdAt) {
        this.email = normaliseEmail(email);
        this.displayName = displayName.trim();
        this.passwordHash = passwordHash;
        this.role = role;
        this.status = status;
        this.createdAt = createdAt;
    }

    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts a failed login (a wrong password or a wrong second-factor code); the fifth in a row locks the account
     * for a quarter of an hour, and each lock after that without a successful login between for twice as long.
     */
    void registerFailedLogin(Instant now) {
        failedLogins++;
        if (failedLogins >= LOCK_AFTER_FAILURES) {
            Duration lock = LOCK_DURATION.multipliedBy(1L << Math.min(lockouts, 16));
            lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
            lockouts++;
            failedLogins = 0;
        }
    }

    void registerSuccessfulLogin(Instant now) {
        failedLogins = 0;
        lockouts = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    /** The password was right; the login completes with the second factor, so nothing is forgotten yet. */
    void registerPasswordAccepted() {
        failedLogins = 0;
    }

    /** A new password chosen through a reset link: older sessions end and a lock from guessing is lifted. */
    void resetPassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.sessionsValidFrom = now;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    /** Whether this account's role asks for a second factor: a decision maker, fund manager or administrator. */
    public boolean requiresSecondFactor() {
        // One person may be an officer here and a fund manager elsewhere: any such role of theirs counts.
        return !secondFactorWaived && (role != null && role.requiresSecondFactor()
                || memberships.stream().anyMatch(m -> m.getRole().requiresSecondFactor()));
    }

    public boolean hasSecondFactor() {
        return totpEnrolledAt != null && totpSecret != null;
    }

    void enrolSecondFactor(String secret, long acceptedStep, Instant now) {
        this.totpSecret = secret;
        this.totpLastStep = acceptedStep;
        this.totpEnrolledAt = now;
    }

    void removeSecondFactor() {
        this.totpSecret = null;
        this.totpEnrolledAt = null;
        this.totpLastStep = 0;
    }

    /** Accepts a code's step once: a step at or before the last accepted one is a replay. */
    boolean acceptStep(long step) {
        if (step <= totpLastStep) {
            return false;
        }
        totpLastStep = step;
        return true;
    }

    String getTotpSecret() {
        return totpSecret;
    }

    public Instant getTotpEnrolledAt() {
        return totpEnrolledAt;
    }

    public boolean isSecondFactorWaived() {
        return secondFactorWaived;
    }

    void waiveSecondFactor() {
        this.secondFactorWaived = true;
    }

    public Instant getSessionsValidFrom() {
        return sessionsValidFrom;
    }

    void activate() {
        status = AccountStatus.ACTIVE;
    }

    void setStatus(AccountStatus status) {
        this.status = status;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** Another role in the municipality they work in now, and so in its membership. */
    void changeRole(Role newRole) {
        this.role = newRole;
        membershipIn(municipality == null ? null : municipality.getId()).ifPresent(m -> m.changeRole(newRole));
    }

    void assignPartner(PartnerOrganisation partner) {
        this.partner = partner;
    }

    /** The municipality a member of staff works in now; a staff role there is one of their memberships. */
    void assignMunicipality(Municipality municipality) {
        this.municipality = municipality;
        if (municipality != null && role != null && role.isMunicipalStaff()
                && membershipIn(municipality.getId()).isEmpty()) {
            memberships.add(new StaffMembership(this, municipality, role, createdAt));
        }
    }

    /** A staff role in one more municipality; the one they work in now stays the same. */
    StaffMembership addMembership(Municipality other, Role otherRole, Instant at) {
        StaffMembership membership = new StaffMembership(this, other, otherRole, at);
        memberships.add(membership);
        return membership;
    }

    /** Work in another of their municipalities, in their role there. */
    void switchTo(StaffMembership membership) {
        this.municipality = membership.getMunicipality();
        this.role = membership.getRole();
    }

    /**
     * Ends their role in one municipality. If they were working there, they continue in another of theirs; the
     * caller makes sure one is left.
     */
    void removeMembership(StaffMembership membership) {
        memberships.remove(membership);
        if (municipality != null && membership.isIn(municipality.getId()) && !memberships.isEmpty()) {
            switchTo(memberships.get(0));
        }
    }

    public Optional<StaffMembership> membershipIn(Long municipalityId) {
        return municipalityId == null ? Optional.empty()
                : memberships.stream().filter(m -> m.isIn(municipalityId)).findFirst();
    }

    public List<StaffMembership> getMemberships() {
        return List.copyOf(memberships);
    }

    public void setPreferredLocale(String preferredLocale) {
        this.preferredLocale = preferredLocale;
    }

    /** For the audit trail: no password hash, nothing beyond what an administrator sees. */
    public String auditSummary() {
        return "email=" + email + ", name=" + displayName + ", role=" + role + ", status=" + status
                + (partner == null ? "" : ", partner=" + partner.getName())
                + (municipality == null ? "" : ", municipality=" + municipality.getCode());
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public PartnerOrganisation getPartner() {
        return partner;
    }

    public Municipality getMunicipality() {
        return municipality;
    }

    public String getPreferredLocale() {
        return preferredLocale;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
