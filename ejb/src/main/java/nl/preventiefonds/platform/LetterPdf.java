package nl.preventiefonds.platform;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDLayoutAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Builds A4 letters and receipts. Liberation Sans is embedded (subset), so the PDF shows €, ë and é the same
 * everywhere; an emoji it lacks is drawn from Noto Emoji (embedded only when a letter uses it), so the PDF shows
 * the text the page shows; characters neither font has become '?' instead of failing the whole letter. All texts
 * come from the caller. Use with try-with-resources unless {@link #toBytes(String)} is reached, which closes it.
 * <p>
 * Every document is tagged and archivable: PDF/UA-1 (a screen reader finds headings, lists, tables with their
 * header cells, the logo's text alternative, and Dutch as the language) and PDF/A-2a (fonts embedded, an sRGB
 * output intent, XMP metadata naming both standards). Text is real content in a structure element; rules, bars,
 * page numbers and repeated table headers are artifacts. veraPDF checks this in the tests.
 */
public final class LetterPdf implements AutoCloseable {
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN_LEFT = 70;
    static final float MARGIN_RIGHT = 60;
    static final float MARGIN_TOP = 60;
    /** Content stops here; below it only the footer. */
    static final float MARGIN_BOTTOM = 70;
    static final float FOOTER_BASELINE = 36;
    static final float LABEL_WIDTH = 150;
    /** The largest a logo is drawn, in points (about 5.3 by 2.1 cm). */
    static final float LOGO_WIDTH = 150;
    static final float LOGO_HEIGHT = 60;

    private static final float CONTENT_WIDTH = PAGE.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;
    private static final float BODY_SIZE = 10.5f;
    private static final float BODY_LEADING = 14.5f;
    private static final float HEADING_SIZE = 13;
    private static final float HEADING_LEADING = 17;
    private static final float TITLE_SIZE = 16;
    private static final float SUBTITLE_SIZE = 11;
    private static final float FOOTER_SIZE = 8.5f;
    private static final float LETTERHEAD_SIZE = 9;
    private static final float LABEL_GUTTER = 10;
    private static final float BULLET_INDENT = 16;
    private static final String BULLET = "\u2022";
    private static final String REPLACEMENT = "?";
    private static final String TAB = "    ";

    private final PDDocument document;
    private final ParsedFonts fonts;
    private final PDType0Font regular;
    private final PDType0Font bold;
    /** Noto Emoji, parsed and loaded the first time this letter shows a character only it has. */
    private TrueTypeFont emojiParsed;
    private PDType0Font emoji;
    private final Map<PDFont, Map<Integer, Boolean>> encodable = new HashMap<>();
    private final Map<PDFont, Map<Integer, Float>> glyphWidths = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private final PDStructureTreeRoot structureRoot = new PDStructureTreeRoot();
    private final PDStructureElement body;
    /** Per page, the structure element of each marked-content id (MCID) in the order drawn: the parent tree. */
    private final Map<PDPage, List<PDStructureElement>> marked = new LinkedHashMap<>();
    /** The list that consecutive bullets (or fields) join; any other block ends it. */
    private PDStructureElement openList;
    private String openListKind;
    /** Shown as the document's title when the caller names none. */
    private String fallbackTitle;
    private PDPageContentStream stream;
    /** Top of the next line on the current page. */
    private float y;
    private boolean closed;

    private LetterPdf() throws IOException {
        fonts = ParsedFonts.borrow();
        document = new PDDocument();
        body = new PDStructureElement(StandardStructureTypes.DOCUMENT, structureRoot);
        structureRoot.appendKid(body);
        try {
            // this overload neither parses the font again nor lets the document close it; subset on save
            regular = PDType0Font.load(document, fonts.regular(), true);
            bold = PDType0Font.load(document, fonts.bold(), true);
        } catch (IOException | RuntimeException e) {
            document.close();
            ParsedFonts.giveBack(fonts);
            throw e;
        }
    }

    /**
     * What every letter of the fund opens with, in this order: the municipality as sender with the fund, then
     * reference, date, addressee and subject. One record, so all letters show the same fields the same way; a
     * missing field shows as "-".
     */
    public record Header(String municipality, String fundName, String documentTitle, String reference,
                         LocalDate date, String applicantName, String contactName, String subject,
                         String postalAddress) {
        public Header {
            Objects.requireNonNull(municipality, "municipality");
        }

        /** Without a postal address (letters of applications from before it was asked). */
        public Header(String municipality, String fundName, String documentTitle, String reference, LocalDate date,
                      String applicantName, String contactName, String subject) {
            this(municipality, fundName, documentTitle, reference, date, applicantName, contactName, subject, null);
        }

        /**
         * "Stichting X, t.a.v. Anna de Vries", or the organisation alone when no contact is known; the postal address
         * (street and number, then postcode and town) on the lines below when known.
         */
        public String addressee() {
            String name = contactName == null || contactName.isBlank() || applicantName == null ? applicantName
                    : applicantName + ", t.a.v. " + contactName;
            return postalAddress == null || postalAddress.isBlank() || name == null ? name
                    : name + "\n" + postalAddress;
        }
    }

    /**
     * The sender's own letterhead: its logo (PNG or JPEG bytes, null for none) at the top right and lines of address
     * and contact details under its name. Lines may be empty.
     */
    public record Letterhead(byte[] logo, List<String> lines) {
        public static final Letterhead NONE = new Letterhead(null, List.of());

        public Letterhead {
            lines = lines == null ? List.of() : lines.stream().filter(l -> l != null && !l.isBlank()).toList();
        }
    }

    /** A Dutch letter that starts with {@code header}: the letterhead, then the header's fields. */
    public static LetterPdf letter(Header header) {
        return letter(header, Letterhead.NONE);
    }

    /** As {@link #letter(Header)}, under the sender's letterhead (logo, address, contact details). */
    public static LetterPdf letter(Header header, Letterhead letterhead) {
        LetterPdf letter = a4("Gemeente " + header.municipality(), header.fundName(), letterhead);
        try {
            return letter.documentTitle(header.documentTitle())
                    .field("Referentienummer", header.reference())
                    .field("Datum", header.date() == null ? null : Amsterdam.longDate(header.date(), Amsterdam.DUTCH))
                    .field("Aan", header.addressee())
                    .field("Onderwerp", header.subject());
        } catch (RuntimeException e) {
            letter.close();
            throw e;
        }
    }

    /** A letter whose first page starts with a letterhead: the title in bold, the subtitle and a thin rule. */
    public static LetterPdf a4(String letterheadTitle, String letterheadSubtitle) {
        return a4(letterheadTitle, letterheadSubtitle, Letterhead.NONE);
    }

    /**
     * As {@link #a4(String, String)}, with the logo at the top right (scaled to at most {@link #LOGO_WIDTH} by
     * {@link #LOGO_HEIGHT}) and the letterhead's lines in small print under the subtitle.
     */
    public static LetterPdf a4(String letterheadTitle, String letterheadSubtitle, Letterhead letterhead) {
        LetterPdf letter;
        try {
            letter = new LetterPdf();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            letter.newPage();
            letter.fallbackTitle = letterheadTitle;
            float top = letter.y;
            float logoBottom = top;
            float textWidth = CONTENT_WIDTH;
            if (letterhead != null && letterhead.logo() != null) {
                PDImageXObject image = PDImageXObject.createFromByteArray(letter.document, letterhead.logo(), "logo");
                float scale = Math.min(LOGO_WIDTH / image.getWidth(), LOGO_HEIGHT / image.getHeight());
                float width = image.getWidth() * scale;
                float height = image.getHeight() * scale;
                logoBottom = top - height;
                float logoX = PAGE.getWidth() - MARGIN_RIGHT - width;
                PDStructureElement figure = letter.block(StandardStructureTypes.Figure);
                figure.setAlternateDescription("Logo " + letterheadTitle);
                PDLayoutAttributeObject layout = new PDLayoutAttributeObject();
                layout.setBBox(new PDRectangle(logoX, logoBottom, width, height));
                layout.setPlacement(PDLayoutAttributeObject.PLACEMENT_BLOCK);
                figure.addAttribute(layout);
                float imageBottom = logoBottom;
                letter.tagged(figure, () -> letter.stream.drawImage(image, logoX, imageBottom, width, height));
                textWidth = CONTENT_WIDTH - width - 2 * LABEL_GUTTER;
            }
            letter.lines(letter.block(StandardStructureTypes.P), letter.bold, TITLE_SIZE, TITLE_SIZE * 1.3f,
                    MARGIN_LEFT, textWidth, letterheadTitle);
            if (letterheadSubtitle != null && !letterheadSubtitle.isBlank()) {
                letter.lines(letter.block(StandardStructureTypes.P), letter.regular, SUBTITLE_SIZE,
                        SUBTITLE_SIZE * 1.4f, MARGIN_LEFT, textWidth, letterheadSubtitle);
            }
            if (letterhead != null && !letterhead.lines().isEmpty()) {
                letter.y -= 2;
                letter.stream.setNonStrokingColor(0.25f);
                for (String line : letterhead.lines()) {
                    letter.lines(letter.block(StandardStructureTypes.P), letter.regular, LETTERHEAD_SIZE,
                            LETTERHEAD_SIZE * 1.35f, MARGIN_LEFT, textWidth, line);
                }
                letter.stream.setNonStrokingColor(0f);
            }
            letter.y = Math.min(letter.y, logoBottom);
            letter.y -= 6;
            letter.rule();
            letter.y -= 2 * BODY_LEADING;
            return letter;
        } catch (IOException | RuntimeException e) {
            letter.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The document title viewers show instead of the file name. */
    public LetterPdf documentTitle(String title) {
        requireOpen();
        document.getDocumentInformation().setTitle(title);
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
        return this;
    }

    public LetterPdf heading(String text) {
        requireOpen();
        if (!atTopOfPage()) {
            y -= BODY_LEADING * 0.8f;
        }
        // keep the heading on the page of the first line below it
        ensureRoom(HEADING_LEADING + BODY_LEADING);
        return run(() -> lines(block(StandardStructureTypes.H1), bold, HEADING_SIZE, HEADING_LEADING, MARGIN_LEFT,
                CONTENT_WIDTH, text));
    }

    /** A label in bold on the left and its value, wrapped, beside it; a missing value shows as "-". */
    public LetterPdf field(String label, String value) {
        requireOpen();
        return run(() -> {
            // a list of label and value pairs: each field an item whose label is its Lbl and value its LBody
            PDStructureElement item = listItem(FIELDS);
            PDStructureElement labelElement = child(item, StandardStructureTypes.LBL);
            PDStructureElement valueElement = child(item, StandardStructureTypes.L_BODY);
            float valueX = MARGIN_LEFT + LABEL_WIDTH;
            List<String> labelLines = wrap(sanitize(label, bold), bold, BODY_SIZE, LABEL_WIDTH - LABEL_GUTTER);
            String shown = value == null || value.isBlank() ? "-" : value;
            List<String> valueLines = wrap(sanitize(shown, regular), regular, BODY_SIZE, CONTENT_WIDTH - LABEL_WIDTH);
            for (int i = 0; i < Math.max(labelLines.size(), valueLines.size()); i++) {
                ensureRoom(BODY_LEADING);
                float baseline = baseline(BODY_LEADING);
                if (i < labelLines.size()) {
                    show(labelElement, bold, BODY_SIZE, MARGIN_LEFT, baseline, labelLines.get(i));
                }
                if (i < valueLines.size()) {
                    show(valueElement, regular, BODY_SIZE, valueX, baseline, valueLines.get(i));
                }
                y -= BODY_LEADING;
            }
            y -= 2;
        });
    }

    /** Wrapped text; a '\n' starts a new line. */
    public LetterPdf paragraph(String text) {
        requireOpen();
        return run(() -> {
            lines(block(StandardStructureTypes.P), regular, BODY_SIZE, BODY_LEADING, MARGIN_LEFT, CONTENT_WIDTH, text);
            y -= BODY_LEADING * 0.5f;
        });
    }

    /** A bullet with the text hanging beside it. */
    public LetterPdf bullet(String text) {
        requireOpen();
        return run(() -> {
            ensureRoom(BODY_LEADING);
            PDStructureElement item = listItem(BULLETS);
            show(child(item, StandardStructureTypes.LBL), regular, BODY_SIZE, MARGIN_LEFT + 4, baseline(BODY_LEADING),
                    BULLET);
            lines(child(item, StandardStructureTypes.L_BODY), regular, BODY_SIZE, BODY_LEADING,
                    MARGIN_LEFT + BULLET_INDENT, CONTENT_WIDTH - BULLET_INDENT, text);
            y -= 2;
        });
    }

    /** A table column: its header, its share of the content width and whether its cells are right-aligned. */
    public record Column(String header, float weight, boolean right) {
        public Column {
            if (!(weight > 0)) {
                throw new IllegalArgumentException("a column needs a positive weight");
            }
        }
    }

    /**
     * A table over the content width: a bold header row, a thin rule under it and one row per list, each cell
     * wrapped within its column. A row is never split over two pages; the header is repeated on every page the
     * table continues on. Missing cells show as "-".
     */
    public LetterPdf table(List<Column> columns, List<List<String>> rows) {
        requireOpen();
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs columns");
        }
        return run(() -> {
            float total = 0;
            for (Column c : columns) {
                total += c.weight();
            }
            float[] widths = new float[columns.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = CONTENT_WIDTH * columns.get(i).weight() / total;
            }
            List<String> header = columns.stream().map(Column::header).toList();
            List<List<String>> headerCells = cells(bold, header, widths);
            ensureRoom(rowHeight(headerCells) + BODY_LEADING + 2);
            PDStructureElement table = block(StandardStructureTypes.TABLE);
            tableRow(child(table, StandardStructureTypes.TR), bold, columns, widths, headerCells, true);
            for (List<String> row : rows) {
                List<List<String>> cells = cells(regular, row, widths);
                float height = rowHeight(cells);
                if (y - height < MARGIN_BOTTOM && !atTopOfPage()) {
                    newPage();
                    // the header again for the eye; read once, so an artifact here
                    tableRow(null, bold, columns, widths, headerCells, true);
                }
                tableRow(child(table, StandardStructureTypes.TR), regular, columns, widths, cells, false);
            }
            y -= BODY_LEADING * 0.5f;
        });
    }

    private List<List<String>> cells(PDFont font, List<String> row, float[] widths) throws IOException {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            String text = row == null || i >= row.size() || row.get(i) == null || row.get(i).isBlank() ? "-"
                    : row.get(i);
            cells.add(wrap(sanitize(text, font).replace('\n', ' '), font, BODY_SIZE, widths[i] - LABEL_GUTTER));
        }
        return cells;
    }

    private static float rowHeight(List<List<String>> cells) {
        return cells.stream().mapToInt(List::size).max().orElse(1) * BODY_LEADING;
    }

    /** One row; {@code row} null draws it as an artifact (a header repeated on a following page). */
    private void tableRow(PDStructureElement row, PDFont font, List<Column> columns, float[] widths,
                          List<List<String>> cells, boolean header) throws IOException {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        List<PDStructureElement> cellElements = new ArrayList<>();
        for (int i = 0; row != null && i < widths.length; i++) {
            PDStructureElement cell = child(row, header ? StandardStructureTypes.TH : StandardStructureTypes.TD);
            if (header) {
                PDTableAttributeObject scope = new PDTableAttributeObject();
                scope.setScope(PDTableAttributeObject.SCOPE_COLUMN);
                cell.addAttribute(scope);
            }
            cellElements.add(cell);
        }
        for (int line = 0; line < lines; line++) {
            float x = MARGIN_LEFT;
            float baseline = baseline(BODY_LEADING);
            for (int i = 0; i < widths.length; i++) {
                List<String> cell = cells.get(i);
                if (line < cell.size()) {
                    String text = cell.get(line);
                    float at = columns.get(i).right()
                            ? x + widths[i] - LABEL_GUTTER - width(font, BODY_SIZE, text) : x;
                    show(row == null ? null : cellElements.get(i), font, BODY_SIZE, at, baseline, text);
                }
                x += widths[i];
            }
            y -= BODY_LEADING;
        }
        if (header) {
            y -= 2;
            rule();
            y -= 3;
        }
    }

    /**
     * A horizontal bar: the label on the left, a grey bar whose length is {@code share} (0 to 1, clamped; not a
     * number draws none) of the space beside it, and the value text after the bar. {@code grey} is 0 (black) to 1
     * (white).
     */
    public LetterPdf bar(String label, double share, String value, float grey) {
        requireOpen();
        return run(() -> {
            ensureRoom(BODY_LEADING);
            float valueWidth = 70;
            float barX = MARGIN_LEFT + LABEL_WIDTH;
            float maxBar = CONTENT_WIDTH - LABEL_WIDTH - valueWidth;
            double clamped = Double.isFinite(share) ? Math.max(0, Math.min(1, share)) : 0;
            float length = (float) (maxBar * clamped);
            float baseline = baseline(BODY_LEADING);
            List<String> labelLine = wrap(sanitize(label, regular).replace('\n', ' '), regular, BODY_SIZE,
                    LABEL_WIDTH - LABEL_GUTTER);
            // label and value are the content; the bar only shows the value's size again
            PDStructureElement paragraph = block(StandardStructureTypes.P);
            show(paragraph, regular, BODY_SIZE, MARGIN_LEFT, baseline, labelLine.get(0));
            if (length > 0) {
                artifact(() -> {
                    stream.setNonStrokingColor(Math.max(0, Math.min(1, grey)));
                    stream.addRect(barX, baseline - 1, length, BODY_SIZE * 0.8f);
                    stream.fill();
                    stream.setNonStrokingColor(0f);
                });
            }
            show(paragraph, regular, BODY_SIZE, barX + length + 6, baseline,
                    sanitize(value, regular).replace('\n', ' '));
            y -= BODY_LEADING;
        });
    }

    /** One line of a {@link #lineChart}: its label in the legend, a value per x label (null: none), its grey. */
    public record Series(String label, List<Double> values, float grey, boolean dashed) {
        public Series {
            values = values == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    private static final float CHART_HEIGHT = 150;
    private static final float CHART_AXIS_WIDTH = 40;
    private static final float CHART_LABEL_SIZE = 8;
    private static final int GRIDLINES = 4;

    /**
     * A line chart over the content width, one figure for a screen reader with {@code altText} as its text (the
     * caller gives the same values as a table beside it): a y axis from zero to a round number above the largest
     * value with gridlines at its quarters, the x labels under their points, and a legend. Missing values break the line. Nothing is drawn when
     * no series has a value.
     */
    public LetterPdf lineChart(String altText, List<String> xLabels, List<Series> series) {
        requireOpen();
        double max = 0;
        for (Series line : series) {
            for (Double v : line.values()) {
                if (v != null && Double.isFinite(v) && v > max) {
                    max = v;
                }
            }
        }
        if (max <= 0 || xLabels.isEmpty()) {
            return this;
        }
        double top = niceCeiling(max);
        return run(() -> {
            float legendHeight = BODY_LEADING * series.size();
            ensureRoom(CHART_HEIGHT + 2 * BODY_LEADING + legendHeight);
            float plotLeft = MARGIN_LEFT + CHART_AXIS_WIDTH;
            float plotWidth = CONTENT_WIDTH - CHART_AXIS_WIDTH - 10;
            float plotTop = y - 6;
            float plotBottom = plotTop - CHART_HEIGHT;
            PDStructureElement figure = block(StandardStructureTypes.Figure);
            figure.setAlternateDescription(altText);
            PDLayoutAttributeObject layout = new PDLayoutAttributeObject();
            float figureBottom = plotBottom - BODY_LEADING - legendHeight;
            layout.setBBox(new PDRectangle(MARGIN_LEFT, figureBottom, CONTENT_WIDTH, plotTop - figureBottom));
            layout.setPlacement(PDLayoutAttributeObject.PLACEMENT_BLOCK);
            figure.addAttribute(layout);
            float inset = 18; // the first and last year clear of the axis labels
            float step = xLabels.size() == 1 ? 0 : (plotWidth - 2 * inset) / (xLabels.size() - 1);
            float firstX = xLabels.size() == 1 ? plotLeft + plotWidth / 2 : plotLeft + inset;
            tagged(figure, () -> {
                stream.setLineWidth(0.4f);
                stream.setStrokingColor(0.75f);
                java.text.DecimalFormat gridLabel = new java.text.DecimalFormat("#,##0.##",
                        java.text.DecimalFormatSymbols.getInstance(Amsterdam.DUTCH));
                for (int g = 0; g <= GRIDLINES; g++) {
                    float gy = plotBottom + CHART_HEIGHT * g / GRIDLINES;
                    stream.moveTo(plotLeft, gy);
                    stream.lineTo(plotLeft + plotWidth, gy);
                    stream.stroke();
                    String label = gridLabel.format(top * g / GRIDLINES);
                    chartText(label, plotLeft - 4 - width(regular, CHART_LABEL_SIZE, label), gy - 3);
                }
                stream.setStrokingColor(0f);
                for (int i = 0; i < xLabels.size(); i++) {
                    String label = sanitize(xLabels.get(i), regular);
                    float x = firstX + step * i;
                    chartText(label, x - width(regular, CHART_LABEL_SIZE, label) / 2, plotBottom - 11);
                }
                for (Series line : series) {
                    stream.setLineWidth(1.6f);
                    stream.setStrokingColor(line.grey());
                    stream.setLineDashPattern(line.dashed() ? new float[] {4, 3} : new float[0], 0);
                    boolean drawing = false;
                    for (int i = 0; i < xLabels.size() && i < line.values().size(); i++) {
                        Double v = line.values().get(i);
                        if (v == null || !Double.isFinite(v)) {
                            drawing = false;
                            continue;
                        }
                        float x = firstX + step * i;
                        float py = plotBottom + (float) (CHART_HEIGHT * v / top);
                        if (drawing) {
                            stream.lineTo(x, py);
                        } else {
                            stream.moveTo(x, py);
                            drawing = true;
                        }
                    }
                    stream.stroke();
                    for (int i = 0; i < xLabels.size() && i < line.values().size(); i++) {
                        Double v = line.values().get(i);
                        if (v != null && Double.isFinite(v)) {
                            stream.setNonStrokingColor(line.grey());
                            stream.addRect(firstX + step * i - 2, plotBottom + (float) (CHART_HEIGHT * v / top) - 2,
                                    4, 4);
                            stream.fill();
                        }
                    }
                }
                stream.setLineDashPattern(new float[0], 0);
                float legendY = plotBottom - BODY_LEADING - 10;
                for (Series line : series) {
                    stream.setStrokingColor(line.grey());
                    stream.setLineWidth(1.6f);
                    stream.setLineDashPattern(line.dashed() ? new float[] {4, 3} : new float[0], 0);
                    stream.moveTo(plotLeft, legendY + 3);
                    stream.lineTo(plotLeft + 24, legendY + 3);
                    stream.stroke();
                    stream.setLineDashPattern(new float[0], 0);
                    chartText(sanitize(line.label(), regular), plotLeft + 30, legendY);
                    legendY -= BODY_LEADING;
                }
                stream.setStrokingColor(0f);
                stream.setNonStrokingColor(0f);
                stream.setLineWidth(1f);
            });
            y = figureBottom - BODY_LEADING * 0.5f;
        });
    }

    private void chartText(String text, float x, float baseline) throws IOException {
        stream.setNonStrokingColor(0.2f);
        stream.beginText();
        stream.setFont(regular, CHART_LABEL_SIZE);
        stream.newLineAtOffset(x, baseline);
        stream.showText(text);
        stream.endText();
    }

    /** 1, 2, 4, 5, 6 or 8 times a power of ten, at or above the value: its quarters are round gridline labels. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double factor : new double[] {1, 2, 4, 5, 6, 8, 10}) {
            if (factor * power >= value) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /**
     * Starts a new page unless this many body lines still fit on the current one, so a short block that belongs
     * together (a signature) is not split over two pages.
     */
    public LetterPdf keepTogether(int bodyLines) {
        requireOpen();
        ensureRoom(bodyLines * BODY_LEADING);
        return this;
    }

    public LetterPdf space() {
        requireOpen();
        if (!atTopOfPage()) {
            y -= BODY_LEADING;
        }
        return this;
    }

    /**
     * The finished PDF, with {@code String.format(pageFooterPattern, page, pages)} at the foot of every page
     * (none when the pattern is null). Closes the builder.
     */
    public byte[] toBytes(String pageFooterPattern) {
        requireOpen();
        try {
            stream.close();
            stream = null;
            if (pageFooterPattern != null) {
                for (int i = 0; i < pages.size(); i++) {
                    footer(pages.get(i), String.format(Locale.ROOT, pageFooterPattern, i + 1, pages.size()));
                }
            }
            ArchiveProfile.apply(document, structureRoot, parentTree(), title());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (IOException e) {
            // the document is discarded anyway
        } finally {
            stream = null;
            try {
                document.close();
            } catch (IOException e) {
                // nothing left to release
            } finally {
                // only now: the subset is written during save, which still reads the fonts
                ParsedFonts.giveBack(fonts);
                if (emojiParsed != null) {
                    try {
                        emojiParsed.close();
                    } catch (IOException e) {
                        // in-memory reader: nothing to release
                    }
                }
            }
        }
    }

    private void footer(PDPage page, String text) throws IOException {
        String shown = sanitize(text, regular).replace('\n', ' ');
        float width = width(regular, FOOTER_SIZE, shown);
        try (PDPageContentStream footer = new PDPageContentStream(document, page,
                PDPageContentStream.AppendMode.APPEND, true, true)) {
            footer.beginMarkedContent(COSName.ARTIFACT, pagination());
            footer.setNonStrokingColor(0.35f);
            footer.beginText();
            footer.setFont(regular, FOOTER_SIZE);
            footer.newLineAtOffset((PAGE.getWidth() - width) / 2, FOOTER_BASELINE);
            footer.showText(shown);
            footer.endText();
            footer.endMarkedContent();
        }
    }

    private interface Drawing {
        void draw() throws IOException;
    }

    private LetterPdf run(Drawing drawing) {
        try {
            drawing.draw();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void lines(PDStructureElement element, PDFont font, float size, float leading, float x, float width,
                       String text) throws IOException {
        for (String line : wrap(sanitize(text, font), font, size, width)) {
            ensureRoom(leading);
            show(element, font, size, x, baseline(leading), line);
            y -= leading;
        }
    }

    private float baseline(float leading) {
        // the baseline sits about a fifth of the leading above the bottom of the line
        return y - leading * 0.78f;
    }

    /** Text as content of {@code element}, or as an artifact when it is null. */
    private void show(PDStructureElement element, PDFont font, float size, float x, float baseline, String text)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        Drawing drawing = () -> {
            stream.beginText();
            stream.newLineAtOffset(x, baseline);
            // runs of one font each: the letter's font, and Noto Emoji for what only it has
            int start = 0;
            while (start < text.length()) {
                PDFont runFont = fontFor(font, text.codePointAt(start));
                int end = start;
                while (end < text.length() && fontFor(font, text.codePointAt(end)) == runFont) {
                    end += Character.charCount(text.codePointAt(end));
                }
                stream.setFont(runFont, size);
                stream.showText(text.substring(start, end));
                start = end;
            }
            stream.endText();
        };
        if (element == null) {
            artifact(drawing);
        } else {
            tagged(element, drawing);
        }
    }

    /** A thin line over the content width at the current height: decoration only. */
    private void rule() throws IOException {
        artifact(() -> {
            stream.setLineWidth(0.5f);
            stream.moveTo(MARGIN_LEFT, y);
            stream.lineTo(PAGE.getWidth() - MARGIN_RIGHT, y);
            stream.stroke();
        });
    }

    /**
     * Draws as content of {@code element}: a marked-content sequence on the current page whose id (MCID) the
     * element refers to. Each call is its own sequence, so a paragraph may continue on the next page.
     */
    private void tagged(PDStructureElement element, Drawing drawing) throws IOException {
        PDPage page = pages.get(pages.size() - 1);
        List<PDStructureElement> onPage = marked.computeIfAbsent(page, p -> new ArrayList<>());
        int mcid = onPage.size();
        onPage.add(element);
        PDMarkedContentReference reference = new PDMarkedContentReference();
        reference.setMCID(mcid);
        reference.setPage(page);
        element.appendKid(reference);
        COSDictionary properties = new COSDictionary();
        properties.setInt(COSName.MCID, mcid);
        stream.beginMarkedContent(COSName.getPDFName(element.getStructureType()), PDPropertyList.create(properties));
        drawing.draw();
        stream.endMarkedContent();
    }

    private void artifact(Drawing drawing) throws IOException {
        stream.beginMarkedContent(COSName.ARTIFACT);
        drawing.draw();
        stream.endMarkedContent();
    }

    private static PDPropertyList pagination() {
        COSDictionary properties = new COSDictionary();
        properties.setName(COSName.TYPE, "Pagination");
        return PDPropertyList.create(properties);
    }

    /** A new block of the document: ends an open list. */
    private PDStructureElement block(String type) {
        openList = null;
        openListKind = null;
        return child(body, type);
    }

    private static final String BULLETS = "bullets";
    private static final String FIELDS = "fields";

    /** A new item of the open list of this kind, opening one when the previous block was something else. */
    private PDStructureElement listItem(String kind) {
        if (openList == null || !kind.equals(openListKind)) {
            PDStructureElement list = block(StandardStructureTypes.L);
            openList = list;
            openListKind = kind;
        }
        return child(openList, StandardStructureTypes.LI);
    }

    private static PDStructureElement child(PDStructureNode parent, String type) {
        PDStructureElement element = new PDStructureElement(type, parent);
        parent.appendKid(element);
        return element;
    }

    /** The parent tree's entries: per page (StructParents key = page index), its elements by MCID. */
    private Map<Integer, COSObjectable> parentTree() {
        Map<Integer, COSObjectable> entries = new LinkedHashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            PDPage page = pages.get(i);
            page.setStructParents(i);
            COSArray elements = new COSArray();
            marked.getOrDefault(page, List.of()).forEach(e -> elements.add(e.getCOSObject()));
            entries.put(i, new PDParentTreeValue(elements));
        }
        return entries;
    }

    private String title() {
        String title = document.getDocumentInformation().getTitle();
        return title != null && !title.isBlank() ? title : fallbackTitle == null ? "" : fallbackTitle;
    }

    private void ensureRoom(float height) {
        if (y - height < MARGIN_BOTTOM && !atTopOfPage()) {
            try {
                newPage();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private boolean atTopOfPage() {
        return y >= PAGE.getHeight() - MARGIN_TOP;
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        pages.add(page);
        stream = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN_TOP;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the letter is already finished");
        }
    }

    /** Greedy word wrap; a word wider than the line is split where it must. */
    List<String> wrap(String text, PDFont font, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String rawLine : text.split("\n", -1)) {
            String current = "";
            boolean continuation = false;
            boolean first = true;
            for (String word : rawLine.split(" ", -1)) {
                boolean startsLine = first || continuation && current.isEmpty();
                first = false;
                if (startsLine && continuation && word.isEmpty()) {
                    continue; // no leading spaces on a wrapped line
                }
                String candidate = startsLine ? word : current + " " + word;
                if (width(font, size, candidate) <= maxWidth) {
                    current = candidate;
                    continue;
                }
                if (!current.isBlank()) {
                    lines.add(current);
                }
                continuation = true;
                String rest = word;
                while (width(font, size, rest) > maxWidth) {
                    int cut = fittingPrefix(rest, font, size, maxWidth);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                current = rest;
            }
            lines.add(current);
        }
        return lines;
    }

    /** Length in chars of the longest prefix that fits, at least one character. */
    private int fittingPrefix(String word, PDFont font, float size, float maxWidth) throws IOException {
        int end = word.offsetByCodePoints(0, 1);
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (width(font, size, word.substring(0, next)) > maxWidth) {
                break;
            }
            end = next;
        }
        return end;
    }

    /**
     * As {@code font.getStringWidth(text) / 1000 * size}, which adds the widths of the characters' codes in order,
     * but with each character's width looked up once per letter: word wrapping measured every growing line anew,
     * and PDFBox decodes each code through the CMap, most of a letter's remaining cost.
     */
    private float width(PDFont font, float size, String text) throws IOException {
        float sum = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            PDFont drawnWith = fontFor(font, cp);
            Map<Integer, Float> known = glyphWidths.computeIfAbsent(drawnWith, f -> new HashMap<>());
            Float w = known.get(cp);
            if (w == null) {
                w = drawnWith.getStringWidth(new String(Character.toChars(cp)));
                known.put(cp, w);
            }
            sum += w;
        }
        return sum / 1000 * size;
    }

    /**
     * Text the font can show: composed accents, tabs as spaces, line and paragraph separators as spaces,
     * other control characters and glyphs the font lacks (emoji) as '?', invisible format characters and
     * variation selectors dropped.
     */
    String sanitize(String text, PDFont font) {
        if (text == null) {
            return "";
        }
        String normalised = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(TAB);
            } else if (Character.isISOControl(cp)) {
                out.append(REPLACEMENT);
            } else if (Character.getType(cp) == Character.FORMAT || isVariationSelector(cp)) {
                // zero-width joiners, bidi marks, soft hyphens: nothing to draw
            } else if (Character.isSpaceChar(cp) && cp != '\u00a0' && cp != '\u202f') {
                // other spaces become ordinary ones, so a line can break there; non-breaking ones keep words together
                out.append(' ');
            } else if (canEncode(font, cp) || EmojiFont.covers(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(REPLACEMENT);
            }
        });
        return out.toString();
    }

    private static boolean isVariationSelector(int cp) {
        return cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF;
    }

    /** The letter's font for this character, or Noto Emoji when only that has it (sanitize let it through). */
    private PDFont fontFor(PDFont font, int codePoint) {
        if (canEncode(font, codePoint) || !EmojiFont.covers(codePoint)) {
            return font;
        }
        if (emoji == null) {
            try {
                emojiParsed = ParsedFonts.parse(EmojiFont.BYTES);
                emoji = PDType0Font.load(document, emojiParsed, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return emoji;
    }

    private boolean canEncode(PDFont font, int codePoint) {
        return encodable.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(codePoint, cp -> {
            try {
                font.encode(new String(Character.toChars(cp)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }

    /** The font files, read once; each document embeds its own subset. */
    static final class Fonts {
        static final byte[] REGULAR = read("/liberation/LiberationSans-Regular.ttf");
        static final byte[] BOLD = read("/liberation/LiberationSans-Bold.ttf");

        static byte[] read(String resource) {
            try (InputStream in = LetterPdf.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the class path: " + resource);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Noto Emoji (monochrome, SIL OFL) for characters Liberation Sans lacks. Which characters it has is read once from
     * its character map; each letter that needs it parses and embeds its own subset.
     */
    static final class EmojiFont {
        static final byte[] BYTES = Fonts.read("/noto-emoji/NotoEmoji-Regular.ttf");
        private static final java.util.BitSet COVERED = covered();

        private EmojiFont() {
        }

        static boolean covers(int codePoint) {
            return COVERED.get(codePoint);
        }

        private static java.util.BitSet covered() {
            java.util.BitSet covered = new java.util.BitSet();
            try (TrueTypeFont font = ParsedFonts.parse(BYTES)) {
                org.apache.fontbox.ttf.CmapLookup cmap = font.getUnicodeCmapLookup();
                for (int cp = 0x80; cp <= 0x1FFFF; cp++) {
                    if (cmap.getGlyphId(cp) > 0) {
                        covered.set(cp);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return covered;
        }
    }

    /**
     * Both fonts parsed, reused by one letter at a time. Parsing them cost more than the rest of a letter. They
     * are never shared by two letters at once: FontBox reads a font's tables lazily, unsynchronised, through one
     * stream position per parsed font, and PDFBox does not promise that a font is thread-safe.
     */
    record ParsedFonts(TrueTypeFont regular, TrueTypeFont bold) {
        /** Idle pairs kept; more letters at once parse more pairs, and the surplus is dropped when returned. */
        static final int KEEP = 8;
        private static final ConcurrentLinkedQueue<ParsedFonts> IDLE = new ConcurrentLinkedQueue<>();
        private static final AtomicInteger IDLE_COUNT = new AtomicInteger();
        private static final AtomicInteger PARSED = new AtomicInteger();

        static ParsedFonts borrow() throws IOException {
            ParsedFonts fonts = IDLE.poll();
            if (fonts != null) {
                IDLE_COUNT.decrementAndGet();
                return fonts;
            }
            PARSED.incrementAndGet();
            TrueTypeFont regular = parse(Fonts.REGULAR);
            try {
                return new ParsedFonts(regular, parse(Fonts.BOLD));
            } catch (IOException | RuntimeException e) {
                regular.close();
                throw e;
            }
        }

        /**
         * Without glyph substitution (GSUB): PDFBox would compile regular expressions for every word shown, most
         * of a letter's cost, while Liberation Sans substitutes only sequences of the tone letters U+02E5 to
         * U+02E9 (ccmp), which Dutch letters do not use; such a sequence now shows as separate tone letters.
         * LetterPdfTest fails if the font substitutes anything else.
         */
        static TrueTypeFont parse(byte[] font) throws IOException {
            // each parse gets its own reader (own position) over the shared, never written bytes
            TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font));
            parsed.setEnableGsub(false);
            return parsed;
        }

        static void giveBack(ParsedFonts fonts) {
            if (IDLE_COUNT.incrementAndGet() <= KEEP) {
                IDLE.offer(fonts);
                return;
            }
            IDLE_COUNT.decrementAndGet();
            try {
                fonts.regular().close();
                fonts.bold().close();
            } catch (IOException e) {
                // in-memory reader: nothing to release
            }
        }

        /** How many pairs were parsed since the class was loaded; lets a test see that fonts are reused. */
        static int parsedCount() {
            return PARSED.get();
        }
    }
}
