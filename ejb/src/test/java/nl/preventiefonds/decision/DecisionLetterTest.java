package nl.preventiefonds.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.decision.DecisionLetterData.Tranche;
import nl.preventiefonds.municipality.Municipality;

class DecisionLetterTest {
    private static final LocalDate LETTER_DATE = LocalDate.of(2026, 3, 10);
    private static final LocalDate OBJECTION_DEADLINE = LocalDate.of(2026, 4, 21);

    private static DecisionLetterData award(DecisionOutcome outcome, String applicant, List<String> obligations,
                                            ReportKind reportKind) {
        return award(outcome, applicant, obligations, reportKind, "Gemeente Assen, Postbus 30018, 9400 RA Assen");
    }

    private static DecisionLetterData award(DecisionOutcome outcome, String applicant, List<String> obligations,
                                            ReportKind reportKind, String objectionAddress) {
        boolean grants = outcome.grantsMoney();
        BigDecimal awarded = outcome == DecisionOutcome.PARTIAL_AWARD ? new BigDecimal("8000.00")
                : new BigDecimal("12500.50");
        return new DecisionLetterData("Assen", "Preventiefonds Assen", "PF-2026-0042", LETTER_DATE,
                applicant, "Anna de Vries", "Ontmoetingsplek Pittelo", "Preventiefonds 2026, eerste ronde",
                outcome, new BigDecimal(outcome == DecisionOutcome.AWARD ? "12500.50" : "15000.00"),
                grants ? awarded : null,
                switch (outcome) {
                    case AWARD -> null;
                    case PARTIAL_AWARD -> "De kosten voor huur van de zaal zijn hoger dan in de regeling is toegestaan.";
                    case REJECT -> "De activiteiten vinden niet plaats in een wijk die in deze ronde in aanmerking komt.";
                },
                obligations,
                grants ? List.of(new Tranche("Voorschot", LocalDate.of(2026, 3, 24), new BigDecimal("10000.00")))
                        : List.of(),
                grants ? reportKind : null, grants ? LocalDate.of(2027, 2, 1) : null,
                OBJECTION_DEADLINE, objectionAddress,
                "J. Bakker, teammanager Subsidies", "de Subsidieregeling Preventiefonds Assen 2026");
    }

    private static DecisionLetterData award(DecisionOutcome outcome) {
        return award(outcome, "Stichting Café Noë", List.of("U noemt de gemeente Assen in uw publiciteit.",
                "U houdt een deelnemerslijst bij."), ReportKind.ACTIVITY_REPORT);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** All whitespace (line breaks from wrapping included) as single spaces. */
    private static String flat(byte[] pdf) throws IOException {
        return text(pdf).replaceAll("\\s+", " ");
    }

    @Test
    void everyOutcomeIsArchivableAndAccessible() {
        for (DecisionOutcome outcome : DecisionOutcome.values()) {
            nl.preventiefonds.platform.PdfConformance.assertArchivableAndAccessible("decision " + outcome,
                    DecisionLetter.render(award(outcome)));
        }
    }

    @Test
    void filenameCarriesTheReference() {
        assertEquals("beschikking-PF-2026-0042.pdf", DecisionLetter.filename("PF-2026-0042"));
    }

    @Test
    void anAwardStatesTheAmountInFiguresAndWordsAndTheWholeProcedure() throws IOException {
        byte[] pdf = DecisionLetter.render(award(DecisionOutcome.AWARD));
        String text = flat(pdf);
        assertTrue(text.startsWith("Gemeente Assen Preventiefonds Assen"), text);
        assertTrue(text.contains("Referentienummer PF-2026-0042"), text);
        assertTrue(text.contains("Datum 10 maart 2026"), text);
        assertTrue(text.contains("Aan Stichting Café Noë, t.a.v. Anna de Vries"), text);
        assertTrue(text.contains("Onderwerp Besluit op uw subsidieaanvraag 'Ontmoetingsplek Pittelo'"), text);
        assertTrue(text.contains("Subsidieronde Preventiefonds 2026, eerste ronde"), text);
        assertTrue(text.contains("Wij verlenen u een subsidie van € 12.500,50 (zegge: twaalfduizend vijfhonderd euro"
                + " en vijftig cent) voor Ontmoetingsplek Pittelo."), text);
        assertTrue(text.contains("op grond van de Subsidieregeling Preventiefonds Assen 2026 en titel 4.2 van de"
                + " Algemene wet bestuursrecht."), text);
        assertTrue(text.contains("Verplichtingen"), text);
        assertTrue(text.contains("U houdt een deelnemerslijst bij."), text);
        assertTrue(text.contains("Betaling"), text);
        assertTrue(text.contains("Voorschot: € 10.000,00, uiterlijk 24 maart 2026"), text);
        assertTrue(text.contains("Het resterende bedrag van € 2.500,50 betalen wij nadat wij de subsidie hebben"
                + " vastgesteld"), text);
        assertTrue(text.contains("Stuur uiterlijk 1 februari 2027 een activiteitenverslag."), text);
        assertFalse(text.contains("Wij wijzen uw aanvraag af"), text);
        assertObjectionClause(text);
        assertTrue(text.contains("Met vriendelijke groet, J. Bakker, teammanager Subsidies namens het college van"
                + " burgemeester en wethouders van Assen"), text);
        assertTrue(text.contains("Pagina 1 van"), text);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals("Beschikking PF-2026-0042", document.getDocumentInformation().getTitle());
        }
    }

