package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class LetterPdfTest {

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void euroSignsAndDutchAccentsSurviveAsText() throws IOException {
        byte[] pdf = LetterPdf.a4("Gemeente Assen", "Preventiefonds Assen").documentTitle("Beschikking")
                .heading("Ontvangstbevestiging")
                .field("Gevraagd bedrag", "€ 12.345,67")
                .field("Aanvrager", "Stichting Ruïne & Café Noë")
                .paragraph("Wij beslissen binnen acht weken. Geïnteresseerd? Één vraag: hoe gaat het?")
                .bullet("Coöperatie ’t Zonnetje")
                .toBytes("Pagina %d van %d");
        String text = text(pdf);
        assertTrue(text.contains("€ 12.345,67"), text);
        assertTrue(text.contains("Ruïne & Café Noë"), text);
        assertTrue(text.contains("Geïnteresseerd"), text);
        assertTrue(text.contains("Coöperatie"), text);
        assertTrue(text.contains("Pagina 1 van 1"), text);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals("Beschikking", document.getDocumentInformation().getTitle());
            PDPage page = document.getPage(0);
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertTrue(font instanceof PDType0Font && font.isEmbedded(), "embedded: " + font.getName());
            }
        }
    }

    @Test
    void longContentBreaksOverPagesWithAFooterOnEach() throws IOException {
        LetterPdf letter = LetterPdf.a4("Gemeente Assen", "Preventiefonds");
        for (int i = 1; i <= 200; i++) {
            letter.paragraph("Alinea " + i + ": de activiteiten in de wijk gaan door zolang er vrijwilligers zijn.");
        }
        byte[] pdf = letter.toBytes("Pagina %d van %d");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages > 3, "pages: " + pages);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pages);
            stripper.setEndPage(pages);
            String last = stripper.getText(document);
            assertTrue(last.contains("Pagina " + pages + " van " + pages), last);
            assertTrue(last.contains("Alinea 200"), last);
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertTrue(stripper.getText(document).contains("Pagina 1 van " + pages));
        }
    }

    @Test
    void aWordLongerThanALineIsSplitAndKeptWhole() throws IOException {
        String word = "Preventiefondssubsidieaanvraagformulier".repeat(8);
        String text = text(LetterPdf.a4("A", "B").field("Naam", word).paragraph(word).toBytes("%d/%d"));
        String joined = text.replaceAll("\\s", "");
        assertTrue(joined.contains(word + word), "both copies present in full");
        assertTrue(text.lines().noneMatch(line -> line.length() > word.length() - 10),
                "the word was split over lines");
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksInsteadOfFailing() throws IOException {
        String text = text(LetterPdf.a4("A", "B").paragraph("Feest 🎉 in\tde wijk\u0007").toBytes("%d/%d"));
        assertTrue(text.contains("Feest ? in de wijk"), text);
    }
}
