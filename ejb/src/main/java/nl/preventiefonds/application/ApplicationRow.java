package nl.preventiefonds.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of an application list (staff, organiser): the columns they show and nothing else. Read as a projection, so a page of 25 builds
 * no entities, joins no call, fund or municipality, and keeps only these values in the view (the session).
 */
public final class ApplicationRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long id;
    private final String reference;
    private final String title;
    private final String organisationName;
    private final ApplicationStatus status;
    private final BigDecimal requestedAmount;
    private final Instant submittedAt;
    private final LocalDate decisionDueOn;
    private final long callId;
    private final Instant callClosesAt;
    private final Instant updatedAt;

    /** The JPQL behind it: {@link #SELECT} ... FROM Application a LEFT JOIN a.call c. */
    public ApplicationRow(long id, String reference, String title, String organisationName, ApplicationStatus status,
                          BigDecimal requestedAmount, Instant submittedAt, LocalDate decisionDueOn, long callId,
                          Instant callClosesAt, Instant updatedAt) {
        this.id = id;
        this.reference = reference;
        this.title = title;
        this.organisationName = organisationName;
        this.status = status;
        this.requestedAmount = requestedAmount;
        this.submittedAt = submittedAt;
        this.decisionDueOn = decisionDueOn;
        this.callId = callId;
        this.callClosesAt = callClosesAt;
        this.updatedAt = updatedAt;
    }

    /** The line of an application already loaded as an entity (lists that need the entity for other reasons). */
    public static ApplicationRow of(Application a) {
        return new ApplicationRow(a.getId(), a.getReference(), a.getTitle(), a.getOrganisationName(), a.getStatus(),
                a.getRequestedAmount(), a.getSubmittedAt(), a.getDecisionDueOn(), a.getCall().getId(),
                a.getCall().getClosesAt(), a.getUpdatedAt());
    }

    /** The select clause for an application {@code a} with its call {@code c} left-joined. */
    public static final String SELECT = "SELECT NEW nl.preventiefonds.application.ApplicationRow(a.id, a.reference,"
            + " a.title, a.organisationName, a.status, a.requestedAmount, a.submittedAt, a.decisionDueOn, c.id,"
            + " c.closesAt, a.updatedAt)";

    public long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getTitle() {
        return title;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public BigDecimal getRequestedAmount() {
        return requestedAmount;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public LocalDate getDecisionDueOn() {
        return decisionDueOn;
    }

    public long getCallId() {
        return callId;
    }

    /** Until when a draft can be submitted. */
    public Instant getCallClosesAt() {
        return callClosesAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
