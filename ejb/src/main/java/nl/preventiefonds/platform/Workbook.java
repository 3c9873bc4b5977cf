package nl.preventiefonds.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An .xlsx workbook read as the lines of a CSV file, so every import that takes a spreadsheet's CSV export also takes
 * the workbook itself: the sheet that was open when it was saved (else the first), row numbers as the spreadsheet
 * shows them, numbers as plain digits with a point for decimals, dates as yyyy-mm-dd, formulas as their last result.
 */
final class Workbook {
    /** Unpacked, a workbook of an import's size is a few megabytes; more is a zip bomb, refused before parsing. */
    static final long MAX_UNPACKED_BYTES = 64L * 1024 * 1024;

    private Workbook() {
    }

    /** A zip archive: what .xlsx (and .docx, .zip) files are. */
    static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    static CsvText.Lines read(byte[] content, String emptyKey, int maxLines) {
        if (unpackedSize(content) > MAX_UNPACKED_BYTES) {
            return problem("xlsx.tooLarge");
        }
        // with cell formats: a date is a number that only its format tells apart
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content),
                new ReadingOptions(true, false))) {
            Sheet sheet = workbook.getActiveSheet().orElse(workbook.getFirstSheet());
            List<CsvText.Line> lines = new ArrayList<>();
            try (Stream<Row> rows = sheet.openStream()) {
                Iterator<Row> iterator = rows.iterator();
                while (iterator.hasNext() && lines.size() < maxLines) {
                    Row row = iterator.next();
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(text(row.getCell(i)));
                    }
                    if (!cells.stream().allMatch(cell -> CsvText.clean(cell).isEmpty())) {
                        lines.add(new CsvText.Line(row.getRowNum(), cells));
                    }
                }
            }
            if (lines.isEmpty()) {
                return problem(emptyKey);
            }
            return new CsvText.Lines(',', lines, null, ',');
        } catch (IOException | RuntimeException notAWorkbook) {
            // a damaged file, a .docx or a plain .zip: fastexcel throws its own runtime exceptions for those too
            return problem("xlsx.unreadable");
        }
    }

    private static CsvText.Lines problem(String key) {
        return new CsvText.Lines(',', List.of(), Problem.of(key), ',');
    }

    /**
     * What the archive's entries add up to when unpacked, counted by unpacking (sizes in the headers can lie), read
     * by its central directory as the workbook reader does (entries may carry their sizes after the data).
     */
    static long unpackedSize(byte[] content) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        total += read;
                        if (total > MAX_UNPACKED_BYTES) {
                            return total;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException damaged) {
            // left to the workbook reader, which says the file is unreadable
        }
        return total;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> isDate(cell) ? cell.asDate().toLocalDate().toString() : plain(cell.asNumber());
            case FORMULA -> formulaResult(cell.getRawValue());
            default -> cell.getText();
        };
    }

    private static String formulaResult(String raw) {
        if (raw == null) {
            return "";
        }
        try {
            return plain(new BigDecimal(raw));
        } catch (NumberFormatException text) {
            return raw;
        }
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** A number shown as a date: Excel's built-in date formats, or a custom one with a day or year in it. */
    private static boolean isDate(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String unquoted = format.replaceAll("\"[^\"]*\"|\\[[^\\]]*\\]", "").toLowerCase(java.util.Locale.ROOT);
        return unquoted.contains("yy") || unquoted.contains("d");
    }

}
