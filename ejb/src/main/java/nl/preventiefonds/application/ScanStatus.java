package nl.preventiefonds.application;

/** Whether a stored file was scanned for malware. A flagged file is never stored: it is a {@link QuarantinedFile}. */
public enum ScanStatus {
    /** Scanning was off when it was uploaded (the demo; files from before scanning). */
    NOT_SCANNED,
    /** The scanner found nothing. */
    CLEAN
}
