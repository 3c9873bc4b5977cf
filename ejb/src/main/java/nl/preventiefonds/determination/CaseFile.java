package nl.preventiefonds.determination;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.conversation.ConversationService;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.assessment.AssessmentService;
import nl.preventiefonds.decision.DecisionQueries;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.monitoring.ReportQueries;
import nl.preventiefonds.platform.RoleNames;

/**
 * Everything the application page shows, read in one call and one transaction (issue 17 §4): the application
 * itself, then one read per section through its own domain (decision, assessment, monitoring, money,
 * determination). Who may see the application is checked once, first, by {@link ApplicationQueries#page}; a
 * section is then asked for only by the roles it is for, so no inner call is refused (a refused inner call would
 * mark the whole transaction for rollback). One transaction also means one persistence context: the application
 * and the caller are read once, not again by every section. It composes the domains below it, so it lives in the
 * highest of them.
 */
@Stateless
@RolesAllowed({RoleNames.ORGANISER, RoleNames.PARTNER, RoleNames.OFFICER, RoleNames.DECISION_MAKER,
        RoleNames.FUND_MANAGER})
public class CaseFile {
    /** Monitoring and money exist once a decision granted money. */
    private static final Set<ApplicationStatus> GRANTED = Set.of(ApplicationStatus.AWARDED,
            ApplicationStatus.PARTIALLY_AWARDED, ApplicationStatus.DETERMINED);

    @Inject
    private AccessPolicy access;
    @Inject
    private ApplicationQueries applications;
    @Inject
    private DecisionQueries decisions;
    @Inject
    private AssessmentService assessment;
    @Inject
    private ReportQueries reports;
    @Inject
    private DeterminationService determinations;
    @Inject
    private DeterminationObjectionService determinationObjections;
    @Inject
    private ConversationService conversation;

    /**
     * The application page's sections; a section the caller's role does not see, or that does not exist yet, is
     * null ({@code assessment} for all but officers and decision makers, {@code monitoring} and {@code money}
     * before a grant, {@code outlook} once determined) or empty ({@code determinationObjections}).
     */
    public record Sections(ApplicationQueries.Page page, DecisionQueries.Section decision,
                           AssessmentService.Section assessment, ReportQueries.Monitoring monitoring,
                           DeterminationService.MoneyOfApplication money, DeterminationService.Outlook outlook,
                           List<DeterminationObjection> determinationObjections,
                           ConversationService.Thread conversation) implements Serializable {
    }

    public Sections read(long applicationId) {
        // The one check who may see the application: refused here, nothing else is asked.
        ApplicationQueries.Page page = applications.page(applicationId);
        Caller caller = access.caller();
        boolean reviewer = caller.is(Role.OFFICER) || caller.is(Role.DECISION_MAKER);
        Application application = page.application();
        boolean granted = GRANTED.contains(application.getStatus());

        DecisionQueries.Section decision = decisions.section(applicationId);
        AssessmentService.Section assessed = reviewer ? assessment.section(applicationId) : null;
        // Fund managers see the money, not the reports; partners the reports, never the money.
        ReportQueries.Monitoring monitoring = granted && (reviewer || caller.is(Role.ORGANISER)
                || caller.is(Role.PARTNER)) ? reports.monitoring(applicationId) : null;
        DeterminationService.MoneyOfApplication money = granted && (reviewer || caller.is(Role.ORGANISER)
                || caller.is(Role.FUND_MANAGER)) ? determinations.moneyOf(applicationId) : null;
        Determination determination = money == null ? null : money.determination();
        DeterminationService.Outlook outlook = granted && reviewer && determination == null
                ? determinations.outlook(applicationId) : null;
        List<DeterminationObjection> objections = determination == null ? List.of()
                : determinationObjections.forApplication(applicationId);
        // Opening the page reads the conversation: marked read for this user in the same transaction.
        ConversationService.Thread thread = conversation.open(applicationId);
        return new Sections(page, decision, assessed, monitoring, money, outlook, objections, thread);
    }
}
