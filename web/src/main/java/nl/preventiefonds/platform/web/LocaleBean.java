package nl.preventiefonds.platform.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;

/** Dutch unless the user switches to English; kept for the session. */
@Named("locale")
@SessionScoped
public class LocaleBean implements Serializable {
    private static final long serialVersionUID = 1L;
    private Locale current = Locale.forLanguageTag("nl");

    public Locale getCurrent() {
        return current;
    }

    public String getLanguage() {
        return current.getLanguage();
    }

    public boolean isDutch() {
        return "nl".equals(current.getLanguage());
    }

    /** Switches language and reloads the same page by GET, so nothing is resubmitted. */
    public void switchTo(String language) throws IOException {
        current = "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("nl");
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(current);
        var external = faces.getExternalContext();
        String query = external.getRequestParameterMap().getOrDefault("pfQuery", "");
        external.redirect(external.getRequestContextPath() + faces.getViewRoot().getViewId()
                + (query.isBlank() ? "" : "?" + query));
    }
}
