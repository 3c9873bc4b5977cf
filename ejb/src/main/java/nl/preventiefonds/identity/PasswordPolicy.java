package nl.preventiefonds.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Length over complexity (NIST SP 800-63B): at least 10 characters, at most 128, not the e-mail address, and not
 * one of the commonly used or breached passwords (the list shipped with the application, see
 * common-passwords.README.md beside it).
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    static final String COMMON_PASSWORDS = "common-passwords.txt.gz";

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
        if (problems.isEmpty() && isCommon(password)) {
            problems.add("password.common");
        }
        return problems;
    }

    /** Whether the password is on the list of common and breached passwords, ignoring case. */
    public static boolean isCommon(String password) {
        return password != null
                && Arrays.binarySearch(CommonPasswords.SORTED, password.toLowerCase(Locale.ROOT)) >= 0;
    }

    /** Read once, on first use: a sorted array takes about half the memory of a hash set of the same strings. */
    private static final class CommonPasswords {
        static final String[] SORTED = load();

        private static String[] load() {
            try (InputStream raw = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
                if (raw == null) {
                    throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the application");
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                        StandardCharsets.UTF_8));
                String[] words = lines.lines().filter(line -> !line.isEmpty())
                        .toArray(String[]::new);
                Arrays.sort(words);
                return words;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
