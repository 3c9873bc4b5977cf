package nl.preventiefonds.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.calendar.StatutoryCalendar;

/** Keeps an application's decision date in step with its requests for information. */
@Dependent
public class DecisionTermKeeper {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private StatutoryCalendar calendar;

    /** Recomputes and stores the due date; null while a request for information is open. */
    public LocalDate recompute(Application application, LocalDate today) {
        LocalDate due = DecisionTerm.dueDate(application.getReceivedOn(), application.getCall().getDecisionTermWeeks(),
                suspensions(application.getId()), today, calendar.equatedDays());
        application.setDecisionDueOn(due);
        return due;
    }

    public List<DecisionTerm.Suspension> suspensions(long applicationId) {
        return em.createQuery("SELECT r FROM InformationRequest r WHERE r.application.id = :id ORDER BY r.id",
                        InformationRequest.class)
                .setParameter("id", applicationId).getResultList().stream()
                .map(InformationRequest::asSuspension).toList();
    }
}
