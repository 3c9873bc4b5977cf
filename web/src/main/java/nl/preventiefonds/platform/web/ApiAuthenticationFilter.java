package nl.preventiefonds.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import nl.preventiefonds.platform.Problem;

/**
 * The API answers an anonymous caller with 401 and a problem document, instead of the login
 * page a browser gets. Which roles may do what is decided by the services themselves.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null) {
            Locale locale = ProblemResponses.locale(request.getAcceptableLanguages());
            Response problem = ProblemResponses.of(401, "Unauthorized", List.of(Problem.of("api.loginRequired")),
                    locale);
            request.abortWith(Response.fromResponse(problem)
                    .header("WWW-Authenticate", "Cookie realm=\"Preventiefonds\"").build());
        }
    }
}
