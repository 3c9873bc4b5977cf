package nl.preventiefonds.platform;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every building block of a letter, validated with veraPDF as PDF/A-2a and PDF/UA-1. */
public class LetterPdfConformanceTest {

    /** A PNG logo with transparency, as municipalities upload them. */
    public static byte[] logo() throws IOException {
        BufferedImage image = new BufferedImage(120, 48, BufferedImage.TYPE_INT_ARGB);
        for (int x = 0; x < 120; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, x < 40 ? 0xff1f4e8c : (x + y) % 7 == 0 ? 0x80c00000 : 0x00000000);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A letterhead with that logo and two lines, as a municipality's profile gives it. */
    public static LetterPdf.Letterhead letterhead() throws IOException {
        return new LetterPdf.Letterhead(logo(), List.of("Postbus 30018, 9400 RA Assen", "subsidies@assen.nl, 14 0592"));
    }

    static byte[] everyBlock() throws IOException {
        LetterPdf.Header header = new LetterPdf.Header("Assen", "Preventiefonds Assen", "Beschikking PF-2026-0042",
                "PF-2026-0042", LocalDate.of(2026, 3, 10), "Stichting Café Noë", "Anna de Vries",
                "Uw aanvraag voor € 12.500,50");
        LetterPdf.Letterhead letterhead = new LetterPdf.Letterhead(logo(),
                List.of("Postbus 30018, 9400 RA Assen", "subsidies@assen.nl, 14 0592"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 70; i++) {
            rows.add(List.of("Tranche " + i, "24 maart 2026", "€ " + i + ".000,00"));
        }
        return LetterPdf.letter(header, letterhead)
                .heading("Besluit")
                .paragraph("Geachte mevrouw De Vries,\n\nU vroeg subsidie aan voor een ontmoetingsplek. Een emoji 🙂 en"
                        + " een tab\tkomen ook voor.")
                .bullet("U noemt de gemeente Assen in uw publiciteit.")
                .bullet("U houdt een deelnemerslijst bij.")
                .heading("Betaling")
                .table(List.of(new LetterPdf.Column("Tranche", 2, false), new LetterPdf.Column("Datum", 2, false),
                        new LetterPdf.Column("Bedrag", 1, true)), rows)
                .bar("Wmo-cliënten per 1.000", 0.4, "12,3", 0.5f)
                .lineChart("Lijngrafiek Wmo-cliënten per 1.000 inwoners, 2022 tot en met 2025",
                        List.of("2022", "2023", "2024", "2025"),
                        List.of(new LetterPdf.Series("Wijken met initiatief", java.util.Arrays.asList(52.0, null, 49.5,
                                        47.8), 0.1f, false),
                                new LetterPdf.Series("Andere wijken", List.of(50.2, 50.4, 50.6, 50.7), 0.5f, true)))
                .field("Ontbrekend", null)
                .keepTogether(4)
                .paragraph("Met vriendelijke groet,\n\nJ. Bakker")
                .toBytes("Pagina %d van %d");
    }

    @Test
    void everyBuildingBlockIsArchivableAndAccessible() throws IOException {
        PdfConformance.assertArchivableAndAccessible("a letter with every block", everyBlock());
    }

    @Test
    void aLetterWithoutLetterheadOrFooterIsArchivableAndAccessible() {
        PdfConformance.assertArchivableAndAccessible("a bare letter", LetterPdf.a4("Gemeente Assen", null)
                .paragraph("Kort.").toBytes(null));
    }

    @Test
    void aLineChartIsOneFigureWithItsTextAlternative() throws IOException {
        byte[] pdf = LetterPdf.a4("Impactrapportage 2026", null)
                .lineChart("Lijngrafiek Jeugdhulp, 2023 tot en met 2025", List.of("2023", "2024", "2025"),
                        List.of(new LetterPdf.Series("Wijken met initiatief", List.of(11.5, 10.25, 9.0), 0.1f, false)))
                .toBytes(null);
        PdfConformance.assertArchivableAndAccessible("a line chart", pdf);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            List<String> alternatives = new ArrayList<>();
            collectFigures(document.getDocumentCatalog().getStructureTreeRoot().getKids(), alternatives);
            org.junit.jupiter.api.Assertions.assertEquals(List.of("Lijngrafiek Jeugdhulp, 2023 tot en met 2025"),
                    alternatives);
        }
    }

    @Test
    void aChartWithoutValuesDrawsNothing() throws IOException {
        byte[] pdf = LetterPdf.a4("Impactrapportage 2026", null).paragraph("Geen cijfers.")
                .lineChart("Leeg", List.of("2025"), List.of(new LetterPdf.Series("Wijken", java.util.Arrays.asList(
                        (Double) null), 0.1f, false))).toBytes(null);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            List<String> alternatives = new ArrayList<>();
            collectFigures(document.getDocumentCatalog().getStructureTreeRoot().getKids(), alternatives);
            org.junit.jupiter.api.Assertions.assertEquals(List.of(), alternatives);
        }
    }

    @Test
    void gridlinesEndOnRoundNumbers() {
        org.junit.jupiter.api.Assertions.assertEquals(60.0, LetterPdf.niceCeiling(52.5), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(10.0, LetterPdf.niceCeiling(9.1), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(0.4, LetterPdf.niceCeiling(0.21), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(100.0, LetterPdf.niceCeiling(100.0), 1e-9);
    }

    private static void collectFigures(List<Object> kids, List<String> alternatives) {
        for (Object kid : kids) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                if ("Figure".equals(e.getStructureType())) {
                    alternatives.add(e.getAlternateDescription());
                }
                collectFigures(e.getKids(), alternatives);
            }
        }
    }
}
