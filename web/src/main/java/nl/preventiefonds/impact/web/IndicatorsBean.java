package nl.preventiefonds.impact.web;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.impact.CareDemandImport;
import nl.preventiefonds.impact.CareDemandService;
import nl.preventiefonds.impact.CareIndicatorDefinition;
import nl.preventiefonds.impact.CareIndicatorDefinitions;
import nl.preventiefonds.impact.CareIndicatorImport;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.platform.web.ProblemMessages;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The fund manager's import of care-demand figures (admin/indicators.xhtml): the format explained, the upload with
 * per row what is wrong (all or nothing), and what is stored per period and indicator.
 */
@Named("indicatorImport")
@ViewScoped
public class IndicatorsBean implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int MAX_UPLOAD_BYTES = IndicatorResource.MAX_UPLOAD_BYTES;

    @Inject
    private CareDemandService service;

    private boolean uploaded;
    private String filename;
    private boolean stored;
    private List<String> fileProblems = List.of();
    private List<RowResult> rows = List.of();
    private int rowsRejected;
    private int valuesStored;
    private int suppressedStored;
    private int replaced;
    private String periods;
    private List<CareDemandService.Stored> storedSummary = List.of();
    private List<ImportLine> imports = List.of();
    private List<IndicatorDefinitionsBean.Row> indicators = List.of();
    private java.util.Map<String, String> labels = java.util.Map.of();

    @Inject
    private CareIndicatorDefinitions definitions;

    /** One line of the file and what became of it, problems in the page's language. */
    public record RowResult(int line, String code, String name, String period, int values, boolean valid,
            List<String> problems) implements Serializable {
    }

    public record ImportLine(java.time.Instant importedAt, String importedBy, String periods, int values,
            int suppressed, int replaced) implements Serializable {
    }

    @PostConstruct
    void load() {
        refreshStored();
    }

    /** After the indicators changed on the same page: the columns the import reads changed with them. */
    public void refresh() {
        refreshStored();
    }

    private void refreshStored() {
        long municipality = service.ownMunicipalityId();
        storedSummary = List.copyOf(service.stored(municipality));
        List<CareIndicatorDefinition> all = definitions.definitions(municipality);
        indicators = all.stream().filter(CareIndicatorDefinition::isActive).map(IndicatorDefinitionsBean::row).toList();
        java.util.Map<String, String> byCode = new java.util.HashMap<>();
        all.forEach(d -> byCode.put(d.getCode(), IndicatorDefinitionsBean.label(d)));
        labels = byCode;
        List<ImportLine> lines = new ArrayList<>();
        for (CareIndicatorImport i : service.imports(municipality, 10)) {
            lines.add(new ImportLine(i.getImportedAt(), i.getImportedBy(), i.getPeriods(), i.getValueCount(),
                    i.getSuppressedCount(), i.getReplacedCount()));
        }
        imports = List.copyOf(lines);
    }

    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        clear();
        filename = file.getFileName();
        byte[] content;
        try (InputStream in = file.getInputStream()) {
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
        CareDemandService.ImportResult result;
        try {
            result = service.importCsv(content);
        } catch (ValidationFailedException e) {
            refuse(e.getProblems());
            return;
        }
        if (!result.fileProblems().isEmpty()) {
            refuse(result.fileProblems());
            return;
        }
        List<RowResult> shown = new ArrayList<>();
        for (CareDemandImport.Row row : result.rows()) {
            shown.add(new RowResult(row.line(), row.code(), row.name(),
                    row.period() == null ? row.periodText() : row.period().label(), row.values().size(), row.valid(),
                    row.problems().stream().map(ProblemMessages::text).toList()));
        }
        rows = List.copyOf(shown);
        stored = result.stored();
        rowsRejected = (int) result.rowsRejected();
        valuesStored = result.valuesStored();
        suppressedStored = result.suppressedStored();
        replaced = result.replaced();
        periods = String.join(", ", result.periods());
        if (stored) {
            refreshStored();
            Messages.info("indicators.processed", filename);
        } else {
            Messages.error(null, "indicators.refused", filename);
        }
    }

    private void refuse(List<Problem> problems) {
        fileProblems = problems.stream().map(ProblemMessages::text).toList();
        Messages.error(null, "indicators.refused", filename);
    }

    private void clear() {
        uploaded = false;
        stored = false;
        fileProblems = List.of();
        rows = List.of();
        rowsRejected = 0;
        valuesStored = 0;
        suppressedStored = 0;
        replaced = 0;
        periods = "";
    }

    /** The columns the import reads: the municipality's active indicators. */
    public List<IndicatorDefinitionsBean.Row> getIndicators() {
        return indicators;
    }

    /** What the stored summary calls an indicator: its name, or its code when the municipality no longer has it. */
    public String label(String code) {
        return labels.getOrDefault(code, code);
    }

    public int getMaxUploadBytes() {
        return MAX_UPLOAD_BYTES;
    }

    public int getMaxUploadMegabytes() {
        return MAX_UPLOAD_BYTES / (1024 * 1024);
    }

    public int getMaxRows() {
        return CareDemandImport.MAX_ROWS;
    }

    public boolean isUploaded() {
        return uploaded;
    }

    public String getFilename() {
        return filename;
    }

    public boolean isStored() {
        return stored;
    }

    public List<String> getFileProblems() {
        return fileProblems;
    }

    public List<RowResult> getRows() {
        return rows;
    }

    public int getRowsRejected() {
        return rowsRejected;
    }

    public int getValuesStored() {
        return valuesStored;
    }

    public int getSuppressedStored() {
        return suppressedStored;
    }

    public int getReplaced() {
        return replaced;
    }

    public String getPeriods() {
        return periods;
    }

    public List<CareDemandService.Stored> getStoredSummary() {
        return storedSummary;
    }

    public List<ImportLine> getImports() {
        return imports;
    }
}
