package nl.preventiefonds.monitoring;

/** Where a report request is; labels live in the UI bundle as reportStatus.NAME. */
public enum ReportRequestStatus {
    OPEN,
    SUBMITTED,
    /** The officer asked for more; a further report is due by the new date. */
    MORE_REQUESTED,
    ACCEPTED,
    /** No longer needed: the grant was determined before it was delivered. */
    CANCELLED;

    /** The recipient still owes a report. */
    public boolean isOutstanding() {
        return this == OPEN || this == MORE_REQUESTED;
    }
}
