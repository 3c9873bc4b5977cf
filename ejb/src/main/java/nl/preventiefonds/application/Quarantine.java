package nl.preventiefonds.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.RoleNames;

/**
 * Files the malware scanner flagged. They are kept, with their audit line, in a transaction of their own: the upload
 * itself is refused and rolled back, the evidence is not. Only the administrators list them; nobody downloads them.
 */
@Stateless
public class Quarantine {
    public static final String SUBJECT = "QuarantinedFile";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private AccessPolicy access;

    /** Keeps the flagged file and audits it; commits whatever the caller's transaction does next. */
    @RolesAllowed({RoleNames.ORGANISER, RoleNames.PARTNER})
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long keep(long applicationId, long municipalityId, Long reportRequestId, String filename, String mediaType,
                     byte[] content, String signature, Instant now, String uploadedBy) {
        QuarantinedFile file = new QuarantinedFile(applicationId, municipalityId, reportRequestId, filename,
                mediaType, content, signature, now, uploadedBy);
        em.persist(file);
        em.flush();
        audit.recordIn(municipalityId, "ATTACHMENT_QUARANTINED", ApplicationService.SUBJECT, applicationId, null,
                "quarantined=" + file.getId() + ", name=" + file.getFilename() + ", bytes=" + file.getSizeBytes()
                        + ", sha256=" + file.getSha256() + ", signature=" + file.getSignature()
                        + (reportRequestId == null ? "" : ", request=" + reportRequestId));
        return file.getId();
    }

    /**
     * The quarantined files an administrator may see: all of them for the installation administrator, those of the
     * own municipality for a fund manager (the municipality's administrator). Newest first.
     */
    @RolesAllowed({RoleNames.INSTALLATION_ADMIN, RoleNames.FUND_MANAGER})
    public List<QuarantineEntry> list() {
        Caller caller = access.requireAnyRole(Role.INSTALLATION_ADMIN, Role.FUND_MANAGER);
        // The facts only: the bytes (up to 10 MiB each) are never read for a list, nor served at all.
        String select = "SELECT NEW nl.preventiefonds.application.QuarantineEntry(q.id, q.applicationId,"
                + " q.reportRequestId, q.filename, q.mediaType, q.sizeBytes, q.sha256, q.signature, q.uploadedAt,"
                + " q.uploadedBy) FROM QuarantinedFile q";
        String newestFirst = " ORDER BY q.uploadedAt DESC, q.id DESC";
        if (caller.is(Role.INSTALLATION_ADMIN)) {
            return em.createQuery(select + newestFirst, QuarantineEntry.class).setMaxResults(500).getResultList();
        }
        Caller staff = access.requireMunicipalStaff(Role.FUND_MANAGER);
        return em.createQuery(select + " WHERE q.municipalityId = :m" + newestFirst, QuarantineEntry.class)
                .setParameter("m", staff.municipalityId()).setMaxResults(500).getResultList();
    }
}
