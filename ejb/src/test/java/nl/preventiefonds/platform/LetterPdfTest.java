package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

class LetterPdfTest {
    private static final String FOOTER = "Pagina %d van %d";

    private static LetterPdf letter() {
        return LetterPdf.a4("Gemeente Assen", "Preventiefonds Assen");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    @Test
    void euroSignAndDutchAccentsComeOutAsWritten() throws IOException {
        byte[] pdf = letter()
                .heading("Beschikking subsidie")
                .field("Bedrag", "€ 1.250,00")
                .paragraph("Wij hebben uw aanvraag voor de ideeën van café De Zeeëgel en de naïeve reünie ontvangen.")
                .toBytes(FOOTER);
        String text = text(pdf);
        assertTrue(text.contains("€ 1.250,00"), text);
        assertTrue(text.contains("ideeën"), text);
        assertTrue(text.contains("café"), text);
        assertTrue(text.contains("naïeve reünie"), text);
    }

    @Test
    void theLetterheadHeadsTheFirstPageOnly() throws IOException {
        LetterPdf letter = letter();
        for (int i = 0; i < 120; i++) {
            letter.paragraph("Alinea " + i);
        }
        try (PDDocument document = Loader.loadPDF(letter.toBytes(FOOTER))) {
            String first = pageText(document, 1);
            assertTrue(first.startsWith("Gemeente Assen"), first);
            assertTrue(first.contains("Preventiefonds Assen"), first);
            assertTrue(document.getNumberOfPages() > 1);
            assertFalse(pageText(document, 2).contains("Gemeente Assen"));
        }
    }

    @Test
    void longLettersBreakOntoNumberedPages() throws IOException {
        LetterPdf letter = letter();
        for (int i = 1; i <= 200; i++) {
            letter.paragraph("Dit is alinea " + i + " van de brief over de subsidieaanvraag.");
        }
        try (PDDocument document = Loader.loadPDF(letter.toBytes(FOOTER))) {
            int pages = document.getNumberOfPages();
            assertTrue(pages > 1, "pages: " + pages);
            for (int page = 1; page <= pages; page++) {
                String text = pageText(document, page);
                assertTrue(text.contains("Pagina " + page + " van " + pages), text);
            }
            String all = new PDFTextStripper().getText(document);
            for (int i = 1; i <= 200; i++) {
                assertTrue(all.contains("Dit is alinea " + i + " van de brief"), "paragraph " + i);
            }
        }
    }

    @Test
    void withoutAFooterPatternThereIsNoFooter() throws IOException {
        String text = text(letter().paragraph("Kort").toBytes(null));
        assertFalse(text.contains("Pagina"), text);
        assertTrue(text.contains("Kort"));
    }

    @Test
    void aWordLongerThanALineIsSplitAndStaysOnThePage() throws IOException {
        String word = "Preventiefondssubsidieaanvraagbeoordelingscommissievergaderingsverslag".repeat(4);
        byte[] pdf = letter().paragraph(word).field("Kenmerk", word).bullet(word).toBytes(FOOTER);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String joined = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertEquals(3, occurrences(joined, word), joined);
            float pageWidth = document.getPage(0).getMediaBox().getWidth();
            for (float right : rightEdges(document)) {
                assertTrue(right <= pageWidth - LetterPdf.MARGIN_RIGHT + 0.5f, "text reaches x=" + right);
            }
        }
    }

