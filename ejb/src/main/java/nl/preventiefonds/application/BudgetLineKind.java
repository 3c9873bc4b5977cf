package nl.preventiefonds.application;

/** A cost, money from others, or volunteer hours given in kind (counted in hours, not euros). */
public enum BudgetLineKind {
    COST,
    CO_FUNDING,
    IN_KIND_HOURS
}
