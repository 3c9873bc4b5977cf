package nl.preventiefonds.notification;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.security.Principal;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import nl.preventiefonds.platform.Settings;
import nl.preventiefonds.platform.TemplateText;

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

    @Resource
    private SessionContext session;

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

    /**
     * As queue, for a mail about {@code municipality}'s business: a Dutch-reading recipient gets the municipality's
     * own text of this mail ({@link MailKind}) when it saved one, filled with the same arguments by name.
     */
    public void queueFor(long municipality, String recipient, String localeTag, String key, Object... arguments) {
        em.persist(composeFor(municipality, recipient, localeTag, key, arguments));
    }

    /** As queueFor, with one file attached (the decision letter). */
    public void queueWithAttachmentFor(long municipality, String recipient, String localeTag, String key,
                                       String attachmentName, String mediaType, byte[] content,
                                       Object... arguments) {
        OutboundMail mail = composeFor(municipality, recipient, localeTag, key, arguments);
        mail.attach(attachmentName, mediaType, content);
        em.persist(mail);
    }

    private OutboundMail compose(String recipient, String localeTag, String key, Object... arguments) {
        ResourceBundle bundle = bundle(localeTag);
        MessageFormat subject = new MessageFormat(bundle.getString(key + ".subject"), bundle.getLocale());
        MessageFormat body = new MessageFormat(bundle.getString(key + ".body"), bundle.getLocale());
        return new OutboundMail(recipient, subject.format(arguments), body.format(arguments), clock.instant(),
                newMessageId(), municipalityFor(recipient));
    }

    private OutboundMail composeFor(long municipality, String recipient, String localeTag, String key,
                                    Object... arguments) {
        Optional<MailKind> kind = MailKind.ofBundleKey(key);
        if (kind.isEmpty() || !readsDutch(localeTag)) {
            return compose(recipient, localeTag, key, arguments);
        }
        // Read by table name: the templates are kept by the template domain, which sits above this one.
        List<?> rows = em.createNativeQuery("SELECT v.id, v.number, v.subject, v.body FROM mail_template t"
                        + " JOIN mail_template_version v ON v.template_id = t.id AND v.number = t.current_number"
                        + " WHERE t.municipality_id = ?1 AND t.kind = ?2")
                .setParameter(1, municipality).setParameter(2, kind.get().name()).getResultList();
        if (rows.isEmpty()) {
            return compose(recipient, localeTag, key, arguments);
        }
        Object[] row = (Object[]) rows.get(0);
        Map<String, String> values = kind.get().values(arguments);
        String subject = TemplateText.substitute((String) row[2], values).strip();
        String body = TemplateText.substitute((String) row[3], values);
        OutboundMail mail = new OutboundMail(recipient, clip(subject.replaceAll("\\s+", " "), MailKind.MAX_SUBJECT),
                clip(body, MailKind.MAX_BODY), clock.instant(), newMessageId(), municipalityFor(recipient));
        mail.madeFrom(((Number) row[0]).longValue(), kind.get().dutchName() + " v" + ((Number) row[1]).intValue());
        return mail;
    }

    /** Dutch unless the recipient chose another language; the municipality's texts are Dutch. */
    static boolean readsDutch(String localeTag) {
        return localeTag == null || localeTag.isBlank() || "nl".equals(Locale.forLanguageTag(localeTag).getLanguage());
    }

    /** A filled value (a long question) can make a text longer than the column; the end is cut, never the mail. */
    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /**
     * Whose outbox screen shows the mail: the municipality the acting member of staff works in, else the one the
     * recipient works for (staff mail sent by a timer or at registration); none for an organiser's own mail that no
     * member of staff caused (registration), which only the installation administrator sees. Read by table name:
     * notification sits below identity.
     */
    Long municipalityFor(String recipient) {
        // No session context only outside a container (services wired by hand in unit tests): no caller then.
        Principal caller = session == null ? null : session.getCallerPrincipal();
        if (caller != null && caller.getName() != null && !"anonymous".equals(caller.getName())) {
            Long own = municipalityOfUser(caller.getName());
            if (own != null) {
                return own;
            }
        }
        return recipient == null ? null : municipalityOfUser(recipient);
    }

    private Long municipalityOfUser(String email) {
        List<?> rows = em.createNativeQuery("SELECT municipality_id FROM app_user WHERE email = ?1")
                .setParameter(1, email.strip().toLowerCase(Locale.ROOT)).setMaxResults(1).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : ((Number) rows.get(0)).longValue();
    }

    /** A Message-ID of its own per mail, fixed at queueing, so every copy of this mail carries the same one. */
    static String newMessageId() {
        String host = Settings.text(Settings.PUBLIC_URL).map(Outbox::hostOf).orElse("preventiefonds.local");
        return "<" + UUID.randomUUID() + ".outbox@" + host + ">";
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null || host.isBlank() ? "preventiefonds.local" : host;
        } catch (IllegalArgumentException notAUrl) {
            return "preventiefonds.local";
        }
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