    @Test
    void ordinaryTextWrapsWithinTheMarginsAndFieldValuesStayInTheirColumn() throws IOException {
        String sentence = "De aanvrager organiseert in de wijk Lariks een reeks bijeenkomsten voor ouders. ".repeat(12);
        byte[] pdf = letter().paragraph(sentence).field("Omschrijving", sentence).toBytes(FOOTER);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            float pageWidth = document.getPage(0).getMediaBox().getWidth();
            for (float right : rightEdges(document)) {
                assertTrue(right <= pageWidth - LetterPdf.MARGIN_RIGHT + 0.5f, "text reaches x=" + right);
            }
            List<Float> valueStarts = lineStarts(document, "De aanvrager");
            // once in the paragraph at the margin, once in the field beside the label
            assertTrue(valueStarts.contains(LetterPdf.MARGIN_LEFT), valueStarts.toString());
            assertTrue(valueStarts.contains(LetterPdf.MARGIN_LEFT + LetterPdf.LABEL_WIDTH), valueStarts.toString());
            String flat = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertEquals(2 * 12, occurrences(flat, "een reeks bijeenkomsten voor ouders."));
        }
    }

    @Test
    void paragraphsHonourLineBreaksAndTabs() throws IOException {
        String text = text(letter().paragraph("Regel een\nRegel twee\r\nRegel drie\tmet tab").toBytes(null));
        List<String> lines = text.lines().map(String::strip).toList();
        assertTrue(lines.contains("Regel een"), text);
        assertTrue(lines.contains("Regel twee"), text);
        assertTrue(lines.stream().anyMatch(l -> l.matches("Regel drie\\s+met tab")), text);
    }

    @Test
    void aMissingFieldValueShowsADash() throws IOException {
        String text = text(letter().field("IBAN", null).field("Telefoon", " ").toBytes(null));
        List<String> lines = text.lines().map(String::strip).toList();
        assertTrue(lines.contains("IBAN -"), text);
        assertTrue(lines.contains("Telefoon -"), text);
    }

    @Test
    void bulletsCarryABulletSign() throws IOException {
        String text = text(letter().bullet("Eerste punt").bullet("Tweede punt").toBytes(null));
        assertTrue(text.contains("• Eerste punt") || text.contains("•Eerste punt"), text);
        assertTrue(text.contains("Tweede punt"), text);
    }

    @Test
    void emojiComeOutAsWrittenAndOnlyWhatNoFontHasBecomesAQuestionMark() throws IOException {
        byte[] pdf = assertDoesNotThrow(() -> letter()
                .heading("Dank 👍")
                .field("Reactie", "Top 😀 en ❤️")
                .paragraph("Bel\u0007 ons\u0000 gerust 🎉 (漢)")
                .bullet("Zero\u200bwidth en soft\u00adhyphen")
                .toBytes(FOOTER));
        String text = text(pdf);
        assertTrue(text.contains("Dank 👍"), text);
        // the variation selector after the heart only asks for the emoji style: dropped
        assertTrue(text.contains("Top 😀 en ❤"), text);
        assertTrue(text.contains("Bel? ons? gerust 🎉 (?)"), text);
        assertTrue(text.contains("Zerowidth en softhyphen"), text);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(embeddedFontNames(document).stream().anyMatch(f -> f.endsWith("+NotoEmoji-Regular")),
                    embeddedFontNames(document).toString());
        }
    }

    @Test
    void aLetterWithoutEmojiDoesNotCarryTheEmojiFont() throws IOException {
        try (PDDocument document = Loader.loadPDF(letter().heading("Kop").paragraph("Tekst €").toBytes(FOOTER))) {
            assertTrue(embeddedFontNames(document).stream().noneMatch(f -> f.contains("Emoji")),
                    embeddedFontNames(document).toString());
        }
    }

    @Test
    void anEmojiWrapsAndMeasuresLikeAnyOtherCharacter() throws IOException {
        String line = "🙂 ".repeat(120);
        String text = text(letter().paragraph(line).toBytes(null));
        assertEquals(120, text.codePoints().filter(cp -> cp == 0x1F642).count(), text);
        assertTrue(text.strip().lines().count() > 1, text);
    }

    @Test
    void decomposedAccentsAreComposed() throws IOException {
        String text = text(letter().paragraph("ide\u0301e").toBytes(null));
        assertTrue(text.contains("idée"), text);
    }

    @Test
    void bothFontsAreEmbedded() throws IOException {
        byte[] pdf = letter().heading("Kop").paragraph("Tekst").toBytes(FOOTER);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    PDType0Font type0 = assertInstanceOf(PDType0Font.class, font);
                    assertTrue(type0.isEmbedded(), font.getName());
                    assertNotNull(type0.getDescendantFont().getFontDescriptor().getFontFile2(), font.getName());
                    fonts.add(font.getName());
                }
            }
            assertTrue(fonts.stream().anyMatch(f -> f.endsWith("LiberationSans")), fonts.toString());
            assertTrue(fonts.stream().anyMatch(f -> f.endsWith("LiberationSans-Bold")), fonts.toString());
        }
    }

    /** The embedded fonts' names, e.g. "ABCDEF+LiberationSans": the tag before '+' is derived from the subset. */
    private static Set<String> embeddedFontNames(PDDocument document) throws IOException {
        Set<String> names = new TreeSet<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDType0Font font = assertInstanceOf(PDType0Font.class, page.getResources().getFont(name));
                assertNotNull(font.getDescendantFont().getFontDescriptor().getFontFile2(), font.getName());
                names.add(font.getName());
            }
        }
        return names;
    }

    private static byte[] letterOf(String heading, String body) {
        return letter().heading(heading).field("Bedrag", body).paragraph(body).toBytes(FOOTER);
    }

    @Test
    void lettersRenderedAtTheSameTimeOnSeveralThreadsEachCarryTheirOwnTextAndSubset() throws Exception {
        // different characters, so each letter needs its own subset of the shared, parsed fonts
        String first = "€ 1.250,00 voor café Noë";
        String second = "€ 987,65 voor Zoë's ñandú-fietsproject";
        int threads = 6;
        int lettersEach = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<byte[]>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean odd = t % 2 == 1;
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    List<byte[]> pdfs = new ArrayList<>();
                    for (int i = 0; i < lettersEach; i++) {
                        pdfs.add(odd ? letterOf("Beslüit", second) : letterOf("Besluit", first));
                    }
                    return pdfs;
                }));
            }
            Set<Set<String>> firstFonts = new java.util.HashSet<>();
            Set<Set<String>> secondFonts = new java.util.HashSet<>();
            for (int t = 0; t < threads; t++) {
                boolean odd = t % 2 == 1;
                for (byte[] pdf : results.get(t).get(60, TimeUnit.SECONDS)) {
                    try (PDDocument document = Loader.loadPDF(pdf)) {
                        String text = new PDFTextStripper().getText(document);
                        assertTrue(text.contains(odd ? "Beslüit" : "Besluit"), text);
                        assertTrue(text.contains(odd ? second : first), text);
                        assertFalse(text.contains(odd ? first : second), text);
                        (odd ? secondFonts : firstFonts).add(embeddedFontNames(document));
                    }
                }
            }
            // the same text always gives the same two subsets, and the two texts different ones
            assertEquals(1, firstFonts.size(), firstFonts.toString());
            assertEquals(1, secondFonts.size(), secondFonts.toString());
            assertEquals(2, firstFonts.iterator().next().size(), firstFonts.toString());
            assertFalse(firstFonts.equals(secondFonts), firstFonts + " " + secondFonts);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFontsSubstituteGlyphsOnlyForToneLettersSoLettersMayLeaveSubstitutionOff() throws IOException {
        for (byte[] file : List.of(LetterPdf.Fonts.REGULAR, LetterPdf.Fonts.BOLD)) {
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file))) {
                GsubData gsub = font.getGsubData();
                Set<Integer> substituted = new TreeSet<>();
                for (String feature : gsub.getSupportedFeatures()) {
                    gsub.getFeature(feature).getAllGlyphIdsForSubstitution().forEach(substituted::addAll);
                }
                assertFalse(substituted.isEmpty(), "the font has no substitutions any more; revisit ParsedFonts");
                CmapLookup cmap = font.getUnicodeCmapLookup();
                for (int cp = 0; cp <= 0x2FFFF; cp++) {
                    if (substituted.contains(cmap.getGlyphId(cp))) {
                        assertTrue(cp >= 0x02E5 && cp <= 0x02E9, String.format("U+%04X takes part in a substitution"
                                + " that letters no longer apply", cp));
                    }
                }
            }
        }
        try (TrueTypeFont parsed = LetterPdf.ParsedFonts.parse(LetterPdf.Fonts.REGULAR)) {
            assertEquals(GsubData.NO_DATA_FOUND, parsed.getGsubData());
        }
    }

    @Test
    void lettersOneAfterAnotherReuseTheParsedFonts() {
        letter().paragraph("Eerste").toBytes(FOOTER);
        int parsed = LetterPdf.ParsedFonts.parsedCount();
        for (int i = 0; i < 10; i++) {
            letter().paragraph("Brief " + i + " van € 12,50").toBytes(FOOTER);
        }
        try (LetterPdf abandoned = letter()) {
            abandoned.paragraph("Concept");
        }
        assertEquals(parsed, LetterPdf.ParsedFonts.parsedCount());
    }

    @Test
    void keepTogetherMovesABlockToTheNextPageOnlyWhenItDoesNotFit() throws IOException {
        try (PDDocument document = Loader.loadPDF(letter().paragraph("Eerste").keepTogether(3).paragraph("Tweede")
                .keepTogether(80).keepTogether(80).paragraph("Derde").toBytes(FOOTER))) {
            // the second keepTogether is at the top of a fresh page and adds no blank page
            assertEquals(2, document.getNumberOfPages());
            assertTrue(pageText(document, 1).contains("Tweede"));
            assertFalse(pageText(document, 1).contains("Derde"));
            assertTrue(pageText(document, 2).contains("Derde"));
        }
    }

    @Test
    void theDocumentTitleIsSetInTheMetadata() throws IOException {
        byte[] pdf = letter().documentTitle("Ontvangstbevestiging aanvraag 2026-0042").paragraph("Tekst").toBytes(null);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals("Ontvangstbevestiging aanvraag 2026-0042", document.getDocumentInformation().getTitle());
            assertTrue(document.getDocumentCatalog().getViewerPreferences().displayDocTitle());
            assertEquals(PDPage.class, document.getPage(0).getClass());
            assertEquals(LetterPdf.PAGE.getWidth(), document.getPage(0).getMediaBox().getWidth(), 0.01f);
            assertEquals(LetterPdf.PAGE.getHeight(), document.getPage(0).getMediaBox().getHeight(), 0.01f);
        }
    }

    @Test
    void aFinishedLetterCannotBeExtendedAndClosingTwiceIsHarmless() {
        LetterPdf letter = letter();
        letter.paragraph("Tekst");
        byte[] pdf = letter.toBytes(null);
        assertTrue(pdf.length > 0);
        assertArrayEquals("%PDF-".getBytes(), java.util.Arrays.copyOf(pdf, 5));
        assertThrows(IllegalStateException.class, () -> letter.paragraph("Meer"));
        assertThrows(IllegalStateException.class, () -> letter.toBytes(null));
        assertDoesNotThrow(letter::close);
    }

    @Test
    void anAbandonedLetterCanBeClosed() {
        LetterPdf abandoned;
        try (LetterPdf letter = letter()) {
            abandoned = letter.heading("Concept");
        }
        assertThrows(IllegalStateException.class, () -> abandoned.toBytes(FOOTER));
    }

    @Test
    void textStaysAboveTheFooterArea() throws IOException {
        LetterPdf letter = letter();
        for (int i = 1; i <= 40; i++) {
            letter.heading("Kop " + i).field("Veld " + i, "Waarde " + i).bullet("Punt " + i).paragraph("Alinea " + i);
        }
        try (PDDocument document = Loader.loadPDF(letter.toBytes(FOOTER))) {
            float pageHeight = document.getPage(0).getMediaBox().getHeight();
            List<Float> baselines = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    if (!text.startsWith("Pagina")) {
                        positions.forEach(p -> baselines.add(pageHeight - p.getYDirAdj()));
                    }
                    super.writeString(text, positions);
                }
            };
            stripper.getText(document);
            assertTrue(document.getNumberOfPages() > 2);
            // glyphs hang below their baseline by at most a quarter of the body size
            float lowest = baselines.stream().min(Float::compare).orElseThrow();
            assertTrue(lowest - 3 >= LetterPdf.MARGIN_BOTTOM, "lowest baseline " + lowest);
        }
    }

    private static final List<LetterPdf.Column> COLUMNS = List.of(new LetterPdf.Column("Wijk", 3, false),
            new LetterPdf.Column("Bedrag", 2, true));

    @Test
    void aTableShowsItsHeaderAndCellsWithNumbersRightAlignedInTheMargins() throws IOException {
        byte[] pdf = letter().table(COLUMNS, List.of(List.of("Pittelo", "€ 9.000,00"), List.of("Lariks", "€ 5,00")))
                .toBytes(FOOTER);
        assertTrue(text(pdf).replaceAll("\\s+", " ").contains("Wijk Bedrag Pittelo € 9.000,00 Lariks € 5,00"),
                text(pdf));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            float right = document.getPage(0).getMediaBox().getWidth() - LetterPdf.MARGIN_RIGHT;
            assertTrue(rightEdges(document).stream().allMatch(e -> e <= right + 0.5f));
            // both amounts end at the same x: right-aligned
            List<Float> ends = new ArrayList<>();
            new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    if (text.contains("€ ")) {
                        TextPosition last = positions.get(positions.size() - 1);
                        ends.add(last.getXDirAdj() + last.getWidthDirAdj());
                    }
                }
            }.getText(document);
            assertEquals(2, ends.size(), ends.toString());
            assertEquals(ends.get(0), ends.get(1), 0.5f);
        }
    }

    @Test
    void aMissingCellShowsADashAndALongCellWrapsWithinItsColumn() throws IOException {
        String longName = "Een heel lange wijknaam die nooit op een regel van de eerste kolom past";
        byte[] pdf = letter().table(COLUMNS, List.of(java.util.Arrays.asList(longName, null), List.of("Kort")))
                .toBytes(null);
        String text = text(pdf);
        assertEquals(2, occurrences(text, "-"), text);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            float columnRight = LetterPdf.MARGIN_LEFT + (document.getPage(0).getMediaBox().getWidth()
                    - LetterPdf.MARGIN_LEFT - LetterPdf.MARGIN_RIGHT) * 3 / 5;
            List<Float> ends = new ArrayList<>();
            new PDFTextStripper() {
                @Override
                protected void writeString(String part, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        if (p.getXDirAdj() < columnRight && "abcdefghijklmnopqrstuvwxyz".contains(p.getUnicode())) {
                            ends.add(p.getXDirAdj() + p.getWidthDirAdj());
                        }
                    }
                }
            }.getText(document);
            assertTrue(ends.stream().allMatch(e -> e <= columnRight), ends.toString());
            assertTrue(text.replaceAll("\\s+", " ").contains("nooit op een regel"), text);
        }
    }

    @Test
    void aLongTableContinuesOnTheNextPageWithItsHeaderRepeated() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 90; i++) {
            rows.add(List.of("Rij " + i, String.valueOf(i)));
        }
        try (PDDocument document = Loader.loadPDF(letter().table(COLUMNS, rows).toBytes(FOOTER))) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 2, "pages: " + pages);
            for (int page = 1; page <= pages; page++) {
                assertTrue(pageText(document, page).contains("Wijk Bedrag"), "header on page " + page);
            }
            String all = text(letter().table(COLUMNS, rows).toBytes(null));
            assertEquals(90, occurrences(all, "Rij "), "no row lost or doubled");
        }
    }

    @Test
    void aColumnNeedsAPositiveWeightAndATableNeedsColumns() {
        assertThrows(IllegalArgumentException.class, () -> new LetterPdf.Column("Wijk", 0, false));
        try (LetterPdf letter = letter()) {
            assertThrows(IllegalArgumentException.class, () -> letter.table(List.of(), List.of()));
        }
    }

    /** Widths of the filled rectangles ("re" operators) on the first page. */
    private static List<Float> rectangleWidths(byte[] pdf) throws IOException {
        List<Float> widths = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Object> tokens = new org.apache.pdfbox.pdfparser.PDFStreamParser(document.getPage(0)).parse();
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i) instanceof org.apache.pdfbox.contentstream.operator.Operator op
                        && "re".equals(op.getName())) {
                    widths.add(((org.apache.pdfbox.cos.COSNumber) tokens.get(i - 2)).floatValue());
                }
            }
        }
        return widths;
    }

    @Test
    void barsAreProportionalClampedAndShowTheirLabelAndValue() throws IOException {
        byte[] pdf = letter().bar("Helft", 0.5, "50,00", 0.4f).bar("Vol", 1, "100,00", 0.4f)
                .bar("Te veel", 7, "700,00", 0.4f).bar("Negatief", -1, "-1,00", 0.4f)
                .bar("Onbekend", Double.NaN, "-", 0.4f).toBytes(null);
        List<Float> widths = rectangleWidths(pdf);
        assertEquals(3, widths.size(), "no bar for a negative or unknown share: " + widths);
        assertEquals(widths.get(1) / 2, widths.get(0), 0.01f);
        assertEquals(widths.get(1), widths.get(2), 0.01f);
        float maxBar = LetterPdf.PAGE.getWidth() - LetterPdf.MARGIN_LEFT - LetterPdf.MARGIN_RIGHT
                - LetterPdf.LABEL_WIDTH - 70;
        assertEquals(maxBar, widths.get(1), 0.01f);
        String text = text(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains("Helft 50,00 Vol 100,00 Te veel 700,00"), text);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            float right = document.getPage(0).getMediaBox().getWidth() - LetterPdf.MARGIN_RIGHT;
            assertTrue(rightEdges(document).stream().allMatch(e -> e <= right + 0.5f));
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** Right edge of every glyph on every page. */
    private static List<Float> rightEdges(PDDocument document) throws IOException {
        List<Float> edges = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                for (TextPosition position : positions) {
                    edges.add(position.getXDirAdj() + position.getWidthDirAdj());
                }
                super.writeString(text, positions);
            }
        };
        stripper.getText(document);
        assertFalse(edges.isEmpty());
        return edges;
    }

    /** The x of the first glyph of each text line that starts with {@code prefix}, rounded to whole points. */
    private static List<Float> lineStarts(PDDocument document, String prefix) throws IOException {
        List<Float> starts = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                if (text.startsWith(prefix) && !positions.isEmpty()) {
                    starts.add((float) Math.round(positions.get(0).getXDirAdj()));
                }
                super.writeString(text, positions);
            }
        };
        stripper.getText(document);
        return starts;
    }
}
