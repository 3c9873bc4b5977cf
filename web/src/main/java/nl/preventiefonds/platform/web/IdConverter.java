package nl.preventiefonds.platform.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;

/**
 * An object's id in a page address ({@code ?id=}, {@code ?request=}, {@code ?call=}). Anything that is no id
 * ("abc", "1e3", twenty digits) is the id of no object, 0: the page then answers "not found" (404) as for any
 * missing or someone else's object. With Faces' own Long converter a conversion error skipped the page's view
 * action, and the page rendered without its object into an error page.
 */
@FacesConverter("pf.id")
public class IdConverter implements Converter<Long> {
    /** No object has this id (ids start at 1). */
    static final long NONE = 0L;

    @Override
    public Long getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Long id = WholeNumbers.parse(value, 18);
        return id == null ? NONE : id;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Long value) {
        return value == null ? "" : String.valueOf(value);
    }
}
