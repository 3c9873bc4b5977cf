package nl.preventiefonds.call.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import nl.preventiefonds.call.CallDirectory;
import nl.preventiefonds.call.CallOption;
import nl.preventiefonds.platform.web.WholeNumbers;

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
        Long id = WholeNumbers.parse(value, 18);
        return id == null ? null : calls.option(id).orElse(null);
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, CallOption value) {
        return value == null ? "" : String.valueOf(value.getId());
    }
}
