package nl.preventiefonds.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * The standard Jakarta Faces messages a visitor can meet have our own texts, in Dutch and English. Missing, Mojarra
 * shows its English one with the field's internal id ("dash:year: Validation Error: Specified attribute is not
 * between the expected values of 2.000 and 2.100."), as the impact dashboard's year did.
 */
class FacesMessagesTest {
    static final String BUNDLE = "nl.preventiefonds.web.validation";

    /** Mojarra's message ids a page can produce (its developer-only ones, such as a missing pattern, left out). */
    static final List<String> REACHABLE = List.of(
            "jakarta.faces.component.UIInput.REQUIRED", "jakarta.faces.component.UIInput.CONVERSION",
            "jakarta.faces.component.UIInput.UPDATE", "jakarta.faces.component.UISelectOne.INVALID",
            "jakarta.faces.component.UISelectMany.INVALID", "jakarta.faces.converter.DateTimeConverter.DATE",
            "jakarta.faces.converter.DateTimeConverter.TIME", "jakarta.faces.converter.DateTimeConverter.DATETIME",
            "jakarta.faces.converter.BigDecimalConverter.DECIMAL", "jakarta.faces.converter.BigIntegerConverter.BIGINTEGER",
            "jakarta.faces.converter.IntegerConverter.INTEGER", "jakarta.faces.converter.LongConverter.LONG",
            "jakarta.faces.converter.ShortConverter.SHORT", "jakarta.faces.converter.ByteConverter.BYTE",
            "jakarta.faces.converter.DoubleConverter.DOUBLE", "jakarta.faces.converter.FloatConverter.FLOAT",
            "jakarta.faces.converter.NumberConverter.NUMBER", "jakarta.faces.converter.NumberConverter.CURRENCY",
            "jakarta.faces.converter.NumberConverter.PERCENT", "jakarta.faces.converter.EnumConverter.ENUM",
            "jakarta.faces.converter.BooleanConverter.BOOLEAN", "jakarta.faces.validator.LengthValidator.MAXIMUM",
            "jakarta.faces.validator.LengthValidator.MINIMUM", "jakarta.faces.validator.LongRangeValidator.MAXIMUM",
            "jakarta.faces.validator.LongRangeValidator.MINIMUM", "jakarta.faces.validator.LongRangeValidator.NOT_IN_RANGE",
            "jakarta.faces.validator.LongRangeValidator.TYPE", "jakarta.faces.validator.DoubleRangeValidator.MAXIMUM",
            "jakarta.faces.validator.DoubleRangeValidator.MINIMUM",
            "jakarta.faces.validator.DoubleRangeValidator.NOT_IN_RANGE",
            "jakarta.faces.validator.DoubleRangeValidator.TYPE", "jakarta.faces.validator.NOT_IN_RANGE",
            "jakarta.faces.validator.RegexValidator.NOT_MATCHED");

    @Test
    void everyReachableMessageHasOurOwnTextInDutchAndEnglish() {
        for (Locale locale : List.of(Locale.forLanguageTag("nl-NL"), Locale.ENGLISH)) {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : REACHABLE) {
                assertTrue(bundle.containsKey(key), locale + " lacks " + key);
                String text = new MessageFormat(bundle.getString(key), locale).format(new Object[] {2000, 2100, "x"});
                assertFalse(text.contains("Validation Error") || text.contains("x:") || text.isBlank(),
                        locale + " " + key + ": " + text);
            }
        }
    }

    @Test
    void theRangeSaysBothEnds() {
        ResourceBundle dutch = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("nl-NL"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        assertEquals("Vul een waarde in van 1 tot en met 5.", MessageFormat.format(
                dutch.getString("jakarta.faces.validator.LongRangeValidator.NOT_IN_RANGE"), 1, 5));
    }
}
