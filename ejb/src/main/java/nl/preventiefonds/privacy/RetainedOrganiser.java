package nl.preventiefonds.privacy;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** An organiser in the retention list: who, since when, and the fact the term ran from (a class: EL reads getters). */
public class RetainedOrganiser implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String displayName;
    private final String email;
    private final Instant createdAt;
    private final LocalDate lastFact;

    public RetainedOrganiser(long id, String displayName, String email, Instant createdAt, LocalDate lastFact) {
        this.id = id;
        this.displayName = displayName;
        this.email = email;
        this.createdAt = createdAt;
        this.lastFact = lastFact;
    }

    public long getId() {
        return id;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public LocalDate getLastFact() {
        return lastFact;
    }

    public LocalDate getRetentionEndedAfter() {
        return RetentionRule.endsAfter(lastFact);
    }
}
