package nl.preventiefonds.platform;

/**
 * Free text as the product stores it. Bidirectional embedding, override and isolate controls (U+202A to U+202E,
 * U+2066 to U+2069) reverse what follows them on screen, in letters and in exports: a title could show as another
 * word than it holds ("Trojan Source"). Nobody types them on purpose in Dutch or English text, so they are removed
 * on input; the left-to-right and right-to-left marks (U+200E, U+200F), which only nudge punctuation, stay.
 */
public final class FreeText {

    private FreeText() {
    }

    /** The text without bidi controls; null stays null. */
    public static String withoutBidiControls(String text) {
        if (text == null) {
            return null;
        }
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isBidiControl(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    /** Stripped, without bidi controls, null when nothing is left. */
    public static String clean(String text) {
        String clean = withoutBidiControls(text);
        if (clean == null || clean.isBlank()) {
            return null;
        }
        return clean.strip();
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isBidiControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }
}
