package nl.preventiefonds.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text compared the way people type it: without case and accents, so that "noe" finds "Noë". */
public final class Folding {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Folding() {
    }

    /** Lower case without accents: "Cliënten" is "clienten". */
    public static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
