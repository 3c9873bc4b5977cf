package nl.preventiefonds.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A form posts back to its page's own address, view parameters included ({@code report.xhtml?request=4}, not
 * {@code report.xhtml}). Without them the address after a refused submit named no object: the language switch, a
 * reload or a bookmark then found "does not exist", and what was typed was lost.
 */
public class FormActionViewHandler extends ViewHandlerWrapper {
    /** Set while a redirect or link address is made: those add their own parameters to the action URL. */
    private static final String COMPOSING = FormActionViewHandler.class.getName() + ".composing";

    public FormActionViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getRedirectURL(FacesContext context, String viewId, Map<String, List<String>> parameters,
                                 boolean includeViewParams) {
        return composing(context, () -> super.getRedirectURL(context, viewId, parameters, includeViewParams));
    }

    @Override
    public String getBookmarkableURL(FacesContext context, String viewId, Map<String, List<String>> parameters,
                                     boolean includeViewParams) {
        return composing(context, () -> super.getBookmarkableURL(context, viewId, parameters, includeViewParams));
    }

    private static String composing(FacesContext context, Supplier<String> address) {
        Map<Object, Object> attributes = context.getAttributes();
        boolean outer = attributes.putIfAbsent(COMPOSING, Boolean.TRUE) == null;
        try {
            return address.get();
        } finally {
            if (outer) {
                attributes.remove(COMPOSING);
            }
        }
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String url = super.getActionURL(context, viewId);
        UIViewRoot root = context.getViewRoot();
        if (root == null || !viewId.equals(root.getViewId()) || context.getAttributes().containsKey(COMPOSING)) {
            return url;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (UIViewParameter parameter : ViewMetadata.getViewParameters(root)) {
            String value = parameter.getStringValue(context);
            if (parameter.getName() != null && value != null && !value.isEmpty()) {
                parameters.put(parameter.getName(), List.of(value));
            }
        }
        return parameters.isEmpty() ? url : context.getExternalContext().encodeBookmarkableURL(url, parameters);
    }
}
