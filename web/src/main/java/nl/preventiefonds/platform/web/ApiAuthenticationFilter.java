package nl.preventiefonds.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import nl.preventiefonds.opendata.web.OpenDataResource;
import nl.preventiefonds.platform.Problem;

/**
 * The API answers an anonymous caller with 401 and a problem document, instead of the login
 * page a browser gets. Which roles may do what is decided by the services themselves.
 * The one exception is reading open data: GET and HEAD on {@code /api/open/...} need no login
 * (any other method there is still refused for anonymous callers), and so is the OpenAPI document.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null && !isOpenDataRead(request)
                && !isOpenApiRead(request)) {
            Locale locale = ProblemResponses.locale(request.getAcceptableLanguages());
            Response problem = ProblemResponses.of(401, "Unauthorized", List.of(Problem.of("api.loginRequired")),
                    locale);
            request.abortWith(Response.fromResponse(problem)
                    .header("WWW-Authenticate", "Cookie realm=\"Preventiefonds\"").build());
        }
    }

    static boolean isOpenDataRead(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String path = request.getUriInfo().getPath(true);
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (!path.startsWith(OPEN_PREFIX) || path.contains("..") || path.contains(";")) {
            return false;
        }
        // Both the address and the resource that will answer must be the open-data one.
        return request.getUriInfo().getMatchedResources().stream().anyMatch(OpenDataResource.class::isInstance);
    }

    /** The OpenAPI document is public (NLGov API Design Rule /core/publish-openapi). */
    static boolean isOpenApiRead(ContainerRequestContext request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && request.getUriInfo().getMatchedResources().stream().anyMatch(OpenApiResource.class::isInstance);
    }

    static final String OPEN_PREFIX = "open/";
}
