package nl.preventiefonds.impact;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.impact.ImpactDashboardService.IndicatorImpact;
import nl.preventiefonds.impact.ImpactDashboardService.NeighbourhoodFigures;
import nl.preventiefonds.impact.ImpactDashboardService.Portfolio;
import nl.preventiefonds.impact.ImpactDashboardService.Scenario;
import nl.preventiefonds.impact.ImpactDashboardService.YearMeans;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.LetterPdf;

/**
 * The yearly impact report for the municipal council ("Impactrapportage &lt;jaar&gt;") as an A4 PDF. Always Dutch.
 * It reports what the fund did for the initiatives that started in the year, and what the care-demand figures of
 * the neighbourhoods show, always as an estimate: a difference in differences is a comparison, not proof, and the
 * avoided costs are a scenario, never a booked saving.
 */
public final class ImpactReport {
    public static final String SCENARIO_LABEL = "Schatting (scenario), geen geboekte besparing";
    private static final Locale NL = Amsterdam.DUTCH;

    /**
     * Plain-Dutch texts of the caveat keys of {@link DifferenceInDifferences} and {@link AvoidedCostScenario}; the
     * dashboard's bundle says the same (a web test compares them).
     */
    public static final Map<String, String> CAVEATS = Map.of(
            DifferenceInDifferences.FEW_UNITS, "Er zijn weinig wijken om te vergelijken; de uitkomst is erg onzeker.",
            DifferenceInDifferences.NO_PRE_TREND, "Er zijn te weinig jaren vóór de start om te controleren of de"
                    + " wijken vóór de start hetzelfde verloop hadden.",
            DifferenceInDifferences.MISSING_VALUES, "Sommige cijfers ontbreken, bijvoorbeeld omdat het CBS ze"
                    + " afschermt als de aantallen klein zijn; de gemiddelden gebruiken alleen de bekende cijfers.",
            DifferenceInDifferences.NOT_ESTIMABLE, "Met deze gegevens is geen schatting te maken.",
            DifferenceInDifferences.UNITS_WITHOUT_DATA, "Voor sommige wijken met een initiatief zijn geen cijfers"
                    + " van vóór of na de start; die tellen niet mee.",
            DifferenceInDifferences.UNSTABLE_BOOTSTRAP, "Het betrouwbaarheidsinterval is onstabiel; lees het als"
                    + " grove indicatie.",
            AvoidedCostScenario.EFFECT_NOT_DISTINGUISHABLE_FROM_ZERO, "Het interval bevat nul: de cijfers passen"
                    + " ook bij geen effect.",
            AvoidedCostScenario.CARE_DEMAND_INCREASED, "De schatting wijst op meer zorgvraag, dus op hogere kosten.",
            AvoidedCostScenario.REFERENCE_RATIO_NOT_MEASURED, "Dit is een verhouding uit onderzoek elders, niet"
                    + " gemeten in deze gemeente.",
            ImpactDashboardService.POPULATION_ASSUMED, "Van een of meer wijken met een initiatief is het aantal"
                    + " inwoners niet bekend; daarvoor is een aangenomen aantal gebruikt. Lees de inwonertallen in bij"
                    + " Wijken.");

    /** The themes in the dashboard's words (a web test compares them with the bundle). */
    public static final Map<Theme, String> THEMES = Map.of(
            Theme.MEETING_PLACE, "Ontmoeting in de wijk",
            Theme.INFORMAL_CARE_SUPPORT, "Steun voor mantelzorgers",
            Theme.PARENTING_SUPPORT, "Steun bij opvoeden",
            Theme.DEBT_PREVENTION, "Schulden voorkomen",
            Theme.HEALTHY_LIVING, "Gezond leven",
            Theme.LONELINESS, "Minder eenzaamheid",
            Theme.YOUTH_PARTICIPATION, "Meedoen van jongeren");

