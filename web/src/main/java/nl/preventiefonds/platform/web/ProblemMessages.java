package nl.preventiefonds.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Problem;

/** Shows the problems a service reported, in the user's language, amounts as euros. */
public final class ProblemMessages {
    private static final String BUNDLE = "nl.preventiefonds.web.messages";

    private ProblemMessages() {
    }

    public static void add(List<Problem> problems) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Problem problem : problems) {
            String text = text(problem);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
    }

    /** The problem as a sentence; an argument that is itself a bundle key ("field.title") is translated. */
    public static String text(Problem problem) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
        Object[] args = problem.args().stream().map(arg -> format(arg, bundle, locale)).toArray();
        try {
            return new MessageFormat(bundle.getString(problem.key()), locale).format(args);
        } catch (MissingResourceException e) {
            return problem.key();
        }
    }

    private static Object format(Object arg, ResourceBundle bundle, Locale locale) {
        if (arg instanceof BigDecimal amount) {
            return Amsterdam.euros(amount, locale);
        }
        if (arg instanceof String key && key.startsWith("field.") && bundle.containsKey(key)) {
            return bundle.getString(key);
        }
        return arg instanceof Number number ? String.valueOf(number) : arg;
    }
}
