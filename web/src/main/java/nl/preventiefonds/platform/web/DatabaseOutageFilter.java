package nl.preventiefonds.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import nl.preventiefonds.platform.DatabaseOutage;

/**
 * A page that fails because the database cannot be reached answers 503 with its own page (error/unavailable.xhtml,
 * which needs no database), instead of the general error page whose header reads from the database itself.
 * Declared in web.xml, not by annotation, so it runs first and also catches ActiveAccountFilter's lookup.
 */
public class DatabaseOutageFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DatabaseOutageFilter.class.getName());
    /** Seconds a client should wait: about the time the pool needs to see the database again. */
    static final String RETRY_AFTER = "30";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            // One line, not a stack trace per request: during an outage every request fails the same way.
            LOG.warning(() -> "Database unavailable for " + request.getRequestURI() + ": " + rootMessage(e));
            response.resetBuffer();
            response.setHeader("Retry-After", RETRY_AFTER);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
