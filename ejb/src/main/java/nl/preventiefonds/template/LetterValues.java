package nl.preventiefonds.template;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.DutchNumberWords;

/**
 * The values of the placeholders every kind offers, formatted as the letters always showed them: amounts as
 * "€ 1.234,56", dates as "3 maart 2026", in Dutch. A kind's own values are added with {@link #with}.
 */
public final class LetterValues {
    private final Map<String, String> values = new LinkedHashMap<>();

    private LetterValues() {
    }

    /**
     * @param amount     the amount decided (null for a rejection: "-")
     * @param reasons    the decision's reasons, printed as they are; blank leaves the paragraph out
     * @param legalBasis the scheme, such as "de subsidieregeling Preventiefonds Assen"; blank: the Awb alone
     */
    public static LetterValues of(String applicant, String contact, String postalAddress, String title,
                                  String reference, String callTitle, String municipality, String fund,
                                  LocalDate letterDate, BigDecimal amount, BigDecimal requested, String reasons,
                                  String legalBasis) {
        LetterValues v = new LetterValues();
        v.values.put("aanvrager", text(applicant));
        v.values.put("contactpersoon", text(contact));
        v.values.put("adres", postalAddress == null ? "-" : postalAddress.replace("\n", ", "));
        v.values.put("titel", text(title));
        v.values.put("kenmerk", text(reference));
        v.values.put("subsidieronde", text(callTitle));
        v.values.put("gemeente", text(municipality));
        v.values.put("fonds", text(fund));
        v.values.put("datum_besluit", date(letterDate));
        v.values.put("bedrag", euros(amount));
        v.values.put("bedrag_in_woorden", amount == null ? "-" : DutchNumberWords.euros(amount));
        v.values.put("gevraagd_bedrag", euros(requested));
        v.values.put("motivering", reasons == null ? "" : reasons.strip());
        v.values.put("grondslag", (legalBasis == null || legalBasis.isBlank() ? "" : legalBasis + " en ")
                + "titel 4.2 van de Algemene wet bestuursrecht");
        return v;
    }

    /** Sets (or replaces) one value. */
    public LetterValues with(String name, String value) {
        values.put(name, value == null ? "" : value);
        return this;
    }

    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    /** "€ 1.234,56". */
    public static String euros(BigDecimal amount) {
        return Amsterdam.euros(amount, Amsterdam.DUTCH);
    }

    /** "3 maart 2026". */
    public static String date(LocalDate date) {
        return Amsterdam.longDate(date, Amsterdam.DUTCH);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
