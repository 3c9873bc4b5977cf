package nl.preventiefonds.platform.scan;

/** A scanner's answer: clean, or infected with the named signature. */
public record ScanVerdict(boolean infected, String signature) {
    public static final ScanVerdict CLEAN = new ScanVerdict(false, null);

    public static ScanVerdict found(String signature) {
        return new ScanVerdict(true, signature);
    }
}
