package nl.preventiefonds.application.web;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationQueries;

/** A coalition partner's view: the applications that name its organisation. */
@Named("partnerApplications")
@ViewScoped
public class PartnerApplicationsBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private ApplicationQueries queries;

    private List<Application> applications;

    @PostConstruct
    void load() {
        applications = queries.forMyPartner();
    }

    public List<Application> getApplications() {
        return applications;
    }
}
