package nl.preventiefonds.opendata;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.preventiefonds.platform.Settings;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The open register in the 360Giving Data Standard (https://standard.threesixtygiving.org,
 * schema 1.4): a JSON package {"grants": [...]} and the flat CSV with the standard's column
 * titles.
 *
 * <p>Identifiers:
 * <ul>
 * <li>publisher prefix {@code 360G-<CBS municipality code>}, e.g. {@code 360G-GM0106} for Assen. It is
 * not registered with 360Giving; a municipality that registers a prefix enters it in its profile (or, for every
 * municipality of the installation without one, {@code -Dpreventiefonds.opendata.prefix}).</li>
 * <li>grant: {@code <prefix>-<reference>} (characters other than letters, digits and - become _).</li>
 * <li>recipient: {@code NL-KVK-<8 digits>} (org-id list code of the Dutch Chamber of Commerce) when
 * the name is published; otherwise an internal id {@code <prefix>-ORG-<reference>} with the name
 * withheld, which identifies no person.</li>
 * <li>funder: per grant, the grant's municipality (through its fund), by name and by the org-id in its
 * profile (e.g. {@code NL-KVK-<number>}, set by its fund manager); without one the installation's
 * {@code -Dpreventiefonds.opendata.funder.id}, and otherwise the internal identifier
 * {@code <prefix>-<CBS code>} (360Giving's guidance for organisations without a registration number).</li>
 * <li>beneficiary location: the neighbourhood's CBS code (WKxxxxxx) with geoCodeType {@code WK}
 * (CBS wijk; the 360Giving codelist has only UK codes) and countryCode NL.</li>
 * </ul>
 */
public final class ThreeSixtyGivingExport {
    public static final String SCHEMA_VERSION = "1.4";
    public static final String WITHHELD_NAME = "Naam niet gepubliceerd (privacy)";
    public static final String GEO_CODE_TYPE = "WK";
    static final String THEME_VOCABULARY = "Preventiefonds thema";

    public static final List<String> CSV_COLUMNS = List.of("Identifier", "Title", "Description", "Currency",
            "Amount Awarded", "Award Date", "Recipient Org:Identifier", "Recipient Org:Name",
            "Recipient Org:Company Number", "Funding Org:Identifier", "Funding Org:Name", "Funding Org:Department",
            "Amount Applied For", "Amount Disbursed", "Planned Dates:Start Date", "Planned Dates:End Date",
            "Beneficiary Location:Name", "Beneficiary Location:Geographic Code",
            "Beneficiary Location:Geographic Code Type", "Beneficiary Location:Country Code",
            "Grant Programme:Title", "Classifications:Vocabulary", "Classifications:Code", "Classifications:Title");

    static final Map<String, String> THEME_TITLES = Map.of("MEETING_PLACE", "Ontmoeting in de wijk",
            "INFORMAL_CARE_SUPPORT", "Steun voor mantelzorgers", "PARENTING_SUPPORT", "Steun bij opvoeden",
            "DEBT_PREVENTION", "Schulden voorkomen", "HEALTHY_LIVING", "Gezond leven", "LONELINESS",
            "Minder eenzaamheid", "YOUTH_PARTICIPATION", "Meedoen van jongeren");

    private ThreeSixtyGivingExport() {
    }

    public static String prefix(String municipalityCode) {
        return Settings.text(Settings.OPENDATA_PREFIX, "360G-" + municipalityCode);
    }

    /** The grant's municipality's registered prefix (its profile), else the installation's, else 360G-GMxxxx. */
    public static String prefix(OpenGrant g) {
        return g.givingPrefix() != null && !g.givingPrefix().isBlank() ? g.givingPrefix()
                : prefix(g.municipalityCode());
    }

    public static String grantId(OpenGrant g) {
        return prefix(g) + "-" + g.reference().replaceAll("[^A-Za-z0-9-]", "_");
    }

    public static String recipientId(OpenGrant g) {
        return g.kvkNumber() != null && !g.organisationWithheld() ? "NL-KVK-" + g.kvkNumber()
                : prefix(g) + "-ORG-" + g.reference().replaceAll("[^A-Za-z0-9-]", "_");
    }

    public static String recipientName(OpenGrant g) {
        return g.organisationWithheld() || g.organisationName() == null ? WITHHELD_NAME : g.organisationName();
    }

    /** Per grant, of the grant's municipality: its profile's identifier, else the installation's, else derived. */
    public static String funderId(OpenGrant g) {
        if (g.funderId() != null && !g.funderId().isBlank()) {
            return g.funderId();
        }
        return Settings.text(Settings.OPENDATA_FUNDER_ID).orElseGet(
                () -> prefix(g) + "-" + g.municipalityCode());
    }

    public static String funderName(OpenGrant g) {
        return "Gemeente " + g.municipalityName();
    }

    public static JsonObject json(List<OpenGrant> grants) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        grants.forEach(g -> array.add(grant(g)));
        return Json.createObjectBuilder().add("version", SCHEMA_VERSION).add("grants", array).build();
    }

    public static String jsonText(List<OpenGrant> grants) {
        StringWriter out = new StringWriter();
        JsonWriterFactory factory = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try (JsonWriter writer = factory.createWriter(out)) {
            writer.write(json(grants));
        }
        return out.toString();
    }

    static JsonObject grant(OpenGrant g) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("id", grantId(g))
                .add("title", g.title())
                .add("description", g.summary() == null || g.summary().isBlank() ? g.title() : g.summary())
                .add("currency", "EUR")
                .add("amountAwarded", g.amountAwarded())
                .add("awardDate", g.decisionDate().toString());
        if (g.amountAppliedFor() != null) {
            o.add("amountAppliedFor", g.amountAppliedFor());
        }
        o.add("amountDisbursed", g.amountPaid() == null ? BigDecimal.ZERO : g.amountPaid());
        if (g.plannedStart() != null) {
            JsonObjectBuilder dates = Json.createObjectBuilder().add("startDate", g.plannedStart().toString());
            if (g.plannedEnd() != null) {
                dates.add("endDate", g.plannedEnd().toString());
            }
            o.add("plannedDates", Json.createArrayBuilder().add(dates));
        }
        JsonObjectBuilder recipient = Json.createObjectBuilder().add("id", recipientId(g)).add("name",
                recipientName(g));
        if (g.kvkNumber() != null && !g.organisationWithheld()) {
            recipient.add("companyNumber", g.kvkNumber());
        }
        o.add("recipientOrganization", Json.createArrayBuilder().add(recipient));
        o.add("fundingOrganization", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("id", funderId(g)).add("name", funderName(g)).add("department", g.fundName())));
        if (!g.neighbourhoods().isEmpty()) {
            JsonArrayBuilder places = Json.createArrayBuilder();
            g.neighbourhoods().forEach(p -> places.add(Json.createObjectBuilder().add("name", p.name())
                    .add("geoCode", p.code()).add("geoCodeType", GEO_CODE_TYPE).add("countryCode", "NL")));
            o.add("beneficiaryLocation", places);
        }
        if (g.programme() != null) {
            o.add("grantProgramme", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("title", g.programme())));
        }
        if (!g.themes().isEmpty()) {
            JsonArrayBuilder classes = Json.createArrayBuilder();
            g.themes().forEach(t -> classes.add(Json.createObjectBuilder().add("vocabulary", THEME_VOCABULARY)
                    .add("code", t).add("title", THEME_TITLES.getOrDefault(t, t))));
            o.add("classifications", classes);
        }
        return o.build();
    }

    private static String text(String value) {
        return nl.preventiefonds.platform.CsvCells.text(value);
    }

    /** Multiple locations or themes share one cell, separated by "; ". */
    public static String csv(List<OpenGrant> grants) {
        StringBuilder out = new StringBuilder();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (OpenGrant g : grants) {
                boolean named = g.kvkNumber() != null && !g.organisationWithheld();
                // Every text cell neutralised against formulas (CsvCells); amounts and dates are written as they are.
                printer.printRecord(text(grantId(g)), text(g.title()),
                        text(g.summary() == null || g.summary().isBlank() ? g.title() : g.summary()), "EUR",
                        plain(g.amountAwarded()), date(g.decisionDate()), text(recipientId(g)),
                        text(recipientName(g)), named ? text(g.kvkNumber()) : "", text(funderId(g)),
                        text(funderName(g)), text(g.fundName()),
                        plain(g.amountAppliedFor()), plain(g.amountPaid() == null ? BigDecimal.ZERO : g.amountPaid()),
                        date(g.plannedStart()), date(g.plannedEnd()),
                        text(join(g.neighbourhoods().stream().map(OpenGrant.Place::name).toList())),
                        text(join(g.neighbourhoods().stream().map(OpenGrant.Place::code).toList())),
                        g.neighbourhoods().isEmpty() ? "" : GEO_CODE_TYPE, g.neighbourhoods().isEmpty() ? "" : "NL",
                        text(g.programme()), g.themes().isEmpty() ? "" : THEME_VOCABULARY,
                        text(join(g.themes())),
                        text(join(g.themes().stream().map(t -> THEME_TITLES.getOrDefault(t, t)).toList())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String join(List<String> values) {
        return values.stream().collect(Collectors.joining("; "));
    }
}
