package nl.preventiefonds.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.preventiefonds.platform.TemplateText;
import org.junit.jupiter.api.Test;

/**
 * The built-in text of every mail kind, as the administrator starts editing it, says what the bundle says: filled
 * with the same arguments by name it gives the mail the bundle gives, word for word.
 */
class MailKindTest {
    private static final Object[] ARGUMENTS = {"Anna de Vries", "PF-2026-00042", "Buurtkamer 'De Linde'",
        "Een begroting per activiteit", "3 maart 2026"};

    @Test
    void theBuiltInTextFilledByNameIsTheBundlesMail() {
        ResourceBundle dutch = ResourceBundle.getBundle("nl.preventiefonds.notification.mails",
                Locale.forLanguageTag("nl"), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
        for (MailKind kind : MailKind.values()) {
            String subject = new MessageFormat(dutch.getString(kind.bundleKey() + ".subject"), Locale.forLanguageTag(
                    "nl")).format(ARGUMENTS);
            String body = new MessageFormat(dutch.getString(kind.bundleKey() + ".body"), Locale.forLanguageTag("nl"))
                    .format(ARGUMENTS);
            assertEquals(subject, TemplateText.substitute(kind.builtInSubject(), kind.values(ARGUMENTS)),
                    kind.name());
            assertEquals(body, TemplateText.substitute(kind.builtInBody(), kind.values(ARGUMENTS)), kind.name());
            assertTrue(TemplateText.check(kind.builtInBody(), kind.placeholders()).isEmpty(), kind.name());
            assertFalse(kind.builtInBody().matches("(?s).*\\{\\d}.*"), kind + " has no positional argument left");
        }
    }

    @Test
    void theKindsAreFoundByTheBundleKeyTheServicesQueue() {
        assertEquals(MailKind.DECISION_REJECTION, MailKind.ofBundleKey("decision-REJECT").orElseThrow());
        assertEquals(MailKind.REPORT_REMINDER_OVERDUE, MailKind.ofBundleKey("report-reminder-OVERDUE").orElseThrow());
        assertTrue(MailKind.ofBundleKey("password-reset").isEmpty(), "account mails are the product's, not the"
                + " municipality's");
    }

    @Test
    void onlyDutchReadersGetTheMunicipalitysText() {
        assertTrue(Outbox.readsDutch("nl"));
        assertTrue(Outbox.readsDutch("nl-NL"));
        assertTrue(Outbox.readsDutch(null));
        assertFalse(Outbox.readsDutch("en"));
    }
}
