package nl.preventiefonds.monitoring;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.calendar.StatutoryCalendar;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.decision.DecisionReplaced;
import nl.preventiefonds.decision.GrantAwarded;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.partner.PartnerOrganisation;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.RoleNames;

/** Plans the reports of a grant when it is awarded ({@link ReportSchedule}); reminders are {@link ReminderService}. */
@Stateless
@RolesAllowed(RoleNames.DECISION_MAKER)
public class ReportScheduling {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private Outbox outbox;

    @Inject
    private Reporters reporters;

    @Inject
    private Clock clock;

    @Inject
    private StatutoryCalendar calendar;

    /**
     * Inside the decision's transaction, after the payments: the report schedule. A grant in the direct tier asks for
     * no reports; the determination package determines it at once.
     */
    @RolesAllowed(RoleNames.DECISION_MAKER)
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void onAward(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) GrantAwarded event) {
        GrantDecision decision = event.decision();
        Application application = decision.getApplication();
        if (decision.getReportKind() == null || decision.getReportKind() == ReportKind.NONE) {
            return;
        }
        List<ReportRequest> requests = ReportRequest.scheduleFor(decision, clock.instant(),
                calendar.equatedDays());
        requests.forEach(em::persist);
        em.flush();
        audit.record("REPORTS_SCHEDULED", ReportFiling.SUBJECT, application.getId(), null, "requests=" + requests.size() + ", "
                + requests.stream().map(r -> r.getPurpose() + "/" + (r.getPartner() == null ? "organiser" : "partner"
                + r.getPartner().getId()) + "@" + r.getDueOn()).collect(Collectors.joining(" ")));
        // Partners learn here that they are asked to report; the organiser reads it in the decision letter.
        Map<PartnerOrganisation, LocalDate> firstDue = requests.stream().filter(r -> r.getPartner() != null)
                .collect(Collectors.toMap(ReportRequest::getPartner, ReportRequest::getDueOn,
                        (a, b) -> a.isBefore(b) ? a : b));
        firstDue.forEach((partner, due) -> {
            for (UserAccount user : reporters.ofPartner(partner.getId())) {
                Locale locale = Locale.forLanguageTag(user.getPreferredLocale());
                outbox.queue(user.getEmail(), user.getPreferredLocale(), "report-asked-partner",
                        user.getDisplayName(), application.getReference(), application.getTitle(),
                        Amsterdam.longDate(due, locale));
            }
        });
    }

    /**
     * Inside the transaction of an upheld objection: when the new decision grants nothing, nothing is to be
     * reported any more, so the open requests are cancelled. An award in its place keeps the reports as planned.
     */
    @RolesAllowed(RoleNames.DECISION_MAKER)
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void onReplaced(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) DecisionReplaced event) {
        if (event.replacement().getOutcome().grantsMoney()) {
            return;
        }
        long applicationId = event.replacement().getApplication().getId();
        int cancelled = em.createQuery("UPDATE ReportRequest r SET r.status = :cancelled, r.version = r.version + 1"
                        + " WHERE r.application.id = :id AND r.status IN :open")
                .setParameter("cancelled", ReportRequestStatus.CANCELLED).setParameter("id", applicationId)
                .setParameter("open", List.of(ReportRequestStatus.OPEN, ReportRequestStatus.MORE_REQUESTED,
                        ReportRequestStatus.SUBMITTED))
                .executeUpdate();
        if (cancelled > 0) {
            audit.record("REPORTS_CANCELLED", ReportFiling.SUBJECT, applicationId, null, "requests=" + cancelled
                    + ", reason=decision " + event.replaced().getId() + " replaced by "
                    + event.replacement().getId());
        }
    }
}
