package nl.preventiefonds.opendata;

import nl.preventiefonds.call.Theme;

/**
 * What a visitor narrows the open register to; every part is optional (null = all).
 *
 * @param year the year of the award decision
 * @param theme one theme of the initiative
 * @param neighbourhood a neighbourhood's CBS code (WKxxxxxx)
 * @param text words in the reference, title, summary or a published organisation name
 */
public record OpenFilter(Integer year, Theme theme, String neighbourhood, String text) {
    public static final OpenFilter ALL = new OpenFilter(null, null, null, null);

    public OpenFilter {
        neighbourhood = blankToNull(neighbourhood);
        text = blankToNull(text);
        if (text != null && text.length() > 100) {
            text = text.substring(0, 100);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
