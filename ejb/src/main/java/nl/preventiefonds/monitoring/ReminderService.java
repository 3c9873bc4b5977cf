package nl.preventiefonds.monitoring;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.call.CallFetch;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.ClusterLease;
import nl.preventiefonds.platform.RoleNames;

/**
 * Reminds reporters of their reports: two weeks before the due date, the day after it and four weeks after it.
 * Runs every morning; a singleton, so two runs on one node never send the same reminder twice, and on a cluster
 * only the node that takes the lease runs it. The reminder itself is kept,
 * which is what the dashboards show in the application ("herinnerd op ...").
 */
@Singleton
public class ReminderService {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private AuditTrail audit;

    @Inject
    private Outbox outbox;

    @Inject
    private ReportQueries reports;

    @Inject
    private Reporters reporters;

    @Inject
    private Clock clock;

    public record Run(LocalDate on, int remindersSent, int mailsQueued) implements Serializable {
    }

    @Inject
    private ClusterLease lease;

    @Schedule(hour = "7", minute = "0", persistent = false)
    @PermitAll
    public void daily() {
        // Every node of a cluster fires at 07:00; the lease lets one of them send (the others would find the same
        // reminders not yet sent, as they run at the same moment).
        if (lease.acquire(ClusterLease.REPORT_REMINDERS, java.time.Duration.ofHours(1))) {
            sendDue(AuditTrail.SYSTEM, null); // every municipality's requests, each reminder to its own reporters
        }
    }

    /**
     * Staff may start the run by hand, e.g. after the server was down in the morning: for their own municipality's
     * requests only.
     */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.FUND_MANAGER})
    public Run runNow() {
        Caller caller = access.requireMunicipalStaff(Role.OFFICER, Role.FUND_MANAGER);
        return sendDue(caller.email(), caller.municipalityId());
    }

    /** The reminders due today: of one municipality's requests, or of every municipality's when null. */
    private Run sendDue(String actor, Long municipality) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Amsterdam.ZONE);
        TypedQuery<ReportRequest> query = CallFetch.withApplication(em.createQuery("SELECT r FROM ReportRequest r"
                        + " JOIN FETCH r.application a WHERE r.status IN :open AND r.dueOn <= :horizon"
                        + (municipality == null ? "" : " AND a.municipalityId = :municipality")
                        + " ORDER BY r.dueOn, r.id", ReportRequest.class), "r.application");
        if (municipality != null) {
            query.setParameter("municipality", municipality);
        }
        List<ReportRequest> candidates = query.setParameter("open", List.of(ReportRequestStatus.OPEN, ReportRequestStatus.MORE_REQUESTED))
                .setParameter("horizon", today.plusDays(ReminderKind.UPCOMING_DAYS_BEFORE)).getResultList();
        Map<Long, Set<ReminderKind>> sent = new HashMap<>();
        if (!candidates.isEmpty()) {
            for (ReportReminder reminder : em.createQuery("SELECT m FROM ReportReminder m WHERE m.request IN :requests",
                    ReportReminder.class).setParameter("requests", candidates).getResultList()) {
                if (reminder.getForDueOn().equals(reminder.getRequest().getDueOn())) {
                    sent.computeIfAbsent(reminder.getRequest().getId(), k -> EnumSet.noneOf(ReminderKind.class))
                            .add(reminder.getKind());
                }
            }
        }
        int reminders = 0;
        int mails = 0;
        for (ReportRequest request : candidates) {
            Optional<ReminderKind> kind = ReminderKind.dueOn(today, request.getDueOn(),
                    sent.getOrDefault(request.getId(), Set.of()));
            if (kind.isEmpty()) {
                continue;
            }
            List<UserAccount> recipients = reporters.of(request);
            Application application = request.getApplication();
            for (UserAccount user : recipients) {
                Locale locale = Locale.forLanguageTag(user.getPreferredLocale());
                outbox.queueFor(application.getMunicipalityId(), user.getEmail(), user.getPreferredLocale(),
                        "report-reminder-" + kind.get().name(),
                        user.getDisplayName(), application.getReference(), application.getTitle(),
                        Amsterdam.longDate(request.getDueOn(), locale),
                        outbox.text(user.getPreferredLocale(), "reportPurpose." + request.getPurpose().name()));
                mails++;
            }
            em.persist(new ReportReminder(request, kind.get(), request.getDueOn(), now, recipients.size()));
            audit.recordAs(actor, "REPORT_REMINDER_SENT", ReportFiling.SUBJECT, application.getId(), null,
                    request.auditSummary() + ", kind=" + kind.get() + ", recipients=" + recipients.size());
            reminders++;
        }
        return new Run(today, reminders, mails);
    }

    /** The reminders sent for the caller-visible requests of one application. */
    @RolesAllowed({RoleNames.ORGANISER, RoleNames.PARTNER, RoleNames.OFFICER, RoleNames.DECISION_MAKER,
            RoleNames.FUND_MANAGER})
    public List<ReportReminder> forApplication(long applicationId) {
        List<ReportRequest> visible = reports.requestsFor(applicationId);
        if (visible.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT m FROM ReportReminder m WHERE m.request IN :requests ORDER BY m.sentAt",
                ReportReminder.class).setParameter("requests", visible).getResultList();
    }
}
