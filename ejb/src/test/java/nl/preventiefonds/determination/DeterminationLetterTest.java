package nl.preventiefonds.determination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import nl.preventiefonds.determination.DeterminationLetterData.Realised;
import nl.preventiefonds.municipality.Municipality;

class DeterminationLetterTest {
    private static final LocalDate LETTER_DATE = LocalDate.of(2027, 3, 1);
    private static final LocalDate DECISION_DATE = LocalDate.of(2026, 3, 10);
    private static final LocalDate PAYABLE_BY = LocalDate.of(2027, 3, 29);
    private static final LocalDate RECLAIM_DUE = LocalDate.of(2027, 4, 12);
    private static final LocalDate OBJECTION_DEADLINE = LocalDate.of(2027, 4, 12);
    private static final String IBAN = "NL12 BNGH 0285 0001 23";
    private static final String LOWER_REASON = "Er zijn 6 van de 12 geplande bijeenkomsten gehouden.";
    private static final Realised REALISED = new Realised(25, 6, null, 40, 12, null);

    /** A letter with the given amounts and a sensible rest; dates are filled in only where the balance needs them. */
    private static DeterminationLetterData letter(String title, String awarded, String fin, String paid,
                                                  String reasons, boolean direct, boolean onRequest,
                                                  Realised realised) {
        BigDecimal balance = new BigDecimal(fin).subtract(new BigDecimal(paid));
        return new DeterminationLetterData("Assen", "Preventiefonds Assen", "PF-2026-0042", LETTER_DATE,
                "Stichting Buurtkracht", "Anna de Vries", title, DECISION_DATE, new BigDecimal(awarded),
                new BigDecimal(fin), new BigDecimal(paid), reasons, direct, onRequest, realised,
                balance.signum() > 0 ? PAYABLE_BY : null, balance.signum() < 0 ? RECLAIM_DUE : null, IBAN,
                OBJECTION_DEADLINE, "Gemeente Assen, Postbus 30018, 9400 RA Assen",
                "J. Bakker, teammanager Subsidies", "de Subsidieregeling Preventiefonds Assen 2026");
    }

    /** Awarded 5.000, determined at 3.000 after 4.000 was paid: 1.000 to reclaim. */
    private static DeterminationLetterData lowerWithReclaim() {
        return letter("Ontmoetingsplek Pittelo", "5000.00", "3000.00", "4000.00", LOWER_REASON, false, true,
                REALISED);
    }

