package nl.preventiefonds.opendata;

import java.util.List;
import nl.preventiefonds.call.Theme;

/**
 * What a visitor narrows the open register to; every part is optional (null = all).
 *
 * @param year the year of the award decision
 * @param theme one theme of the initiative
 * @param neighbourhoods CBS codes (WKxxxxxx) of which an initiative must run in at least one; null = anywhere,
 *     empty = none (a neighbourhood name that matched no published neighbourhood)
 * @param text words in the reference, title, summary or a published organisation name
 */
public record OpenFilter(Integer year, Theme theme, List<String> neighbourhoods, String text) {
    public static final OpenFilter ALL = new OpenFilter(null, null, (List<String>) null, null);

    public OpenFilter {
        neighbourhoods = neighbourhoods == null ? null : List.copyOf(neighbourhoods);
        text = blankToNull(text);
        if (text != null && text.length() > 100) {
            text = text.substring(0, 100);
        }
    }

    /** One neighbourhood by its CBS code, or anywhere when blank. */
    public OpenFilter(Integer year, Theme theme, String neighbourhood, String text) {
        this(year, theme, blankToNull(neighbourhood) == null ? null : List.of(neighbourhood.strip()), text);
    }

    /** True when the filter can match nothing, so no query is needed. */
    public boolean matchesNothing() {
        return neighbourhoods != null && neighbourhoods.isEmpty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
