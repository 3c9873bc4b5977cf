package nl.preventiefonds.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import nl.preventiefonds.call.CallFetch;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.AccessRules;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.DataVersion;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Reading applications, for every role, per object: organisers their own (in every municipality), partners those
 * that name them, staff those of the municipality they work for. Another municipality's application is answered
 * to staff as one that does not exist. Lists page in the database.
 */
@Stateless
@RolesAllowed({RoleNames.ORGANISER, RoleNames.PARTNER, RoleNames.OFFICER, RoleNames.DECISION_MAKER,
        RoleNames.FUND_MANAGER})
public class ApplicationQueries {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private StaffListCounts counts;

    @Inject
    private Clock clock;

    @Inject
    private Representation representation;

    @Inject
    private DeMinimisAwards deMinimis;

    /** An application with everything the detail page shows, loaded before it leaves the transaction. */
    public Application view(long applicationId) {
        return loaded(visible(applicationId));
    }

    private static Application loaded(Application application) {
        // Touch the lazy collections so the page can read them after the transaction.
        application.getNeighbourhoods();
        application.getThemes();
        application.getTargetGroups();
        application.getCareDomains();
        application.getPartners();
        application.getActivities();
        application.getBudgetLines();
        application.getCall().loadRules();
        return application;
    }

    /**
     * What the application page shows of the application itself: the application, its files, requests and letters,
     * and to staff the de-minimis figures of an undertaking (null otherwise).
     */
    public record Page(Application application, List<Attachment> attachments, List<InformationRequest> requests,
                       List<DocumentInfo> documents, DeMinimisBreakdown deMinimis) implements Serializable {
    }

    /** {@link Page} in one call, as the caller may see it: who may see the application is checked once. */
    public Page page(long applicationId) {
        Application application = loaded(visible(applicationId));
        return new Page(application, attachmentsOf(applicationId), requestsOf(applicationId),
                documentsOf(applicationId), breakdownFor(application));
    }

    /** The application if the caller may see it; nothing else is loaded (for lists and files). */
    public Application visible(long applicationId) {
        return visible(applicationId, "application.notFound");
    }

    /**
     * The application if the caller may see it, for something hanging off it: a missing application, and to staff
     * another municipality's, are answered with {@code notFoundKey} (the attachment's, the decision's...).
     */
    public Application visible(long applicationId, String notFoundKey) {
        Application application = em.find(Application.class, applicationId);
        if (application == null) {
            throw new ValidationFailedException(notFoundKey);
        }
        requireMayView(application, notFoundKey);
        return application;
    }

    public List<Attachment> attachments(long applicationId) {
        visible(applicationId);
        return attachmentsOf(applicationId);
    }

    private List<Attachment> attachmentsOf(long applicationId) {
        return em.createQuery("SELECT t FROM Attachment t WHERE t.application.id = :id"
                        + " AND t.reportRequestId IS NULL AND t.threadMessageId IS NULL ORDER BY t.id",
                Attachment.class).setParameter("id", applicationId).getResultList();
    }

    public List<InformationRequest> informationRequests(long applicationId) {
        visible(applicationId);
        return requestsOf(applicationId);
    }

    private List<InformationRequest> requestsOf(long applicationId) {
        return em.createQuery("SELECT r FROM InformationRequest r WHERE r.application.id = :id ORDER BY r.id",
                InformationRequest.class).setParameter("id", applicationId).getResultList();
    }

    /** Issued documents without their bytes. */
    public List<DocumentInfo> documents(long applicationId) {
        visible(applicationId);
        return documentsOf(applicationId);
    }

    private List<DocumentInfo> documentsOf(long applicationId) {
        if (access.caller().is(Role.PARTNER)) {
            return List.of(); // letters to the organiser: see document()
        }
        return em.createQuery("SELECT NEW nl.preventiefonds.application.DocumentInfo("
                        + "d.id, d.kind, d.filename, d.createdAt, d.sha256) FROM IssuedDocument d"
                        + " WHERE d.application.id = :id ORDER BY d.id", DocumentInfo.class)
                .setParameter("id", applicationId).getResultList();
    }

    public IssuedDocument document(long documentId) {
        IssuedDocument document = em.find(IssuedDocument.class, documentId);
        if (document == null) {
            throw new ValidationFailedException("document.notFound");
        }
        requireMayView(document.getApplication(), "document.notFound");
        if (access.caller().is(Role.PARTNER)) {
            // Receipts and decision letters are addressed to the organiser: its contact person's name, its IBAN.
            // A partner needs neither, and sees what it needs of the application on the page.
            throw new AccessDeniedException("letters are the organiser's");
        }
        return document;
    }

    /** Filter for the staff list; null fields do not filter. */
    public record Filter(ApplicationStatus status, Long callId, String text) implements Serializable {
    }

