package nl.preventiefonds.template;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import nl.preventiefonds.platform.LetterPdf;
import nl.preventiefonds.platform.TemplateText;

/**
 * The text a letter is made from: a saved version of the municipality's template ({@code versionId} and its
 * number), or the kind's built-in text (no id, number 0). Its {@link #label()} is printed in the letter's footer
 * and kept on the issued document.
 */
public record LetterText(LetterKind kind, Long versionId, int number, String text) implements Serializable {
    public LetterText {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public static LetterText builtIn(LetterKind kind) {
        return new LetterText(kind, null, 0, kind.builtInText());
    }

    public boolean isBuiltIn() {
        return versionId == null;
    }

    /** "Sjabloon toekenning v3", or "Sjabloon toekenning standaard" for the built-in text. */
    public String label() {
        return "Sjabloon " + kind.dutchName() + (isBuiltIn() ? " standaard" : " v" + number);
    }

    /** The label before the page numbers, for {@link LetterPdf#toBytes(String)}. */
    public String footerPattern() {
        return label().replace("%", "%%") + " \u00b7 Pagina %d van %d";
    }

    /** Writes the filled text into {@code letter}: its headings and paragraphs, in order. */
    public void writeTo(LetterPdf letter, Map<String, String> values) {
        for (TemplateText.Block block : TemplateText.fill(text, values)) {
            if (block.heading()) {
                letter.heading(block.text());
            } else {
                letter.paragraph(block.text());
            }
        }
    }
}
