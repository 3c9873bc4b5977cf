package nl.preventiefonds.notification;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.ConflictException;
import nl.preventiefonds.platform.RoleNames;

/**
 * Mail that needs an administrator's eye: given up (failed), or not delivered and retrying. The installation
 * administrator sees every municipality's; a fund manager only their own municipality's. No bodies: recipient,
 * subject, attempts and the last error are what it takes to judge and resend.
 */
@Stateless
@RolesAllowed({RoleNames.FUND_MANAGER, RoleNames.INSTALLATION_ADMIN})
public class OutboxAdministration {
    /** Mail not yet tried this long after it became due counts as stuck too (the worker is not running). */
    static final Duration OVERDUE = Duration.ofMinutes(5);
    public static final int MAX_LINES = 500;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    @Inject
    private AuditTrail audit;

    /** One line of the screen (a class with getters, not a record: the pages' EL reads bean properties). */
    public static final class MailLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String recipient;
        private final String subject;
        private final MailState state;
        private final int attempts;
        private final Instant createdAt;
        private final Instant lastAttemptAt;
        private final Instant nextAttemptAt;
        private final Instant failedAt;
        private final String lastError;
        private final String municipality;

        MailLine(OutboundMail mail, String municipality) {
            this.id = mail.getId();
            this.recipient = mail.getRecipient();
            this.subject = mail.getSubject();
            this.state = mail.getState();
            this.attempts = mail.getAttempts();
            this.createdAt = mail.getCreatedAt();
            this.lastAttemptAt = mail.getLastAttemptAt();
            this.nextAttemptAt = mail.getNextAttemptAt();
            this.failedAt = mail.getFailedAt();
            this.lastError = mail.getLastError();
            this.municipality = municipality;
        }

        public long getId() {
            return id;
        }

        public String getRecipient() {
            return recipient;
        }

        public String getSubject() {
            return subject;
        }

        public MailState getState() {
            return state;
        }

        public int getAttempts() {
            return attempts;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }

        public Instant getLastAttemptAt() {
            return lastAttemptAt;
        }

        public Instant getNextAttemptAt() {
            return nextAttemptAt;
        }

        public Instant getFailedAt() {
            return failedAt;
        }

        public String getLastError() {
            return lastError;
        }

        public String getMunicipality() {
            return municipality;
        }
    }

    /** Failed and stuck mail the caller may see, failed first, then oldest first; at most MAX_LINES. */
    public List<MailLine> troubled() {
        boolean everything = session.isCallerInRole(RoleNames.INSTALLATION_ADMIN);
        Long own = everything ? null : ownMunicipality();
        if (!everything && own == null) {
            return List.of();
        }
        TypedQuery<OutboundMail> query = em.createQuery("SELECT m FROM OutboundMail m WHERE m.sentAt IS NULL"
                + " AND (m.failedAt IS NOT NULL OR m.attempts > 0 OR m.nextAttemptAt < :overdue)"
                + (everything ? "" : " AND m.municipalityId = :municipality")
                + " ORDER BY m.failedAt DESC, m.createdAt, m.id", OutboundMail.class)
                .setParameter("overdue", clock.instant().minus(OVERDUE)).setMaxResults(MAX_LINES);
        if (!everything) {
            query.setParameter("municipality", own);
        }
        List<OutboundMail> mails = query.getResultList();
        Map<Long, String> names = municipalityNames();
        return mails.stream().map(m -> new MailLine(m, m.getMunicipalityId() == null ? null
                : names.get(m.getMunicipalityId()))).toList();
    }

    /**
     * Sends the mail again: due now, with a new 72-hour window; audited on the municipality's trail. Refused for mail
     * of another municipality and for mail that was sent.
     */
    public void resend(long id) {
        OutboundMail mail = em.find(OutboundMail.class, id, LockModeType.PESSIMISTIC_WRITE);
        boolean everything = session.isCallerInRole(RoleNames.INSTALLATION_ADMIN);
        if (mail == null || !everything && (mail.getMunicipalityId() == null
                || !mail.getMunicipalityId().equals(ownMunicipality()))) {
            throw new AccessDeniedException("mail " + id);
        }
        if (mail.getSentAt() != null) {
            throw new ConflictException("mail.alreadySent");
        }
        String before = mail.getState() + ", " + mail.getAttempts() + " attempts, last error: " + mail.getLastError();
        mail.resend(clock.instant());
        audit.recordIn(mail.getMunicipalityId(), "MAIL_RESENT", "OutboundMail", mail.getId(), before,
                mail.getState() + ", next attempt " + mail.getNextAttemptAt());
    }

    private Map<Long, String> municipalityNames() {
        Map<Long, String> names = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT id, name FROM municipality").getResultList()) {
            Object[] cells = (Object[]) row;
            names.put(((Number) cells[0]).longValue(), (String) cells[1]);
        }
        return names;
    }

    /** The municipality the calling fund manager works in now (by table name: notification sits below identity). */
    private Long ownMunicipality() {
        List<?> rows = em.createNativeQuery("SELECT municipality_id FROM app_user WHERE email = ?1 AND status = 'ACTIVE'")
                .setParameter(1, session.getCallerPrincipal().getName().trim().toLowerCase(Locale.ROOT))
                .setMaxResults(1).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : ((Number) rows.get(0)).longValue();
    }
}
