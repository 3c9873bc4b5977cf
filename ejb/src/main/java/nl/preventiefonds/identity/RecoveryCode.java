package nl.preventiefonds.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A single-use code that stands in for the authenticator app once; only its SHA-256 hash is stored. */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode implements Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private UserAccount user;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
    }

    RecoveryCode(UserAccount user, String codeHash) {
        this.user = user;
        this.codeHash = codeHash;
    }

    boolean isUsed() {
        return usedAt != null;
    }

    void markUsed(Instant now) {
        usedAt = now;
    }
}
