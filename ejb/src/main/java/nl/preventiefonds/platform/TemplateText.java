package nl.preventiefonds.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The placeholder language of letter and mail templates, pure. A text is blocks separated by an empty line; a block whose
 * first line starts with "# " is a heading, any other block a paragraph. A placeholder is a name in double braces,
 * {@code {{aanvrager}}}. Strict: a name the kind does not offer, a brace that opens or closes nothing, or an empty
 * text is refused on save, each with a message naming what is wrong. Filling is one pass per block: a value that
 * itself contains "{{x}}" is printed as it is, never filled again, and cannot make a heading or a new block.
 */
public final class TemplateText {
    /** Longer texts do not fit the column, and no letter needs them. */
    public static final int MAX_LENGTH = 8000;
    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    private TemplateText() {
    }

    /** A heading or a paragraph of the filled letter text. */
    public record Block(boolean heading, String text) {
    }

    /** Everything wrong with {@code text} for a template that offers {@code allowed}; empty when it can be saved. */
    public static List<Problem> check(String text, Set<String> allowed) {
        List<Problem> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            problems.add(Problem.of("template.textRequired"));
            return problems;
        }
        if (text.length() > MAX_LENGTH) {
            problems.add(Problem.of("template.tooLong", MAX_LENGTH));
        }
        Set<String> unknown = new LinkedHashSet<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf(OPEN, i);
            int close = text.indexOf(CLOSE, i);
            int stray = firstSingleBrace(text, i, open < 0 ? text.length() : open);
            if (stray >= 0) {
                problems.add(Problem.of("template.strayBrace", line(text, stray), excerpt(text, stray)));
                return problems; // what follows cannot be read reliably
            }
            if (open < 0) {
                if (close >= 0) {
                    problems.add(Problem.of("template.strayBrace", line(text, close), excerpt(text, close)));
                }
                break;
            }
            if (close >= 0 && close < open) {
                problems.add(Problem.of("template.strayBrace", line(text, close), excerpt(text, close)));
                return problems;
            }
            int end = text.indexOf(CLOSE, open + OPEN.length());
            int nextOpen = text.indexOf(OPEN, open + OPEN.length());
            if (end < 0 || nextOpen >= 0 && nextOpen < end) {
                problems.add(Problem.of("template.unclosedPlaceholder", line(text, open), excerpt(text, open)));
                return problems;
            }
            String name = text.substring(open + OPEN.length(), end);
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
            i = end + CLOSE.length();
        }
        for (String name : unknown) {
            problems.add(Problem.of("template.unknownPlaceholder", "{{" + name + "}}"));
        }
        return problems;
    }

    /** The index of a '{' or '}' between from and to that is not part of "{{" or "}}", or -1. */
    private static int firstSingleBrace(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '{' || c == '}') {
                return k;
            }
        }
        return -1;
    }

    private static int line(String text, int index) {
        int line = 1;
        for (int k = 0; k < index; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String excerpt(String text, int index) {
        int start = Math.max(0, index - 15);
        int end = Math.min(text.length(), index + 15);
        return text.substring(start, end).replace('\n', ' ').strip();
    }

    /**
     * The placeholders {@code text} uses, in order of first use. For a text that passed {@link #check}.
     */
    public static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        int i = 0;
        while (true) {
            int open = text.indexOf(OPEN, i);
            int end = open < 0 ? -1 : text.indexOf(CLOSE, open + OPEN.length());
            if (end < 0) {
                return names;
            }
            names.add(text.substring(open + OPEN.length(), end));
            i = end + CLOSE.length();
        }
    }

    /**
     * The blocks of {@code text} with every placeholder replaced by its value, in one pass. A paragraph that is
     * empty once filled (an optional value such as {{motivering}} left blank) is left out. Throws
     * IllegalArgumentException for a placeholder without a value: a saved text only uses names its kind offers.
     */
    public static List<Block> fill(String text, Map<String, String> values) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').split("\n[ \t]*\n")) {
            String block = raw.strip();
            if (block.isEmpty()) {
                continue;
            }
            boolean heading = block.startsWith("# ");
            String filled = substitute(heading ? block.substring(2).strip() : block, values).strip();
            if (!filled.isEmpty()) {
                blocks.add(new Block(heading, filled));
            }
        }
        return blocks;
    }

    /**
     * One pass: the text between placeholders is copied, each placeholder replaced by its value as it is. For texts
     * without blocks (a mail's subject and body); throws IllegalArgumentException for a placeholder without a value.
     */
    public static String substitute(String text, Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int i = 0;
        while (true) {
            int open = text.indexOf(OPEN, i);
            int end = open < 0 ? -1 : text.indexOf(CLOSE, open + OPEN.length());
            if (end < 0) {
                out.append(text, i, text.length());
                return out.toString();
            }
            String name = text.substring(open + OPEN.length(), end);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for placeholder " + name);
            }
            String value = values.get(name);
            out.append(text, i, open).append(value == null ? "" : value);
            i = end + CLOSE.length();
        }
    }
}
