package nl.preventiefonds.fund.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.fund.NeighbourhoodAdministration;
import nl.preventiefonds.fund.NeighbourhoodForm;
import nl.preventiefonds.fund.NeighbourhoodImport;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.FieldProblems;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.platform.web.ProblemMessages;
import nl.preventiefonds.platform.web.TableDownload;

/**
 * Fund manager: the municipality's neighbourhoods (admin/neighbourhoods.xhtml). The list, adding and changing one by
 * hand, removing one nothing refers to, the CBS file previewed and then imported (all or nothing), and the list as
 * CSV or xlsx.
 */
@Named
@ViewScoped
public class NeighbourhoodAdminBean implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
    /** Lines shown of a preview; the counts cover all lines. Problems are always shown. */
    static final int MAX_SHOWN = 500;
    private static final String FORM = "neighbourhoodForm:";

    @Inject
    private NeighbourhoodAdministration administration;

    private String municipalityCode;
    private String municipalityName;
    private List<Neighbourhood> neighbourhoods = List.of();
    private NeighbourhoodForm form;

    private byte[] upload;
    private String filename;
    private boolean withBuurten;
    private NeighbourhoodAdministration.ImportResult result;
    private List<String> fileProblems = List.of();
    private List<RowResult> rows = List.of();

    /** A line of the file as the page shows it, its problems in the page's language. */
    public record RowResult(int line, String code, String name, Integer population, String action,
            List<String> problems) implements Serializable {
    }

    @PostConstruct
    void init() {
        Municipality municipality = administration.municipality();
        municipalityCode = municipality.getCode();
        municipalityName = municipality.getName();
        reload();
    }

    private void reload() {
        neighbourhoods = List.copyOf(administration.neighbourhoods());
    }

    public void newNeighbourhood() {
        form = new NeighbourhoodForm();
        form.setCode("WK" + municipalityCode.substring(2));
    }

    public void edit(long id) {
        form = administration.load(id);
    }

    public void save() {
        FieldProblems.bind("form.notSaved", NeighbourhoodAdminBean::fieldOf);
        boolean created = form.getId() == null;
        administration.save(form);
        Messages.info(created ? "neighbourhoods.created" : "neighbourhoods.saved", form.getName().strip());
        form = null;
        reload();
    }

    public void cancel() {
        form = null;
    }

    public void remove(Neighbourhood neighbourhood) {
        administration.remove(neighbourhood.getId());
        Messages.info("neighbourhoods.removed", neighbourhood.getCode() + " " + neighbourhood.getName());
        reload();
    }

    private static String fieldOf(Problem problem) {
        return switch (problem.key()) {
            case "neighbourhood.codeRequired", "neighbourhood.codeInvalid", "neighbourhood.codeOtherMunicipality",
                 "neighbourhood.codeTaken" -> FORM + "code";
            case "neighbourhood.nameRequired", "neighbourhood.nameTooLong" -> FORM + "name";
            case "neighbourhood.populationRange" -> FORM + "population";
            default -> null;
        };
    }

    /** The CBS file chosen: read and previewed, nothing written yet. */
    public void uploadFile(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        clearImport();
        filename = file.getFileName();
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readNBytes(MAX_UPLOAD_BYTES + 1);
        } catch (IOException e) {
            Messages.error(null, "attachment.unreadable");
            return;
        }
        if (content.length > MAX_UPLOAD_BYTES) {
            show(new NeighbourhoodAdministration.ImportResult(List.of(), List.of(Problem.of("csv.tooBig",
                    getMaxUploadMegabytes())), false, 0, 0, 0, 0, 0));
            return;
        }
        upload = content;
        preview();
    }

    /** The preview again, for instance after ticking "buurten too". */
    public void preview() {
        if (upload != null) {
            show(administration.preview(upload, withBuurten));
        }
    }

    /** Imports the previewed file: all lines or none. */
    public void importFile() {
        if (upload == null) {
            return;
        }
        NeighbourhoodAdministration.ImportResult done;
        try {
            done = administration.importCsv(upload, withBuurten);
        } catch (ValidationFailedException e) {
            ProblemMessages.add(e.getProblems());
            return;
        }
        show(done);
        if (done.stored()) {
            upload = null;
            reload();
            Messages.info("neighbourhoods.imported", filename, done.created(), done.updated(), done.unchanged(),
                    done.skipped());
        } else {
            Messages.error(null, "neighbourhoods.importRefused", filename);
        }
    }

    public void cancelImport() {
        clearImport();
    }

    private void show(NeighbourhoodAdministration.ImportResult shown) {
        result = shown;
        fileProblems = shown.fileProblems().stream().map(ProblemMessages::text).toList();
        List<RowResult> lines = new ArrayList<>();
        for (NeighbourhoodAdministration.ImportRow r : shown.rows()) {
            boolean problem = r.action() == NeighbourhoodAdministration.Action.REFUSE;
            if (problem || lines.size() < MAX_SHOWN) {
                NeighbourhoodImport.Row row = r.row();
                lines.add(new RowResult(row.line(), row.code(), row.name(), row.population(), r.action().name(),
                        row.problems().stream().map(ProblemMessages::text).toList()));
            }
        }
        rows = List.copyOf(lines);
        if (!fileProblems.isEmpty()) {
            upload = null;
        }
    }

    private void clearImport() {
        upload = null;
        filename = null;
        result = null;
        fileProblems = List.of();
        rows = List.of();
    }

    private TableDownload.Table table() {
        List<List<Object>> lines = new ArrayList<>();
        for (Neighbourhood n : administration.neighbourhoods()) {
            lines.add(java.util.Arrays.asList(n.getCode(), n.getName(), n.getPopulation()));
        }
        return new TableDownload.Table(Messages.text("neighbourhoods.title"), List.of(
                Messages.text("neighbourhoods.code"), Messages.text("field.name"),
                Messages.text("neighbourhoods.population")), lines);
    }

    public StreamedContent getCsvFile() {
        return TableDownload.csvFile("wijken-" + municipalityCode, table());
    }

    public StreamedContent getXlsxFile() {
        return TableDownload.xlsxFile("wijken-" + municipalityCode, table());
    }

    public List<Neighbourhood> getNeighbourhoods() {
        return neighbourhoods;
    }

    /** Residents of the neighbourhoods whose number is known, and how many have none. */
    public long getKnownPopulation() {
        return neighbourhoods.stream().filter(n -> n.getPopulation() != null).mapToLong(Neighbourhood::getPopulation)
                .sum();
    }

    public long getWithoutPopulation() {
        return neighbourhoods.stream().filter(n -> n.getPopulation() == null).count();
    }

    public boolean isEditing() {
        return form != null;
    }

    public NeighbourhoodForm getForm() {
        return form;
    }

    public String getMunicipalityCode() {
        return municipalityCode;
    }

    public String getMunicipalityName() {
        return municipalityName;
    }

    public String getCodeDigits() {
        return municipalityCode.substring(2);
    }

    public boolean isWithBuurten() {
        return withBuurten;
    }

    public void setWithBuurten(boolean withBuurten) {
        this.withBuurten = withBuurten;
    }

    public boolean isUploaded() {
        return result != null;
    }

    /** A previewed file that may be imported: readable, no line refused, not yet stored. */
    public boolean isImportable() {
        return upload != null && result != null && result.acceptable() && !result.stored();
    }

    public NeighbourhoodAdministration.ImportResult getResult() {
        return result;
    }

    public String getFilename() {
        return filename;
    }

    public List<String> getFileProblems() {
        return fileProblems;
    }

    public List<RowResult> getRows() {
        return rows;
    }

    public int getMaxUploadBytes() {
        return MAX_UPLOAD_BYTES;
    }

    public int getMaxUploadMegabytes() {
        return MAX_UPLOAD_BYTES / (1024 * 1024);
    }

    public int getMaxRows() {
        return NeighbourhoodImport.MAX_ROWS;
    }
}
