package nl.preventiefonds.platform.scan;

/** No verdict: the scanner could not be reached, timed out or reported an error. Checked so no caller forgets it. */
public class ScanUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public ScanUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ScanUnavailableException(String message) {
        super(message);
    }
}
