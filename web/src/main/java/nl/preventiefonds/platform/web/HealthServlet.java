package nl.preventiefonds.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * GET /health: 200 {"status":"UP"} when the database answers, 503 DOWN when it does not. The check is the one
 * WildFly's /health/ready runs (DatabaseReadiness, bounded in time), asked here for the load balancer on the public
 * port.
 */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    @Readiness
    private HealthCheck database;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = database.call().getStatus() == HealthCheckResponse.Status.UP;
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String state = up ? "UP" : "DOWN";
        response.getWriter().write("{\"status\":\"" + state + "\",\"checks\":[{\"name\":\"database\",\"status\":\""
                + state + "\"}]}");
    }
}
