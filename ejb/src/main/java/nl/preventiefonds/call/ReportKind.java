package nl.preventiefonds.call;

/** What a recipient must deliver before the grant is determined (vaststelling). */
public enum ReportKind {
    /** Determined directly, without a report. */
    NONE,
    ACTIVITY_REPORT,
    ACTIVITY_AND_FINANCIAL_REPORT,
    /** Activity and financial report with an accountant's statement. */
    ACCOUNTANT_STATEMENT
}