    /** The care domains in the dashboard's words. */
    public static final Map<CareDomain, String> CARE_DOMAINS = Map.of(
            CareDomain.WMO, "Wmo-ondersteuning (begeleiding, huishoudelijke hulp, dagbesteding)",
            CareDomain.YOUTH_CARE, "Jeugdhulp",
            CareDomain.SHELTERED_HOUSING, "Beschermd wonen",
            CareDomain.DEBT_RELIEF, "Schuldhulpverlening",
            CareDomain.INFORMAL_CARE, "Overbelaste mantelzorg");

    private ImpactReport() {
    }

    /** "impactrapportage-&lt;jaar&gt;.pdf". */
    public static String filename(int year) {
        return "impactrapportage-" + year + ".pdf";
    }

    public static byte[] render(ImpactReportData d) {
        String title = "Impactrapportage " + d.year();
        String scope = d.selection().isEmpty() ? "" : " Deze rapportage gaat alleen over de initiatieven in de"
                + " selectie hierboven.";
        LetterPdf pdf = LetterPdf.a4(title, "Gemeente " + d.municipalityName() + " - " + d.fundName())
                .documentTitle(title)
                .field("Gemeente", d.municipalityName())
                .field("Fonds", d.fundName())
                .field("Jaar", d.year() + " (initiatieven die in " + d.year() + " zijn gestart)");
        if (!d.selection().isEmpty()) {
            pdf.field("Selectie", String.join("; ", d.selection()));
        }
        pdf.field("Datum", date(d.reportDate()))
                .space()
                .paragraph("Deze rapportage voor de gemeenteraad laat zien welke initiatieven het fonds heeft"
                        + " gesubsidieerd die in " + d.year() + " zijn gestart, wie zij hebben bereikt en wat de"
                        + " cijfers over zorgvraag in de wijken laten zien. De cijfers over zorgvraag en vermeden"
                        + " kosten zijn schattingen. Ze laten een samenhang zien, geen bewijs dat de initiatieven"
                        + " de zorgvraag hebben veranderd." + scope);
        summary(pdf, d);
        neighbourhoods(pdf, d);
        indicators(pdf, d);
        scenarios(pdf, d);
        method(pdf);
        return pdf.toBytes("Pagina %d van %d");
    }

    private static void summary(LetterPdf pdf, ImpactReportData d) {
        Portfolio p = d.portfolio();
        pdf.heading("Samenvatting")
                .field("Toekenningen", count(p.awards()))
                .field("Toegekend bedrag", euros(p.awarded()))
                .field("Uitbetaald", euros(p.paid()))
                .field("Vastgesteld", d.determined() == null ? "niet bekend" : euros(d.determined()))
                .field("Teruggevorderd", d.reclaimed() == null ? "niet bekend" : euros(d.reclaimed()))
                .field("Bereikte deelnemers", count(p.participants()) + " (uit geaccepteerde verslagen)")
                .field("Deelnemers per € 1.000", p.participantsPerThousandEuro() == null ? "-"
                        : decimal(p.participantsPerThousandEuro().doubleValue()));
    }

