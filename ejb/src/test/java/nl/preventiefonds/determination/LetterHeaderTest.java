package nl.preventiefonds.determination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ReceiptLetter;
import nl.preventiefonds.platform.LetterPdfConformanceTest;
import nl.preventiefonds.platform.PdfConformance;
import nl.preventiefonds.call.CallForm;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.decision.DecisionLetter;
import nl.preventiefonds.decision.DecisionLetterData;
import nl.preventiefonds.decision.DecisionOutcome;
import nl.preventiefonds.decision.ObjectionOutcome;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.identity.AccountStatus;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.platform.LetterPdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Every letter of the fund opens with the same header ({@link LetterPdf.Header}): sender, fund, reference, date,
 * addressee and subject, in that order and worded the same, so a letter from this fund always looks like one.
 */
class LetterHeaderTest {
    private static final String REFERENCE = "PF-2026-00042";
    private static final LocalDate DATE = LocalDate.of(2026, 3, 10);
    private static final String EXPECTED_DATE = "10 maart 2026";

    private static String[] lines(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).strip().split("\\R");
        }
    }

    /** The first six lines of the first page: the header and nothing else. */
    private static void assertHeader(String letter, byte[] pdf, String subjectStart) throws IOException {
        String[] lines = lines(pdf);
        assertEquals("Gemeente Assen", lines[0], letter);
        assertEquals("Preventiefonds Assen", lines[1], letter);
        assertEquals("Referentienummer " + REFERENCE, lines[2], letter);
        assertEquals("Datum " + EXPECTED_DATE, lines[3], letter);
        assertEquals("Aan Stichting Buurtkracht, t.a.v. Anna de Vries", lines[4], letter);
        assertTrue(lines[5].startsWith("Onderwerp " + subjectStart), letter + ": " + lines[5]);
    }

    @Test
    void theReceiptOpensWithTheHeader() throws IOException {
        assertHeader("receipt", receipt(), "Ontvangstbevestiging van uw subsidieaanvraag 'Buurtkamer'");
    }

    @Test
    void theDecisionOpensWithTheHeader() throws IOException {
        assertHeader("decision", DecisionLetter.render(decision()), "Besluit op uw subsidieaanvraag 'Buurtkamer'");
    }

    @Test
    void theDeterminationOpensWithTheHeader() throws IOException {
        assertHeader("determination", DeterminationLetter.render(determination()),
                "Vaststelling van uw subsidie voor 'Buurtkamer'");
    }

    @Test
    void theObjectionDecisionOnADeterminationOpensWithTheHeader() throws IOException {
        assertHeader("objection", DeterminationObjectionLetter.render(objection()),
                "Beslissing op bezwaar tegen de vaststelling");
    }

    @Test
    void withoutAContactTheLetterIsAddressedToTheOrganisation() {
        LetterPdf.Header header = new LetterPdf.Header("Assen", "Preventiefonds", "Titel", REFERENCE, DATE,
                "Stichting Buurtkracht", " ", "Onderwerp");
        assertEquals("Stichting Buurtkracht", header.addressee());
        assertEquals("Stichting Buurtkracht, t.a.v. Anna", new LetterPdf.Header("Assen", null, "Titel", REFERENCE,
                DATE, "Stichting Buurtkracht", "Anna", "Onderwerp").addressee());
    }

    @Test
    void everyLetterKindIsArchivableAndAccessibleWithAndWithoutLetterhead() throws IOException {
        LetterPdf.Letterhead letterhead = LetterPdfConformanceTest.letterhead();
        PdfConformance.assertArchivableAndAccessible("receipt", receipt());
        PdfConformance.assertArchivableAndAccessible("decision", DecisionLetter.render(decision()));
        PdfConformance.assertArchivableAndAccessible("decision with letterhead",
                DecisionLetter.render(decision(), letterhead));
        PdfConformance.assertArchivableAndAccessible("determination", DeterminationLetter.render(determination()));
        PdfConformance.assertArchivableAndAccessible("determination with letterhead",
                DeterminationLetter.render(determination(), letterhead));
        PdfConformance.assertArchivableAndAccessible("decision on an objection to a determination",
                DeterminationObjectionLetter.render(objection(), letterhead));
    }

    private static byte[] receipt() {
        Municipality assen = new Municipality("GM0106", "Assen");
        CallForm form = CallForm.withDefaults(1L);
        form.setTitle("Ronde 2026");
        form.setOpensAt(LocalDateTime.of(2026, 1, 5, 9, 0));
        form.setClosesAt(LocalDateTime.of(2026, 3, 31, 17, 0));
        form.setMinAmount(new BigDecimal("500.00"));
        form.setMaxAmount(new BigDecimal("50000.00"));
        form.setBudgetYear(2026);
        FundingCall call = FundingCall.create(new Fund(assen, "Preventiefonds Assen", null,
                new BigDecimal("1000000.00")), form, java.util.Set.of());
        UserAccount owner = new UserAccount("anna@example.org", "Anna de Vries", "x", Role.ORGANISER,
                AccountStatus.ACTIVE, Instant.parse("2026-01-05T08:00:00Z"));
        Application application = new Application(call, owner, Instant.parse("2026-01-05T08:00:00Z"));
        set(application, Map.of("reference", REFERENCE, "organisationName", "Stichting Buurtkracht",
                "title", "Buurtkamer"));
        // 23:30 UTC on the 9th is 00:30 on the 10th in Amsterdam: the letter shows the Amsterdam date
        return ReceiptLetter.render(application, List.of(), Instant.parse("2026-03-09T23:30:00Z"),
                LocalDate.of(2026, 5, 5));
    }

    private static DecisionLetterData decision() {
        return new DecisionLetterData("Assen", "Preventiefonds Assen", REFERENCE, DATE, "Stichting Buurtkracht",
                "Anna de Vries", "Buurtkamer", "Ronde 2026", DecisionOutcome.AWARD, new BigDecimal("12500.00"),
                new BigDecimal("12500.00"), null, List.of(), List.of(), ReportKind.ACTIVITY_REPORT,
                LocalDate.of(2027, 2, 1), LocalDate.of(2026, 4, 21), "Gemeente Assen, Postbus 30018, 9400 RA Assen",
                "J. Bakker", "de Subsidieregeling Preventiefonds Assen 2026");
    }

    private static DeterminationLetterData determination() {
        return new DeterminationLetterData("Assen", "Preventiefonds Assen", REFERENCE, DATE,
                "Stichting Buurtkracht", "Anna de Vries", "Buurtkamer", LocalDate.of(2025, 3, 10),
                new BigDecimal("5000.00"), new BigDecimal("5000.00"), new BigDecimal("5000.00"), null, false, true,
                new DeterminationLetterData.Realised(25, 6, null, 40, 12, null), null, null, null,
                LocalDate.of(2026, 4, 21), "Gemeente Assen, Postbus 30018, 9400 RA Assen", "J. Bakker",
                "de Subsidieregeling Preventiefonds Assen 2026");
    }

    private static DeterminationObjectionLetter.Data objection() {
        return new DeterminationObjectionLetter.Data("Assen", "Preventiefonds Assen", REFERENCE, DATE,
                "Stichting Buurtkracht", "Anna de Vries", "Buurtkamer", LocalDate.of(2026, 2, 2),
                LocalDate.of(2026, 1, 20), new BigDecimal("10000.00"), new BigDecimal("20000.00"),
                ObjectionOutcome.DISMISSED, "Niets nieuws.", null, null, BigDecimal.ZERO, null, null, null,
                BigDecimal.ZERO, null, null, LocalDate.of(2026, 4, 21), null, "A. de Beslisser");
    }

    private static void set(Object target, Map<String, Object> values) {
        values.forEach((name, value) -> {
            try {
                Field field = target.getClass().getDeclaredField(name);
                field.setAccessible(true);
                field.set(target, value);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        });
    }
}
