package nl.preventiefonds.determination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.decision.DecisionLetter;
import nl.preventiefonds.decision.DecisionLetterData;
import nl.preventiefonds.decision.DecisionOutcome;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The built-in template texts keep the letters' wording: every decision and determination letter made from them
 * reads word for word as the letters did before templates (issue 21). The texts in src/test/resources/golden were
 * written by this class on the code before templates (with -Dgolden.write=&lt;dir&gt;); only the page footer,
 * which now names the template, is left out of the comparison.
 */
class BuiltInWordingTest {
    private static final LocalDate DATE = LocalDate.of(2026, 3, 10);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 4, 21);

    private static DecisionLetterData decision(DecisionOutcome outcome, String reasons) {
        boolean grants = outcome.grantsMoney();
        return new DecisionLetterData("Assen", "Preventiefonds Assen", "PF-2026-0042", DATE, "Stichting Café Noë",
                "Anna de Vries", "Ontmoetingsplek Pittelo", "Preventiefonds 2026, eerste ronde", outcome,
                new BigDecimal("15000.00"), grants ? new BigDecimal(outcome == DecisionOutcome.AWARD ? "15000.00"
                : "8000.50") : null, reasons, List.of("U houdt een deelnemerslijst bij."),
                grants ? List.of(new DecisionLetterData.Tranche("Voorschot", DATE.plusWeeks(2),
                        new BigDecimal("6000.00"))) : List.of(),
                grants ? ReportKind.ACTIVITY_REPORT : null, grants ? LocalDate.of(2027, 2, 1) : null, DEADLINE,
                "Gemeente Assen, Postbus 30018, 9400 RA Assen", "J. Bakker", "de Subsidieregeling Preventiefonds");
    }

    private static DeterminationLetterData determination(String fin, String paid, String reasons, boolean direct,
                                                         boolean onRequest, String basis) {
        BigDecimal balance = new BigDecimal(fin).subtract(new BigDecimal(paid));
        return new DeterminationLetterData("Assen", "Preventiefonds Assen", "PF-2026-0042", DATE,
                "Stichting Buurtkracht", "Anna de Vries", "Buurtkamer", LocalDate.of(2025, 3, 3),
                new BigDecimal("5000.00"), new BigDecimal(fin), new BigDecimal(paid), reasons, direct, onRequest,
                null, balance.signum() > 0 ? DATE.plusWeeks(4) : null, balance.signum() < 0 ? DATE.plusWeeks(6) : null,
                "NL91ABNA0417164300", DEADLINE, "Gemeente Assen, Postbus 30018, 9400 RA Assen", "J. Bakker", basis);
    }

    private static Map<String, byte[]> letters() {
        Map<String, byte[]> letters = new LinkedHashMap<>();
        letters.put("award", DecisionLetter.render(decision(DecisionOutcome.AWARD, null)));
        letters.put("award-reasons", DecisionLetter.render(decision(DecisionOutcome.AWARD, "Een sterk plan.")));
        letters.put("partial", DecisionLetter.render(decision(DecisionOutcome.PARTIAL_AWARD, "Huur te hoog.")));
        letters.put("partial-noreasons", DecisionLetter.render(decision(DecisionOutcome.PARTIAL_AWARD, " ")));
        letters.put("rejection", DecisionLetter.render(decision(DecisionOutcome.REJECT, "Buiten de wijken.")));
        letters.put("determination-lower", DeterminationLetter.render(determination("3000.00", "4000.00",
                "Minder bijeenkomsten.", false, true, "de Subsidieregeling Preventiefonds")));
        letters.put("determination-equal", DeterminationLetter.render(determination("5000.00", "1000.00", null,
                false, false, null)));
        letters.put("determination-direct", DeterminationLetter.render(determination("5000.00", "5000.00",
                "Goed uitgevoerd.", true, false, "de Subsidieregeling Preventiefonds")));
        return letters;
    }

    /** The letter's text, one line per line, without the page footers. */
    private static String withoutFooter(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return Arrays.stream(new PDFTextStripper().getText(document).split("\\R"))
                    .filter(line -> !line.contains("Pagina "))
                    .map(String::stripTrailing)
                    .collect(Collectors.joining("\n"));
        }
    }

    @Test
    void theBuiltInTextsReadAsTheLettersDidBeforeTemplates() throws IOException {
        String target = System.getProperty("golden.write");
        for (Map.Entry<String, byte[]> letter : letters().entrySet()) {
            String text = withoutFooter(letter.getValue());
            if (target != null) {
                Files.writeString(Path.of(target, letter.getKey() + ".txt"), text, StandardCharsets.UTF_8);
                continue;
            }
            try (InputStream golden = getClass().getResourceAsStream("/golden/" + letter.getKey() + ".txt")) {
                assertNotNull(golden, letter.getKey());
                assertEquals(new String(golden.readAllBytes(), StandardCharsets.UTF_8), text, letter.getKey());
            }
        }
    }
}
