package nl.preventiefonds.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.TemplateText;
import org.junit.jupiter.api.Test;

/** The placeholder language: strict on save, one pass on fill, Dutch formatting of its values. */
class TemplateTextTest {
    private static final Set<String> ALLOWED = LetterKind.AWARD.placeholders();

    private static List<String> keys(List<Problem> problems) {
        return problems.stream().map(Problem::key).toList();
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingIt() {
        List<Problem> problems = TemplateText.check("Beste {{aanvrager}}, uw {{bedragg}} en {{bedragg}} {{IBAN}}.",
                ALLOWED);
        assertEquals(List.of("template.unknownPlaceholder", "template.unknownPlaceholder"), keys(problems));
        assertEquals(List.of("{{bedragg}}"), problems.get(0).args(), "named once, as typed");
        assertEquals(List.of("{{IBAN}}"), problems.get(1).args());
        assertEquals(List.of("template.unknownPlaceholder"),
                keys(TemplateText.check("{{ aanvrager }}", ALLOWED)), "no spaces inside the braces");
        assertEquals(List.of("template.unknownPlaceholder"),
                keys(TemplateText.check("{{verleend_bedrag}}", ALLOWED)), "a determination's value in an award");
        assertTrue(TemplateText.check("{{verleend_bedrag}}", LetterKind.DETERMINATION.placeholders()).isEmpty());
    }

    @Test
    void unbalancedBracesAreRefusedWithTheirLine() {
        List<Problem> unclosed = TemplateText.check("Geachte heer,\n\nU krijgt {{bedrag van ons.", ALLOWED);
        assertEquals(List.of("template.unclosedPlaceholder"), keys(unclosed));
        assertEquals(3, unclosed.get(0).args().get(0), "the line it is on");
        assertEquals(List.of("template.strayBrace"), keys(TemplateText.check("U krijgt {bedrag}.", ALLOWED)));
        assertEquals(List.of("template.strayBrace"), keys(TemplateText.check("U krijgt bedrag}}.", ALLOWED)));
        assertEquals(List.of("template.strayBrace"),
                keys(TemplateText.check("{{titel}} en }} {{bedrag}}", ALLOWED)));
        assertEquals(List.of("template.unclosedPlaceholder"),
                keys(TemplateText.check("{{titel {{bedrag}}", ALLOWED)), "an opening inside an opening");
        assertEquals(List.of("template.strayBrace"), keys(TemplateText.check("{{titel}}}", ALLOWED)));
    }

    @Test
    void emptyAndOverlongTextsAreRefused() {
        assertEquals(List.of("template.textRequired"), keys(TemplateText.check("  \n ", ALLOWED)));
        assertEquals(List.of("template.textRequired"), keys(TemplateText.check(null, ALLOWED)));
        assertEquals(List.of("template.tooLong"),
                keys(TemplateText.check("x".repeat(TemplateText.MAX_LENGTH + 1), ALLOWED)));
        assertTrue(TemplateText.check("x".repeat(TemplateText.MAX_LENGTH), ALLOWED).isEmpty());
    }

    @Test
    void everyBuiltInTextPassesItsOwnCheckAndUsesOnlyItsPlaceholders() {
        for (LetterKind kind : LetterKind.values()) {
            assertEquals(List.of(), TemplateText.check(kind.builtInText(), kind.placeholders()), kind.name());
            assertTrue(kind.placeholders().containsAll(TemplateText.placeholders(kind.builtInText())), kind.name());
        }
    }

    @Test
    void valuesAreFilledInOnePassAndCannotMakeHeadingsOrBlocks() {
        Map<String, String> values = Map.of("aanvrager", "Stichting {{titel}}", "titel", "Buurtkamer",
                "motivering", "# Geen kop\n\nTweede alinea van de motivering");
        List<TemplateText.Block> blocks = TemplateText.fill("# Besluit\n\nBeste {{aanvrager}}, over {{titel}}.\n\n"
                + "{{motivering}}", values);
        assertEquals(3, blocks.size(), blocks.toString());
        assertEquals(new TemplateText.Block(true, "Besluit"), blocks.get(0));
        assertEquals("Beste Stichting {{titel}}, over Buurtkamer.", blocks.get(1).text(),
                "a value that looks like a placeholder is printed, not filled again");
        assertFalse(blocks.get(2).heading(), "a value starting with '# ' stays a paragraph");
        assertEquals("# Geen kop\n\nTweede alinea van de motivering", blocks.get(2).text(),
                "a value's blank line stays inside its paragraph");
    }

    @Test
    void aParagraphEmptyOnceFilledIsLeftOutAndLineEndsAreNormalised() {
        List<TemplateText.Block> blocks = TemplateText.fill("Eerste\r\n\r\n{{motivering}}\r\n \r\nLaatste\nregel",
                Map.of("motivering", ""));
        assertEquals(List.of(new TemplateText.Block(false, "Eerste"), new TemplateText.Block(false,
                "Laatste\nregel")), blocks);
    }

    @Test
    void aPlaceholderWithoutAValueIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> TemplateText.fill("{{bedrag}}", Map.of()));
    }

    @Test
    void valuesAreFormattedTheDutchWay() {
        Map<String, String> values = LetterValues.of("Stichting Buurtkracht", "Anna de Vries",
                "Stationsstraat 12\n9401 AB Assen", "Buurtkamer", "PF-2026-00042", "Ronde 1", "Assen",
                "Preventiefonds Assen", LocalDate.of(2026, 3, 3), new BigDecimal("1234.56"),
                new BigDecimal("1500.00"), null, "de subsidieregeling Preventiefonds Assen").asMap();
        assertEquals("€ 1.234,56", values.get("bedrag"));
        assertEquals("€ 1.500,00", values.get("gevraagd_bedrag"));
        assertEquals("3 maart 2026", values.get("datum_besluit"));
        assertEquals("Stationsstraat 12, 9401 AB Assen", values.get("adres"));
        assertEquals("twaalfhonderdvierendertig euro en zesenvijftig cent", values.get("bedrag_in_woorden"));
        assertEquals("", values.get("motivering"), "no reasons: the paragraph falls away");
        assertEquals("de subsidieregeling Preventiefonds Assen en titel 4.2 van de Algemene wet bestuursrecht",
                values.get("grondslag"));
        Map<String, String> rejection = LetterValues.of("A", null, null, "T", "K", "R", "G", "F",
                LocalDate.of(2026, 12, 31), null, new BigDecimal("0.50"), " Te laat. ", "").asMap();
        assertEquals("-", rejection.get("bedrag"));
        assertEquals("-", rejection.get("adres"));
        assertEquals("-", rejection.get("contactpersoon"));
        assertEquals("€ 0,50", rejection.get("gevraagd_bedrag"));
        assertEquals("Te laat.", rejection.get("motivering"));
        assertEquals("titel 4.2 van de Algemene wet bestuursrecht", rejection.get("grondslag"));
        assertEquals("31 december 2026", rejection.get("datum_besluit"));
    }

    @Test
    void theLabelNamesKindAndVersion() {
        assertEquals("Sjabloon toekenning standaard", LetterText.builtIn(LetterKind.AWARD).label());
        assertEquals("Sjabloon vaststelling v3", new LetterText(LetterKind.DETERMINATION, 7L, 3, "x").label());
        assertEquals("Sjabloon afwijzing v1 · Pagina %d van %d",
                new LetterText(LetterKind.REJECTION, 1L, 1, "x").footerPattern());
    }
}
