package nl.preventiefonds.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.decision.DecisionLetter;
import nl.preventiefonds.decision.DecisionLetterData;
import nl.preventiefonds.decision.DecisionOutcome;
import nl.preventiefonds.decision.ObjectionOutcome;
import nl.preventiefonds.determination.DeterminationLetter;
import nl.preventiefonds.determination.DeterminationLetterData;
import nl.preventiefonds.determination.DeterminationObjectionLetter;
import nl.preventiefonds.impact.AvoidedCostScenario;
import nl.preventiefonds.impact.CareIndicator;
import nl.preventiefonds.impact.DifferenceInDifferences;
import nl.preventiefonds.impact.ImpactDashboardService.IndicatorImpact;
import nl.preventiefonds.impact.ImpactDashboardService.NeighbourhoodFigures;
import nl.preventiefonds.impact.ImpactDashboardService.NeighbourhoodTrend;
import nl.preventiefonds.impact.ImpactDashboardService.Portfolio;
import nl.preventiefonds.impact.ImpactDashboardService.Scenario;
import nl.preventiefonds.impact.ImpactDashboardService.YearMeans;
import nl.preventiefonds.impact.ImpactDashboardService.YearValue;
import nl.preventiefonds.impact.ImpactReport;
import nl.preventiefonds.impact.ImpactReportData;
import nl.preventiefonds.platform.LetterPdf;

/**
 * Size and render time of every kind of PDF the product issues, with the municipality's letterhead (logo and two
 * lines) as an installation has it: the first render of each kind in this JVM (cold: fonts parsed, classes loaded),
 * then the mean of {@code bench.documents} renders after a warm-up. Run by {@code mvn -Pbench verify} after
 * {@link LetterBenchmark}; veraPDF conformance of the same kinds is a unit test, not measured here.
 */
public final class DocumentBenchmark {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

