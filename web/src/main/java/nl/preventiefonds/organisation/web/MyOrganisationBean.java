package nl.preventiefonds.organisation.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.organisation.MyOrganisation;
import nl.preventiefonds.platform.web.Messages;

/** The organiser's page "Mijn organisatie" (organiser/organisation.xhtml). */
@Named("myOrganisation")
@ViewScoped
public class MyOrganisationBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private MyOrganisation service;

    private List<MyOrganisation.Membership> memberships;
    /** The e-mail address typed per organisation (KvK number). */
    private final Map<String, String> emails = new HashMap<>();

    @PostConstruct
    void init() {
        memberships = service.mine();
    }

    public void authorise(String kvk) {
        String email = emails.get(kvk);
        service.authorise(kvk, email);
        Messages.info("myOrganisation.authorised", email == null ? "" : email.strip());
        emails.remove(kvk);
        memberships = service.mine();
    }

    public void revoke(String kvk, long representativeId, String email) {
        service.revoke(kvk, representativeId);
        Messages.info("myOrganisation.revokedMessage", email);
        memberships = service.mine();
    }

    public List<MyOrganisation.Membership> getMemberships() {
        return memberships;
    }

    public Map<String, String> getEmails() {
        return emails;
    }
}
