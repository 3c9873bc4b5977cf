package nl.preventiefonds.monitoring;

/** Why a report is asked for; labels live in the UI bundle as reportPurpose.NAME. */
public enum ReportPurpose {
    /** Halfway: how it is going; no determination follows from it. */
    PROGRESS,
    /** After the activities: the basis of the determination (vaststelling). */
    FINAL
}
