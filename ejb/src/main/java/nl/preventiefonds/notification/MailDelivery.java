package nl.preventiefonds.notification;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import nl.preventiefonds.platform.ClusterLease;
import nl.preventiefonds.platform.Settings;

/**
 * Delivers the outbox every half minute. With -Dpreventiefonds.mail.deliver=false (demo mode)
 * mail is written to the server log instead, so nobody gets real mail from demo data.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailDelivery {
    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());
    private static final int BATCH = 50;
    private static final int MAX_ATTEMPTS = 10;
    // Renewed by its holder every run; another node takes over five minutes after the holder stops.
    private static final Duration LEASE = Duration.ofMinutes(5);

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/mail/Preventiefonds")
    private Session mailSession;

    @Inject
    private Clock clock;

    @Inject
    private ClusterLease lease;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void deliverPending() {
        // On a cluster every node's timer fires: one of them sends, so no mail goes out twice.
        if (!lease.acquire(ClusterLease.MAIL_DELIVERY, LEASE)) {
            return;
        }
        List<OutboundMail> pending = em.createQuery(
                        "SELECT m FROM OutboundMail m WHERE m.sentAt IS NULL AND m.attempts < :max ORDER BY m.id",
                        OutboundMail.class)
                .setParameter("max", MAX_ATTEMPTS)
                .setMaxResults(BATCH)
                .getResultList();
        boolean deliver = Settings.flag(Settings.MAIL_DELIVER, true);
        for (OutboundMail mail : pending) {
            if (!deliver) {
                LOG.info(() -> "Mail (not delivered in demo mode) to " + mail.getRecipient() + ": "
                        + mail.getSubject() + "\n" + mail.getBody()
                        + (mail.hasAttachment() ? "\n[attachment " + mail.getAttachmentName() + "]" : ""));
                mail.markSent(clock.instant());
                continue;
            }
            try {
                MimeMessage message = new MimeMessage(mailSession);
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.getRecipient(), true));
                message.setSubject(mail.getSubject(), "UTF-8");
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
                Transport.send(message);
                mail.markSent(clock.instant());
            } catch (MessagingException | RuntimeException e) {
                mail.markFailed(e.getMessage());
                LOG.warning(() -> "Mail " + mail.getId() + " not delivered yet: " + e.getMessage());
            }
        }
    }
}
