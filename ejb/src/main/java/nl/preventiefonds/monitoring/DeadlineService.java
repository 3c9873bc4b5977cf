package nl.preventiefonds.monitoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.payment.PaymentStatus;
import nl.preventiefonds.payment.ReclaimStatus;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.RoleNames;

/**
 * The officer's deadlines: what is overdue, what falls due within a week, and what waits for staff. Each list
 * is capped and says how many there are in all, so the page stays fast with a national portfolio.
 */
@Stateless
@RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER})
public class DeadlineService {
    static final int CAP = 50;
    static final int WEEK = 7;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private Clock clock;

    /** One thing with a date; kind is a bundle key suffix (deadline.kind.NAME). */
    public record Item(String kind, long applicationId, String reference, String title, LocalDate dueOn,
                       String who) implements Serializable {
    }

    /** A list capped at CAP, with the full count. */
    public record Section(List<Item> items, long total) implements Serializable {
    }

    public record Overview(LocalDate today, Section overdue, Section thisWeek, Section waiting)
            implements Serializable {
    }

    /** What waits for the caller's municipality: its applications, reports, payments and objections only. */
    public Overview overview() {
        long municipality = access.requireMunicipalStaff(Role.OFFICER, Role.DECISION_MAKER).municipalityId();
        LocalDate today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
        LocalDate yesterday = today.minusDays(1);
        LocalDate weekEnd = today.plusDays(WEEK);
        LocalDate farPast = LocalDate.of(1900, 1, 1);
        return new Overview(today, dated(municipality, farPast, yesterday), dated(municipality, today, weekEnd),
                waiting(municipality));
    }

