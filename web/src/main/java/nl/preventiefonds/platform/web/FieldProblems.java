package nl.preventiefonds.platform.web;

import jakarta.faces.context.FacesContext;
import java.util.function.Function;
import nl.preventiefonds.platform.Problem;

/**
 * Where the rules an action breaks are shown. An action that knows which of its fields a problem belongs to says so
 * before it calls its service; the pages' exception handler ({@link ProblemExceptionHandlerFactory}) then shows each
 * problem at its field (and marks the field invalid), with an optional summary on top. So an action needs no catch
 * block of its own: it binds, calls, and goes on only when the call succeeded.
 */
public final class FieldProblems {
    private static final String ATTRIBUTE = FieldProblems.class.getName();
    private static final Binding NONE = new Binding(null, problem -> null);

    /** A summary message key (or null) and the client id of the field a problem belongs to (or null: no field). */
    public record Binding(String summaryKey, Function<Problem, String> fieldOf) {
    }

    private FieldProblems() {
    }

    /** Problems of this request's action are shown at the field {@code fieldOf} names. */
    public static void bind(Function<Problem, String> fieldOf) {
        bind(null, fieldOf);
    }

    /** As {@link #bind(Function)}, with a summary message (a bundle key) above the problems. */
    public static void bind(String summaryKey, Function<Problem, String> fieldOf) {
        FacesContext.getCurrentInstance().getAttributes().put(ATTRIBUTE, new Binding(summaryKey, fieldOf));
    }

    /** The binding the current request's action set, or none. */
    static Binding current(FacesContext faces) {
        Object binding = faces.getAttributes().get(ATTRIBUTE);
        return binding instanceof Binding bound ? bound : NONE;
    }
}
