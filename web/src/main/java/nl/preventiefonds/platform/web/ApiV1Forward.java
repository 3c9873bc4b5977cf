package nl.preventiefonds.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The API's versioned address /api/v1/... (NLGov API Design Rule /core/uri-version; the OpenAPI document's server)
 * answers as /api/..., where the pages' links and existing clients call it. A forward, not a redirect: the same
 * request, session and security checks, one round trip.
 */
@WebFilter(urlPatterns = "/api/v1/*", dispatcherTypes = DispatcherType.REQUEST)
public class ApiV1Forward extends HttpFilter {
    static final String VERSIONED = "/api/v1";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String rest = request.getRequestURI().substring(request.getContextPath().length() + VERSIONED.length());
        String query = request.getQueryString();
        request.getRequestDispatcher("/api" + rest + (query == null ? "" : "?" + query)).forward(request, response);
    }
}
