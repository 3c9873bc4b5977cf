package nl.preventiefonds.call;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An open call as the organiser's start page lists it: what an organiser needs to choose one, read as a
 * projection so a page of calls builds no entities and keeps little in the view.
 */
public final class OpenCall implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long id;
    private final String title;
    private final String description;
    private final Instant closesAt;
    private final BigDecimal minAmount;
    private final BigDecimal maxAmount;
    private final int decisionTermWeeks;
    /** Organisers may apply in several municipalities: each call says whose it is. */
    private final String municipalityName;

    public OpenCall(long id, String title, String description, Instant closesAt, BigDecimal minAmount,
                    BigDecimal maxAmount, int decisionTermWeeks, String municipalityName) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.closesAt = closesAt;
        this.minAmount = minAmount;
        this.maxAmount = maxAmount;
        this.decisionTermWeeks = decisionTermWeeks;
        this.municipalityName = municipalityName;
    }

    public long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public BigDecimal getMinAmount() {
        return minAmount;
    }

    public BigDecimal getMaxAmount() {
        return maxAmount;
    }

    public int getDecisionTermWeeks() {
        return decisionTermWeeks;
    }

    public String getMunicipalityName() {
        return municipalityName;
    }
}
