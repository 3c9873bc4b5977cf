package nl.preventiefonds.determination;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.preventiefonds.decision.ObjectionOutcome;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The letter 'Beslissing op bezwaar' on a determination: outcome, new amount, money, and appeal instead of objection. */
class DeterminationObjectionLetterTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static DeterminationObjectionLetter.Data data(ObjectionOutcome outcome, String newFinal, String payment,
                                                          String reclaimBefore, String reclaimAfter,
                                                          String received) {
        return new DeterminationObjectionLetter.Data("Assen", "Preventiefonds", "PF-2026-0042", TODAY,
                "Stichting Buurtkamer", "Mevrouw Noë", "Buurtkamer", LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 10, 20), new BigDecimal("10000.00"), new BigDecimal("20000.00"), outcome,
                "De bijeenkomsten zijn wel doorgegaan.", newFinal == null ? null : new BigDecimal(newFinal),
                "Twee bijeenkomsten vielen uit.", new BigDecimal(payment), TODAY.plusWeeks(4),
                reclaimBefore == null ? null : new BigDecimal(reclaimBefore),
                reclaimAfter == null ? null : new BigDecimal(reclaimAfter), new BigDecimal(received),
                LocalDate.of(2026, 12, 1), null, LocalDate.of(2027, 1, 18), null, "A. de Beslisser");
    }

    private static String text(DeterminationObjectionLetter.Data data) throws Exception {
        try (PDDocument document = Loader.loadPDF(DeterminationObjectionLetter.render(data))) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void anUpheldObjectionFixesTheNewAmountLowersTheReclaimAndOffersAppeal() throws Exception {
        String text = text(data(ObjectionOutcome.UPHELD, "19000.00", "4000.00", "6000.00", "1000.00", "1000.00"));
        assertTrue(text.contains("Onderwerp Beslissing op bezwaar tegen de vaststelling"), text);
        assertTrue(text.contains("Op 2 november 2026 ontvingen wij uw bezwaarschrift"), text);
        assertTrue(text.contains("Wij verklaren uw bezwaar gegrond"), text);
        assertTrue(text.contains("opnieuw vast op € 19.000,00"), text);
        assertTrue(text.contains("Dit besluit vervangt het besluit van 20 oktober 2026"), text);
        assertTrue(text.contains("Twee bijeenkomsten vielen uit."), text);
        assertTrue(text.contains("Wij betalen u € 4.000,00 uiterlijk 4 januari 2027"), text);
        assertTrue(text.contains("De terugvordering van € 6.000,00 wordt verlaagd tot € 1.000,00"), text);
        assertTrue(text.contains("U heeft dat bedrag al terugbetaald"), text);
        assertTrue(text.contains("beroep instellen"), text);
        assertTrue(text.contains("18 januari 2027"), text);
        assertTrue(text.contains("7:1"), text);
        assertFalse(text.contains("Dan kunt u bezwaar maken"), text);
    }

    @Test
    void aLowerAmountOnObjectionRaisesTheReclaimWithItsDueDate() throws Exception {
        String text = text(data(ObjectionOutcome.PARTLY_UPHELD, "9000.00", "0.00", "6000.00", "7000.00", "0.00"));
        assertTrue(text.contains("gedeeltelijk gegrond"), text);
        assertTrue(text.contains("wordt verhoogd tot € 7.000,00"), text);
        assertTrue(text.contains("Maak € 7.000,00 uiterlijk 1 december 2026 over"), text);
    }

    @Test
    void aDismissedObjectionKeepsTheDetermination() throws Exception {
        String text = text(data(ObjectionOutcome.DISMISSED, null, "0.00", null, null, "0.00"));
        assertTrue(text.contains("Wij verklaren uw bezwaar ongegrond"), text);
        assertTrue(text.contains("blijft vastgesteld op € 10.000,00"), text);
        assertFalse(text.contains("Betaling"), text);
        assertThrows(IllegalArgumentException.class, () -> data(ObjectionOutcome.DISMISSED, "9000.00", "0.00", null,
                null, "0.00"));
    }
}
