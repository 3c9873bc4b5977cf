package nl.preventiefonds.platform.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import nl.preventiefonds.platform.CsvCells;

/**
 * A list of the administration pages (staff, partners, neighbourhoods) as a file to download: CSV as Excel on Dutch
 * Windows opens it (UTF-8 with a byte order mark, semicolons), every text cell made safe from formula injection by
 * {@link CsvCells}, numbers as numbers; or an xlsx workbook (fastexcel), where a text is a string cell that no
 * spreadsheet evaluates. The caller passes the rows its service scoped to the member of staff's municipality.
 */
public final class TableDownload {
    private static final String BOM = "\uFEFF";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Headers in the page's language; each row's cells a String, a Number or null (empty). */
    public record Table(String sheet, List<String> headers, List<List<Object>> rows) {
        public Table {
            headers = List.copyOf(headers);
            rows = List.copyOf(rows);
        }
    }

    private TableDownload() {
    }

    public static byte[] csv(Table table) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, List.copyOf(table.headers()));
        for (List<Object> row : table.rows()) {
            line(out, row);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(csvCell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** A number as it is (a negative one stays a number), a text neutralised and quoted where it must be. */
    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        String text = CsvCells.text(value.toString());
        if (text.contains(";") || text.contains(",") || text.contains("\"") || text.contains("\n")
                || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    public static byte[] xlsx(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Preventiefonds", "1.0");
            Worksheet sheet = workbook.newWorksheet(table.sheet());
            for (int c = 0; c < table.headers().size(); c++) {
                sheet.value(0, c, table.headers().get(c));
                sheet.style(0, c).bold().set();
            }
            int r = 1;
            for (List<Object> row : table.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number number) {
                        sheet.value(r, c, number);
                    } else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return bytes.toByteArray();
    }

    public static StreamedContent csvFile(String name, Table table) {
        return file(name + ".csv", "text/csv; charset=UTF-8", csv(table));
    }

    public static StreamedContent xlsxFile(String name, Table table) {
        return file(name + ".xlsx", XLSX, xlsx(table));
    }

    private static StreamedContent file(String name, String type, byte[] content) {
        return DefaultStreamedContent.builder().name(name).contentType(type).contentLength((long) content.length)
                .stream(() -> new ByteArrayInputStream(content)).build();
    }
}
