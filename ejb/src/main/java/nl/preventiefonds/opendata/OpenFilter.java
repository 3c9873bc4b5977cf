package nl.preventiefonds.opendata;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.preventiefonds.call.Theme;

/**
 * What a visitor narrows the open register to; every part is optional (null = all).
 *
 * @param municipality the CBS code (GMxxxx, upper case) of the municipality whose awards these are; null = all
 *     municipalities of the installation
 * @param year the year of the award decision
 * @param theme one theme of the initiative
 * @param neighbourhoods CBS codes (WKxxxxxx) of which an initiative must run in at least one; null = anywhere,
 *     empty = none (a neighbourhood name that matched no published neighbourhood)
 * @param text words in the reference, title, summary or a published organisation name
 */
public record OpenFilter(String municipality, Integer year, Theme theme, List<String> neighbourhoods, String text) {
    public static final OpenFilter ALL = new OpenFilter(null, null, null, (List<String>) null, null);
    private static final Pattern CBS_CODE = Pattern.compile("GM\\d{4}");

    public OpenFilter {
        if (municipality != null) {
            String code = municipalityCode(municipality);
            if (code == null) {
                throw new IllegalArgumentException("not a CBS municipality code: " + municipality);
            }
            municipality = code;
        }
        neighbourhoods = neighbourhoods == null ? null : List.copyOf(neighbourhoods);
        text = blankToNull(text);
        if (text != null && text.length() > 100) {
            text = text.substring(0, 100);
        }
    }

    /** One neighbourhood by its CBS code, or anywhere when blank. */
    public OpenFilter(String municipality, Integer year, Theme theme, String neighbourhood, String text) {
        this(municipality, year, theme, blankToNull(neighbourhood) == null ? null : List.of(neighbourhood.strip()),
                text);
    }

    /** Everything of one municipality (null = all municipalities). */
    public static OpenFilter of(String municipality) {
        return new OpenFilter(municipality, null, null, (List<String>) null, null);
    }

    /** A CBS municipality code in any case ("gm0106" is GM0106), else null. */
    public static String municipalityCode(String text) {
        if (text == null) {
            return null;
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return CBS_CODE.matcher(upper).matches() ? upper : null;
    }

    /** True when the filter can match nothing, so no query is needed. */
    public boolean matchesNothing() {
        return neighbourhoods != null && neighbourhoods.isEmpty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
