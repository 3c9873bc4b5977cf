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

/** A single-use link token (e-mail confirmation, invitation of staff, password reset); only its SHA-256 hash is stored. */
@Entity
@Table(name = "account_token")
public class AccountToken implements Serializable {
    private static final long serialVersionUID = 1L;
    public enum Purpose { ACTIVATION, INVITATION, PASSWORD_RESET }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private UserAccount user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected AccountToken() {
    }

    AccountToken(UserAccount user, Purpose purpose, String tokenHash, Instant expiresAt) {
        this.user = user;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
    }

    /** The token behind this link text if it may still be used: known, of this purpose, not used, not expired. */
    static java.util.Optional<AccountToken> findUsable(jakarta.persistence.EntityManager em, String token,
                                                       Purpose purpose, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return java.util.Optional.empty();
        }
        return em.createQuery("SELECT t FROM AccountToken t WHERE t.tokenHash = :hash AND t.purpose = :purpose",
                        AccountToken.class)
                .setParameter("hash", AccountService.sha256(token.trim())).setParameter("purpose", purpose)
                .getResultStream().filter(t -> t.isUsableAt(now)).findFirst();
    }

    boolean isUsableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void markUsed(Instant now) {
        usedAt = now;
    }

    UserAccount getUser() {
        return user;
    }

    Purpose getPurpose() {
        return purpose;
    }
}
