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
    /** Request attribute: the municipality the logged-in member of staff works for, read by the header. */
    static final String MUNICIPALITY_ID = "nl.preventiefonds.municipalityId";

    @Inject
    private AccountService accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<AccountService.ActiveAccount> active = request.getUserPrincipal() == null ? Optional.empty()
                : accounts.activeAccount(request.getUserPrincipal().getName());
        if (request.getUserPrincipal() != null && active.isEmpty()) {
            request.logout();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        active.ifPresent(account -> {
            request.setAttribute(DISPLAY_NAME, account.displayName());
            if (account.municipalityId() != null) {
                request.setAttribute(MUNICIPALITY_ID, account.municipalityId());
            }
        });
        chain.doFilter(request, response);
    }
}
