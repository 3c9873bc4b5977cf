package nl.preventiefonds.platform.web;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.ConflictException;
import nl.preventiefonds.platform.DatabaseOutage;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Errors of the API as RFC 9457 problem details, localised by Accept-Language (Dutch by default): a title per
 * status, a detail that says what was wrong, and the broken rules as {@code problems} (key and message). The
 * mappers below are the API's only exception handling: a resource throws, one of them answers. Whatever they answer,
 * no stack trace, class name or database text reaches the caller.
 */
public final class ProblemResponses {
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    private static final String BUNDLE = "nl.preventiefonds.web.messages";
    private static final Logger LOG = Logger.getLogger(ProblemResponses.class.getName());

    private ProblemResponses() {
    }

    /** A problem+json answer; the title and detail come from the bundle ({@code problem.<status>}). */
    public static Response of(int status, List<Problem> problems, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status, locale));
        body.put("status", status);
        List<Map<String, String>> items = new ArrayList<>();
        for (Problem problem : problems) {
            items.add(Map.of("key", problem.key(), "message", text(problem, locale)));
        }
        body.put("detail", items.isEmpty() ? detail(status, locale)
                : String.join(" ", items.stream().map(item -> item.get("message")).toList()));
        if (!items.isEmpty()) {
            body.put("problems", items);
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    /** As {@link #of(int, List, Locale)}; the title given is the English reason phrase, replaced by the bundle's. */
    public static Response of(int status, String title, List<Problem> problems, Locale locale) {
        return of(status, problems, locale);
    }

    static String title(int status, Locale locale) {
        return bundleText("problem." + status, locale,
                Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status)
                        .getReasonPhrase());
    }

    private static String detail(int status, Locale locale) {
        return bundleText("problem." + status + ".detail", locale, title(status, locale));
    }

    private static String bundleText(String key, Locale locale, String otherwise) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            return otherwise;
        }
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
        try {
            return locale(headers.getAcceptableLanguages());
        } catch (RuntimeException unreadable) {
            return Amsterdam.DUTCH; // a malformed Accept-Language is no reason to fail the answer
        }
    }

    /** One line for a refused access: who, what, why; never a stack trace. */
    static void logRefusal(SecurityContext security, UriInfo uri, String method, Throwable e) {
        String who = security == null || security.getUserPrincipal() == null ? "anonymous"
                : security.getUserPrincipal().getName();
        String path = uri == null ? "?" : uri.getPath();
        LOG.warning(() -> "API access refused: " + who + " " + method + " " + path + ": " + e.getMessage());
    }

    /**
     * Broken rules: 422, or 404 when the object does not exist, 409 when it clashes with the object's state, 403 when
     * the step is another role's (RoleRequiredException).
     */
    @Provider
    public static class ValidationMapper implements ExceptionMapper<ValidationFailedException> {
        @Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(ValidationFailedException e) {
            return answer(e, locale(headers));
        }

        static Response answer(ValidationFailedException e, Locale locale) {
            if (e instanceof nl.preventiefonds.platform.TooManyAttemptsException throttled) {
                long seconds = Math.max(1, java.time.Duration.between(java.time.Instant.now(),
                        throttled.getRetryAt()).toSeconds());
                return Response.fromResponse(of(429, e.getProblems(), locale))
                        .header(HttpHeaders.RETRY_AFTER, seconds).build();
            }
            if (e instanceof nl.preventiefonds.platform.ServiceUnavailableException) {
                // Nothing changed; a client may retry (the scanner or another service is down for now).
                return Response.fromResponse(of(503, e.getProblems(), locale)).header(HttpHeaders.RETRY_AFTER, 60)
                        .build();
            }
            int status = e instanceof nl.preventiefonds.platform.RoleRequiredException ? 403
                    : e instanceof ConflictException || e instanceof nl.preventiefonds.platform.ConcurrentChangeException
                    ? 409 : e.getMessageKeys().stream().anyMatch(k -> k.endsWith(".notFound")) ? 404 : 422;
            return of(status, e.getProblems(), locale);
        }
    }

    /**
     * Constraints on a request type or parameter (Bean Validation): 400 with every violated constraint, as input that
     * does not fit the request's schema is invalid input (NLGov API Design Rule /core/error-handling/invalid-input;
     * all of them at once, /core/error-handling/all-errors). Rules the services check stay 422.
     */
    @Provider
    public static class ConstraintMapper implements ExceptionMapper<jakarta.validation.ValidationException> {
        @Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(jakarta.validation.ValidationException e) {
            List<Problem> problems = new ArrayList<>();
            if (e instanceof jakarta.validation.ConstraintViolationException violations) {
                violations.getConstraintViolations().forEach(v -> problems.add(Problem.of("api.constraintViolated",
                        lastNode(v.getPropertyPath().toString()), message(v, locale(headers)))));
            }
            if (problems.isEmpty()) {
                problems.add(Problem.of("api.bodyInvalid"));
            }
            return of(400, problems, locale(headers));
        }

        /**
         * The field as the caller knows it: the path is method, parameter, then the field inside a body
         * ("save.form.title" and "save.arg1.title" are "title"); a parameter of its own is its name ("reclaims.q").
         */
        static String lastNode(String path) {
            String[] nodes = path.split("\\.", 3);
            return nodes[nodes.length - 1];
        }

        /** The constraint's message in the caller's language, not the server's. */
        private static String message(jakarta.validation.ConstraintViolation<?> violation, Locale locale) {
            try {
                return interpolator().interpolate(violation.getMessageTemplate(),
                        new jakarta.validation.MessageInterpolator.Context() {
                            @Override
                            public jakarta.validation.metadata.ConstraintDescriptor<?> getConstraintDescriptor() {
                                return violation.getConstraintDescriptor();
                            }

                            @Override
                            public Object getValidatedValue() {
                                return violation.getInvalidValue();
                            }

                            @Override
                            public <T> T unwrap(Class<T> type) {
                                throw new jakarta.validation.ValidationException("no " + type.getSimpleName());
                            }
                        }, locale);
            } catch (RuntimeException unavailable) {
                return violation.getMessage();
            }
        }

        private static jakarta.validation.MessageInterpolator interpolator() {
            if (interpolator == null) {
                interpolator = jakarta.validation.Validation.byDefaultProvider().configure()
                        .getDefaultMessageInterpolator();
            }
            return interpolator;
        }

        /** Bean Validation's own interpolator (its translated messages); made once, it keeps no state. */
        private static volatile jakarta.validation.MessageInterpolator interpolator;
    }

    /** A refusal answers its status with an empty problem and writes one log line, never a stack trace. */
    abstract static class RefusalMapper<E extends Exception> implements ExceptionMapper<E> {
        @Context
        private HttpHeaders headers;
        @Context
        private SecurityContext security;
        @Context
        private UriInfo uri;
        @Context
        private jakarta.ws.rs.core.Request request;

        private final int status;

        RefusalMapper(int status) {
            this.status = status;
        }

        @Override
        public Response toResponse(E e) {
            logRefusal(security, uri, request == null ? "?" : request.getMethod(), e);
            return of(status, List.of(), locale(headers));
        }
    }

    /** Someone else's object answers exactly like a missing one: no hint that it exists. */
    @Provider
    public static class AccessDeniedMapper extends RefusalMapper<AccessDeniedException> {
        public AccessDeniedMapper() {
            super(404);
        }
    }

    /** A role the caller lacks: 403. */
    @Provider
    public static class EjbAccessMapper extends RefusalMapper<EJBAccessException> {
        public EjbAccessMapper() {
            super(403);
        }
    }

    /**
     * Everything else. What the caller got wrong (an unreadable or too large body, a value in the address that is no
     * number or choice, a value the database cannot hold) is a 4xx naming it; an outage a 503; only a true bug a 500,
     * logged with its stack trace here.
     */
    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
        @Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(Throwable e) {
            Locale locale = locale(headers);
            if (DatabaseOutage.causedBy(e)) {
                // Not a bug but an outage: say so, and when to try again (the pool reconnects by itself).
                LOG.warning(() -> "API: database unavailable: " + DatabaseOutageFilter.rootMessage(e));
                return unavailable(locale);
            }
            ValidationFailedException rule = find(e, ValidationFailedException.class);
            if (rule != null) {
                // A rule broken inside something that wrapped it (an EJB exception, a JSON-B adapter).
                return ValidationMapper.answer(rule, locale);
            }
            if (tooLarge(e)) {
                return of(413, List.of(Problem.of("api.bodyTooLarge", ApiBodyLimit.MAX_MIB)), locale);
            }
            ExactJson.RefusedJsonException refused = find(e, ExactJson.RefusedJsonException.class);
            if (refused != null) {
                return of(400, List.of(Problem.of(refused.key())), locale);
            }
            if (isUnreadableBody(e)) {
                // Malformed JSON or a value of the wrong type: the caller's mistake, said plainly.
                return of(400, List.of(Problem.of("api.bodyInvalid")), locale);
            }
            if (isUnconvertibleParameter(e)) {
                // JAX-RS answers 404 when a query or path value cannot be converted (?status=NONSENSE): say what
                // is wrong instead of pretending the address does not exist.
                return of(400, List.of(Problem.of("api.parameterInvalid")), locale);
            }
            if (e instanceof WebApplicationException web) {
                return of(web.getResponse().getStatus(), List.of(), locale);
            }
            if (find(e, jakarta.persistence.OptimisticLockException.class) != null) {
                return of(409, List.of(Problem.of("api.changedMeanwhile")), locale);
            }
            SQLException sql = find(e, SQLException.class);
            if (sql != null && sql.getSQLState() != null && DatabaseOutageFilter.databaseAnswers()) {
                // The database refused a value or a duplicate that a rule should have caught first: still the
                // request's doing, so a 4xx, but logged (one line) so the missing rule is noticed.
                if (sql.getSQLState().startsWith("22")) {
                    LOG.warning(() -> "API: value refused by the database: " + DatabaseOutageFilter.rootMessage(e));
                    return of(422, List.of(Problem.of("api.valueInvalid")), locale);
                }
                if (sql.getSQLState().startsWith("23")) {
                    LOG.warning(() -> "API: constraint refused the change: " + DatabaseOutageFilter.rootMessage(e));
                    return of(409, List.of(Problem.of("api.changedMeanwhile")), locale);
                }
            }
            if (!DatabaseOutageFilter.databaseAnswers()) {
                // A connection that died mid-request can also surface as a doomed transaction or a missing relation.
                LOG.warning(() -> "API: failed while the database is unavailable: "
                        + DatabaseOutageFilter.rootMessage(e));
                return unavailable(locale);
            }
            LOG.log(Level.SEVERE, "API request failed", e);
            return of(500, List.of(), locale);
        }

        private static Response unavailable(Locale locale) {
            return Response.fromResponse(of(503, List.of(Problem.of("api.databaseUnavailable")), locale))
                    .header("Retry-After", DatabaseOutageFilter.RETRY_AFTER).build();
        }

        private static <T extends Throwable> T find(Throwable e, Class<T> type) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (type.isInstance(cause)) {
                    return type.cast(cause);
                }
            }
            return null;
        }

        /** Our own limit on JSON bodies, or Undertow's on every body (max-post-size). */
        private static boolean tooLarge(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof ApiBodyLimit.TooLargeException
                        || cause.getClass().getName().equals("io.undertow.server.RequestTooBigException")) {
                    return true;
                }
            }
            return false;
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
}
