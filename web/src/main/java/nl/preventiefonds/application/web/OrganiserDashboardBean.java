package nl.preventiefonds.application.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationService;
import nl.preventiefonds.application.InformationRequest;
import nl.preventiefonds.call.CallDirectory;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.ProblemMessages;

/** The organiser's start page: open calls, own applications with deadlines, and requests waiting. */
@Named("myApplications")
@ViewScoped
public class OrganiserDashboardBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private ApplicationService applications;
    @EJB
    private CallDirectory calls;

    private List<Application> mine;
    private List<InformationRequest> openRequests;
    private List<FundingCall> openCalls;

    @PostConstruct
    void load() {
        mine = applications.mine();
        openRequests = applications.myOpenRequests();
        openCalls = calls.openCalls();
    }

    public String start(long callId) {
        try {
            long id = applications.startDraft(callId);
            return "/organiser/application?faces-redirect=true&id=" + id;
        } catch (ValidationFailedException e) {
            ProblemMessages.add(e.getProblems());
            return null;
        }
    }

    public List<Application> getMine() {
        return mine;
    }

    public List<InformationRequest> getOpenRequests() {
        return openRequests;
    }

    public List<FundingCall> getOpenCalls() {
        return openCalls;
    }
}
