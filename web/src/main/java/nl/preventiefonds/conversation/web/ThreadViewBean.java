package nl.preventiefonds.conversation.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import nl.preventiefonds.application.AttachmentPolicy;
import nl.preventiefonds.conversation.ConversationService;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.platform.web.ProblemMessages;

/**
 * The conversation section of the application page (WEB-INF/includes/conversation.xhtml): the thread as the case
 * file read it (and marked it read), a form to post a message or, for staff, an internal note, and the answer to an
 * open request for information. The service decides who may; the form only offers what it allows.
 */
@Named("threadView")
@ViewScoped
public class ThreadViewBean implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "threadForm";

    @Inject
    private ConversationService conversation;

    private Long id;
    private ConversationService.Thread thread;
    private String body;
    private boolean note;
    private transient Part file;
    private String answer;

    /** The thread as the case file read it for this page view. */
    public void show(Long applicationId, ConversationService.Thread read) {
        this.id = applicationId;
        this.thread = read;
    }

    public String post() {
        try {
            List<ConversationService.NewFile> files = file == null || file.getSize() == 0 ? List.of()
                    : List.of(new ConversationService.NewFile(filename(file), bytes(file)));
            if (note) {
                conversation.postNote(id, body, files);
                Messages.info("thread.notePosted");
            } else {
                conversation.post(id, body, files);
                Messages.info("thread.posted");
            }
        } catch (ValidationFailedException e) {
            // The text stays on screen, with the reason.
            ProblemMessages.add(e.getProblems());
            return null;
        } catch (IOException e) {
            Messages.error(null, "attachment.unreadable");
            return null;
        }
        return reloaded();
    }

    public String answerRequest() {
        try {
            conversation.answerRequest(id, answer);
        } catch (ValidationFailedException e) {
            ProblemMessages.add(e.getProblems());
            return null;
        }
        Messages.info("view.answered");
        return reloaded();
    }

    /** Post/redirect/get: every section of the page read anew, the message kept over the redirect. */
    private String reloaded() {
        Messages.keepForRedirect();
        return "/applications/view?faces-redirect=true&id=" + id;
    }

    private static String filename(Part part) {
        String name = part.getSubmittedFileName();
        return name == null ? "" : name;
    }

    private static byte[] bytes(Part part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return AttachmentPolicy.readBounded(in);
        }
    }

    public boolean isShown() {
        return thread != null;
    }

    public boolean isStaff() {
        return thread != null && thread.mayWriteNote();
    }

    public ConversationService.Thread getThread() {
        return thread;
    }

    public List<ConversationService.Item> getItems() {
        return thread == null ? List.of() : thread.items();
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public boolean isNote() {
        return note;
    }

    public void setNote(boolean note) {
        this.note = note;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }
}
