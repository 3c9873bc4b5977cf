package nl.preventiefonds.call;

/** How a call shares its money when more is asked than it has. */
public enum DistributionRule {
    /** In order of complete submission until the money runs out. */
    FIRST_COME,
    /** All applications of the round are scored and ranked; the best are funded. */
    RANKING
}
