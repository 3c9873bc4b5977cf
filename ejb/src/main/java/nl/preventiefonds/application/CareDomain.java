package nl.preventiefonds.application;

/** Specialised care an initiative aims to make less needed. */
public enum CareDomain {
    WMO,
    YOUTH_CARE,
    SHELTERED_HOUSING,
    DEBT_RELIEF,
    INFORMAL_CARE
}
