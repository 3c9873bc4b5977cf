package nl.preventiefonds.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Baseline browser protections on every response. */
// ERROR too: a 403 of a security constraint is answered before any REQUEST filter runs.
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD,
        DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    /**
     * Everything from our own origin only; no plugins, no foreign form targets, no framing by others.
     * Scripts and styles keep 'unsafe-inline' because Faces and PrimeFaces render inline handlers
     * (Mojarra's h:commandLink, PrimeFaces widget scripts); no 'unsafe-eval'. The escaping of the pages
     * is the XSS defence, this policy the second line (docs/security.md).
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    /**
     * Session attribute: the origin of the identity provider this login came from (set by the login through a
     * municipality's provider). Logging out is a form post that the application answers with a redirect to the
     * provider's logout endpoint, and browsers apply form-action to every redirect of a form's navigation; so that
     * one foreign origin, and no other, is a form target for this session's pages.
     */
    public static final String PROVIDER_ORIGIN = "nl.preventiefonds.providerOrigin";

    static String policyFor(HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        Object origin = session == null ? null : session.getAttribute(PROVIDER_ORIGIN);
        if (origin instanceof String provider && provider.matches("https?://[A-Za-z0-9.\\-]+(:\\d+)?")) {
            return CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + provider);
        }
        return CONTENT_SECURITY_POLICY;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", policyFor(request));
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }
}
