package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/** The imports take the .xlsx a spreadsheet saves as they take its CSV export. */
public class WorkbookTest {

    /** A workbook with one sheet written by {@code content}, as Excel or LibreOffice would save it. */
    public static byte[] xlsx(Consumer<Worksheet> content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "Test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Blad1");
            content.accept(sheet);
            workbook.finish();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Test
    void cellsComeAsTextWithNumbersPlainDatesIsoAndRowNumbersAsTheSpreadsheetShows() {
        byte[] file = xlsx(sheet -> {
            sheet.value(0, 0, "Code");
            sheet.value(0, 1, "Inwoners");
            sheet.value(0, 2, "Aandeel");
            sheet.value(0, 3, "Peildatum");
            sheet.value(1, 0, " WK010600 ");
            sheet.value(1, 1, 5365);
            sheet.value(1, 2, new BigDecimal("1.234"));
            sheet.value(1, 3, LocalDate.of(2024, 1, 1));
            sheet.style(1, 3).format("dd-mm-yyyy").set();
            // row 3 left empty: the next line keeps its own number
            sheet.value(3, 0, "WK010601");
            sheet.value(3, 1, 1200000);
            sheet.value(3, 2, 12.5);
        });
        CsvText.Lines read = CsvText.read(file, "x.empty", 10);
        assertTrue(read.readable(), String.valueOf(read.problem()));
        assertEquals(3, read.lines().size());
        assertEquals(List.of("Code", "Inwoners", "Aandeel", "Peildatum"), read.lines().get(0).cells());
        assertEquals(2, read.lines().get(1).number());
        assertEquals(List.of(" WK010600 ", "5365", "1.234", "2024-01-01"), read.lines().get(1).cells());
        assertEquals(4, read.lines().get(2).number());
        assertEquals("1200000", read.lines().get(2).cells().get(1));
        assertEquals("12.5", read.lines().get(2).cells().get(2));
        // a workbook's point is a decimal point: 1.234 is one and a bit, not 1234
        assertEquals(new BigDecimal("1.234"), DutchNumbers.decimal("1.234", read.grouping(), 3));
    }

    @Test
    void aFormulaGivesItsLastResult() throws IOException {
        // as Excel saves it: the formula with its cached result (fastexcel writes formulas without one)
        byte[] file = withSheet(xlsx(sheet -> sheet.value(0, 0, "x")), """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>Totaal</t></is></c><c r="B1"><f>SUM(1,2)</f><v>3</v></c>
                <c r="C1" t="str"><f>"wk"&amp;"01"</f><v>wk01</v></c></row>
                </sheetData></worksheet>""");
        CsvText.Lines read = CsvText.read(file, "x.empty", 10);
        assertTrue(read.readable(), String.valueOf(read.problem()));
        assertEquals(List.of("Totaal", "3", "wk01"), read.lines().get(0).cells());
    }

    /** The workbook with its first sheet's XML replaced. */
    private static byte[] withSheet(byte[] xlsx, String sheetXml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // fastexcel streams its entries with sizes after the data, which ZipInputStream cannot read: by the directory
        try (org.apache.commons.compress.archivers.zip.ZipFile in = org.apache.commons.compress.archivers.zip.ZipFile
                .builder().setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(xlsx))
                .get();
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : java.util.Collections.list(in.getEntries())) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(entry.getName().equals("xl/worksheets/sheet1.xml")
                        ? sheetXml.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : in.getInputStream(entry).readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void anEmptyWorkbookIsEmpty() {
        CsvText.Lines read = CsvText.read(xlsx(sheet -> { }), "neighbourhoods.empty", 10);
        assertEquals("neighbourhoods.empty", read.problem().key());
    }

    @Test
    void onlyAsManyLinesAsAskedAreRead() {
        byte[] file = xlsx(sheet -> {
            for (int r = 0; r < 50; r++) {
                sheet.value(r, 0, "regel " + r);
            }
        });
        assertEquals(5, CsvText.read(file, "x.empty", 5).lines().size());
    }

    @Test
    void aZipThatIsNoWorkbookOrADamagedOneIsUnreadable() throws IOException {
        assertEquals("xlsx.unreadable", CsvText.read(zip("word/document.xml", "<w/>"), "x.empty", 10)
                .problem().key());
        byte[] damaged = xlsx(sheet -> sheet.value(0, 0, "x"));
        byte[] cut = java.util.Arrays.copyOf(damaged, damaged.length / 2);
        assertEquals("xlsx.unreadable", CsvText.read(cut, "x.empty", 10).problem().key());
    }

    @Test
    void aWorkbookThatUnpacksToMoreThanItsLimitIsRefusedBeforeReading() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i <= Workbook.MAX_UNPACKED_BYTES / zeros.length; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        byte[] bomb = out.toByteArray();
        assertTrue(bomb.length < 1024 * 1024, "a small upload: " + bomb.length);
        assertEquals("xlsx.tooLarge", CsvText.read(bomb, "x.empty", 10).problem().key());
    }

    @Test
    void csvFilesAreStillReadAsCsv() {
        CsvText.Lines read = CsvText.read("Code;Inwoners\nWK01;1.200\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "x.empty", 10);
        assertEquals('.', read.grouping());
        assertFalse(read.lines().isEmpty());
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
