package nl.preventiefonds.call.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import nl.preventiefonds.call.CallDirectory;
import nl.preventiefonds.call.CallOption;

/**
 * A call choice of a type-ahead filter ({@code converter="#{callOptionConverter}"}), sent as its id. An unknown or
 * malformed id is no choice.
 */
@Named
@ApplicationScoped
public class CallOptionConverter implements Converter<CallOption> {
    @Inject
    private CallDirectory calls;

    @Override
    public CallOption getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank() || value.length() > 19
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return calls.option(Long.parseLong(value)).orElse(null);
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, CallOption value) {
        return value == null ? "" : String.valueOf(value.getId());
    }
}
