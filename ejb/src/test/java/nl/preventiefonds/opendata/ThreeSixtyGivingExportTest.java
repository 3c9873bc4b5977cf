package nl.preventiefonds.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.application.LegalForm;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ThreeSixtyGivingExportTest {
    static final String CONTACT_NAME = "Johanna de Vries";
    static final String CONTACT_EMAIL = "johanna.devries@example.org";
    static final String IBAN = "NL91ABNA0417164300";

    /** A foundation: name and KvK number published. */
    static OpenGrant foundation() {
        return grant("PF-2026-0001", LegalForm.FOUNDATION, "Stichting Buurtkracht Pittelo", "12345678");
    }

    /** A sole proprietorship trading under the contact person's name: withheld. */
    static OpenGrant soleTrader() {
        return grant("PF-2026-0002", LegalForm.SOLE_PROPRIETORSHIP, CONTACT_NAME, "87654321");
    }

    static OpenGrant grant(String reference, LegalForm form, String orgName, String kvk) {
        boolean named = Publication.mayPublishOrganisation(form, kvk, orgName, CONTACT_NAME);
        return new OpenGrant(reference, "Buurtkamer " + reference, "Een plek om elkaar te ontmoeten, \"samen\"; ook 's avonds",
                named ? orgName : null, named ? kvk : null, !named,
                List.of(new OpenGrant.Place("WK010603", "Pittelo"), new OpenGrant.Place("WK010604", "Lariks")),
                List.of("LONELINESS", "MEETING_PLACE"), new BigDecimal("25000.00"), new BigDecimal("20000.50"),
                null, new BigDecimal("10000.00"), LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 1),
                LocalDate.of(2027, 3, 31), OpenGrant.State.RUNNING, "Preventiefonds 2026", "Preventiefonds", "GM0106",
                "Assen", null, null, new OpenGrant.Results(120, 30, 8, false));
    }

    @Test
    void grantsHaveTheStandardsIdentifiersAndAmountsAsNumbers() {
        JsonObject json = ThreeSixtyGivingExport.json(List.of(foundation()));
        JsonObject g = json.getJsonArray("grants").getJsonObject(0);
        assertEquals("360G-GM0106-PF-2026-0001", g.getString("id"));
        assertEquals("EUR", g.getString("currency"));
        assertTrue(g.get("amountAwarded") instanceof JsonNumber);
        assertEquals(new BigDecimal("20000.50"), g.getJsonNumber("amountAwarded").bigDecimalValue());
        assertEquals(new BigDecimal("25000.00"), g.getJsonNumber("amountAppliedFor").bigDecimalValue());
        assertEquals(new BigDecimal("10000.00"), g.getJsonNumber("amountDisbursed").bigDecimalValue());
        assertEquals("2026-03-05", g.getString("awardDate"));
        JsonObject dates = g.getJsonArray("plannedDates").getJsonObject(0);
        assertEquals("2026-04-01", dates.getString("startDate"));
        assertEquals("2027-03-31", dates.getString("endDate"));
        JsonObject recipient = g.getJsonArray("recipientOrganization").getJsonObject(0);
        assertEquals("NL-KVK-12345678", recipient.getString("id"));
        assertEquals("Stichting Buurtkracht Pittelo", recipient.getString("name"));
        JsonObject funder = g.getJsonArray("fundingOrganization").getJsonObject(0);
        assertEquals("360G-GM0106-GM0106", funder.getString("id"));
        assertEquals("Gemeente Assen", funder.getString("name"));
        JsonObject place = g.getJsonArray("beneficiaryLocation").getJsonObject(0);
        assertEquals("WK010603", place.getString("geoCode"));
        assertEquals("WK", place.getString("geoCodeType"));
        assertEquals("Pittelo", place.getString("name"));
        assertEquals("Preventiefonds 2026", g.getJsonArray("grantProgramme").getJsonObject(0).getString("title"));
        assertEquals("LONELINESS", g.getJsonArray("classifications").getJsonObject(0).getString("code"));
    }

    @Test
    void aPersonsNameIsWithheldAndTheRecipientGetsAnInternalId() {
        OpenGrant g = soleTrader();
        assertTrue(g.organisationWithheld());
        JsonObject recipient = ThreeSixtyGivingExport.json(List.of(g)).getJsonArray("grants").getJsonObject(0)
                .getJsonArray("recipientOrganization").getJsonObject(0);
        assertEquals("360G-GM0106-ORG-PF-2026-0002", recipient.getString("id"));
        assertEquals(ThreeSixtyGivingExport.WITHHELD_NAME, recipient.getString("name"));
    }

    @Test
    void noPersonalDataInJsonOrCsv() {
        List<OpenGrant> grants = List.of(foundation(), soleTrader());
        for (String body : List.of(ThreeSixtyGivingExport.jsonText(grants), ThreeSixtyGivingExport.csv(grants))) {
            assertFalse(body.contains(CONTACT_NAME), body);
            assertFalse(body.contains(CONTACT_EMAIL), body);
            assertFalse(body.contains(IBAN), body);
            assertFalse(body.contains("87654321"), "a sole trader's KvK number leads to the person");
        }
    }

    @Test
    void theJsonValidatesAgainstTheOfficialSchema() {
        String json = ThreeSixtyGivingExport.jsonText(List.of(foundation(), soleTrader()));
        assertEquals(List.of(), ThreeSixtyGivingSchema.problems(json));
    }

    @Test
    void theSchemaCheckIsNotToothless() {
        String broken = "{\"grants\":[{\"id\":\"x\",\"title\":\"t\",\"currency\":\"EUR\",\"amountAwarded\":\"10\"}]}";
        assertFalse(ThreeSixtyGivingSchema.problems(broken).isEmpty());
    }

    @Test
    void csvHasThe360GivingColumnTitlesAndIsoValues() throws Exception {
        String csv = ThreeSixtyGivingExport.csv(List.of(foundation(), soleTrader()));
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            assertEquals(ThreeSixtyGivingExport.CSV_COLUMNS, parser.getHeaderNames());
            List<CSVRecord> rows = parser.getRecords();
            assertEquals(2, rows.size());
            CSVRecord first = rows.get(0);
            assertEquals("360G-GM0106-PF-2026-0001", first.get("Identifier"));
            assertEquals("20000.50", first.get("Amount Awarded"));
            assertEquals("2026-03-05", first.get("Award Date"));
            assertEquals("NL-KVK-12345678", first.get("Recipient Org:Identifier"));
            assertEquals("360G-GM0106-GM0106", first.get("Funding Org:Identifier"));
            assertEquals("Gemeente Assen", first.get("Funding Org:Name"));
            assertEquals("25000.00", first.get("Amount Applied For"));
            assertEquals("10000.00", first.get("Amount Disbursed"));
            assertEquals("2026-04-01", first.get("Planned Dates:Start Date"));
            assertEquals("2027-03-31", first.get("Planned Dates:End Date"));
            assertEquals("Pittelo; Lariks", first.get("Beneficiary Location:Name"));
            assertEquals("WK010603; WK010604", first.get("Beneficiary Location:Geographic Code"));
            assertEquals("Preventiefonds 2026", first.get("Grant Programme:Title"));
            assertEquals("Een plek om elkaar te ontmoeten, \"samen\"; ook 's avonds", first.get("Description"));
            assertEquals(ThreeSixtyGivingExport.WITHHELD_NAME, rows.get(1).get("Recipient Org:Name"));
            assertEquals("", rows.get(1).get("Recipient Org:Company Number"));
        }
    }

    @Test
    void eachGrantIsFundedByItsOwnMunicipalityUnderItsProfilesIdentifierAndPrefix() {
        OpenGrant assen = foundation();
        OpenGrant vecht = new OpenGrant("PF-2026-0003", assen.title(), assen.summary(), assen.organisationName(),
                assen.kvkNumber(), false, assen.neighbourhoods(), assen.themes(), assen.amountAppliedFor(),
                assen.amountAwarded(), null, assen.amountPaid(), assen.decisionDate(), assen.plannedStart(),
                assen.plannedEnd(), assen.state(), "Vitale Coalitie 2026", "Vitale Coalitie", "GM1904",
                "Stichtse Vecht", "NL-KVK-30279449", "360G-stichtsevecht", null);
        JsonObject json = ThreeSixtyGivingExport.json(List.of(assen, vecht));
        JsonObject first = json.getJsonArray("grants").getJsonObject(0).getJsonArray("fundingOrganization")
                .getJsonObject(0);
        JsonObject second = json.getJsonArray("grants").getJsonObject(1).getJsonArray("fundingOrganization")
                .getJsonObject(0);
        assertEquals("360G-GM0106-GM0106", first.getString("id"), "no identifier in the profile: derived");
        assertEquals("Gemeente Assen", first.getString("name"));
        assertEquals("NL-KVK-30279449", second.getString("id"), "the municipality's own org-id");
        assertEquals("Gemeente Stichtse Vecht", second.getString("name"));
        assertEquals("360G-GM0106-PF-2026-0001", json.getJsonArray("grants").getJsonObject(0).getString("id"),
                "no prefix of its own: the CBS code's");
        assertEquals("360G-stichtsevecht-PF-2026-0003", json.getJsonArray("grants").getJsonObject(1).getString("id"),
                "each municipality publishes under its own registered prefix");
        assertEquals(List.of(), ThreeSixtyGivingSchema.problems(ThreeSixtyGivingExport.jsonText(List.of(assen,
                vecht))));
    }

    @Test
    void csvTextCellsNeverRunAsFormulasAndAmountsStayNumbers() throws Exception {
        OpenGrant g = foundation();
        OpenGrant hostile = new OpenGrant(g.reference(), "=HYPERLINK(\"http://example.org\";\"klik\")",
                "@SUM(1+1)", "+31 Stichting", g.kvkNumber(), false, List.of(new OpenGrant.Place("WK010603",
                "-Pittelo")), g.themes(), g.amountAppliedFor(), g.amountAwarded(), g.finalAmount(),
                g.amountPaid(), g.decisionDate(), g.plannedStart(), g.plannedEnd(), g.state(), "\t=1", g.fundName(),
                g.municipalityCode(), g.municipalityName(), g.funderId(), g.givingPrefix(), g.results());
        String csv = ThreeSixtyGivingExport.csv(List.of(hostile));
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            CSVRecord row = parser.getRecords().get(0);
            assertEquals("'=HYPERLINK(\"http://example.org\";\"klik\")", row.get("Title"));
            assertEquals("'@SUM(1+1)", row.get("Description"));
            assertEquals("'+31 Stichting", row.get("Recipient Org:Name"));
            assertEquals("'-Pittelo", row.get("Beneficiary Location:Name"));
            assertEquals("'\t=1", row.get("Grant Programme:Title"));
            assertEquals("20000.50", row.get("Amount Awarded"));
        }
    }

    @Test
    void publicationIsConservative() {
        assertTrue(Publication.mayPublishOrganisation(LegalForm.ASSOCIATION, "12345678", "Vereniging Peelo", "Jan"));
        assertFalse(Publication.mayPublishOrganisation(LegalForm.SOLE_PROPRIETORSHIP, "12345678", "Bakkerij", "Jan"));
        assertFalse(Publication.mayPublishOrganisation(LegalForm.PARTNERSHIP, "12345678", "Vof Jansen", "Jan"));
        assertFalse(Publication.mayPublishOrganisation(LegalForm.INFORMAL_GROUP, null, "Buurtgroep", "Jan"));
        assertFalse(Publication.mayPublishOrganisation(LegalForm.FOUNDATION, null, "Stichting X", "Jan"));
        assertFalse(Publication.mayPublishOrganisation(LegalForm.FOUNDATION, "1234", "Stichting X", "Jan"));
        assertFalse(Publication.mayPublishOrganisation(LegalForm.FOUNDATION, "12345678", " jan  jansen", "Jan Jansen"));
        assertFalse(Publication.mayPublishOrganisation(null, "12345678", "X", "Jan"));
    }
}
