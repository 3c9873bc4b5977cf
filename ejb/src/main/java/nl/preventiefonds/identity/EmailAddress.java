package nl.preventiefonds.identity;

import java.util.regex.Pattern;

/** A pragmatic check: one @, a dot in the domain, no spaces; the confirmation mail proves the rest. */
public final class EmailAddress {
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private EmailAddress() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= 254 && SHAPE.matcher(email.trim()).matches();
    }
}
