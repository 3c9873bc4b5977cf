package nl.preventiefonds.monitoring.web;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.preventiefonds.monitoring.PartnerReportCsv;
import nl.preventiefonds.monitoring.PartnerReportUpload;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.platform.web.ProblemMessages;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/**
 * A partner's bulk report (partner/upload.xhtml): the format explained, a template with its open activities, the
 * upload, and per row what happened, with the rows to fix as a CSV to correct and upload again.
 */
@Named("partnerUpload")
@ViewScoped
public class PartnerUploadBean implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The same limit as the API's upload. */
    public static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
    static final Set<String> REQUIRED = Set.of(PartnerReportCsv.REFERENCE, PartnerReportCsv.ACTIVITY,
            PartnerReportCsv.PARTICIPANTS, PartnerReportCsv.SESSIONS, PartnerReportCsv.VOLUNTEERS);
    private static final String BOM = "\uFEFF";

    @Inject
    private PartnerReportUpload uploads;

    private List<PartnerReportUpload.TemplateRow> templateRows;
    private boolean uploaded;
    private String filename;
    private List<String> fileProblems = List.of();
    /** "Regel 3: ..." per problem of a refused upload, in the page's language. */
    private List<String> rowProblems = List.of();
    private List<RowResult> rows = List.of();
    private int reportsSubmitted;
    private int rowsSubmitted;
    private int rowsRejected;
    private byte[] rejectedCsv;

    /** One row of the uploaded file and what became of it, with the problems in the page's language. */
    public static class RowResult implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final String reference;
        private final String activity;
        private final boolean submitted;
        private final List<String> problems;

        RowResult(int line, String reference, String activity, boolean submitted, List<String> problems) {
            this.line = line;
            this.reference = reference;
            this.activity = activity;
            this.submitted = submitted;
            this.problems = List.copyOf(problems);
        }

        public int getLine() {
            return line;
        }

        public String getReference() {
            return reference;
        }

        public String getActivity() {
            return activity;
        }

        public boolean isSubmitted() {
            return submitted;
        }

        public List<String> getProblems() {
            return problems;
        }
    }

    @PostConstruct
    void load() {
        templateRows = uploads.templateRows();
    }

    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        clear();
        filename = file.getFileName();
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            // One byte past the limit is enough to refuse without holding a huge file.
            content = in.readNBytes(MAX_UPLOAD_BYTES + 1);
        } catch (IOException e) {
            Messages.error(null, "attachment.unreadable");
            return;
        }
        uploaded = true;
        if (content.length > MAX_UPLOAD_BYTES) {
            refuse(List.of(Problem.of("csv.tooBig", getMaxUploadMegabytes())));
            return;
        }
        PartnerReportUpload.UploadResult result;
        try {
            result = uploads.uploadPartnerReports(content);
        } catch (ValidationFailedException e) {
            refuse(e.getProblems());
            return;
        }
        if (!result.fileProblems().isEmpty()) {
            refuse(result.fileProblems());
            return;
        }
        if (result.refused()) {
            // All or nothing: nothing was filed; every wrong row with its number and reason, to correct in the file.
            rowProblems = result.rejected().stream().flatMap(row -> row.problems().stream()
                    .map(p -> ProblemMessages.text(Problem.of("csv.rowProblem", row.line(), ProblemMessages.text(p)))))
                    .toList();
            rowsRejected = result.rejected().size();
            rejectedCsv = PartnerReportCsv.rejectedRowsReport(result.rows(), ProblemMessages::text);
            Messages.error(null, "upload.refusedRows", filename);
            return;
        }
        List<RowResult> shown = new ArrayList<>();
        for (PartnerReportCsv.Row row : result.rows()) {
            shown.add(new RowResult(row.line(), row.raw().getOrDefault(PartnerReportCsv.REFERENCE, "").strip(),
                    row.raw().getOrDefault(PartnerReportCsv.ACTIVITY, "").strip(), row.valid(),
                    row.problems().stream().map(ProblemMessages::text).toList()));
        }
        rows = List.copyOf(shown);
        reportsSubmitted = result.reportsSubmitted();
        rowsSubmitted = result.rowsSubmitted();
        // What can be reported changed: the template follows.
        templateRows = uploads.templateRows();
        Messages.info("upload.processed", filename);
    }

    /** The file as a whole cannot be used: said on the page (per problem) and announced in the messages. */
    private void refuse(List<Problem> problems) {
        fileProblems = problems.stream().map(ProblemMessages::text).toList();
        Messages.error(null, "upload.refused", filename);
    }

    private void clear() {
        uploaded = false;
        fileProblems = List.of();
        rowProblems = List.of();
        rows = List.of();
        reportsSubmitted = 0;
        rowsSubmitted = 0;
        rowsRejected = 0;
        rejectedCsv = null;
    }

    /** The rows with errors of a refused upload, with their cells as uploaded and a column saying what to fix. */
    public StreamedContent getRejectedFile() {
        byte[] bytes = rejectedCsv == null ? new byte[0] : rejectedCsv;
        return csv("niet-ingediend.csv", bytes);
    }

    /**
     * The header and one row per activity the partner carries out in a report open today, with the report named
     * ({@code eind}, {@code voortgang N}); numbers left empty.
     */
    public StreamedContent getTemplateFile() {
        return csv("verslagen-sjabloon.csv", templateCsv(templateRows));
    }

    private static StreamedContent csv(String name, byte[] bytes) {
        return DefaultStreamedContent.builder().name(name).contentType("text/csv; charset=UTF-8")
                .contentLength((long) bytes.length).stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    /**
     * Semicolons and UTF-8 with a byte order mark, as Excel on Dutch Windows opens it directly;
     * "reference;report;activity;;;;;;".
     */
    static byte[] templateCsv(List<PartnerReportUpload.TemplateRow> rows) {
        StringBuilder out = new StringBuilder(BOM).append(String.join(";", PartnerReportCsv.COLUMNS)).append("\r\n");
        String emptyCells = ";".repeat(PartnerReportCsv.COLUMNS.size() - 3);
        for (PartnerReportUpload.TemplateRow row : rows) {
            out.append(cell(row.reference())).append(';').append(cell(row.report())).append(';')
                    .append(cell(row.activity())).append(emptyCells).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(String raw) {
        if (raw == null) {
            return "";
        }
        String value = nl.preventiefonds.platform.CsvCells.text(raw); // never a formula in the partner's spreadsheet
        if (value.contains(";") || value.contains(",") || value.contains("\"") || value.contains("\n")
                || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    public List<String> getColumns() {
        return PartnerReportCsv.COLUMNS;
    }

    public boolean required(String column) {
        return REQUIRED.contains(column);
    }

    public int getTemplateRowCount() {
        return templateRows.size();
    }

    public int getMaxUploadBytes() {
        return MAX_UPLOAD_BYTES;
    }

    public int getMaxUploadMegabytes() {
        return MAX_UPLOAD_BYTES / (1024 * 1024);
    }

    public int getMaxRows() {
        return PartnerReportCsv.MAX_ROWS;
    }

    public boolean isUploaded() {
        return uploaded;
    }

    public String getFilename() {
        return filename;
    }

    public List<String> getFileProblems() {
        return fileProblems;
    }

    public List<String> getRowProblems() {
        return rowProblems;
    }

    public List<RowResult> getRows() {
        return rows;
    }

    public int getReportsSubmitted() {
        return reportsSubmitted;
    }

    public int getRowsSubmitted() {
        return rowsSubmitted;
    }

    public int getRowsRejected() {
        return rowsRejected;
    }
}
