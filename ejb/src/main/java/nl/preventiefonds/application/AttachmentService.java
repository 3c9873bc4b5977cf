package nl.preventiefonds.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Attachments: checked by content and scanned for malware (when on, {@link UploadScan}) before they are stored,
 * stored in the database (never under the web root), and handed out only to those who may see the application.
 */
@Stateless
@RolesAllowed({RoleNames.ORGANISER, RoleNames.PARTNER, RoleNames.OFFICER, RoleNames.DECISION_MAKER,
        RoleNames.FUND_MANAGER})
public class AttachmentService {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private ApplicationQueries queries;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private UploadScan scan;

    /** Stores a file for the owner's editable application, or refuses it with the reason. */
    @RolesAllowed(RoleNames.ORGANISER)
    public Attachment upload(long applicationId, String originalFilename, byte[] content) {
        Application application = em.find(Application.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (application == null) {
            throw new ValidationFailedException("application.notFound");
        }
        Caller caller = access.requireOwner(application.getOwner().getId());
        if (!application.getStatus().isEditableByOwner()) {
            throw new ValidationFailedException("application.notEditable");
        }
        Instant now = clock.instant();
        if (application.getStatus() == ApplicationStatus.DRAFT && !application.getCall().isOpenAt(now)) {
            throw new ValidationFailedException("eligibility.callClosed");
        }
        // SUM comes back as Long or BigDecimal depending on the database; both are Numbers.
        Number storedSum = em.createQuery("SELECT SUM(t.sizeBytes) FROM Attachment t WHERE t.application.id = :id",
                        Number.class)
                .setParameter("id", applicationId).getSingleResult();
        long stored = storedSum == null ? 0 : storedSum.longValue();
        AttachmentPolicy.Verdict verdict = AttachmentPolicy.inspect(originalFilename, content, stored);
        if (!verdict.accepted()) {
            throw ValidationFailedException.of(verdict.messageKey(), megabytes(AttachmentPolicy.MAX_FILE_BYTES),
                    megabytes(AttachmentPolicy.MAX_APPLICATION_BYTES));
        }
        UploadScan.Outcome scanned = scan.screen(application, null, verdict, content, now, caller.email());
        Attachment attachment = new Attachment(application, verdict.safeFilename(), verdict.mediaType(),
                content.length, Hashes.sha256(content), now, caller.email());
        attachment.scanned(scanned);
        em.persist(attachment);
        em.flush();
        em.persist(new AttachmentContent(attachment.getId(), content));
        audit.record("ATTACHMENT_ADDED", ApplicationService.SUBJECT, applicationId, null,
                "attachment=" + attachment.getId() + ", name=" + attachment.getFilename() + ", type="
                        + attachment.getMediaType() + ", bytes=" + attachment.getSizeBytes() + ", sha256="
                        + attachment.getSha256() + ", scan=" + attachment.getScanStatus());
        return attachment;
    }

    @RolesAllowed(RoleNames.ORGANISER)
    public void delete(long attachmentId) {
        Attachment attachment = em.find(Attachment.class, attachmentId);
        if (attachment == null) {
            throw new ValidationFailedException("attachment.notFound");
        }
        Application application = attachment.getApplication();
        access.requireOwner(application.getOwner().getId());
        if (!application.getStatus().isEditableByOwner()) {
            throw new ValidationFailedException("application.notEditable");
        }
        AttachmentContent content = em.find(AttachmentContent.class, attachmentId);
        if (content != null) {
            em.remove(content);
        }
        em.remove(attachment);
        audit.record("ATTACHMENT_REMOVED", ApplicationService.SUBJECT, application.getId(),
                "attachment=" + attachmentId + ", name=" + attachment.getFilename(), null);
    }

    /** The file, for those who may see its application. */
    public Download download(long attachmentId) {
        Attachment attachment = em.find(Attachment.class, attachmentId);
        if (attachment == null) {
            throw new ValidationFailedException("attachment.notFound");
        }
        queries.visible(attachment.getApplication().getId(), "attachment.notFound");
        if (attachment.getReportRequestId() != null) {
            // A partner sees only the files of its own reports, not the organiser's or another partner's.
            Caller caller = access.caller();
            if (caller.is(Role.PARTNER)) {
                List<?> owner = em.createNativeQuery("SELECT partner_id FROM report_request WHERE id = ?")
                        .setParameter(1, attachment.getReportRequestId()).getResultList();
                Object partner = owner.isEmpty() ? null : owner.get(0);
                if (partner == null || caller.partnerId() == null
                        || ((Number) partner).longValue() != caller.partnerId()) {
                    throw new AccessDeniedException("not this partner's report file");
                }
            }
        }
        if (attachment.getThreadMessageId() != null && !access.caller().isStaff()) {
            // A file of an internal note is staff-only: to anyone else it does not exist. Read by table name:
            // the conversation domain sits above this one.
            List<?> kind = em.createNativeQuery("SELECT kind FROM thread_message WHERE id = ?")
                    .setParameter(1, attachment.getThreadMessageId()).getResultList();
            if (kind.isEmpty() || !"MESSAGE".equals(kind.get(0))) {
                throw new ValidationFailedException("attachment.notFound");
            }
        }
        AttachmentContent content = em.find(AttachmentContent.class, attachmentId);
        return new Download(attachment.getFilename(), attachment.getMediaType(), content.getContent());
    }

    public record Download(String filename, String mediaType, byte[] content) implements Serializable {
    }

    private static String megabytes(long bytes) {
        return String.valueOf(bytes / (1024 * 1024));
    }
}
