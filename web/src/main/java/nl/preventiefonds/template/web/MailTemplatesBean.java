package nl.preventiefonds.template.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.preventiefonds.notification.MailKind;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.FieldProblems;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.template.LetterTemplates;
import nl.preventiefonds.template.MailTemplates;

/**
 * Fund manager: the mail templates of their own municipality (admin/mail-templates.xhtml). Choose a mail, edit its
 * subject and body with the placeholders listed beside them, preview them with a real application, save them as a
 * new version, and read the versions before. A refused save or preview keeps what was typed.
 */
@Named
@ViewScoped
public class MailTemplatesBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private MailTemplates service;

    @Inject
    private LetterTemplates letters;

    private List<MailTemplates.MailText> kinds;
    private MailKind kind = MailKind.INFORMATION_REQUESTED;
    private String subject;
    private String body;
    /** The version being edited started from (0: the built-in text), to refuse overwriting a newer one. */
    private int basedOn;
    private List<MailTemplates.VersionRow> history;
    private List<LetterTemplates.Candidate> candidates;
    private Long applicationId;
    private MailTemplates.Preview preview;

    @PostConstruct
    void init() {
        candidates = letters.previewCandidates();
        applicationId = candidates.isEmpty() ? null : candidates.get(0).id();
        open(MailKind.INFORMATION_REQUESTED);
    }

    /** Starts editing {@code chosen} at its current text; what was typed for another mail and not saved is dropped. */
    public void open(MailKind chosen) {
        kind = chosen;
        MailTemplates.MailText current = service.current(kind);
        subject = current.subject();
        body = current.body();
        basedOn = current.number();
        preview = null;
        refresh();
    }

    public void save() {
        FieldProblems.bind("template.notSaved", MailTemplatesBean::fieldOf);
        MailTemplates.MailText saved = service.save(kind, subject, body, basedOn);
        basedOn = saved.number();
        subject = saved.subject();
        body = saved.body();
        refresh();
        Messages.info("mailTemplate.saved", saved.label());
    }

    public void showPreview() {
        FieldProblems.bind("template.notPreviewed", MailTemplatesBean::fieldOf);
        if (applicationId == null) {
            throw new ValidationFailedException("template.applicationRequired");
        }
        preview = service.preview(kind, subject, body, applicationId);
    }

    /** Puts an earlier version back in the editor; saving it makes it current as a new version. */
    public void restore(MailTemplates.VersionRow row) {
        subject = row.subject();
        body = row.body();
        preview = null;
        Messages.info("template.restored", row.number());
    }

    private void refresh() {
        kinds = service.overview();
        history = service.history(kind);
    }

    static String fieldOf(Problem problem) {
        String key = problem.key();
        if (key.startsWith("mailTemplate.subject")) {
            return "mailForm:subject";
        }
        return switch (key) {
            case "template.applicationRequired", "template.applicationNotFound" -> "mailForm:application";
            case "template.changedElsewhere" -> null;
            default -> "mailForm:body";
        };
    }

    public List<MailTemplates.MailText> getKinds() {
        return kinds;
    }

    public String kindName(MailKind k) {
        return Messages.text("mailTemplate.kind." + k.name());
    }

    public String getKindName() {
        return kindName(kind);
    }

    public String getCurrentLabel() {
        return service.current(kind).label();
    }

    public List<String> getPlaceholders() {
        return List.copyOf(kind.placeholders());
    }

    public String placeholderText(String name) {
        return "{{" + name + "}}";
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public List<MailTemplates.VersionRow> getHistory() {
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

    public MailTemplates.Preview getPreview() {
        return preview;
    }

    public int getMaxSubject() {
        return MailKind.MAX_SUBJECT;
    }

    public int getMaxBody() {
        return MailKind.MAX_BODY;
    }
}