    private static String flat(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theLetterCarriesTheMunicipalitysLetterheadReclaimAccountAndObjectionAddress() throws IOException {
        Municipality vecht = new Municipality("GM1904", "Stichtse Vecht");
        vecht.changeProfile(new Municipality.Profile("Postbus 1212", "3600 BE", "Maarssen",
                "Gemeente Stichtse Vecht, afdeling Bezwaar, Postbus 1212, 3600 BE Maarssen", null, "14 0346",
                "info@stichtsevecht.nl", null, "NL91ABNA0417164300", null, null));
        DeterminationLetterData d = new DeterminationLetterData("Stichtse Vecht", "Vitale Coalitie", "PF-2026-0042",
                LETTER_DATE, "Stichting Buurtkracht", "Anna de Vries", "Ontmoetingsplek Maarssen", DECISION_DATE,
                new BigDecimal("5000.00"), new BigDecimal("3000.00"), new BigDecimal("4000.00"), LOWER_REASON, false,
                true, REALISED, null, RECLAIM_DUE, vecht.reclaimIbanOrDefault(), OBJECTION_DEADLINE,
                vecht.objectionAddressOrDefault(), "J. Bakker", "de regeling");
        String text = flat(DeterminationLetter.render(d, vecht.letterhead(null)));
        assertTrue(text.startsWith("Gemeente Stichtse Vecht Vitale Coalitie Postbus 1212, 3600 BE Maarssen Telefoon"
                + " 14 0346 | info@stichtsevecht.nl"), text);
        assertTrue(text.contains("rekeningnummer NL91ABNA0417164300 van de gemeente Stichtse Vecht"), text);
        assertTrue(text.contains("Stuur het naar: Gemeente Stichtse Vecht, afdeling Bezwaar, Postbus 1212, 3600 BE"
                + " Maarssen."), text);
    }

    @Test
    void filenameCarriesTheReference() {
        assertEquals("vaststelling-PF-2026-0042.pdf", DeterminationLetter.filename("PF-2026-0042"));
    }

    @Test
    void aLowerDeterminationGivesAmountWordsReasonsAndReclaims() throws IOException {
        byte[] pdf = DeterminationLetter.render(lowerWithReclaim());
        String text = flat(pdf);
        assertTrue(text.startsWith("Gemeente Assen Preventiefonds Assen"), text);
        assertTrue(text.contains("Referentienummer PF-2026-0042"), text);
        assertTrue(text.contains("Datum 1 maart 2027"), text);
        assertTrue(text.contains("Aan Stichting Buurtkracht, t.a.v. Anna de Vries"), text);
        assertTrue(text.contains("Onderwerp Vaststelling van uw subsidie voor 'Ontmoetingsplek Pittelo'"), text);
        assertTrue(text.contains("Met ons besluit van 10 maart 2026 hebben wij u een subsidie van € 5.000,00"
                + " verleend voor 'Ontmoetingsplek Pittelo'."), text);
        assertTrue(text.contains("U heeft ons gevraagd de subsidie vast te stellen"), text);
        assertTrue(text.contains("Wij stellen de subsidie vast op € 3.000,00 (zegge: drieduizend euro)."), text);
        assertTrue(text.contains("Dat is € 2.000,00 lager dan het bedrag dat wij u hebben verleend."), text);
        assertTrue(text.contains("(artikel 4:46 Algemene wet bestuursrecht): " + LOWER_REASON), text);
        assertTrue(text.contains("op grond van de Subsidieregeling Preventiefonds Assen 2026 en titel 4.2 van de"
                + " Algemene wet bestuursrecht, artikelen 4:42 tot en met 4:46."), text);
        assertTrue(text.contains("U heeft van ons al € 4.000,00 ontvangen. U heeft € 1.000,00 te veel ontvangen."
                + " Wij vorderen dit bedrag terug (artikel 4:57 Algemene wet bestuursrecht). Maak het uiterlijk"
                + " 12 april 2027 over naar rekeningnummer " + IBAN + " van de gemeente Assen onder vermelding"
                + " van PF-2026-0042."), text);
        assertFalse(text.contains("4:52"), text);
        assertTrue(text.contains("Uw bezwaarschrift moet dus uiterlijk 12 april 2027 bij ons binnen zijn. Stuur het"
                + " naar: Gemeente Assen, Postbus 30018, 9400 RA Assen."), text);
        assertTrue(text.contains("binnen zes weken"), text);
        assertTrue(text.contains("artikel 6:5"), text);
        assertTrue(text.contains("Met vriendelijke groet, J. Bakker, teammanager Subsidies namens het college van"
                + " burgemeester en wethouders van Assen"), text);
        assertTrue(text.contains("Pagina 1 van"), text);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals("Vaststelling PF-2026-0042", document.getDocumentInformation().getTitle());
        }
    }

    @Test
    void aReclaimWithoutAnIbanPointsToTheMunicipality() throws IOException {
        DeterminationLetterData d = lowerWithReclaim();
        DeterminationLetterData noIban = new DeterminationLetterData(d.municipalityName(), d.fundName(),
                d.reference(), d.letterDate(), d.applicantName(), d.contactName(), d.initiativeTitle(),
                d.decisionDate(), d.awardedAmount(), d.finalAmount(), d.paidBefore(), " ", d.direct(),
                d.onRequest(), d.realised(), null, d.reclaimDueOn(), null, d.objectionDeadline(),
                d.objectionAddress(), d.signatory(), d.legalBasis());
        String text = flat(DeterminationLetter.render(noIban));
        assertTrue(text.contains("Maak het uiterlijk 12 april 2027 over naar de gemeente onder vermelding van"
                + " PF-2026-0042."), text);
        assertFalse(text.contains("rekeningnummer"), text);
        // a lower amount always shows a reason line, "-" when the caller gave none
        assertTrue(text.contains("(artikel 4:46 Algemene wet bestuursrecht): - "), text);
    }