    private static void assertObjectionClause(String text) {
        assertTrue(text.contains("Bent u het niet eens met dit besluit?"), text);
        assertTrue(text.contains("binnen zes weken"), text);
        assertTrue(text.contains("artikel 6:7 Algemene wet bestuursrecht"), text);
        assertTrue(text.contains("uiterlijk 21 april 2026"), text);
        assertTrue(text.contains("Gemeente Assen, Postbus 30018, 9400 RA Assen"), text);
        assertTrue(text.contains("artikel 6:5"), text);
        assertTrue(text.contains("uw naam en adres"), text);
        assertTrue(text.contains("uw handtekening"), text);
        assertTrue(text.contains("Het besluit blijft gelden"), text);
        assertTrue(text.contains("voorzieningenrechter"), text);
        assertTrue(text.contains("voorlopige voorziening"), text);
    }

    @Test
    void aPartialAwardSaysWhatWasAskedAndWhyLessIsGranted() throws IOException {
        String text = flat(DecisionLetter.render(award(DecisionOutcome.PARTIAL_AWARD)));
        assertTrue(text.contains("Wij verlenen u een subsidie van € 8.000,00 (zegge: achtduizend euro) voor"
                + " Ontmoetingsplek Pittelo."), text);
        assertTrue(text.contains("U vroeg € 15.000,00. Wij verlenen een lager bedrag, om de volgende reden:"), text);
        assertTrue(text.contains("De kosten voor huur van de zaal zijn hoger dan in de regeling is toegestaan."), text);
        assertFalse(text.contains("resterende bedrag van € 0"), text);
        assertTrue(text.contains("Betaling"), text);
        assertObjectionClause(text);
    }

    @Test
    void aRejectionGivesReasonsAndNoPaymentOrReporting() throws IOException {
        String text = flat(DecisionLetter.render(award(DecisionOutcome.REJECT)));
        assertTrue(text.contains("Referentienummer PF-2026-0042"), text);
        assertTrue(text.contains("Wij wijzen uw aanvraag af."), text);
        assertTrue(text.contains("Waarom De activiteiten vinden niet plaats in een wijk"), text);
        assertTrue(text.contains("€ 15.000,00"), text);
        assertTrue(text.contains("Stichting Café Noë"), text);
        assertFalse(text.contains("Betaling"), text);
        assertFalse(text.contains("Verplichtingen"), text);
        assertFalse(text.contains("Verantwoording"), text);
        assertFalse(text.contains("zegge"), text);
        assertObjectionClause(text);
    }

