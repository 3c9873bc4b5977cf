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

    /** Session attribute: the role and municipality this login was granted for (AccountService.ActiveAccount). */
    static final String WORKING_AS = "nl.preventiefonds.workingAs";

    @Inject
    private AccountService accounts;

    /** After a login or a switch of municipality: what the session's roles were granted for. */
    static void rememberWorkingAs(HttpServletRequest request, AccountService.ActiveAccount account) {
        request.getSession().setAttribute(WORKING_AS, account.workingAs());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<AccountService.ActiveAccount> active = request.getUserPrincipal() == null ? Optional.empty()
                : accounts.activeAccount(request.getUserPrincipal().getName());
        if (request.getUserPrincipal() != null && active.isEmpty()) {
            endLogin(request);
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        HttpSession current = request.getSession(false);
        if (active.isPresent() && !active.get().acceptsLoginAt(current == null ? null
                : (java.time.Instant) current.getAttribute(LoginBean.LOGGED_IN_AT))) {
            // The password was reset after this session logged in: whoever holds it logs in again.
            endLogin(request);
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        if (active.isPresent() && current != null && current.getAttribute(LoginBean.MUST_ENROL) != null
                && !mayOpenBeforeEnrolment(request)) {
            // Their role asks for a second factor they do not have yet: nothing else until they enrol.
            if (pathOf(request).startsWith("/api/")) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            } else {
                response.sendRedirect(request.getContextPath() + SecondFactorBean.PAGE);
            }
            return;
        }
        Object grantedFor = current == null ? null : current.getAttribute(WORKING_AS);
        if (active.isPresent() && grantedFor != null && !grantedFor.equals(active.get().workingAs())) {
            // Their role or municipality changed since this login (a fund manager changed it, or they switched in
            // another window): the session's roles are no longer theirs, so they log in again.
            endLogin(request);
            response.sendRedirect(request.getContextPath() + "/login.xhtml?changed=true");
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

    /** The enrolment page, the resources it needs, the error pages and the public start page. */
    private static boolean mayOpenBeforeEnrolment(HttpServletRequest request) {
        String path = pathOf(request);
        return path.equals(SecondFactorBean.PAGE) || path.startsWith("/jakarta.faces.resource/")
                || path.startsWith("/resources/") || path.startsWith("/error/") || path.equals("/login.xhtml")
                || path.equals("/index.xhtml") || path.equals("/");
    }

    /** The path within the application (the servlet path alone is "/api" for every API call). */
    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static void endLogin(HttpServletRequest request) throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
