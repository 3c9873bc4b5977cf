package nl.preventiefonds.partner;

/**
 * Chamber of Commerce (KvK) numbers: eight digits. The one check of the product (it was the application form's,
 * application.OrganisationIdentifiers, which now uses this one): what organisers type on the application form and
 * fund managers type for a partner organisation is checked the same way.
 */
public final class KvkNumbers {
    private KvkNumbers() {
    }

    /** Without the spaces, points and dashes people type between the digits; null and blank are null. */
    public static String normalise(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return typed.strip().replaceAll("[\\s.\\-\u00A0]", "");
    }

    public static boolean isValid(String kvk) {
        return kvk != null && kvk.matches("\\d{8}");
    }
}
