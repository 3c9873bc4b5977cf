package nl.preventiefonds.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * An organisation by its KvK number, one for the whole installation (the KvK register is national). Created when
 * someone first acts for it (a broker's claim); its applications and awards are read per municipality from the
 * applications that name its number (see {@link OrganisationRegistry}).
 */
@Entity
@Table(name = "organisation")
public class Organisation implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "kvk_number", nullable = false, length = 8, unique = true, updatable = false)
    private String kvkNumber;

    @Column(name = "claimed_name", length = 200)
    private String claimedName;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Organisation() {
    }

    public Organisation(String kvkNumber, Instant now) {
        this.kvkNumber = kvkNumber;
        this.createdAt = now;
    }

    /** The name the broker confirmed, as the KvK register has it. */
    void claimedAs(String name, Instant now) {
        if (name != null && !name.isBlank()) {
            this.claimedName = name.strip().length() > 200 ? name.strip().substring(0, 200) : name.strip();
            this.claimedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public String getKvkNumber() {
        return kvkNumber;
    }

    public String getClaimedName() {
        return claimedName;
    }

    public Instant getClaimedAt() {
        return claimedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
