package nl.preventiefonds.application;

import java.util.Locale;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;
import nl.preventiefonds.partner.KvkNumbers;

/** Chamber of Commerce numbers and IBANs as organisers type them, normalised and checked. */
public final class OrganisationIdentifiers {
    private OrganisationIdentifiers() {
    }

    /** Digits only; KvK numbers are 8 digits. Anything else stays as typed, so it can be corrected. */
    public static String normaliseKvk(String typed) {
        String cleaned = Texts.clean(typed, 20);
        if (cleaned == null) {
            return null;
        }
        return cleaned.replaceAll("[\\s.-]", "");
    }

    /** The one KvK check of the product, shared with the fund manager's partner organisations. */
    public static boolean isValidKvk(String kvk) {
        return KvkNumbers.isValid(kvk);
    }

    /** Upper case without spaces, the electronic format. */
    public static String normaliseIban(String typed) {
        String cleaned = Texts.clean(typed, 42);
        if (cleaned == null) {
            return null;
        }
        return cleaned.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** Country format and check digits (ISO 13616) through iban4j. */
    public static boolean isValidIban(String iban) {
        if (iban == null) {
            return false;
        }
        try {
            IbanUtil.validate(iban);
            return true;
        } catch (IbanFormatException | InvalidCheckDigitException | UnsupportedCountryException e) {
            return false;
        }
    }

    /** Groups of four for reading, as on a bank card. */
    public static String formatIban(String iban) {
        if (iban == null) {
            return null;
        }
        return iban.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
