package nl.preventiefonds.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Switches the UI language: {@code GET /language?to=en&back=/open/register.xhtml?year=2025} sets the language cookie
 * and sends the browser back to that page of this application. Only the preference changes, so a plain link will do.
 */
@WebServlet("/language")
public class LanguageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String COOKIE = "pf-lang";
    static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final int ONE_YEAR = 365 * 24 * 3600;
    private static final int MAX_BACK_LENGTH = 2000;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String language = "en".equals(request.getParameter("to")) ? "en" : "nl";
        Cookie cookie = new Cookie(COOKIE, language);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + back(request.getParameter("back")));
    }

    /** A path within this application to return to; anything else (another host, a scheme, a line break) is home. */
    static String back(String back) {
        if (back == null || back.length() > MAX_BACK_LENGTH || !back.startsWith("/") || back.startsWith("//")
                || back.contains("\\") || back.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/index.xhtml";
        }
        return back;
    }

    /** The language the request's cookie chose; Dutch without one. */
    static Locale chosen(HttpServletRequest request) {
        if (request != null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && "en".equals(cookie.getValue())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return DUTCH;
    }

    static String switchUrl(HttpServletRequest request, String language) {
        // An error page shows at the address that failed: back to that address, not to the error page itself.
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String address ? address : request.getRequestURI();
        String page = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
        String query = failed instanceof String ? null : request.getQueryString();
        String back = query == null || query.isEmpty() ? page : page + "?" + query;
        return request.getContextPath() + "/language?to=" + ("en".equals(language) ? "en" : "nl") + "&back="
                + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }
}
