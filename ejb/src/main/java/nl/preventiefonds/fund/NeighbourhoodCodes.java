package nl.preventiefonds.fund;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * CBS region codes as the Kerncijfers wijken en buurten use them: GMgggg for a municipality, WKggggww for one of its
 * wijken, BUggggwwbb for one of its buurten. The digits gggg tie a wijk or buurt to its municipality.
 */
public final class NeighbourhoodCodes {
    private static final Pattern NEIGHBOURHOOD = Pattern.compile("WK\\d{6}|BU\\d{8}");
    private static final Pattern MUNICIPALITY = Pattern.compile("GM\\d{4}");

    private NeighbourhoodCodes() {
    }

    /** Upper case without spaces (CBS pads its codes: "WK010600  "); null stays null. */
    public static String normalise(String code) {
        return code == null ? null : code.replaceAll("[\\s\u00A0]", "").toUpperCase(Locale.ROOT);
    }

    /** A wijk (WK + 6 digits) or buurt (BU + 8 digits) code. */
    public static boolean isNeighbourhood(String code) {
        return code != null && NEIGHBOURHOOD.matcher(code).matches();
    }

    public static boolean isMunicipality(String code) {
        return code != null && MUNICIPALITY.matcher(code).matches();
    }

    public static boolean isBuurt(String code) {
        return code != null && code.startsWith("BU");
    }

    /** Whether a wijk, buurt or municipality code lies in the municipality with this GMgggg code. */
    public static boolean belongsTo(String code, String municipalityCode) {
        return code != null && municipalityCode != null && code.length() >= 6 && municipalityCode.length() == 6
                && code.regionMatches(2, municipalityCode, 2, 4);
    }
}
