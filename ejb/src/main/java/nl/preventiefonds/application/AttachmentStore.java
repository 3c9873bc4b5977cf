package nl.preventiefonds.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Stores a file for a report under the same type and size policy and the same malware scan as application
 * attachments. The caller has
 * checked who may add it; the application's row is locked by the caller so the size total cannot race.
 */
@Dependent
public class AttachmentStore {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private UploadScan scan;

    public Attachment storeForReportRequest(Application application, long requestId, String originalFilename,
                                            byte[] content, Instant now, String uploadedBy) {
        Attachment attachment = checked(application, requestId, originalFilename, content, now, uploadedBy);
        attachment.belongToReportRequest(requestId);
        return stored(attachment, content);
    }

    /** A file of a message in the application's conversation, under the same policy and the same size total. */
    public Attachment storeForThreadMessage(Application application, long messageId, String originalFilename,
                                           byte[] content, Instant now, String uploadedBy) {
        Attachment attachment = checked(application, null, originalFilename, content, now, uploadedBy);
        attachment.belongToThreadMessage(messageId);
        return stored(attachment, content);
    }

    /** The policy's checks, then the malware scan (which may quarantine the file and refuse it). */
    private Attachment checked(Application application, Long reportRequestId, String originalFilename, byte[] content,
                               Instant now, String uploadedBy) {
        Number storedSum = em.createQuery("SELECT SUM(t.sizeBytes) FROM Attachment t WHERE t.application.id = :id",
                        Number.class)
                .setParameter("id", application.getId()).getSingleResult();
        long stored = storedSum == null ? 0 : storedSum.longValue();
        AttachmentPolicy.Verdict verdict = AttachmentPolicy.inspect(originalFilename, content, stored);
        if (!verdict.accepted()) {
            throw ValidationFailedException.of(verdict.messageKey(),
                    String.valueOf(AttachmentPolicy.MAX_FILE_BYTES / (1024 * 1024)),
                    String.valueOf(AttachmentPolicy.MAX_APPLICATION_BYTES / (1024 * 1024)));
        }
        UploadScan.Outcome scanned = scan.screen(application, reportRequestId, verdict, content, now, uploadedBy);
        Attachment attachment = new Attachment(application, verdict.safeFilename(), verdict.mediaType(),
                content.length, Hashes.sha256(content), now, uploadedBy);
        attachment.scanned(scanned);
        return attachment;
    }

    private Attachment stored(Attachment attachment, byte[] content) {
        em.persist(attachment);
        em.flush();
        em.persist(new AttachmentContent(attachment.getId(), content));
        return attachment;
    }
}
