package nl.preventiefonds.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Problem;

/**
 * Shows the problems a service reported (a {@code ValidationFailedException}), all at once, in
 * the user's language: amounts as euros ("€ 1.234,50"), whole numbers plainly (a row number
 * 1000 stays "1000"), and an argument that is itself a bundle key ("field.title") translated.
 */
public final class ProblemMessages {
    private static final String BUNDLE = "nl.preventiefonds.web.messages";

    private ProblemMessages() {
    }

    public static void add(List<Problem> problems) {
        add(problems, problem -> null);
    }

    /**
     * As {@link #add(List)}, but a problem that belongs to one field is bound to that field's
     * client id (so its p:message shows it too) and the field is marked invalid (aria-invalid).
     */
    public static void add(List<Problem> problems, Function<Problem, String> fieldOf) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Problem problem : problems) {
            String text = text(problem);
            String clientId = fieldOf.apply(problem);
            faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
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
    }

    /** The problem as a sentence in the view's language. */
    public static String text(Problem problem) {
        return text(problem, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    /** The problem as a sentence in the given language; the API uses this too. */
    public static String text(Problem problem, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
        try {
            return new MessageFormat(bundle.getString(problem.key()), locale)
                    .format(arguments(problem, bundle, locale));
        } catch (MissingResourceException e) {
            return problem.key();
        }
    }

    static Object[] arguments(Problem problem, ResourceBundle bundle, Locale locale) {
        return problem.args().stream().map(arg -> format(arg, bundle, locale)).toArray();
    }

    private static Object format(Object arg, ResourceBundle bundle, Locale locale) {
        if (arg instanceof BigDecimal amount) {
            return Amsterdam.euros(amount, locale);
        }
        if (arg instanceof java.time.LocalDate date) {
            return Amsterdam.longDate(date, locale);
        }
        if (arg instanceof String key && key.startsWith("field.") && bundle.containsKey(key)) {
            return bundle.getString(key);
        }
        return arg instanceof Number number ? String.valueOf(number) : arg;
    }
}
