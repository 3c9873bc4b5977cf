package nl.preventiefonds.template.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.TemplateText;
import nl.preventiefonds.platform.web.FieldProblems;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.template.LetterKind;
import nl.preventiefonds.template.LetterTemplates;
import nl.preventiefonds.template.LetterText;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * Fund manager: the letter templates of their own municipality (admin/templates.xhtml). Choose a kind, edit its
 * text with the placeholders listed beside it, preview it with a real application as text on the page or as PDF,
 * save it as a new version, and read the versions before. A refused save or preview keeps the text as typed.
 */
@Named
@ViewScoped
public class LetterTemplatesBean implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String TEXT_FIELD = "templateForm:text";

    @Inject
    private LetterTemplates service;

    private List<LetterTemplates.KindState> kinds;
    private LetterKind kind = LetterKind.AWARD;
    private String text;
    /** The version the text being edited started from (0: the built-in text), to refuse overwriting a newer one. */
    private int basedOn;
    private List<LetterTemplates.VersionRow> history;
    private List<LetterTemplates.Candidate> candidates;
    private Long applicationId;
    private List<TemplateText.Block> previewBlocks;

    @PostConstruct
    void init() {
        candidates = service.previewCandidates();
        applicationId = candidates.isEmpty() ? null : candidates.get(0).id();
        open(LetterKind.AWARD);
    }

    /** Starts editing {@code chosen} at its current text; what was typed for another kind and not saved is dropped. */
    public void open(LetterKind chosen) {
        kind = chosen;
        LetterText current = service.current(kind);
        text = current.text();
        basedOn = current.number();
        previewBlocks = null;
        refresh();
    }

    public void save() {
        FieldProblems.bind("template.notSaved", LetterTemplatesBean::fieldOf);
        LetterText saved = service.save(kind, text, basedOn);
        basedOn = saved.number();
        text = saved.text();
        refresh();
        Messages.info("template.saved", saved.label());
    }

    public void preview() {
        FieldProblems.bind("template.notPreviewed", LetterTemplatesBean::fieldOf);
        previewBlocks = service.preview(kind, text, requiredApplication()).blocks();
    }

    /** The preview as the PDF letter, under the municipality's letterhead. */
    public StreamedContent getPreviewPdf() {
        FieldProblems.bind("template.notPreviewed", LetterTemplatesBean::fieldOf);
        LetterTemplates.Preview preview = service.preview(kind, text, requiredApplication());
        byte[] pdf = preview.pdf();
        return DefaultStreamedContent.builder().name(preview.filename()).contentType("application/pdf")
                .contentLength((long) pdf.length).stream(() -> new ByteArrayInputStream(pdf)).build();
    }

    /** Puts an earlier version back in the editor; saving it makes it current as a new version. */
    public void restore(LetterTemplates.VersionRow row) {
        text = row.text();
        previewBlocks = null;
        Messages.info("template.restored", row.number());
    }

    private long requiredApplication() {
        if (applicationId == null) {
            throw new nl.preventiefonds.platform.ValidationFailedException("template.applicationRequired");
        }
        return applicationId;
    }

    private void refresh() {
        kinds = service.overview();
        history = service.history(kind);
    }

    static String fieldOf(Problem problem) {
        return switch (problem.key()) {
            case "template.applicationRequired", "template.applicationNotFound" -> "templateForm:application";
            case "template.changedElsewhere" -> null;
            default -> TEXT_FIELD;
        };
    }

    public List<LetterTemplates.KindState> getKinds() {
        return kinds;
    }

    public LetterKind getKind() {
        return kind;
    }

    public String getKindName() {
        return Messages.text("template.kind." + kind.name());
    }

    public String kindName(LetterKind k) {
        return Messages.text("template.kind." + k.name());
    }

    public List<String> getPlaceholders() {
        return List.copyOf(kind.placeholders());
    }

    public String placeholderText(String name) {
        return "{{" + name + "}}";
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public int getBasedOn() {
        return basedOn;
    }

    public String getCurrentLabel() {
        return service.current(kind).label();
    }

    public List<LetterTemplates.VersionRow> getHistory() {
        return history;
    }

    public List<LetterTemplates.Candidate> getCandidates() {
        return candidates;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public void setApplicationId(Long applicationId) {
        this.applicationId = applicationId;
    }

    public List<TemplateText.Block> getPreviewBlocks() {
        return previewBlocks;
    }

    public int getMaxLength() {
        return TemplateText.MAX_LENGTH;
    }
}
