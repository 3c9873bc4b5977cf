package nl.preventiefonds.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Queues mail in the same transaction as the change that causes it: a rolled-back change sends
 * nothing, a committed one is delivered by MailDelivery even after a crash.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Outbox {
    private static final String BUNDLE = "nl.preventiefonds.notification.mails";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Queues the mail whose subject and body are "key.subject" and "key.body" in the mail bundle. */
    public void queue(String recipient, String localeTag, String key, Object... arguments) {
        em.persist(compose(recipient, localeTag, key, arguments));
    }

    /** As queue, with one file attached (e.g. a receipt PDF). */
    public void queueWithAttachment(String recipient, String localeTag, String key, String attachmentName,
                                    String mediaType, byte[] content, Object... arguments) {
        OutboundMail mail = compose(recipient, localeTag, key, arguments);
        mail.attach(attachmentName, mediaType, content);
        em.persist(mail);
    }

    private OutboundMail compose(String recipient, String localeTag, String key, Object... arguments) {
        ResourceBundle bundle = bundle(localeTag);
        MessageFormat subject = new MessageFormat(bundle.getString(key + ".subject"), bundle.getLocale());
        MessageFormat body = new MessageFormat(bundle.getString(key + ".body"), bundle.getLocale());
        return new OutboundMail(recipient, subject.format(arguments), body.format(arguments), clock.instant());
    }

    /** A text from the mail bundle in the recipient's language, e.g. a role's name. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String text(String localeTag, String key) {
        return bundle(localeTag).getString(key);
    }

    private static ResourceBundle bundle(String localeTag) {
        return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(localeTag), Outbox.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
