package nl.preventiefonds.platform.web;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.preventiefonds.identity.AccessDeniedException;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;

/** Errors of the API as RFC 9457 problem details, localised by Accept-Language (Dutch by default). */
public final class ProblemResponses {
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private ProblemResponses() {
    }

    public static Response of(int status, String title, List<Problem> problems, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        List<Map<String, String>> items = new ArrayList<>();
        for (Problem problem : problems) {
            items.add(Map.of("key", problem.key(), "message", text(problem, locale)));
        }
        if (!items.isEmpty()) {
            body.put("problems", items);
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    public static String text(Problem problem, Locale locale) {
        return ProblemMessages.text(problem, locale);
    }

    /** The first of the caller's languages we speak; Dutch otherwise. */
    public static Locale locale(List<Locale> acceptable) {
        return acceptable.stream().filter(l -> l.getLanguage().equals("en") || l.getLanguage().equals("nl"))
                .findFirst().orElse(Amsterdam.DUTCH);
    }

    public static Locale locale(HttpHeaders headers) {
        if (headers == null) {
            return Amsterdam.DUTCH;
        }
        return locale(headers.getAcceptableLanguages());
    }

    @Provider
    public static class ValidationMapper implements ExceptionMapper<ValidationFailedException> {
        @jakarta.ws.rs.core.Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(ValidationFailedException e) {
            if (e instanceof nl.preventiefonds.platform.ConcurrentChangeException) {
                return of(409, "Conflict", e.getProblems(), locale(headers));
            }
            boolean missing = e.getMessageKeys().stream().anyMatch(k -> k.endsWith(".notFound"));
            return of(missing ? 404 : 422, missing ? "Not Found" : "Unprocessable Content", e.getProblems(),
                    locale(headers));
        }
    }

    /** Someone else's object answers exactly like a missing one: no hint that it exists. */
    @Provider
    public static class AccessDeniedMapper implements ExceptionMapper<AccessDeniedException> {
        @Override
        public Response toResponse(AccessDeniedException e) {
            return of(404, "Not Found", List.of(), Amsterdam.DUTCH);
        }
    }

    /** Anything unexpected: logged here, and the caller learns nothing about the inside. */
    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
        private static final java.util.logging.Logger LOG =
                java.util.logging.Logger.getLogger(UnexpectedMapper.class.getName());

        @jakarta.ws.rs.core.Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(Throwable e) {
            if (nl.preventiefonds.platform.DatabaseOutage.causedBy(e)) {
                // Not a bug but an outage: say so, and when to try again (the pool reconnects by itself).
                LOG.warning(() -> "API: database unavailable: " + DatabaseOutageFilter.rootMessage(e));
                return unavailable();
            }
            if (isUnreadableBody(e)) {
                // Malformed JSON or a value of the wrong type: the caller's mistake, said plainly.
                return of(400, "Bad Request", List.of(Problem.of("api.bodyInvalid")), locale(headers));
            }
            if (isUnconvertibleParameter(e)) {
                // JAX-RS answers 404 when a query or path value cannot be converted (?status=NONSENSE): say what
                // is wrong instead of pretending the address does not exist.
                return of(400, "Bad Request", List.of(Problem.of("api.parameterInvalid")), locale(headers));
            }
            if (e instanceof jakarta.ws.rs.WebApplicationException web) {
                int status = web.getResponse().getStatus();
                return of(status, web.getResponse().getStatusInfo().getReasonPhrase(), List.of(), Amsterdam.DUTCH);
            }
            if (!DatabaseOutageFilter.databaseAnswers()) {
                // A connection that died mid-request can also surface as a doomed transaction or a missing relation.
                LOG.warning(() -> "API: failed while the database is unavailable: "
                        + DatabaseOutageFilter.rootMessage(e));
                return unavailable();
            }
            LOG.log(java.util.logging.Level.SEVERE, "API request failed", e);
            return of(500, "Internal Server Error", List.of(), Amsterdam.DUTCH);
        }

        private Response unavailable() {
            return Response.fromResponse(of(503, "Service Unavailable", List.of(Problem.of("api.databaseUnavailable")),
                    locale(headers))).header("Retry-After", DatabaseOutageFilter.RETRY_AFTER).build();
        }

        private static boolean isUnconvertibleParameter(Throwable e) {
            if (!(e instanceof jakarta.ws.rs.NotFoundException)) {
                return false;
            }
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalArgumentException) { // enum valueOf, NumberFormatException
                    return true;
                }
            }
            return false;
        }

        private static boolean isUnreadableBody(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof jakarta.json.bind.JsonbException || cause instanceof jakarta.json.JsonException
                        || cause instanceof jakarta.ws.rs.ProcessingException) {
                    return true;
                }
            }
            return false;
        }
    }

    @Provider
    public static class EjbAccessMapper implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            return of(403, "Forbidden", List.of(), Amsterdam.DUTCH);
        }
    }
}
