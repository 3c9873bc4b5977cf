package nl.preventiefonds.monitoring.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.preventiefonds.monitoring.PartnerReportCsv;
import nl.preventiefonds.monitoring.PartnerReportUpload;
import org.junit.jupiter.api.Test;

/** The CSV template goes back into the upload as it is: header accepted, every row found, only numbers missing. */
class PartnerUploadBeanTest {

    @Test
    void theTemplateHasTheHeaderAndOneRowPerActivityWithEmptyNumbers() {
        byte[] csv = PartnerUploadBean.templateCsv(List.of(new PartnerReportUpload.TemplateRow("PF-2026-00012", "eind",
                "Voorleesochtend"), new PartnerReportUpload.TemplateRow("PF-2026-00015", "voortgang 2",
                "Koffie; thee en \"praatje\"")));
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFreferentie;rapportage;activiteit;deelnemers;bijeenkomsten;vrijwilligers;"
                + "indicator;waarde;toelichting\r\n"), text);
        assertTrue(text.contains("\r\nPF-2026-00012;eind;Voorleesochtend;;;;;;\r\n"), text);

        PartnerReportCsv.Parsed parsed = PartnerReportCsv.parse(csv);
        assertEquals(List.of(), parsed.fileProblems());
        assertEquals(2, parsed.rows().size());
        assertEquals("PF-2026-00015", parsed.rows().get(1).reference());
        assertEquals(PartnerReportCsv.ReportChoice.FINAL, parsed.rows().get(0).report(), "the report is named");
        assertEquals(PartnerReportCsv.ReportChoice.progress(2), parsed.rows().get(1).report());
        assertEquals("Koffie; thee en \"praatje\"", parsed.rows().get(1).activity(), "quoted where needed");
        // Nothing else is filled in: the partner adds the numbers.
        assertTrue(parsed.rows().get(0).problems().stream().allMatch(p -> p.key().equals("csv.numberRequired")),
                parsed.rows().get(0).problems().toString());
    }

    @Test
    void anActivityNamedLikeAFormulaIsTextInTheSpreadsheetAndItselfOnUpload() {
        byte[] csv = PartnerUploadBean.templateCsv(List.of(new PartnerReportUpload.TemplateRow("PF-2026-00012", "eind",
                "=HYPERLINK(1)"), new PartnerReportUpload.TemplateRow("PF-2026-00013", "eind", "-Inloop")));
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\nPF-2026-00012;eind;'=HYPERLINK(1);;;;;;\r\n"), text);
        assertTrue(text.contains("\r\nPF-2026-00013;eind;'-Inloop;;;;;;\r\n"), text);
        PartnerReportCsv.Parsed parsed = PartnerReportCsv.parse(csv);
        assertEquals("=HYPERLINK(1)", parsed.rows().get(0).activity());
        assertEquals("-Inloop", parsed.rows().get(1).activity());
    }

    @Test
    void anEmptyTemplateIsOnlyTheHeader() {
        String text = new String(PartnerUploadBean.templateCsv(List.of()), StandardCharsets.UTF_8);
        assertEquals("\uFEFF" + String.join(";", PartnerReportCsv.COLUMNS) + "\r\n", text);
    }
}
