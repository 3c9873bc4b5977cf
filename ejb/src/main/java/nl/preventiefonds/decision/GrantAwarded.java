package nl.preventiefonds.decision;

/**
 * Fired inside the decision's transaction when money is granted, so payments and monitoring can follow up
 * without the decision package depending on them. Observers run synchronously; a failure rolls back the
 * decision.
 */
public record GrantAwarded(GrantDecision decision) {
}
