package nl.preventiefonds.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A4 letters and receipts with PDFBox. Liberation Sans (SIL Open Font License) is embedded, so
 * €, ë and é render the same on every reader. Text wraps, long words are split, pages break
 * by themselves and every page gets "page x of y".
 */
public final class LetterPdf {
    private static final float MARGIN = 56;
    private static final float FOOTER_HEIGHT = 40;
    private static final float LABEL_WIDTH = 150;
    private static final float BODY_SIZE = 10.5f;
    private static final float LEADING = 1.35f;

    private final PDDocument document = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private final List<PDPage> pages = new ArrayList<>();
    private final java.util.Map<Integer, Boolean> glyphs = new java.util.HashMap<>();
    private PDPageContentStream content;
    private float y;

    private LetterPdf(String letterheadTitle, String letterheadSubtitle) {
        try {
            regular = load("/liberation/LiberationSans-Regular.ttf");
            bold = load("/liberation/LiberationSans-Bold.ttf");
            newPage();
            write(bold, 16, clean(letterheadTitle));
            y -= 2;
            write(regular, 11, clean(letterheadSubtitle));
            y -= 6;
            content.setLineWidth(0.6f);
            content.moveTo(MARGIN, y);
            content.lineTo(MARGIN + width, y);
            content.stroke();
            y -= 18;
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException(e);
        }
    }

    public static LetterPdf a4(String letterheadTitle, String letterheadSubtitle) {
        return new LetterPdf(letterheadTitle, letterheadSubtitle);
    }

    private PDType0Font load(String resource) throws IOException {
        try (InputStream in = LetterPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font missing from the class path: " + resource);
            }
            return PDType0Font.load(document, in, true);
        }
    }

    public LetterPdf documentTitle(String title) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(clean(title));
        info.setCreator("Preventiefonds");
        info.setCreationDate(Calendar.getInstance());
        return this;
    }

    public LetterPdf heading(String text) {
        return run(() -> {
            y -= 8;
            ensureRoom(13 * LEADING * 2);
            for (String line : wrap(bold, 13, clean(text), width)) {
                write(bold, 13, line);
            }
            y -= 2;
        });
    }

    /** A label in bold on the left and its value, wrapped, on the right. */
    public LetterPdf field(String label, String value) {
        return run(() -> {
            List<String> labelLines = wrap(bold, BODY_SIZE, clean(label), LABEL_WIDTH - 8);
            List<String> valueLines = wrap(regular, BODY_SIZE, value == null || value.isBlank() ? "-" : clean(value),
                    width - LABEL_WIDTH);
            int rows = Math.max(labelLines.size(), valueLines.size());
            for (int i = 0; i < rows; i++) {
                ensureRoom(BODY_SIZE * LEADING);
                y -= BODY_SIZE * LEADING;
                if (i < labelLines.size()) {
                    text(bold, BODY_SIZE, MARGIN, labelLines.get(i));
                }
                if (i < valueLines.size()) {
                    text(regular, BODY_SIZE, MARGIN + LABEL_WIDTH, valueLines.get(i));
                }
            }
            y -= 2;
        });
    }

    /** Wrapped text; a line break in the text starts a new line. */
    public LetterPdf paragraph(String text) {
        return run(() -> {
            for (String part : (text == null ? "" : text).split("\\R", -1)) {
                for (String line : wrap(regular, BODY_SIZE, clean(part), width)) {
                    write(regular, BODY_SIZE, line);
                }
            }
            y -= 6;
        });
    }

    public LetterPdf bullet(String text) {
        return run(() -> {
            List<String> lines = wrap(regular, BODY_SIZE, clean(text), width - 14);
            for (int i = 0; i < lines.size(); i++) {
                ensureRoom(BODY_SIZE * LEADING);
                y -= BODY_SIZE * LEADING;
                if (i == 0) {
                    text(regular, BODY_SIZE, MARGIN + 2, "•");
                }
                text(regular, BODY_SIZE, MARGIN + 14, lines.get(i));
            }
            y -= 2;
        });
    }

    public LetterPdf space() {
        y -= BODY_SIZE;
        return this;
    }

    /** Finishes the document with "page x of y" (e.g. "Pagina %d van %d") on every page. */
    public byte[] toBytes(String pageFooterPattern) {
        try {
            content.close();
            int total = pages.size();
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String label = String.format(pageFooterPattern, i + 1, total);
                    float labelWidth = regular.getStringWidth(label) / 1000 * 8.5f;
                    footer.beginText();
                    footer.setFont(regular, 8.5f);
                    footer.newLineAtOffset(MARGIN + width - labelWidth, MARGIN / 2);
                    footer.showText(label);
                    footer.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly();
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private LetterPdf run(Step step) {
        try {
            step.run();
            return this;
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException(e);
        }
    }

    private void closeQuietly() {
        try {
            document.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void ensureRoom(float height) throws IOException {
        if (y - height < MARGIN + FOOTER_HEIGHT) {
            newPage();
        }
    }

    private void write(PDType0Font font, float size, String line) throws IOException {
        ensureRoom(size * LEADING);
        y -= size * LEADING;
        text(font, size, MARGIN, line);
    }

    private void text(PDType0Font font, float size, float x, String line) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(line);
        content.endText();
    }

    /** Greedy word wrap; words wider than a line are split. */
    private static List<String> wrap(PDType0Font font, float size, String text, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(font, size, rest) > maxWidth) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxWidth) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    private static float width(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Tabs become spaces; control characters and characters the font lacks become '?'. */
    private String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        text.replace('\t', ' ').codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                cleaned.append(' ');
            } else if (hasGlyph(cp)) {
                cleaned.appendCodePoint(cp);
            } else {
                cleaned.append('?');
            }
        });
        return cleaned.toString();
    }

    private boolean hasGlyph(int codePoint) {
        return glyphs.computeIfAbsent(codePoint, cp -> {
            String character = new String(Character.toChars(cp));
            try {
                regular.encode(character);
                bold.encode(character);
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }
}