    private static void neighbourhoods(LetterPdf pdf, ImpactReportData d) {
        pdf.heading("Per wijk");
        if (d.neighbourhoods().isEmpty()) {
            pdf.paragraph("Er zijn geen toekenningen voor initiatieven die in " + d.year() + " zijn gestart.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (NeighbourhoodFigures n : d.neighbourhoods()) {
            rows.add(List.of(n.name(), count(n.awards()), euros(n.awarded()), count(n.participants())));
        }
        pdf.table(List.of(new LetterPdf.Column("Wijk", 3, false), new LetterPdf.Column("Toekenningen", 2, true),
                        new LetterPdf.Column("Bedrag", 2.5f, true), new LetterPdf.Column("Deelnemers", 2, true)), rows)
                .paragraph("Een initiatief dat in meer wijken loopt, telt in elke wijk volledig mee; de wijken samen"
                        + " kunnen dus meer zijn dan het totaal.");
    }

    private static void indicators(LetterPdf pdf, ImpactReportData d) {
        pdf.heading("Zorgvraag in wijken met en zonder initiatief")
                .paragraph("Per zorgvraagcijfer vergelijken we de wijken waar een gesubsidieerd initiatief loopt met"
                        + " de andere wijken van de gemeente. Dit is een schatting, geen bewijs.");
        List<IndicatorImpact> withData = d.indicators().stream()
                .filter(i -> i.observations() > 0 || !i.trend().isEmpty()).toList();
        if (d.indicators().stream().noneMatch(ImpactReport::estimable)) {
            pdf.paragraph("Voor geen enkel zorgvraagcijfer is een schatting mogelijk: er zijn te weinig wijken of"
                    + " jaren met cijfers vóór en na de start van de initiatieven.");
        }
        for (IndicatorImpact i : withData) {
            indicator(pdf, i);
        }
        List<String> without = d.indicators().stream().filter(i -> !withData.contains(i))
                .map(i -> name(i.indicator(), i.name())).toList();
        if (!without.isEmpty()) {
            pdf.paragraph("Geen cijfers beschikbaar voor: " + joined(without) + ".");
        }
    }

    private static boolean estimable(IndicatorImpact i) {
        return i.estimable() && i.effect() != null && i.ciLow() != null && i.ciHigh() != null;
    }

    private static void indicator(LetterPdf pdf, IndicatorImpact i) {
        String name = name(i.indicator(), i.name());
        pdf.heading(name);
        if (estimable(i)) {
            pdf.paragraph("Schatting, geen bewijs. We vergelijken " + i.treatedUnits() + " wijken met een initiatief"
                    + " met " + i.controlUnits() + " andere wijken. Het verschil in verschillen is "
                    + decimal(i.effect()) + unit(i.unit()) + " (95%-betrouwbaarheidsinterval van "
                    + decimal(i.ciLow()) + " tot " + decimal(i.ciHigh()) + "). Een negatief getal betekent minder"
                    + " zorgvraag dan verwacht, een positief getal meer.");
        } else {
            pdf.paragraph("Voor dit cijfer is geen schatting mogelijk (" + i.treatedUnits() + " wijken met een"
                    + " initiatief, " + i.controlUnits() + " andere wijken).");
        }
        if (!i.caveats().isEmpty()) {
            pdf.paragraph("Kanttekeningen:");
            i.caveats().forEach(c -> pdf.bullet(caveat(c)));
        }
        if (!i.trend().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (YearMeans m : i.trend()) {
                rows.add(List.of(String.valueOf(m.year()), decimal(m.treated()), decimal(m.control())));
            }
            pdf.lineChart("Lijngrafiek " + name + ": gemiddelde per jaar van de wijken met een initiatief en van de"
                    + " andere wijken; dezelfde cijfers staan in de tabel hieronder.",
                    i.trend().stream().map(m -> String.valueOf(m.year())).toList(),
                    List.of(new LetterPdf.Series("Wijken met initiatief",
                                    i.trend().stream().map(YearMeans::treated).toList(), 0.1f, false),
                            new LetterPdf.Series("Andere wijken",
                                    i.trend().stream().map(YearMeans::control).toList(), 0.5f, true)));
            pdf.keepTogether(4) // the sentence stays with the table header and first row
                    .paragraph("Gemiddelde per jaar (een streepje: geen of alleen afgeschermde cijfers):")
                    .table(List.of(new LetterPdf.Column("Jaar", 1, false),
                            new LetterPdf.Column("Wijken met initiatief", 2, true),
                            new LetterPdf.Column("Andere wijken", 2, true)), rows);
        }
        bars(pdf, i);
        perNeighbourhood(pdf, i);
    }

    /** Each funded neighbourhood against the unfunded ones: one treated unit each, so wide intervals. */
    private static void perNeighbourhood(LetterPdf pdf, IndicatorImpact i) {
        if (i.perNeighbourhood().isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ImpactDashboardService.NeighbourhoodTrend n : i.perNeighbourhood()) {
            rows.add(List.of(n.name(), String.valueOf(n.startYear()), decimal(n.before()), decimal(n.after()),
                    decimal(n.effect()), n.ciLow() == null || n.ciHigh() == null ? "-"
                            : decimal(n.ciLow()) + " tot " + decimal(n.ciHigh())));
        }
        pdf.keepTogether(4)
                .paragraph("Per wijk met een initiatief, elk vergeleken met de wijken zonder initiatief (één wijk:"
                        + " de onzekerheid is groot):")
                .table(List.of(new LetterPdf.Column("Wijk", 3, false), new LetterPdf.Column("Start", 1, true),
                        new LetterPdf.Column("Vóór", 1, true), new LetterPdf.Column("Na", 1, true),
                        new LetterPdf.Column("Verschil", 2, true), new LetterPdf.Column("95%-interval", 3, true)),
                        rows);
    }

    /** Before and after the start, treated and control, as bars on one scale. */
    private static void bars(LetterPdf pdf, IndicatorImpact i) {
        Double[] values = {i.treatedBefore(), i.treatedAfter(), i.controlBefore(), i.controlAfter()};
        double max = 0;
        for (Double v : values) {
            if (v != null && v > max) {
                max = v;
            }
        }
        if (max <= 0) {
            return;
        }
        String[] labels = {"Met initiatief, vóór", "Met initiatief, na", "Andere wijken, vóór", "Andere wijken, na"};
        pdf.keepTogether(6).paragraph("Gemiddelde vóór en na de start:");
        for (int k = 0; k < values.length; k++) {
            pdf.bar(labels[k], values[k] == null ? Double.NaN : values[k] / max, decimal(values[k]),
                    k < 2 ? 0.35f : 0.7f);
        }
        pdf.space();
    }

    private static void scenarios(LetterPdf pdf, ImpactReportData d) {
        AvoidedCostScenario.CostParameters p = d.parameters();
        pdf.heading("Vermeden kosten: " + SCENARIO_LABEL)
                .paragraph(SCENARIO_LABEL + ". Dit is een rekenvoorbeeld op basis van de schattingen hierboven:"
                        + " wat de initiatieven per jaar aan zorgkosten zouden kunnen schelen als de schatting"
                        + " klopt. Het is geen besparing die in de begroting is geboekt.");
        List<List<String>> rows = new ArrayList<>();
        for (Scenario s : d.scenarios()) {
            rows.add(s.central() == null ? List.of(name(s.indicator(), s.name()), "geen schatting", "", "")
                    : List.of(name(s.indicator(), s.name()), euros(s.low()), euros(s.central()), euros(s.high())));
        }
        if (d.debtHelp() != null) {
            rows.add(List.of("Schuldhulp (opbrengst)", euros(d.debtHelp().low()), euros(d.debtHelp().central()),
                    euros(d.debtHelp().high())));
        }
        pdf.table(List.of(new LetterPdf.Column("Zorgvraag", 4.2f, false), new LetterPdf.Column("Laag", 2, true),
                new LetterPdf.Column("Midden", 2, true), new LetterPdf.Column("Hoog", 2, true)), rows);
        pdf.paragraph(p == null ? "Gebruikte kosten per jaar: niet bekend." : "Gebruikte kosten per jaar"
                        + " (scenarioparameters): Wmo " + euros(p.wmoCostPerClientPerYear()) + " per cliënt; jeugdzorg "
                        + euros(p.youthCarePerYoungPersonPerYear()) + " per jongere; schuldhulp "
                        + euros(p.debtHelpReturnPerEuro()) + " opbrengst per € 1.")
                .paragraph("Aannames: de inwonertallen komen van het CBS (Kerncijfers wijken en buurten) waar ze"
                        + " bekend zijn, en een vijfde daarvan zijn jongeren; waar het inwonertal van een wijk met een"
                        + " initiatief onbekend is, rekenen we met " + count(d.assumedResidentsPerNeighbourhood())
                        + " inwoners en " + count(d.assumedYoungPeoplePerNeighbourhood()) + " jongeren per wijk."
                        + " Vermeden kosten per jaar = geschat effect × inwoners (of jongeren) × kosten per persoon;"
                        + " laag en hoog volgen uit het 95%-betrouwbaarheidsinterval. Schuldhulp: toegekend bedrag"
                        + " aan schuldhulpinitiatieven × de opbrengst per euro.");
        List<String> caveats = new ArrayList<>();
        d.scenarios().forEach(s -> s.caveats().forEach(c -> add(caveats, caveat(c))));
        if (d.debtHelp() != null) {
            d.debtHelp().caveats().forEach(c -> add(caveats, caveat(c)));
        }
        if (!caveats.isEmpty()) {
            pdf.paragraph("Kanttekeningen bij het scenario:");
            caveats.forEach(pdf::bullet);
        }
    }

    private static void add(List<String> list, String text) {
        if (!list.contains(text)) {
            list.add(text);
        }
    }

    private static void method(LetterPdf pdf) {
        pdf.heading("Methode")
                .paragraph("Verschil in verschillen. Voor elk zorgvraagcijfer kijken we hoe het cijfer in de wijken"
                        + " met een initiatief veranderde van de jaren vóór de start naar de jaren erna. Dezelfde"
                        + " verandering berekenen we voor de andere wijken in dezelfde jaren. Het verschil tussen"
                        + " die twee veranderingen is de schatting: zo tellen ontwikkelingen die overal spelen,"
                        + " zoals nieuw beleid of de economie, niet mee.")
                .paragraph("Het 95%-betrouwbaarheidsinterval geeft de onzekerheid aan: de werkelijke waarde ligt"
                        + " waarschijnlijk tussen de twee getallen. Bevat het interval nul, dan passen de cijfers ook"
                        + " bij geen effect.")
                .paragraph("Waarom dit geen bewijs is. De wijken zijn niet door loting gekozen: initiatieven starten"
                        + " waar bewoners en organisaties actief zijn. Ook andere dingen in een wijk kunnen het"
                        + " verschil verklaren, en bij weinig wijken is de onzekerheid groot. Een samenhang is"
                        + " daarom geen bewijs dat een initiatief de zorgvraag heeft veranderd.")
                .paragraph("Afgeschermde cijfers. Het CBS publiceert een cijfer niet (een punt in de tabel) als het"
                        + " over zo weinig mensen gaat dat zij herkenbaar kunnen zijn. Zulke cijfers laten we weg;"
                        + " de gemiddelden gebruiken alleen de bekende cijfers. Een streepje in een tabel betekent"
                        + " dat er geen bekend cijfer is.")
                .paragraph("Vermeden kosten zijn een scenario: het geschatte effect vermenigvuldigd met aangenomen"
                        + " aantallen inwoners en kosten per persoon. Het is een schatting, geen geboekte besparing.");
    }

    static String caveat(String key) {
        return CAVEATS.getOrDefault(key, "Zie de toelichting bij de methode (" + key + ").");
    }

    /** The indicator's own name, else (one of the six, unchanged) its standard Dutch name. */
    static String name(String code, String name) {
        return name != null ? name : CareIndicator.ofCode(code).map(CareIndicator::standardName).orElse(code);
    }

    private static String unit(CareIndicator.Unit unit) {
        return switch (unit) {
            case PER_1000_RESIDENTS -> " per 1.000 inwoners";
            case PER_1000_HOUSEHOLDS -> " per 1.000 huishoudens";
            case PERCENT -> " procentpunt";
            case COUNT -> "";
        };
    }

    private static String decimal(Double value) {
        return value == null || !Double.isFinite(value) ? "-" : String.format(NL, "%.2f", value);
    }

    private static String count(long n) {
        return NumberFormat.getIntegerInstance(NL).format(n);
    }

    private static String euros(BigDecimal amount) {
        return Amsterdam.euros(amount, NL);
    }

    private static String date(LocalDate date) {
        return Amsterdam.longDate(date, NL);
    }

    /** "a, b en c". */
    static String joined(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", ")) + " en "
                + items.get(items.size() - 1);
    }
}
