package nl.preventiefonds.platform.web;

import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Collections;
import java.util.Locale;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.DatabaseOutage;
import nl.preventiefonds.platform.Problem;

/**
 * A request that fails because the database cannot be reached answers 503: pages with their own page
 * (error/unavailable.xhtml, which needs no database), the API with a problem document. Declared in web.xml, not by
 * annotation, so it runs first and also catches ActiveAccountFilter's lookup (which then does not end the login).
 */
public class DatabaseOutageFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DatabaseOutageFilter.class.getName());
    private static final String DATA_SOURCE = "java:jboss/datasources/PreventiefondsDS";
    /** Seconds a client should wait: about the time the pool needs to see the database again. */
    static final String RETRY_AFTER = "30";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted() || !isOutage(e)) {
                throw e;
            }
            // One line, not a stack trace per request: during an outage every request fails the same way.
            LOG.warning(() -> "Database unavailable for " + request.getRequestURI() + ": " + rootMessage(e));
            response.resetBuffer();
            response.setHeader("Retry-After", RETRY_AFTER);
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                writeProblem(request, response);
            } else {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
        }
    }

    /**
     * An outage is a failure whose causes say so, or any failure while the database does not answer right now: a
     * connection that dies mid-transaction surfaces in other ways too (a transaction already marked for rollback, a
     * lazy relation read as null). With the database up, an unknown failure stays a 500.
     */
    static boolean isOutage(Throwable failure) {
        return DatabaseOutage.causedBy(failure) || !databaseAnswers();
    }

    static boolean databaseAnswers() {
        try {
            DataSource dataSource = InitialContext.doLookup(DATA_SOURCE);
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid(1);
            }
        } catch (NamingException e) {
            return true; // no pool to ask (not on the server): leave the failure as it is
        } catch (Exception e) {
            return false;
        }
    }

    private static void writeProblem(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Without Accept-Language the servlet API offers the server's own locale; the API's default is Dutch.
        Locale locale = request.getHeader("Accept-Language") == null ? Amsterdam.DUTCH
                : ProblemResponses.locale(Collections.list(request.getLocales()));
        String body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", "Service Unavailable")
                .add("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE)
                .add("problems", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("key", "api.databaseUnavailable")
                        .add("message", ProblemResponses.text(Problem.of("api.databaseUnavailable"), locale))))
                .build().toString();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType(ProblemResponses.PROBLEM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
