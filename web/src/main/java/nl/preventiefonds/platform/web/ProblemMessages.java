package nl.preventiefonds.platform.web;

import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Problem;

/**
 * Shows the problems of a {@code ValidationFailedException} as error messages, all at once, in
 * the language of the view. Amounts (BigDecimal) appear as Dutch euros ("€ 1.234,50"), whole
 * numbers plainly (a row number 1000 stays "1000", not "1.000").
 */
public final class ProblemMessages {

    private ProblemMessages() {
    }

    public static void add(List<Problem> problems) {
        add(problems, problem -> null);
    }

    /**
     * As {@link #add(List)}, but a problem that belongs to one field is bound to that field's
     * client id (so its p:message shows it) and the field is marked invalid (aria-invalid).
     */
    public static void add(List<Problem> problems, Function<Problem, String> fieldOf) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Problem problem : problems) {
            String clientId = fieldOf.apply(problem);
            Messages.error(clientId, problem.key(), arguments(problem));
            if (clientId != null) {
                // Also reaches inputs inside table rows (the row is positioned for the callback).
                faces.getViewRoot().invokeOnComponent(faces, clientId, (context, component) -> {
                    if (component instanceof UIInput input) {
                        // An invalid input shows its submitted value, which the model update has
                        // cleared: decoding the request again keeps what the user typed on screen.
                        input.decode(context);
                        input.setValid(false);
                    }
                });
            }
        }
        faces.validationFailed();
    }

    /** The text of one problem in the view's language. */
    public static String text(Problem problem) {
        return Messages.text(problem.key(), arguments(problem));
    }

    static Object[] arguments(Problem problem) {
        return problem.args().stream().map(ProblemMessages::format).toArray();
    }

    private static Object format(Serializable argument) {
        if (argument instanceof BigDecimal amount) {
            return Amsterdam.euros(amount, Amsterdam.DUTCH);
        }
        if (argument instanceof Integer || argument instanceof Long || argument instanceof Short) {
            return String.valueOf(argument);
        }
        return argument;
    }
}
