package nl.preventiefonds.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.inject.Named;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers that carry bank details (an IBAN) are never stored by a browser or a proxy: {@code Cache-Control:
 * no-store}. API methods say so with {@link Marked @NoStore.Marked}; pages with
 * {@code <f:event type="preRenderView" listener="#{noStore.apply}"/>}. Downloads of letters and personal data set
 * it themselves.
 */
@Named
@ApplicationScoped
public class NoStore {
    static final String VALUE = "no-store";

    /** For a page: called before it renders, also for its ajax updates. */
    public void apply(ComponentSystemEvent event) {
        FacesContext.getCurrentInstance().getExternalContext().setResponseHeader("Cache-Control", VALUE);
    }

    /** An API method whose answer carries bank details. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Marked {
    }

    /** Sets the header on the answers of {@link Marked} methods, errors included. */
    @Provider
    @Marked
    public static class Filter implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            response.getHeaders().putSingle("Cache-Control", VALUE);
        }
    }
}
