package nl.preventiefonds.identity.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import nl.preventiefonds.identity.AccountService;

/**
 * The login lives in the session; a fund manager who blocks an account must end it at once,
 * not at the next login. One indexed lookup per request of a logged-in user, which also gives the header its
 * display name.
 */
@WebFilter("/*")
public class ActiveAccountFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    /** Request attribute: the logged-in user's display name, read by the header. */
    static final String DISPLAY_NAME = "nl.preventiefonds.displayName";

    @Inject
    private AccountService accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> displayName = request.getUserPrincipal() == null ? Optional.empty()
                : accounts.activeDisplayName(request.getUserPrincipal().getName());
        if (request.getUserPrincipal() != null && displayName.isEmpty()) {
            request.logout();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        displayName.ifPresent(name -> request.setAttribute(DISPLAY_NAME, name));
        chain.doFilter(request, response);
    }
}
