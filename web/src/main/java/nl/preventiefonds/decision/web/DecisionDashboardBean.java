package nl.preventiefonds.decision.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.decision.DecisionQueries;

/** The decision maker's start page: applications with a completed advice, waiting for a decision. */
@Named("decisionDashboard")
@RequestScoped
public class DecisionDashboardBean {
    @Inject
    private DecisionQueries queries;

    private List<Application> awaiting;

    public List<Application> getAwaiting() {
        if (awaiting == null) {
            awaiting = queries.awaitingDecision();
        }
        return awaiting;
    }
}
