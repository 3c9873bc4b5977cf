package nl.preventiefonds.audit;

import jakarta.annotation.security.RolesAllowed;
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

/** Reads the audit trail page by page, newest first; only fund managers may. */
@Stateless
@RolesAllowed(RoleNames.FUND_MANAGER)
public class AuditLog {
    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext
    private EntityManager em;

    public List<AuditEntry> page(AuditFilter filter, int first, int pageSize) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> query = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> entry = query.from(AuditEntry.class);
        query.where(predicates(filter, cb, entry)).orderBy(cb.desc(entry.get("occurredAt")), cb.desc(entry.get("id")));
        TypedQuery<AuditEntry> typed = em.createQuery(query);
        typed.setFirstResult(Math.max(0, first));
        typed.setMaxResults(Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE)));
        return typed.getResultList();
    }

    public long count(AuditFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<AuditEntry> entry = query.from(AuditEntry.class);
        query.select(cb.count(entry)).where(predicates(filter, cb, entry));
        return em.createQuery(query).getSingleResult();
    }

    public List<String> subjectTypes() {
        return em.createQuery("SELECT DISTINCT a.subjectType FROM AuditEntry a ORDER BY a.subjectType", String.class)
                .getResultList();
    }

    private static Predicate[] predicates(AuditFilter filter, CriteriaBuilder cb, Root<AuditEntry> entry) {
        List<Predicate> where = new ArrayList<>();
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
