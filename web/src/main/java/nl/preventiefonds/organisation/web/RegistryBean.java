package nl.preventiefonds.organisation.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.preventiefonds.organisation.OrganisationRegistry;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.ValidationFailedException;

/** Staff: the organisation registry (organisations/index.xhtml) and one organisation (organisations/view.xhtml). */
@Named("registry")
@ViewScoped
public class RegistryBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private OrganisationRegistry registry;

    private String search;
    private List<OrganisationRegistry.Summary> organisations;
    private String kvk;
    private OrganisationRegistry.Detail detail;
    private boolean missing;

    public void find() {
        organisations = registry.organisations(search);
    }

    /** The list, read once per view (and again on a search). */
    public List<OrganisationRegistry.Summary> getOrganisations() {
        if (organisations == null) {
            find();
        }
        return organisations;
    }

    /** View action of the detail page: another municipality's organisation looks like none (404). */
    public void load() {
        try {
            detail = kvk == null ? null : registry.organisation(kvk);
        } catch (ValidationFailedException | AccessDeniedException | EJBAccessException e) {
            detail = null;
        }
        if (detail == null) {
            missing = true;
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getKvk() {
        return kvk;
    }

    public void setKvk(String kvk) {
        this.kvk = kvk;
    }

    public OrganisationRegistry.Detail getDetail() {
        return detail;
    }

    public boolean isMissing() {
        return missing;
    }
}