    @Test
    void eachReportKindIsExplainedInPlainDutch() throws IOException {
        List<String> obligations = List.of("U houdt een deelnemerslijst bij.");
        String none = flat(DecisionLetter.render(award(DecisionOutcome.AWARD, "Buurtvereniging", obligations,
                ReportKind.NONE)));
        assertTrue(none.contains("U hoeft geen verantwoording af te leggen; wij stellen de subsidie direct vast."),
                none);
        String financial = flat(DecisionLetter.render(award(DecisionOutcome.AWARD, "Buurtvereniging", obligations,
                ReportKind.ACTIVITY_AND_FINANCIAL_REPORT)));
        assertTrue(financial.contains("Stuur uiterlijk 1 februari 2027 een activiteitenverslag en een financieel"
                + " verslag."), financial);
        assertFalse(financial.contains("accountant"), financial);
        String accountant = flat(DecisionLetter.render(award(DecisionOutcome.AWARD, "Buurtvereniging", obligations,
                ReportKind.ACCOUNTANT_STATEMENT)));
        assertTrue(accountant.contains("een activiteitenverslag en een financieel verslag, met een"
                + " controleverklaring van een accountant"), accountant);
    }

    @Test
    void aLongLetterRunsOverNumberedPages() throws IOException {
        String applicant = "Stichting Samen Sterk in de Wijken Pittelo, Lariks, Peelo, Marsdijk en Kloosterveen"
                + " ter bevordering van ontmoeting, mantelzorgondersteuning en schuldpreventie voor alle bewoners"
                + " van Assen en omstreken, café Noë";
        List<String> obligations = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> "Verplichting " + i + ": u houdt van elke bijeenkomst een deelnemerslijst bij en"
                        + " bewaart die tot vijf jaar na de vaststelling.")
                .toList();
        byte[] pdf = DecisionLetter.render(award(DecisionOutcome.AWARD, applicant, obligations,
                ReportKind.ACCOUNTANT_STATEMENT));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages > 1, "pages: " + pages);
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertTrue(text.contains("Pagina " + page + " van " + pages), text);
            }
            String all = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(all.contains(applicant + ", t.a.v. Anna de Vries"), all);
            for (int i = 1; i <= 30; i++) {
                assertTrue(all.contains("Verplichting " + i + ": u houdt"), "obligation " + i);
            }
            assertTrue(all.contains("namens het college van burgemeester en wethouders van Assen"), all);
        }
    }

    @Test
    void theClosingAndSignatureAreNeverSplitOverTwoPages() throws IOException {
        List<DecisionLetterData> letters = new ArrayList<>();
        letters.add(award(DecisionOutcome.REJECT));
        for (int count = 0; count <= 30; count++) {
            List<String> obligations = IntStream.rangeClosed(1, count).mapToObj(i -> "Verplichting " + i).toList();
            letters.add(award(DecisionOutcome.AWARD, "Stichting Café Noë", obligations, ReportKind.ACTIVITY_REPORT));
        }
        for (DecisionLetterData data : letters) {
            try (PDDocument document = Loader.loadPDF(DecisionLetter.render(data))) {
                PDFTextStripper stripper = new PDFTextStripper();
                int last = document.getNumberOfPages();
                stripper.setStartPage(last);
                stripper.setEndPage(last);
                String lastPage = stripper.getText(document);
                assertTrue(lastPage.contains("Met vriendelijke groet,") && lastPage.contains("J. Bakker")
                        && lastPage.contains("namens het college"), data.obligations().size() + ": " + lastPage);
            }
        }
    }

    /** Stichtse Vecht with its profile filled in: address, contact details, objection address and a logo. */
    static Municipality stichtseVecht() {
        Municipality municipality = new Municipality("GM1904", "Stichtse Vecht");
        municipality.changeProfile(new Municipality.Profile("Postbus 1212", "3600 BE", "Maarssen",
                "Het college van burgemeester en wethouders van Stichtse Vecht, Postbus 1212, 3600 BE Maarssen",
                "Rechtbank Midden-Nederland, Postbus 16005, 3500 DA Utrecht", "14 0346", "info@stichtsevecht.nl",
                "https://www.stichtsevecht.nl", "NL91ABNA0417164300", "NL-KVK-12345678", null));
        return municipality;
    }

    /** A logo as {@link nl.preventiefonds.municipality.LogoImage} stores it: an opaque PNG. */
    static byte[] logo() throws IOException {
        BufferedImage image = new BufferedImage(300, 120, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 300, 120);
        g.setColor(new java.awt.Color(0, 90, 160));
        g.fillOval(20, 10, 100, 100);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return nl.preventiefonds.municipality.LogoImage.normalise(out.toByteArray());
    }

    @Test
    void theLetterCarriesTheLetterheadAndObjectionAddressOfTheApplicationsMunicipality() throws IOException {
        Municipality vecht = stichtseVecht();
        byte[] pdf = DecisionLetter.render(award(DecisionOutcome.AWARD, "Stichting Buurtkracht", List.of(),
                ReportKind.ACTIVITY_REPORT, vecht.objectionAddressOrDefault()), vecht.letterhead(logo()));
        String text = flat(pdf);
        assertTrue(text.contains("Postbus 1212, 3600 BE Maarssen"), text);
        assertTrue(text.contains("Telefoon 14 0346 | info@stichtsevecht.nl | https://www.stichtsevecht.nl"), text);
        assertTrue(text.contains("Stuur het naar: Het college van burgemeester en wethouders van Stichtse Vecht,"
                + " Postbus 1212, 3600 BE Maarssen."), text);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDResources resources = document.getPage(0).getResources();
            List<PDImageXObject> images = new ArrayList<>();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
            assertEquals(1, images.size(), "the logo on the first page");
            assertEquals(null, images.get(0).getCOSObject().getDictionaryObject(COSName.SMASK),
                    "no transparency: nothing that PDF/A-1 forbids");
            assertTrue(document.getPage(1).getResources().getXObjectNames().iterator().hasNext() == false,
                    "the letterhead only on the first page");
            Path directory = Path.of("target", "letters");
            Files.createDirectories(directory);
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png",
                    directory.resolve("beschikking-letterhead-page1.png").toFile());
        }
    }

    @Test
    void withoutAProfileTheLetterReadsAsBefore() throws IOException {
        Municipality assen = new Municipality("GM0106", "Assen");
        byte[] plain = DecisionLetter.render(award(DecisionOutcome.AWARD, "Stichting Buurtkracht", List.of(),
                ReportKind.ACTIVITY_REPORT, assen.objectionAddressOrDefault()));
        byte[] underProfile = DecisionLetter.render(award(DecisionOutcome.AWARD, "Stichting Buurtkracht", List.of(),
                ReportKind.ACTIVITY_REPORT, assen.objectionAddressOrDefault()), assen.letterhead(null));
        assertEquals(flat(plain), flat(underProfile));
        assertTrue(flat(plain).contains("Stuur het naar: het college van burgemeester en wethouders van de gemeente"
                + " Assen."), flat(plain));
    }

    @Test
    void pageOneRendersToAnImageForReview() throws IOException {
        byte[] pdf = DecisionLetter.render(award(DecisionOutcome.AWARD));
        Path directory = Path.of("target", "letters");
        Files.createDirectories(directory);
        Path png = directory.resolve("beschikking-award-page1.png");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 110);
            ImageIO.write(image, "png", png.toFile());
            // also the last page, for a look at the closing
            int last = document.getNumberOfPages() - 1;
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(last, 110), "png",
                    directory.resolve("beschikking-award-last-page.png").toFile());
        }
        assertTrue(Files.exists(png));
        assertTrue(Files.size(png) > 10_000, "size " + Files.size(png));
        ImageIO.write(renderReject(), "png", directory.resolve("beschikking-reject-page1.png").toFile());
    }

    private static BufferedImage renderReject() throws IOException {
        try (PDDocument document = Loader.loadPDF(DecisionLetter.render(award(DecisionOutcome.REJECT)))) {
            return new PDFRenderer(document).renderImageWithDPI(0, 110);
        }
    }

    @Test
    void inconsistentDataIsRefused() {
        DecisionLetterData good = award(DecisionOutcome.AWARD);
        assertThrows(IllegalArgumentException.class, () -> new DecisionLetterData(good.municipalityName(),
                good.fundName(), good.reference(), good.letterDate(), good.applicantName(), good.contactName(),
                good.initiativeTitle(), good.callTitle(), DecisionOutcome.AWARD, good.requestedAmount(),
                BigDecimal.ZERO, null, good.obligations(), good.schedule(), good.reportKind(), good.reportDueOn(),
                good.objectionDeadline(), good.objectionAddress(), good.signatory(), good.legalBasis()));
        assertThrows(IllegalArgumentException.class, () -> new DecisionLetterData(good.municipalityName(),
                good.fundName(), good.reference(), good.letterDate(), good.applicantName(), good.contactName(),
                good.initiativeTitle(), good.callTitle(), DecisionOutcome.REJECT, good.requestedAmount(),
                null, "Nee", List.of(), good.schedule(), null, null,
                good.objectionDeadline(), good.objectionAddress(), good.signatory(), good.legalBasis()));
        List<String> mutable = new ArrayList<>(List.of("Een"));
        DecisionLetterData copy = award(DecisionOutcome.AWARD, "X", mutable, ReportKind.NONE);
        mutable.add("Twee");
        assertEquals(List.of("Een"), copy.obligations());
    }

    @Test
    void aDecisionOnAnObjectionSaysWhichDecisionItReplacesAndOffersAppealNotObjection() throws IOException {
        DecisionLetterData first = award(DecisionOutcome.AWARD);
        DecisionLetterData onObjection = new DecisionLetterData(first.municipalityName(), first.fundName(),
                first.reference(), first.letterDate(), first.applicantName(), first.contactName(),
                first.initiativeTitle(), first.callTitle(), first.outcome(), first.requestedAmount(),
                first.awardedAmount(), first.reasons(), first.obligations(), first.schedule(), first.reportKind(),
                first.reportDueOn(), first.objectionDeadline(), first.objectionAddress(), first.signatory(),
                first.legalBasis(), new DecisionLetterData.OnObjection(LocalDate.of(2026, 2, 20),
                        LocalDate.of(2026, 1, 15), true, "de rechtbank Noord-Nederland"));
        String text = text(DecisionLetter.render(onObjection)).replaceAll("\\s+", " ");
        assertTrue(text.contains("Onderwerp Beslissing op uw bezwaar tegen ons besluit van 15 januari 2026"), text);
        assertTrue(text.contains("bezwaar gedeeltelijk gegrond"), text);
        assertTrue(text.contains("Dit besluit vervangt het besluit van 15 januari 2026"), text);
        assertTrue(text.contains("artikel 7:11"), text);
        assertTrue(text.contains("beroep instellen bij de rechtbank Noord-Nederland"), text);
        assertTrue(text.contains("uiterlijk 21 april 2026 bij de rechtbank"), text);
        assertFalse(text.contains("Dan kunt u bezwaar maken"), "no second objection (Awb 7:1): " + text);
        assertTrue(text.contains("€ 12.500,50"), text);
    }
}