    private DocumentBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int renders = Integer.getInteger("bench.documents", 50);
        if (renders <= 0) {
            System.out.println("[bench] document figures skipped (-Dbench.documents=0)");
            return;
        }
        LetterPdf.Letterhead letterhead = new LetterPdf.Letterhead(logo(),
                List.of("Postbus 30018, 9400 RA Assen", "subsidies@assen.nl, 14 0592"));
        Map<String, Supplier<byte[]>> kinds = new LinkedHashMap<>();
        kinds.put("award (decision)", () -> DecisionLetter.render(decision(DecisionOutcome.AWARD), letterhead));
        kinds.put("rejection (decision)", () -> DecisionLetter.render(decision(DecisionOutcome.REJECT), letterhead));
        kinds.put("determination", () -> DeterminationLetter.render(determination(), letterhead));
        kinds.put("decision on objection", () -> DeterminationObjectionLetter.render(objection(), letterhead));
        kinds.put("council impact report", () -> ImpactReport.render(report()));
        System.out.printf(Locale.ROOT, "[bench] documents: %d renders per kind after 10 warm-up renders%n", renders);
        for (Map.Entry<String, Supplier<byte[]>> kind : kinds.entrySet()) {
            long t0 = System.nanoTime();
            byte[] first = kind.getValue().get();
            long cold = System.nanoTime() - t0;
            for (int i = 0; i < 10; i++) {
                kind.getValue().get();
            }
            long start = System.nanoTime();
            long bytes = 0;
            for (int i = 0; i < renders; i++) {
                bytes += kind.getValue().get().length;
            }
            double warm = (System.nanoTime() - start) / 1e6 / renders;
            System.out.printf(Locale.ROOT, "[bench] document %-24s %,9d bytes, %d page(s); cold %7.1f ms, warm %6.2f ms"
                    + " (mean of %d; %,d bytes on average)%n", kind.getKey(), first.length, pages(first), cold / 1e6,
                    warm, renders, bytes / renders);
        }
    }

    private static int pages(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            return -1;
        }
    }

    private static byte[] logo() throws IOException {
        BufferedImage image = new BufferedImage(240, 96, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                image.setRGB(x, y, x < 80 ? 0x1f4e8c : 0xffffff - (x * y % 255));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static DecisionLetterData decision(DecisionOutcome outcome) {
        boolean award = outcome == DecisionOutcome.AWARD;
        BigDecimal requested = new BigDecimal("14250.00");
        return new DecisionLetterData("Assen", "Preventiefonds Assen", "PF-2026-00042", TODAY,
                "Stichting Buurtkamer Noë", "Anna de Vries", "Ontmoeten en bewegen in Pittelo",
                "Preventiefonds 2026, tweede ronde", outcome, requested, award ? requested : BigDecimal.ZERO,
                award ? "De aanvraag past goed bij de doelen van de regeling: ontmoeting, bewegen en vroegsignalering"
                        + " van eenzaamheid in de wijk."
                        : "De aanvraag scoort onvoldoende op bereik en samenwerking met het wijkteam (2,4 van 5).",
                award ? List.of("U noemt de gemeente Assen in uw publiciteit.", "U houdt een deelnemerslijst bij.")
                        : List.of(),
                award ? List.of(new DecisionLetterData.Tranche("Voorschot", TODAY.plusDays(14),
                        new BigDecimal("11400.00"))) : List.of(),
                ReportKind.ACTIVITY_REPORT, TODAY.plusMonths(15), TODAY.plusWeeks(6),
                "het college van burgemeester en wethouders van de gemeente Assen, Postbus 30018, 9400 RA Assen",
                "J. Bakker", "de Subsidieregeling Preventiefonds Assen 2026");
    }

    private static DeterminationLetterData determination() {
        return new DeterminationLetterData("Assen", "Preventiefonds Assen", "PF-2026-00042", TODAY,
                "Stichting Buurtkamer Noë", "Anna de Vries", "Ontmoeten en bewegen in Pittelo", TODAY.minusYears(1),
                new BigDecimal("14250.00"), new BigDecimal("13100.00"), new BigDecimal("13100.00"), null, false, true,
                new DeterminationLetterData.Realised(25, 6, null, 40, 12, null), null, null, null,
                TODAY.plusWeeks(6), "Gemeente Assen, Postbus 30018, 9400 RA Assen", "J. Bakker",
                "de Subsidieregeling Preventiefonds Assen 2026");
    }

    private static DeterminationObjectionLetter.Data objection() {
        return new DeterminationObjectionLetter.Data("Assen", "Preventiefonds Assen", "PF-2026-00042", TODAY,
                "Stichting Buurtkamer Noë", "Anna de Vries", "Ontmoeten en bewegen in Pittelo", TODAY.minusMonths(2),
                TODAY.minusMonths(3), new BigDecimal("10000.00"), new BigDecimal("14250.00"),
                ObjectionOutcome.DISMISSED, "De bezwaarmaker brengt geen nieuwe feiten aan.", null, null,
                BigDecimal.ZERO, null, null, null, BigDecimal.ZERO, null, null, TODAY.plusWeeks(6), null,
                "A. de Beslisser");
    }

    /** A year with twelve awards in five neighbourhoods and every standard indicator with six years of trend. */
    private static ImpactReportData report() {
        String[] names = {"Pittelo", "Lariks", "Kloosterveen", "Assen-Oost", "Noorderpark"};
        List<NeighbourhoodFigures> neighbourhoods = new ArrayList<>();
        List<NeighbourhoodTrend> trends = new ArrayList<>();
        for (int n = 0; n < names.length; n++) {
            neighbourhoods.add(new NeighbourhoodFigures(n + 1, "BU0106" + n, names[n], 2 + n % 3,
                    new BigDecimal(9000 + 2500 * n).setScale(2), 300 + 90 * n, null));
            List<YearValue> years = new ArrayList<>();
            for (int year = 2021; year <= 2026; year++) {
                years.add(new YearValue(year, 50.0 + n - (year - 2021) * 0.6, 50.5 + (year - 2021) * 0.2));
            }
            trends.add(new NeighbourhoodTrend(n + 1, "BU0106" + n, names[n], 2024, years, true, 51.0 + n, 49.2 + n,
                    -2.1, -4.0, -0.2, List.of()));
        }
        List<IndicatorImpact> indicators = new ArrayList<>();
        for (CareIndicator indicator : CareIndicator.values()) {
            List<YearMeans> trend = new ArrayList<>();
            for (int year = 2021; year <= 2026; year++) {
                trend.add(new YearMeans(year, 52.0 - (year - 2021) * 0.7, 51.0 + (year - 2021) * 0.1));
            }
            indicators.add(new IndicatorImpact(indicator, indicator.domain(), true, -2.4, 0.9, -3.9, -0.9,
                    names.length, 9, 84, List.of(DifferenceInDifferences.FEW_UNITS), 51.8, 49.1, 50.9, 51.4, trend,
                    trends));
        }
        Portfolio portfolio = new Portfolio(12, new BigDecimal("87500.00"), new BigDecimal("70000.00"), 2150,
                new BigDecimal("24.57"));
        List<Scenario> scenarios = List.of(new Scenario(CareIndicator.WMO_CLIENTS_PER_1000,
                CareIndicator.WMO_CLIENTS_PER_1000.domain(), "ESTIMATE", new BigDecimal("96600.00"),
                new BigDecimal("234600.00"), new BigDecimal("358800.00"), 12000, List.of()));
        return new ImpactReportData("Assen", "Preventiefonds Assen", 2026, TODAY, portfolio,
                new BigDecimal("61000.00"), new BigDecimal("1500.00"), neighbourhoods, indicators, scenarios, null,
                AvoidedCostScenario.CostParameters.defaults(), 6000, 1200, List.of());
    }
}
