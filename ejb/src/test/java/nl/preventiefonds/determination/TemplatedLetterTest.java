package nl.preventiefonds.determination;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.decision.DecisionLetter;
import nl.preventiefonds.decision.DecisionLetterData;
import nl.preventiefonds.decision.DecisionOutcome;
import nl.preventiefonds.platform.LetterPdf;
import nl.preventiefonds.platform.PdfConformance;
import nl.preventiefonds.template.LetterKind;
import nl.preventiefonds.template.LetterText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A letter made from a municipality's own template: its text in place of the built-in opening and decision, its
 * version in the footer, the applicant's postal address in the address block, and the parts no template can drop
 * (obligations, payment, objection clause with address and term, signature) still there.
 */
class TemplatedLetterTest {
    private static final LocalDate DATE = LocalDate.of(2026, 3, 10);
    private static final String ADDRESS = "Stationsstraat 12\n9401 AB Assen";

    private static DecisionLetterData award(String title) {
        return new DecisionLetterData("Assen", "Preventiefonds Assen", "PF-2026-0042", DATE, "Stichting Buurtkracht",
                "Anna de Vries", title, "Ronde 1", DecisionOutcome.AWARD, new BigDecimal("1234.56"),
                new BigDecimal("1234.56"), "{{bedrag}} is geen gegeven in een motivering", List.of(), List.of(),
                ReportKind.ACTIVITY_REPORT, LocalDate.of(2027, 2, 1), LocalDate.of(2026, 4, 21),
                "Gemeente Assen, Postbus 30018, 9400 RA Assen", "J. Bakker", "de Subsidieregeling Preventiefonds");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void anAwardMadeFromVersionThreeShowsItsTextVersionAndAddress() throws IOException {
        LetterText v3 = new LetterText(LetterKind.AWARD, 17L, 3, "Beste {{contactpersoon}},\n\n# Ons besluit\n\n"
                + "Op {{datum_besluit}} kent {{gemeente}} u {{bedrag}} toe voor {{titel}} ({{kenmerk}}).\n\n"
                + "{{motivering}}");
        byte[] pdf = DecisionLetter.render(award("Buurtkamer 🌻"), LetterPdf.Letterhead.NONE, v3, ADDRESS);
        PdfConformance.assertArchivableAndAccessible("templated award", pdf);
        String text = text(pdf);
        assertTrue(text.contains("Beste Anna de Vries,"), text);
        assertTrue(text.contains("Ons besluit Op 10 maart 2026 kent Assen u € 1.234,56 toe voor Buurtkamer 🌻"
                + " (PF-2026-0042)."), text);
        assertTrue(text.contains("{{bedrag}} is geen gegeven in een motivering"), "values are not filled again");
        assertFalse(text.contains("Geachte heer, mevrouw"), "the built-in opening is replaced");
        assertFalse(text.contains("Buurtkamer ?"), "the emoji is drawn, not replaced: " + text);
        assertTrue(text.contains("Aan Stichting Buurtkracht, t.a.v. Anna de Vries Stationsstraat 12 9401 AB Assen"),
                text);
        assertTrue(text.contains("Sjabloon toekenning v3 · Pagina 1 van"), text);
        assertTrue(text.contains("Verplichtingen") && text.contains("Betaling"), text);
        assertTrue(text.contains("bezwaar maken") && text.contains("Postbus 30018, 9400 RA Assen")
                && text.contains("21 april 2026"), "the objection clause with address and term: " + text);
        assertTrue(text.contains("Met vriendelijke groet"), text);
    }

    @Test
    void aDeterminationMadeFromATemplateNamesIt() throws IOException {
        DeterminationLetterData d = new DeterminationLetterData("Assen", "Preventiefonds Assen", "PF-2026-0042",
                DATE, "Stichting Buurtkracht", null, "Buurtkamer", LocalDate.of(2025, 3, 3),
                new BigDecimal("5000.00"), new BigDecimal("3000.00"), new BigDecimal("1000.00"), null, false, true,
                null, DATE.plusWeeks(4), null, null, LocalDate.of(2026, 4, 21), null, "J. Bakker", null);
        LetterText v1 = new LetterText(LetterKind.DETERMINATION, 5L, 1,
                "{{inleiding}}\n\nVastgesteld: {{bedrag}} van {{verleend_bedrag}} (verleend op {{datum_verlening}})."
                        + "\n\n{{verschil}}\n\n{{motivering}}");
        String text = text(DeterminationLetter.render(d, LetterPdf.Letterhead.NONE, v1, ADDRESS));
        assertTrue(text.contains("Vastgesteld: € 3.000,00 van € 5.000,00 (verleend op 3 maart 2025)."), text);
        assertTrue(text.contains("Dat is € 2.000,00 lager dan het bedrag dat wij u hebben verleend."), text);
        assertTrue(text.contains("reden (artikel 4:46 Algemene wet bestuursrecht): -"), "a lower amount states a"
                + " reason, '-' when none was given: " + text);
        assertTrue(text.contains("Aan Stichting Buurtkracht Stationsstraat 12 9401 AB Assen"), text);
        assertTrue(text.contains("Sjabloon vaststelling v1 · Pagina 1 van"), text);
        assertTrue(text.contains("bezwaar maken"), text);
    }
}