    @Test
    void aPositiveBalanceIsPaidWithinFourWeeks() throws IOException {
        String text = flat(DeterminationLetter.render(letter("Ontmoetingsplek Pittelo", "5000.00", "5000.00",
                "4000.00", null, false, true, null)));
        assertTrue(text.contains("Wij stellen de subsidie vast op € 5.000,00 (zegge: vijfduizend euro)."), text);
        assertTrue(text.contains("Dat is het bedrag dat wij u hebben verleend."), text);
        assertTrue(text.contains("U heeft van ons al € 4.000,00 ontvangen. Het restant van € 1.000,00 betalen wij"
                + " uiterlijk 29 maart 2027, binnen vier weken na deze vaststelling (artikel 4:52 Algemene wet"
                + " bestuursrecht)."), text);
        assertFalse(text.contains("4:57"), text);
        assertFalse(text.contains("lager dan"), text);
        assertFalse(text.contains("Gerealiseerd"), text);
    }

    @Test
    void nothingIsPaidOrReclaimedWhenTheFullAmountWasPaid() throws IOException {
        String text = flat(DeterminationLetter.render(letter("Ontmoetingsplek Pittelo", "2500.50", "2500.50",
                "2500.50", "Alle activiteiten zijn uitgevoerd zoals gepland.", false, false, null)));
        assertTrue(text.contains("(zegge: tweeduizend vijfhonderd euro en vijftig cent)"), text);
        assertTrue(text.contains("Dat is het bedrag dat wij u hebben verleend. Alle activiteiten zijn uitgevoerd"
                + " zoals gepland."), text);
        assertTrue(text.contains("U heeft van ons al € 2.500,50 ontvangen. U heeft het volledige bedrag al"
                + " ontvangen; er volgt geen betaling of terugvordering."), text);
        assertFalse(text.contains("4:52"), text);
        assertFalse(text.contains("4:57"), text);
        // neither on request nor direct: ex officio
        assertTrue(text.contains("Wij stellen de subsidie nu ambtshalve vast"), text);
        assertFalse(text.contains("U heeft ons gevraagd"), text);
    }

    @Test
    void aDirectDeterminationNeedsNoReport() throws IOException {
        // direct wins over onRequest
        String text = flat(DeterminationLetter.render(letter("Buurtbarbecue", "750.00", "750.00", "0.00", null,
                true, true, null)));
        assertTrue(text.contains("stellen wij vast zonder dat u een activiteitenverslag hoeft te sturen"), text);
        assertTrue(text.contains("Bewaar daarom uw administratie."), text);
        assertFalse(text.contains("U heeft ons gevraagd"), text);
        assertFalse(text.contains("ambtshalve"), text);
        assertTrue(text.contains("U heeft van ons nog geen betaling ontvangen. Het bedrag van € 750,00 betalen wij"
                + " uiterlijk 29 maart 2027"), text);
        assertFalse(text.contains("Gerealiseerd"), text);
    }

    @Test
    void realisedFiguresStandNextToThePlanSkippingUnknownPairs() throws IOException {
        String text = flat(DeterminationLetter.render(letter("Ontmoetingsplek Pittelo", "5000.00", "5000.00",
                "5000.00", null, false, true, new Realised(1250, 6, null, 1000, null, null))));
        assertTrue(text.contains("Gerealiseerd Wat u had gepland en wat u heeft gerealiseerd:"), text);
        assertTrue(text.contains("Deelnemers: gepland 1.000, gerealiseerd 1.250"), text);
        assertTrue(text.contains("Bijeenkomsten: gepland -, gerealiseerd 6"), text);
        assertFalse(text.contains("Vrijwilligers"), text);
        String empty = flat(DeterminationLetter.render(letter("Ontmoetingsplek Pittelo", "5000.00", "5000.00",
                "5000.00", null, false, true, new Realised(null, null, null, null, null, null))));
        assertFalse(empty.contains("Gerealiseerd"), empty);
    }

