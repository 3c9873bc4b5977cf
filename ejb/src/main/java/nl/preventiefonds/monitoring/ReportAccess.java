package nl.preventiefonds.monitoring;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Who may see and who may file a report request, shared by the report services. A plain CDI bean, not an EJB:
 * its refusals reach the calling service as they are, inside the caller's transaction.
 */
@Dependent
public class ReportAccess {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private ApplicationQueries queries;

    /** A request the caller may see; anything else is "not found", to reveal nothing. */
    public ReportRequest visibleRequest(long requestId) {
        ReportRequest request = em.find(ReportRequest.class, requestId);
        if (request == null) {
            throw new ValidationFailedException("reportRequest.notFound");
        }
        Caller caller = access.caller();
        if (caller.is(Role.PARTNER)) {
            if (request.getPartner() == null || !request.getPartner().getId().equals(caller.partnerId())) {
                throw new AccessDeniedException("not this partner's request");
            }
        } else {
            queries.visible(request.getApplication().getId(), "reportRequest.notFound");
        }
        return request;
    }

    /** The reporter of this request: its organiser, or a user of its partner. Others get "not found". */
    public Caller requireReporter(ReportRequest request) {
        Caller caller = access.requireAnyRole(Role.ORGANISER, Role.PARTNER);
        if (request.getPartner() == null) {
            return access.requireOwner(request.getApplication().getOwner().getId());
        }
        if (!caller.is(Role.PARTNER) || !request.getPartner().getId().equals(caller.partnerId())) {
            throw new AccessDeniedException("not this partner's request");
        }
        return caller;
    }

    /** The request, locked for this transaction and read afresh, so two submissions or reviews cannot race. */
    public ReportRequest lockedRequest(long requestId) {
        ReportRequest request = em.find(ReportRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw new ValidationFailedException("reportRequest.notFound");
        }
        em.refresh(request);
        return request;
    }
}
