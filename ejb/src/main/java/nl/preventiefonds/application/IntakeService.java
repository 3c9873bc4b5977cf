package nl.preventiefonds.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/** The officer's intake: completeness check and requests for missing information (Awb 4:5). */
@Stateless
@RolesAllowed(RoleNames.OFFICER)
public class IntakeService {
    /** A request gives at least a week and at most three months to answer. */
    static final int MIN_ANSWER_DAYS = 7;
    static final int MAX_ANSWER_DAYS = 92;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private AuditTrail audit;

    @Inject
    private Outbox outbox;

    @Inject
    private DecisionTermKeeper terms;

    @Inject
    private Clock clock;

    /** Asks for missing information; the decision term is suspended until the answer. */
    public long requestInformation(long applicationId, String message, LocalDate answerDeadline) {
        message = nl.preventiefonds.platform.FreeText.withoutBidiControls(message);
        Caller officer = access.requireAnyRole(Role.OFFICER);
        Application application = locked(officer, applicationId);
        if (application.getStatus() != ApplicationStatus.SUBMITTED) {
            throw new ValidationFailedException("intake.notAwaitingIntake");
        }
        if (message == null || message.isBlank()) {
            throw new ValidationFailedException("intake.messageRequired");
        }
        if (message.strip().length() > 2000) {
            throw ValidationFailedException.of("field.tooLong", "field.message", 2000);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Amsterdam.ZONE);
        if (answerDeadline == null || answerDeadline.isBefore(today.plusDays(MIN_ANSWER_DAYS))
                || answerDeadline.isAfter(today.plusDays(MAX_ANSWER_DAYS))) {
            throw ValidationFailedException.of("intake.deadlineRange", MIN_ANSWER_DAYS, MAX_ANSWER_DAYS);
        }
        InformationRequest request = new InformationRequest(application, now, today, officer.email(),
                message.strip(), answerDeadline);
        em.persist(request);
        String before = application.auditSummary();
        application.requestInformation(now);
        em.flush();
        audit.record("INFORMATION_REQUESTED", ApplicationService.SUBJECT, application.getId(), before,
                application.auditSummary() + ", request=" + request.getId() + ", answerBy=" + answerDeadline);
        UserAccount owner = application.getOwner();
        Locale locale = Locale.forLanguageTag(owner.getPreferredLocale());
        outbox.queueFor(application.getMunicipalityId(), owner.getEmail(), owner.getPreferredLocale(),
                "information-requested", owner.getDisplayName(),
                application.getReference(), application.getTitle(), request.getMessage(),
                Amsterdam.longDate(answerDeadline, locale));
        return request.getId();
    }

    /** The application is complete: assessment may start. */
    public void completeIntake(long applicationId) {
        Application application = locked(access.requireAnyRole(Role.OFFICER), applicationId);
        if (application.getStatus() != ApplicationStatus.SUBMITTED) {
            throw new ValidationFailedException("intake.notAwaitingIntake");
        }
        String before = application.auditSummary();
        application.completeIntake(clock.instant());
        audit.record("INTAKE_COMPLETED", ApplicationService.SUBJECT, application.getId(), before,
                application.auditSummary());
        UserAccount owner = application.getOwner();
        outbox.queue(owner.getEmail(), owner.getPreferredLocale(), "intake-completed", owner.getDisplayName(),
                application.getReference(), application.getTitle());
    }

    /**
     * The answer deadline passed without an answer: the term runs again (Awb 4:15) and the
     * officer continues with what there is.
     */
    public LocalDate closeUnansweredRequest(long applicationId) {
        Application application = locked(access.requireAnyRole(Role.OFFICER), applicationId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
        InformationRequest request = em.createQuery("SELECT r FROM InformationRequest r WHERE r.application.id = :id"
                        + " AND r.answeredAt IS NULL", InformationRequest.class)
                .setParameter("id", applicationId).getResultList().stream().findFirst()
                .orElseThrow(() -> new ValidationFailedException("application.noOpenRequest"));
        if (application.getStatus() != ApplicationStatus.INFORMATION_REQUESTED
                || !today.isAfter(request.getAnswerDeadline())) {
            throw new ValidationFailedException("intake.deadlineNotPassed");
        }
        String before = application.auditSummary();
        request.closeUnanswered(clock.instant());
        application.resume(clock.instant());
        LocalDate due = terms.recompute(application, today);
        audit.record("INFORMATION_NOT_PROVIDED", ApplicationService.SUBJECT, application.getId(), before,
                application.auditSummary() + ", request=" + request.getId() + ", due=" + due);
        return due;
    }

    /** The application, locked, if the officer works for its municipality; another's is as unknown as a missing one. */
    private Application locked(Caller officer, long applicationId) {
        Application application = em.find(Application.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (application == null) {
            throw new ValidationFailedException("application.notFound");
        }
        AccessPolicy.requireOwnMunicipality(officer, application.getMunicipalityId(), "application.notFound");
        em.refresh(application);
        return application;
    }
}
