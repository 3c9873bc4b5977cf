package nl.preventiefonds.call;

/** Themes of prevention work a call funds; labels live in the UI bundle as theme.NAME. */
public enum Theme {
    MEETING_PLACE,
    INFORMAL_CARE_SUPPORT,
    PARENTING_SUPPORT,
    DEBT_PREVENTION,
    HEALTHY_LIVING,
    LONELINESS,
    YOUTH_PARTICIPATION
}
