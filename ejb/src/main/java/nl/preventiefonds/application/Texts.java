package nl.preventiefonds.application;

/** Input text as stored: without bidi controls, trimmed, null when empty, cut to the column's length. */
final class Texts {
    private Texts() {
    }

    static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        String stripped = nl.preventiefonds.platform.FreeText.withoutBidiControls(text).strip();
        if (stripped.isEmpty()) {
            return null;
        }
        return stripped.length() > maxLength ? stripped.substring(0, maxLength) : stripped;
    }
}
