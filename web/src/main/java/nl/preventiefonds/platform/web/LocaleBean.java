package nl.preventiefonds.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Dutch unless the user switched to English. The choice is a cookie ({@link LanguageServlet}), not session state:
 * a visitor of the public pages gets no session at all (docs/performance.md).
 */
@Named("locale")
@RequestScoped
public class LocaleBean {
    private Locale current;

    public Locale getCurrent() {
        if (current == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            current = LanguageServlet.chosen(faces == null ? null
                    : (HttpServletRequest) faces.getExternalContext().getRequest());
        }
        return current;
    }

    public String getLanguage() {
        return getCurrent().getLanguage();
    }

    public boolean isDutch() {
        return "nl".equals(getLanguage());
    }

    /** A link that switches to {@code language} and comes back to this page, with its query. */
    public String switchUrl(String language) {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        return LanguageServlet.switchUrl(request, language);
    }
}
