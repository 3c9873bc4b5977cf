package nl.preventiefonds.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.preventiefonds.platform.HealthCheck;

/** GET /health: 200 {"status":"UP"} when the database answers, 503 DOWN when it does not. */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    private HealthCheck health;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean database = health.databaseReachable();
        response.setStatus(database ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String state = database ? "UP" : "DOWN";
        response.getWriter().write("{\"status\":\"" + state + "\",\"checks\":[{\"name\":\"database\",\"status\":\""
                + state + "\"}]}");
    }
}
