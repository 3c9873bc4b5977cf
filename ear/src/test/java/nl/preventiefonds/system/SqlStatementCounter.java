package nl.preventiefonds.system;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.server.Server;

/**
 * Test-only, added to the WAR by {@link SqlStatementCountIT}: counts the SQL statements EclipseLink sends to the
 * database while serving one request. A request with header {@code X-Sql-Count: <id>} is counted on its own
 * thread (EJB calls run on it), so timers and other requests do not mix in; {@code GET /__sql-count?id=<id>}
 * answers the number, {@code &sql=true} the statements themselves (one a line), to see which one repeats, and
 * {@code &sessions=true} how many client sessions EclipseLink handed out for it: one per transaction that read
 * the database, so one per service call made from the web side.
 */
@WebFilter(urlPatterns = "/*")
public class SqlStatementCounter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<int[]> SESSIONS = new ThreadLocal<>();
    private static final Map<String, List<String>> STATEMENTS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> SESSION_COUNTS = new ConcurrentHashMap<>();
    private static volatile boolean listening;

    @PersistenceUnit(unitName = "preventiefonds")
    private EntityManagerFactory emf;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getRequestURI().endsWith("/__sql-count")) {
            List<String> statements = STATEMENTS.get(String.valueOf(request.getParameter("id")));
            response.setContentType("text/plain");
            response.setCharacterEncoding("UTF-8");
            if (statements == null) {
                response.getWriter().print("none");
            } else if ("true".equals(request.getParameter("sessions"))) {
                response.getWriter().print(SESSION_COUNTS.getOrDefault(request.getParameter("id"), 0));
            } else if ("true".equals(request.getParameter("sql"))) {
                response.getWriter().print(String.join("\n", statements));
            } else {
                response.getWriter().print(statements.size());
            }
            return;
        }
        String id = request.getHeader("X-Sql-Count");
        if (id == null) {
            chain.doFilter(request, response);
            return;
        }
        listen();
        List<String> statements = new ArrayList<>();
        int[] sessions = {0};
        CURRENT.set(statements);
        SESSIONS.set(sessions);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
            SESSIONS.remove();
            STATEMENTS.put(id, statements);
            SESSION_COUNTS.put(id, sessions[0]);
        }
    }

    /** Sessions acquired later copy the server session's listeners, so one registration covers every request. */
    private synchronized void listen() {
        if (listening) {
            return;
        }
        Server server = JpaHelper.getServerSession(emf);
        server.getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void postExecuteCall(SessionEvent event) {
                List<String> statements = CURRENT.get();
                if (statements != null) {
                    statements.add(event.getCall() instanceof DatabaseCall call ? call.getSQLString()
                            : String.valueOf(event.getCall()));
                }
            }

            @Override
            public void postAcquireClientSession(SessionEvent event) {
                int[] sessions = SESSIONS.get();
                if (sessions != null) {
                    sessions[0]++;
                }
            }
        });
        listening = true;
    }
}
