package nl.preventiefonds.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.preventiefonds.platform.Problem;

/**
 * The API runs on the session cookie, so a state-changing request must carry a header that
 * another site's page cannot send without a CORS preflight (which we never grant). Defence in
 * depth: a browser that says the request comes from another origin or site is refused too.
 */
@Provider
@jakarta.annotation.Priority(jakarta.ws.rs.Priorities.AUTHORIZATION)
public class ApiCsrfFilter implements ContainerRequestFilter {
    public static final String HEADER = "X-Requested-With";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        String refusal = null;
        if (request.getHeaderString(HEADER) == null) {
            refusal = "api.headerRequired";
        } else if (isCrossOrigin(request.getHeaderString("Origin"), request.getHeaderString("Host"),
                request.getHeaderString("Sec-Fetch-Site"))) {
            refusal = "api.originRefused";
        }
        if (refusal != null) {
            Locale locale = ProblemResponses.locale(request.getAcceptableLanguages());
            request.abortWith(ProblemResponses.of(403, "Forbidden", List.of(Problem.of(refusal)), locale));
        }
    }

    /**
     * True when the browser says the request comes from elsewhere: an Origin whose host and port differ
     * from the Host the request was sent to ("null" included), or Sec-Fetch-Site cross-site. Clients that
     * send neither (scripts, tests) rely on the header check alone.
     */
    static boolean isCrossOrigin(String origin, String host, String fetchSite) {
        if ("cross-site".equalsIgnoreCase(fetchSite)) {
            return true;
        }
        if (origin == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null || host == null) {
                return true;
            }
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            int port = uri.getPort() != -1 ? uri.getPort() : defaultPort;
            // A Host without a port means the scheme's default one.
            String expected = host.contains(":") ? host : host + ":" + defaultPort;
            return !(uri.getHost() + ":" + port).equalsIgnoreCase(expected);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