    /** Everything with a due date within [from, to]. */
    private Section dated(long municipality, LocalDate from, LocalDate to) {
        List<Item> items = new ArrayList<>();
        long total = 0;
        total += collect(municipality, items, "REPORT", em.createQuery("SELECT r.application.id, r.application.reference,"
                        + " r.application.title, r.dueOn, p.name FROM ReportRequest r LEFT JOIN r.partner p"
                        + " WHERE r.application.municipalityId = :municipality AND r.status IN :open AND r.dueOn BETWEEN :from AND :to ORDER BY r.dueOn", Object[].class)
                .setParameter("open", List.of(ReportRequestStatus.OPEN, ReportRequestStatus.MORE_REQUESTED))
                .setParameter("from", from).setParameter("to", to), em.createQuery("SELECT COUNT(r) FROM ReportRequest r"
                        + " WHERE r.application.municipalityId = :municipality AND r.status IN :open AND r.dueOn BETWEEN :from AND :to", Long.class)
                .setParameter("open", List.of(ReportRequestStatus.OPEN, ReportRequestStatus.MORE_REQUESTED))
                .setParameter("from", from).setParameter("to", to));
        List<ApplicationStatus> undecided = List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_ASSESSMENT);
        total += collect(municipality, items, "DECISION", em.createQuery("SELECT a.id, a.reference, a.title, a.decisionDueOn"
                        + " FROM Application a WHERE a.municipalityId = :municipality AND a.status IN :undecided AND a.decisionDueOn BETWEEN :from AND :to"
                        + " ORDER BY a.decisionDueOn", Object[].class)
                .setParameter("undecided", undecided).setParameter("from", from).setParameter("to", to),
                em.createQuery("SELECT COUNT(a) FROM Application a WHERE a.municipalityId = :municipality AND a.status IN :undecided"
                                + " AND a.decisionDueOn BETWEEN :from AND :to", Long.class)
                        .setParameter("undecided", undecided).setParameter("from", from).setParameter("to", to));
        total += collect(municipality, items, "INFORMATION", em.createQuery("SELECT r.application.id, r.application.reference,"
                        + " r.application.title, r.answerDeadline FROM InformationRequest r WHERE r.application.municipalityId = :municipality AND r.answeredAt IS NULL"
                        + " AND r.application.status = :requested AND r.answerDeadline BETWEEN :from AND :to"
                        + " ORDER BY r.answerDeadline", Object[].class)
                .setParameter("requested", ApplicationStatus.INFORMATION_REQUESTED).setParameter("from", from)
                .setParameter("to", to), em.createQuery("SELECT COUNT(r) FROM InformationRequest r"
                        + " WHERE r.application.municipalityId = :municipality AND r.answeredAt IS NULL AND r.application.status = :requested"
                        + " AND r.answerDeadline BETWEEN :from AND :to", Long.class)
                .setParameter("requested", ApplicationStatus.INFORMATION_REQUESTED).setParameter("from", from)
                .setParameter("to", to));
        total += collect(municipality, items, "PAYMENT", em.createQuery("SELECT p.application.id, p.application.reference,"
                        + " p.application.title, p.dueOn, p.label FROM PaymentInstruction p WHERE p.application.municipalityId = :municipality AND p.status = :due"
                        + " AND p.dueOn BETWEEN :from AND :to ORDER BY p.dueOn", Object[].class)
                .setParameter("due", PaymentStatus.DUE).setParameter("from", from).setParameter("to", to),
                em.createQuery("SELECT COUNT(p) FROM PaymentInstruction p WHERE p.application.municipalityId = :municipality AND p.status = :due"
                                + " AND p.dueOn BETWEEN :from AND :to", Long.class)
                        .setParameter("due", PaymentStatus.DUE).setParameter("from", from).setParameter("to", to));
        total += collect(municipality, items, "RECLAIM", em.createQuery("SELECT r.application.id, r.application.reference,"
                        + " r.application.title, r.dueOn, r.debtorName FROM Reclaim r WHERE r.application.municipalityId = :municipality AND r.status = :open"
                        + " AND r.dueOn BETWEEN :from AND :to ORDER BY r.dueOn", Object[].class)
                .setParameter("open", ReclaimStatus.OPEN).setParameter("from", from).setParameter("to", to),
                em.createQuery("SELECT COUNT(r) FROM Reclaim r WHERE r.application.municipalityId = :municipality AND r.status = :open"
                                + " AND r.dueOn BETWEEN :from AND :to", Long.class)
                        .setParameter("open", ReclaimStatus.OPEN).setParameter("from", from).setParameter("to", to));
        total += collect(municipality, items, "OBJECTION", em.createQuery("SELECT o.decision.application.id,"
                        + " o.decision.application.reference, o.decision.application.title, o.decideBy, o.lodgedBy"
                        + " FROM Objection o WHERE o.decision.application.municipalityId = :municipality AND o.outcome IS NULL AND o.decideBy BETWEEN :from AND :to"
                        + " ORDER BY o.decideBy", Object[].class).setParameter("from", from).setParameter("to", to),
                em.createQuery("SELECT COUNT(o) FROM Objection o WHERE o.decision.application.municipalityId = :municipality AND o.outcome IS NULL"
                        + " AND o.decideBy BETWEEN :from AND :to", Long.class)
                        .setParameter("from", from).setParameter("to", to));
        // Objections against a determination have the same decide-by term (Awb 7:10); named in JPQL only, so
        // monitoring keeps no dependency on the determination domain.
        total += collect(municipality, items, "DETERMINATION_OBJECTION", em.createQuery("SELECT o.application.id,"
                        + " o.application.reference, o.application.title, o.decideBy, o.lodgedBy"
                        + " FROM DeterminationObjection o WHERE o.application.municipalityId = :municipality AND o.outcome IS NULL AND o.decideBy BETWEEN :from AND :to"
                        + " ORDER BY o.decideBy", Object[].class).setParameter("from", from).setParameter("to", to),
                em.createQuery("SELECT COUNT(o) FROM DeterminationObjection o WHERE o.application.municipalityId = :municipality AND o.outcome IS NULL"
                        + " AND o.decideBy BETWEEN :from AND :to", Long.class)
                        .setParameter("from", from).setParameter("to", to));
        items.sort(Comparator.comparing(Item::dueOn).thenComparing(Item::reference));
        return new Section(items.size() > CAP ? List.copyOf(items.subList(0, CAP)) : items, total);
    }

    /** What waits for staff regardless of a date: reports to review, grants ready to determine, intake. */
    private Section waiting(long municipality) {
        List<Item> items = new ArrayList<>();
        long total = 0;
        total += collect(municipality, items, "REVIEW_REPORT", em.createQuery("SELECT r.application.id, r.application.reference,"
                        + " r.application.title, r.dueOn, p.name FROM ReportRequest r LEFT JOIN r.partner p"
                        + " WHERE r.application.municipalityId = :municipality AND r.status = :submitted ORDER BY r.dueOn", Object[].class)
                .setParameter("submitted", ReportRequestStatus.SUBMITTED), em.createQuery("SELECT COUNT(r)"
                        + " FROM ReportRequest r WHERE r.application.municipalityId = :municipality AND r.status = :submitted", Long.class)
                .setParameter("submitted", ReportRequestStatus.SUBMITTED));
        List<ApplicationStatus> running = List.of(ApplicationStatus.AWARDED, ApplicationStatus.PARTIALLY_AWARDED);
        total += collect(municipality, items, "DETERMINE", em.createQuery("SELECT r.application.id, r.application.reference,"
                        + " r.application.title, r.dueOn FROM ReportRequest r WHERE r.application.municipalityId = :municipality AND r.partner IS NULL"
                        + " AND r.purpose = :final AND r.status = :accepted AND r.application.status IN :running"
                        + " ORDER BY r.dueOn", Object[].class)
                .setParameter("final", ReportPurpose.FINAL).setParameter("accepted", ReportRequestStatus.ACCEPTED)
                .setParameter("running", running), em.createQuery("SELECT COUNT(r) FROM ReportRequest r"
                        + " WHERE r.application.municipalityId = :municipality AND r.partner IS NULL AND r.purpose = :final AND r.status = :accepted"
                        + " AND r.application.status IN :running", Long.class)
                .setParameter("final", ReportPurpose.FINAL).setParameter("accepted", ReportRequestStatus.ACCEPTED)
                .setParameter("running", running));
        total += collect(municipality, items, "INTAKE", em.createQuery("SELECT a.id, a.reference, a.title, a.decisionDueOn"
                        + " FROM Application a WHERE a.municipalityId = :municipality AND a.status = :submitted ORDER BY a.decisionDueOn", Object[].class)
                .setParameter("submitted", ApplicationStatus.SUBMITTED), em.createQuery("SELECT COUNT(a)"
                        + " FROM Application a WHERE a.municipalityId = :municipality AND a.status = :submitted", Long.class)
                .setParameter("submitted", ApplicationStatus.SUBMITTED));
        items.sort(Comparator.comparing((Item i) -> i.dueOn() == null ? LocalDate.MAX : i.dueOn())
                .thenComparing(Item::reference));
        return new Section(items.size() > CAP ? List.copyOf(items.subList(0, CAP)) : items, total);
    }

    private static long collect(long municipality, List<Item> items, String kind,
                                jakarta.persistence.TypedQuery<Object[]> rows, jakarta.persistence.TypedQuery<Long> count) {
        rows.setParameter("municipality", municipality);
        count.setParameter("municipality", municipality);
        for (Object[] row : rows.setMaxResults(CAP).getResultList()) {
            items.add(new Item(kind, ((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                    (LocalDate) row[3], row.length > 4 ? (String) row[4] : null));
        }
        return count.getSingleResult();
    }
}