    /** Staff: submitted applications (drafts are the organiser's own business), paged, as list rows. */
    public List<ApplicationRow> page(Filter filter, int first, int size) {
        long municipality = staffMunicipality();
        // A projection on the application's own columns (the call by its key): MariaDB reads applications in index
        // order and stops at the page, and no entity is built or kept for a list line.
        TypedQuery<ApplicationRow> query = em.createQuery(ApplicationRow.SELECT
                + " FROM Application a LEFT JOIN a.call c" + staffWhere(filter)
                + " ORDER BY a.submittedAt DESC, a.id DESC", ApplicationRow.class);
        bind(query, filter, municipality);
        return query.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(size, 1), 200))
                .getResultList();
    }

    public long count(Filter filter) {
        long municipality = staffMunicipality();
        // Status changes and new applications are audited; a new application row changes the version too.
        return counts.get(municipality, filter, DataVersion.of(em, "application"), clock.instant(), () -> {
            TypedQuery<Long> query = em.createQuery("SELECT COUNT(a) FROM Application a" + staffWhere(filter),
                    Long.class);
            bind(query, filter, municipality);
            return query.getSingleResult();
        });
    }

    private static String staffWhere(Filter filter) {
        StringBuilder where = new StringBuilder(" WHERE a.municipalityId = :municipality AND a.status <> :draft");
        if (filter.status() != null) {
            where.append(" AND a.status = :status");
        }
        if (filter.callId() != null) {
            where.append(" AND a.call.id = :callId");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" AND (LOWER(a.reference) LIKE :text ESCAPE '!' OR LOWER(a.title) LIKE :text ESCAPE '!'"
                    + " OR LOWER(a.organisationName) LIKE :text ESCAPE '!')");
        }
        return where.toString();
    }

    /** The municipality the calling member of staff works for: the only one whose applications they list. */
    private long staffMunicipality() {
        return access.requireMunicipalStaff(Role.OFFICER, Role.DECISION_MAKER, Role.FUND_MANAGER).municipalityId();
    }

    private static void bind(TypedQuery<?> query, Filter filter, long municipality) {
        query.setParameter("municipality", municipality);
        query.setParameter("draft", ApplicationStatus.DRAFT);
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (filter.callId() != null) {
            query.setParameter("callId", filter.callId());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String escaped = filter.text().strip().toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_");
            query.setParameter("text", "%" + escaped + "%");
        }
    }

    /** Partners: submitted applications that name the caller's organisation. */
    public List<Application> forMyPartner() {
        Caller caller = access.requireAnyRole(Role.PARTNER);
        if (caller.partnerId() == null) {
            return List.of();
        }
        return CallFetch.withCall(em.createQuery("SELECT DISTINCT a FROM Application a JOIN a.partners p"
                        + " WHERE p.id = :partner AND a.status <> :draft ORDER BY a.submittedAt DESC",
                        Application.class), "a.call")
                .setParameter("partner", caller.partnerId()).setParameter("draft", ApplicationStatus.DRAFT)
                .setMaxResults(500).getResultList();
    }

    /**
     * The de-minimis figures of an application as the check computes them today, for the municipality's staff; null
     * when the rules do not apply (no undertaking).
     */
    public DeMinimisBreakdown deMinimisBreakdown(long applicationId) {
        return breakdownFor(visible(applicationId));
    }

    private DeMinimisBreakdown breakdownFor(Application application) {
        if (!access.caller().isStaff() || !EligibilityCheck.isUndertaking(application)) {
            return null;
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(nl.preventiefonds.platform.Amsterdam.ZONE));
        java.math.BigDecimal awardedHere = OrganisationIdentifiers.isValidKvk(application.getKvkNumber())
                ? deMinimis.awarded(application.getKvkNumber(), application.getMunicipalityId(),
                        DeMinimisWindow.endingOn(today), application.getId())
                : nl.preventiefonds.platform.Money.ZERO.amount();
        return EligibilityCheck.breakdown(application, awardedHere, today);
    }

    private void requireMayView(Application application, String notFoundKey) {
        Caller caller = access.caller();
        AccessPolicy.requireOwnMunicipality(caller, application.getMunicipalityId(), notFoundKey);
        // Partners and staff never see drafts: until submission an application is the organiser's own.
        boolean draftOfSomeoneElse = application.getStatus() == ApplicationStatus.DRAFT && !caller.is(Role.ORGANISER);
        Long owner = application.getOwner().getId();
        // Asked only of an organiser who is not the author: the registry shares the organisation's applications.
        boolean represents = caller.is(Role.ORGANISER) && caller.userId() != null && !caller.userId().equals(owner)
                && application.getKvkNumber() != null
                && representation.actsFor(caller.userId(), application.getKvkNumber());
        if (draftOfSomeoneElse || !AccessRules.mayView(caller, owner, represents,
                application.partnerIds(), application.getMunicipalityId())) {
            throw new AccessDeniedException("not allowed to view this application");
        }
    }
}
