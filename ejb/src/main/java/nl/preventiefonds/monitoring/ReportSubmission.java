package nl.preventiefonds.monitoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.Attachment;
import nl.preventiefonds.application.AttachmentStore;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/** The reporter files a report on the page or through the API, and adds files to it. Only the request's reporter. */
@Stateless
@RolesAllowed({RoleNames.ORGANISER, RoleNames.PARTNER})
public class ReportSubmission {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private AttachmentStore attachments;

    @Inject
    private ReportAccess reportAccess;

    @Inject
    private ReportFiling filing;

    @Inject
    private Clock clock;

    @RolesAllowed({RoleNames.ORGANISER, RoleNames.PARTNER})
    public long submit(long requestId, ReportForm form) {
        ReportRequest request = reportAccess.lockedRequest(requestId);
        Caller caller = reportAccess.requireReporter(request);
        return filing.store(request, form, caller, false).getId();
    }

    /** Adds a file (e.g. the accountant's statement) to an outstanding request. */
    @RolesAllowed({RoleNames.ORGANISER, RoleNames.PARTNER})
    public Attachment addAttachment(long requestId, String filename, byte[] content) {
        ReportRequest request = reportAccess.visibleRequest(requestId);
        Caller caller = reportAccess.requireReporter(request);
        if (!request.getStatus().isOutstanding()) {
            throw new ValidationFailedException("report.notOutstanding");
        }
        Application application = em.find(Application.class, request.getApplication().getId(),
                LockModeType.PESSIMISTIC_WRITE);
        Attachment attachment = attachments.storeForReportRequest(application, requestId, filename, content,
                clock.instant(), caller.email());
        audit.record("REPORT_ATTACHMENT_ADDED", ReportFiling.SUBJECT, application.getId(), null, "request=" + requestId
                + ", attachment=" + attachment.getId() + ", name=" + attachment.getFilename() + ", sha256="
                + attachment.getSha256());
        return attachment;
    }
}
