package nl.preventiefonds.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.RoleNames;

/** Reads the audit trail of the fund manager's own municipality page by page, newest first; only fund managers may. */
@Stateless
@RolesAllowed(RoleNames.FUND_MANAGER)
public class AuditLog {
    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    /**
     * The municipality the calling fund manager works for (read by name: audit sits below identity); none for an
     * account of no municipality, who then sees nothing.
     */
    Long ownMunicipality() {
        List<?> rows = em.createNativeQuery("SELECT municipality_id FROM app_user WHERE email = ?1 AND status = 'ACTIVE'")
                .setParameter(1, session.getCallerPrincipal().getName().trim().toLowerCase(java.util.Locale.ROOT))
                .setMaxResults(1).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : ((Number) rows.get(0)).longValue();
    }

    public List<AuditEntry> page(AuditFilter filter, int first, int pageSize) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> query = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> entry = query.from(AuditEntry.class);
        query.where(predicates(filter, ownMunicipality(), cb, entry)).orderBy(cb.desc(entry.get("occurredAt")), cb.desc(entry.get("id")));
        TypedQuery<AuditEntry> typed = em.createQuery(query);
        typed.setFirstResult(Math.max(0, first));
        typed.setMaxResults(Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE)));
        return typed.getResultList();
    }

    public long count(AuditFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<AuditEntry> entry = query.from(AuditEntry.class);
        query.select(cb.count(entry)).where(predicates(filter, ownMunicipality(), cb, entry));
        return em.createQuery(query).getSingleResult();
    }

    public List<String> subjectTypes() {
        return em.createQuery("SELECT DISTINCT a.subjectType FROM AuditEntry a WHERE a.municipalityId = :municipality"
                        + " ORDER BY a.subjectType", String.class)
                .setParameter("municipality", ownMunicipality()).getResultList();
    }

    private static Predicate[] predicates(AuditFilter filter, Long municipality, CriteriaBuilder cb,
                                          Root<AuditEntry> entry) {
        List<Predicate> where = new ArrayList<>();
        // Another municipality's lines do not exist for this fund manager; without a municipality, nobody's do.
        where.add(municipality == null ? cb.disjunction() : cb.equal(entry.get("municipalityId"), municipality));
        Function<String, String> like = text -> "%" + text.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
        if (hasText(filter.actor())) {
            where.add(cb.like(cb.lower(entry.get("actor")), like.apply(filter.actor()), '\\'));
        }
        if (hasText(filter.action())) {
            where.add(cb.like(cb.lower(entry.get("action")), like.apply(filter.action()), '\\'));
        }
        if (hasText(filter.subjectType())) {
            where.add(cb.equal(entry.get("subjectType"), filter.subjectType()));
        }
        if (hasText(filter.subjectId())) {
            where.add(cb.equal(entry.get("subjectId"), filter.subjectId().trim()));
        }
        if (filter.from() != null) {
            where.add(cb.greaterThanOrEqualTo(entry.get("occurredAt"),
                    filter.from().atStartOfDay(Amsterdam.ZONE).toInstant()));
        }
        if (filter.until() != null) {
            where.add(cb.lessThan(entry.get("occurredAt"),
                    filter.until().plusDays(1).atStartOfDay(Amsterdam.ZONE).toInstant()));
        }
        return where.toArray(Predicate[]::new);
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
