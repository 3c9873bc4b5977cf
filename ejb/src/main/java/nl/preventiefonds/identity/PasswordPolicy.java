package nl.preventiefonds.identity;

import java.util.ArrayList;
import java.util.List;

/** Length over complexity (NIST SP 800-63B): at least 10 characters, at most 128, not the e-mail address. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Message keys of every rule the password breaks; empty when it is acceptable. */
    public static List<String> violations(String password, String email) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add("password.tooShort");
            return problems;
        }
        if (password.length() > MAX_LENGTH) {
            problems.add("password.tooLong");
        }
        if (password.isBlank() || password.chars().distinct().count() < 4) {
            problems.add("password.tooSimple");
        }
        if (email != null && password.trim().equalsIgnoreCase(email.trim())) {
            problems.add("password.sameAsEmail");
        }
        return problems;
    }
}
