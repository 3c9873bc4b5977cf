package nl.preventiefonds.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import nl.preventiefonds.platform.Problem;
import java.util.Set;

/**
 * The API runs on the session cookie, so a state-changing request must carry a header that
 * another site's page cannot send without a CORS preflight (which we never grant).
 */
@Provider
@jakarta.annotation.Priority(jakarta.ws.rs.Priorities.AUTHORIZATION)
public class ApiCsrfFilter implements ContainerRequestFilter {
    public static final String HEADER = "X-Requested-With";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (!SAFE.contains(request.getMethod()) && request.getHeaderString(HEADER) == null) {
            Locale locale = ProblemResponses.locale(request.getAcceptableLanguages());
            request.abortWith(ProblemResponses.of(403, "Forbidden", List.of(Problem.of("api.headerRequired")),
                    locale));
        }
    }
}
