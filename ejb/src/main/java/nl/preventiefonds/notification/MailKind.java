package nl.preventiefonds.notification;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The mails to applicants whose Dutch wording a municipality sets itself (issue 21): each names the mail-bundle key it
 * replaces and what that key's arguments {0}, {1}, ... are called as placeholders, so a template says
 * {@code {{kenmerk}}} where the bundle says {1}. While a municipality saved no text, and for recipients who read
 * English, the bundle's text is sent as before.
 */
public enum MailKind {
    INFORMATION_REQUESTED("information-requested", "verzoek om aanvulling", "naam", "kenmerk", "titel", "gevraagd",
            "uiterlijk"),
    DECISION_AWARD("decision-AWARD", "besluit: toekenning", "naam", "kenmerk", "titel", "bedrag", "bezwaar_tot"),
    DECISION_PARTIAL_AWARD("decision-PARTIAL_AWARD", "besluit: gedeeltelijke toekenning", "naam", "kenmerk",
            "titel", "bedrag", "bezwaar_tot"),
    DECISION_REJECTION("decision-REJECT", "besluit: afwijzing", "naam", "kenmerk", "titel", "bedrag",
            "bezwaar_tot"),
    DETERMINATION("determination", "vaststelling (en terugvordering)", "naam", "kenmerk", "titel", "bedrag",
            "bezwaar_tot"),
    REPORT_REMINDER_UPCOMING("report-reminder-UPCOMING", "herinnering: verslag binnenkort", "naam", "kenmerk",
            "titel", "uiterlijk", "verslag"),
    REPORT_REMINDER_OVERDUE("report-reminder-OVERDUE", "herinnering: verslag te laat", "naam", "kenmerk", "titel",
            "uiterlijk", "verslag"),
    REPORT_REMINDER_FINAL_NOTICE("report-reminder-FINAL_NOTICE", "laatste herinnering: verslag", "naam", "kenmerk",
            "titel", "uiterlijk", "verslag");

    /** The longest subject the outbox keeps. */
    public static final int MAX_SUBJECT = 300;
    /** The longest body the outbox keeps. */
    public static final int MAX_BODY = 8000;
    private static final String BUNDLE = "nl.preventiefonds.notification.mails";

    private final String bundleKey;
    private final String dutchName;
    private final List<String> arguments;

    MailKind(String bundleKey, String dutchName, String... arguments) {
        this.bundleKey = bundleKey;
        this.dutchName = dutchName;
        this.arguments = List.of(arguments);
    }

    /** The kind that replaces the mail of this bundle key, if a municipality may word it. */
    public static Optional<MailKind> ofBundleKey(String key) {
        return Arrays.stream(values()).filter(k -> k.bundleKey.equals(key)).findFirst();
    }

    public String bundleKey() {
        return bundleKey;
    }

    /** "verzoek om aanvulling": shown to the administrator and recorded with the mail. */
    public String dutchName() {
        return dutchName;
    }

    /** The placeholders this kind offers, in the order the administrator sees them. */
    public Set<String> placeholders() {
        return new LinkedHashSet<>(arguments);
    }

    /** The positional arguments the services pass, by placeholder name. */
    public Map<String, String> values(Object... positional) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            named.put(arguments.get(i), i < positional.length && positional[i] != null
                    ? String.valueOf(positional[i]) : "");
        }
        return named;
    }

    /** Today's Dutch subject with placeholders instead of {0}, {1}: the starting point for a text of one's own. */
    public String builtInSubject() {
        return named(dutch().getString(bundleKey + ".subject"));
    }

    /** Today's Dutch body with placeholders, as {@link #builtInSubject()}. */
    public String builtInBody() {
        return named(dutch().getString(bundleKey + ".body"));
    }

    /**
     * A MessageFormat pattern with each {i} written as its placeholder: formatting the pattern with "{{name}}" as
     * the i-th argument also undoes MessageFormat's quoting ('' for an apostrophe).
     */
    private String named(String pattern) {
        Object[] names = arguments.stream().map(n -> "{{" + n + "}}").toArray();
        return new MessageFormat(pattern, Locale.forLanguageTag("nl")).format(names);
    }

    private static ResourceBundle dutch() {
        return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("nl"), MailKind.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
