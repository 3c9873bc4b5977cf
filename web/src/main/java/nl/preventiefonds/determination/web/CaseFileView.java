package nl.preventiefonds.determination.web;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.preventiefonds.application.web.ApplicationViewBean;
import nl.preventiefonds.assessment.web.AssessmentViewBean;
import nl.preventiefonds.conversation.web.ThreadViewBean;
import nl.preventiefonds.decision.web.DecisionViewBean;
import nl.preventiefonds.determination.CaseFile;
import nl.preventiefonds.monitoring.web.MonitoringViewBean;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Loads the application page: one {@link CaseFile#read} per page view, its sections handed to the view beans of
 * their domains (each keeps its own forms and actions). Lives in the highest domain it hands to, so the lower
 * ones need not know it.
 */
@Named("caseFileView")
@RequestScoped
public class CaseFileView {

    @Inject
    private CaseFile caseFile;

    @Inject
    private ApplicationViewBean applicationView;
    @Inject
    private DecisionViewBean decisionView;
    @Inject
    private AssessmentViewBean assessmentView;
    @Inject
    private MonitoringViewBean monitoringView;
    @Inject
    private DeterminationViewBean determinationView;
    @Inject
    private DeterminationObjectionViewBean determinationObjectionView;
    @Inject
    private ThreadViewBean threadView;

    public void load() {
        Long id = applicationView.getId();
        CaseFile.Sections sections;
        try {
            sections = id == null ? null : caseFile.read(id);
        } catch (ValidationFailedException | AccessDeniedException | EJBAccessException e) {
            sections = null;
        }
        if (sections == null) {
            applicationView.showMissing();
            return;
        }
        applicationView.show(sections.page());
        decisionView.show(sections.decision());
        assessmentView.show(sections.assessment());
        monitoringView.show(sections.monitoring());
        determinationView.show(sections.money(), sections.outlook());
        // After the determination: its objections hang on it.
        determinationObjectionView.show(sections.determinationObjections());
        threadView.show(id, sections.conversation());
    }
}
