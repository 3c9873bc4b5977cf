package nl.preventiefonds.notification;

import jakarta.activation.DataHandler;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import nl.preventiefonds.platform.Settings;

/**
 * One delivery attempt of one mail, in a transaction of its own: the row is locked, sent over SMTP, and marked sent
 * only after the SMTP server accepted it. A crash between that acceptance and the commit leaves the row due, and it
 * is sent again with the same Message-ID (at-least-once, recognisable duplicates); every other path sends once.
 */
@Stateless
@PermitAll
public class MailAttempt {
    private static final Logger LOG = Logger.getLogger(MailAttempt.class.getName());
    /**
     * Used when the mail session sets no timeouts of its own (wildfly-config/mail.cli sets them): Jakarta Mail waits
     * forever by default, and one hanging SMTP server would stop the whole outbox.
     */
    static final Map<String, String> DEFAULT_TIMEOUTS = Map.of("mail.smtp.connectiontimeout", "10000",
            "mail.smtp.timeout", "30000", "mail.smtp.writetimeout", "30000");

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/mail/Preventiefonds")
    private Session mailSession;

    @Inject
    private Clock clock;

    /** The ids of the mails due at this moment, oldest due first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<Long> due(Instant now, int max) {
        return em.createQuery("SELECT m.id FROM OutboundMail m WHERE m.sentAt IS NULL AND m.failedAt IS NULL"
                        + " AND m.nextAttemptAt <= :now ORDER BY m.nextAttemptAt, m.id", Long.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    /** Tries the mail once if it is still due; returns the state it is left in (null: gone). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MailState attempt(long id, boolean deliver) {
        // Locked: a second sender (another run, an administrator's resend) waits, then sees it sent.
        OutboundMail mail = em.find(OutboundMail.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (mail == null || mail.getSentAt() != null || mail.getFailedAt() != null
                || mail.getNextAttemptAt() == null || mail.getNextAttemptAt().isAfter(now)) {
            return mail == null ? null : mail.getState();
        }
        if (!deliver) {
            LOG.info(() -> "Mail (not delivered in demo mode) to " + mail.getRecipient() + ": "
                    + mail.getSubject() + "\n" + mail.getBody()
                    + (mail.hasAttachment() ? "\n[attachment " + mail.getAttachmentName() + "]" : ""));
            mail.markSent(now);
            return mail.getState();
        }
        try {
            Transport.send(compose(mail));
            mail.markSent(clock.instant());
        } catch (MessagingException | RuntimeException e) {
            boolean permanent = SmtpFailures.isPermanent(e);
            mail.markAttemptFailed(clock.instant(), SmtpFailures.describe(e), permanent);
            LOG.warning(() -> "Mail " + mail.getId() + " not delivered (attempt " + mail.getAttempts() + ", "
                    + (permanent ? "permanent" : "temporary") + "): " + mail.getLastError()
                    + (mail.getState() == MailState.FAILED ? "; given up" : "; next attempt " + mail.getNextAttemptAt()));
        }
        return mail.getState();
    }

    private MimeMessage compose(OutboundMail mail) throws MessagingException {
        ensureTimeouts(mailSession.getProperties());
        MimeMessage message = new OutboxMessage(mailSession, mail.getMessageId());
        message.setFrom();
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.getRecipient(), true));
        message.setSubject(mail.getSubject(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        if (mail.hasAttachment()) {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.getBody(), "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.getAttachmentContent(),
                    mail.getAttachmentMediaType())));
            file.setFileName(mail.getAttachmentName());
            message.setContent(new MimeMultipart(text, file));
        } else {
            message.setText(mail.getBody(), "UTF-8");
        }
        return message;
    }

    static void ensureTimeouts(Properties sessionProperties) {
        DEFAULT_TIMEOUTS.forEach(sessionProperties::putIfAbsent);
    }

    static boolean deliverySwitchedOn() {
        return Settings.flag(Settings.MAIL_DELIVER, true);
    }

    /** A MimeMessage that keeps the outbox's Message-ID instead of making a new one on every send. */
    static final class OutboxMessage extends MimeMessage {
        private final String messageId;

        OutboxMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", messageId);
            }
        }
    }
}
