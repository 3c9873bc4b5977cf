package nl.preventiefonds.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Every new view starts in the language the user chose (the language cookie, else Dutch), not the browser's. The
 * layout's f:view sets it too, but only when rendering: messages added before that (by a view action, say) would
 * otherwise come out in the browser's language, or the server's when the browser sends none.
 */
public class ChosenLanguageViewHandler extends ViewHandlerWrapper {
    public ChosenLanguageViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        return LanguageServlet.chosen((HttpServletRequest) context.getExternalContext().getRequest());
    }
}
