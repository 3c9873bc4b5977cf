package nl.preventiefonds.decision;

/**
 * Fired inside the transaction of an upheld objection when a decision that granted money is replaced by a new one
 * (Awb 7:11), so payments and monitoring correct what the contested decision set in motion without the decision
 * package depending on them. A decision that granted nothing and is replaced by an award fires
 * {@link GrantAwarded} instead: nothing was set in motion yet.
 */
public record DecisionReplaced(GrantDecision replaced, GrantDecision replacement) {
}
