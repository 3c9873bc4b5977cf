package nl.preventiefonds.application;

/** Residents an initiative is meant for. */
public enum TargetGroup {
    CHILDREN,
    YOUNG_PEOPLE,
    PARENTS,
    ADULTS,
    OLDER_PEOPLE,
    INFORMAL_CARERS,
    NEWCOMERS,
    PEOPLE_WITH_DISABILITIES,
    LOW_INCOME_HOUSEHOLDS,
    ALL_RESIDENTS
}