    @Test
    void fontsAreEmbeddedSoEuroAndDiaeresisRender() throws IOException {
        byte[] pdf = DeterminationLetter.render(letter("Café Ëlla", "5000.00", "3000.00", "4000.00", LOWER_REASON,
                false, true, REALISED));
        String text = flat(pdf);
        assertTrue(text.contains("Vaststelling van uw subsidie voor 'Café Ëlla'"), text);
        assertTrue(text.contains("€ 3.000,00"), text);
        // a glyph the font lacked would show as '?'; the only real one ends the objection heading
        assertFalse(text.replace("Bent u het niet eens met dit besluit?", "").contains("?"), text);
        List<String> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font.isEmbedded(), font.getName());
                    fonts.add(font.getName());
                }
            }
            Path directory = Path.of("target", "letters");
            Files.createDirectories(directory);
            // for a look at the layout
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png",
                    directory.resolve("vaststelling-page1.png").toFile());
        }
        assertFalse(fonts.isEmpty());
        assertTrue(fonts.stream().anyMatch(f -> f.contains("LiberationSans")), fonts.toString());
    }

    @Test
    void theClosingAndSignatureShareTheLastPage() throws IOException {
        StringBuilder reasons = new StringBuilder();
        for (int length = 0; length < 40; length++) {
            reasons.append("Reden ").append(length).append(": er zijn minder bijeenkomsten gehouden.\n");
            DeterminationLetterData d = letter("Ontmoetingsplek Pittelo", "5000.00", "3000.00", "4000.00",
                    reasons.toString(), false, true, REALISED);
            try (PDDocument document = Loader.loadPDF(DeterminationLetter.render(d))) {
                PDFTextStripper stripper = new PDFTextStripper();
                int last = document.getNumberOfPages();
                stripper.setStartPage(last);
                stripper.setEndPage(last);
                String lastPage = stripper.getText(document);
                assertTrue(lastPage.contains("Met vriendelijke groet,") && lastPage.contains("J. Bakker")
                        && lastPage.contains("namens het college"), length + ": " + lastPage);
            }
        }
    }

    @Test
    void balanceIsFinalMinusPaid() {
        assertEquals(new BigDecimal("-1000.00"), lowerWithReclaim().balance());
        assertEquals(new BigDecimal("750.00"),
                letter("X", "750.00", "750.00", "0.00", null, true, false, null).balance());
    }

    @Test
    void inconsistentDataIsRefused() {
        // final above awarded
        assertThrows(IllegalArgumentException.class,
                () -> letter("X", "5000.00", "5000.01", "0.00", null, false, true, null));
        // negative final
        assertThrows(IllegalArgumentException.class,
                () -> letter("X", "5000.00", "-1.00", "0.00", null, false, true, null));
        // negative paid
        assertThrows(IllegalArgumentException.class,
                () -> letter("X", "5000.00", "5000.00", "-0.01", null, false, true, null));
        DeterminationLetterData d = lowerWithReclaim();
        // a reclaim without its due date
        assertThrows(IllegalArgumentException.class, () -> new DeterminationLetterData(d.municipalityName(),
                d.fundName(), d.reference(), d.letterDate(), d.applicantName(), d.contactName(),
                d.initiativeTitle(), d.decisionDate(), d.awardedAmount(), d.finalAmount(), d.paidBefore(),
                d.reasons(), d.direct(), d.onRequest(), d.realised(), PAYABLE_BY, null, d.reclaimIban(),
                d.objectionDeadline(), d.objectionAddress(), d.signatory(), d.legalBasis()));
        // a balance to pay without its date (final 3.000, paid 2.000)
        assertThrows(IllegalArgumentException.class, () -> new DeterminationLetterData(d.municipalityName(),
                d.fundName(), d.reference(), d.letterDate(), d.applicantName(), d.contactName(),
                d.initiativeTitle(), d.decisionDate(), d.awardedAmount(), d.finalAmount(), new BigDecimal("2000"),
                d.reasons(), d.direct(), d.onRequest(), d.realised(), null, RECLAIM_DUE, d.reclaimIban(),
                d.objectionDeadline(), d.objectionAddress(), d.signatory(), d.legalBasis()));
        // a required field missing
        assertThrows(NullPointerException.class, () -> new DeterminationLetterData(d.municipalityName(),
                d.fundName(), d.reference(), d.letterDate(), d.applicantName(), d.contactName(),
                d.initiativeTitle(), d.decisionDate(), d.awardedAmount(), d.finalAmount(), d.paidBefore(),
                d.reasons(), d.direct(), d.onRequest(), d.realised(), null, d.reclaimDueOn(), d.reclaimIban(),
                null, d.objectionAddress(), d.signatory(), d.legalBasis()));
    }
}
