package nl.preventiefonds.privacy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import nl.preventiefonds.platform.PdfConformance;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class AnonymisationNoticeTest {
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void theNoticeThatReplacesALetterSaysWhatItWasAndIsArchivableAndAccessible() throws IOException {
        byte[] notice = Anonymisation.notice("DECISION", "beschikking-PF-2026-0042.pdf", HASH,
                LocalDate.of(2033, 6, 1));
        try (PDDocument document = Loader.loadPDF(notice)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Dit document (DECISION) bevatte persoonsgegevens"), text);
            assertTrue(text.contains("1 juni 2033"), text);
            // the hash is wider than its column and wraps
            assertTrue(text.replace(" ", "").contains(HASH), text);
            assertTrue(document.getDocumentInformation().getTitle().contains("beschikking-PF-2026-0042.pdf"));
        }
        PdfConformance.assertArchivableAndAccessible("anonymisation notice", notice);
    }
}
