package nl.preventiefonds.notification.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import nl.preventiefonds.notification.OutboxAdministration;
import nl.preventiefonds.notification.OutboxAdministration.MailLine;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.web.Messages;

/** The outbox screen of installation administrators (all mail) and fund managers (their municipality's). */
@Named
@ViewScoped
public class OutboxBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private OutboxAdministration outbox;

    private List<MailLine> lines;

    @PostConstruct
    void load() {
        lines = outbox.troubled();
    }

    public void resend(long id) {
        String recipient = lines.stream().filter(line -> line.getId() == id).map(MailLine::getRecipient).findFirst()
                .orElse("");
        outbox.resend(id);
        Messages.info("mail.resent", recipient);
        load();
    }

    public List<MailLine> getLines() {
        return lines;
    }

    /** A moment as Amsterdam time for the page; null stays empty. */
    public ZonedDateTime local(Instant moment) {
        return moment == null ? null : moment.atZone(Amsterdam.ZONE);
    }
}
