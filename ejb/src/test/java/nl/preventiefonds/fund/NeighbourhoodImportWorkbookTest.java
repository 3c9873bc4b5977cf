package nl.preventiefonds.fund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.preventiefonds.platform.WorkbookTest;
import org.junit.jupiter.api.Test;

/** CBS's Kerncijfers opened in Excel and saved as .xlsx imports as its CSV does. */
class NeighbourhoodImportWorkbookTest {

    @Test
    void theDemoKerncijfersAsAWorkbookGiveTheSameRowsAsTheCsv() throws IOException {
        byte[] csv;
        try (InputStream in = NeighbourhoodImportWorkbookTest.class.getResourceAsStream(
                "/nl/preventiefonds/demo/kerncijfers-wijken-assen-demo.csv")) {
            csv = in.readAllBytes();
        }
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        byte[] xlsx = WorkbookTest.xlsx(sheet -> {
            for (int r = 0; r < lines.size(); r++) {
                String[] cells = lines.get(r).split(";", -1);
                for (int c = 0; c < cells.length; c++) {
                    // Excel turns the figures into numbers
                    if (r > 0 && cells[c].matches("\\d+")) {
                        sheet.value(r, c, Long.parseLong(cells[c]));
                    } else {
                        sheet.value(r, c, cells[c]);
                    }
                }
            }
        });
        NeighbourhoodImport.Parsed fromCsv = NeighbourhoodImport.parse(csv, "GM0106", "Assen", true);
        NeighbourhoodImport.Parsed fromWorkbook = NeighbourhoodImport.parse(xlsx, "GM0106", "Assen", true);
        assertTrue(fromCsv.allValid(), fromCsv.toString());
        assertTrue(fromWorkbook.allValid(), fromWorkbook.toString());
        assertTrue(fromWorkbook.rows().stream().anyMatch(r -> r.population() != null && r.population() > 1000));
        assertEquals(fromCsv.rows(), fromWorkbook.rows());
    }
}
