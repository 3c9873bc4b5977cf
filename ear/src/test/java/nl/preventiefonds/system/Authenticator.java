package nl.preventiefonds.system;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.preventiefonds.identity.TotpCodes;

/**
 * The tests' authenticator app: it keeps the secret an enrolment page showed (as a person types it into their app)
 * and computes codes with the same RFC 6238 library. A code is accepted once, so two logins of one account within
 * the same 30 seconds take the next step's code (the server accepts one step ahead), or wait for the step after.
 */
final class Authenticator {
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private Authenticator() {
    }

    /** The secret as the page shows it (in groups of four). */
    static void remember(String email, String shownSecret) {
        SECRETS.put(email.toLowerCase(java.util.Locale.ROOT), shownSecret.replaceAll("\\s", ""));
        LAST_STEP.remove(email.toLowerCase(java.util.Locale.ROOT));
    }

    static boolean knows(String email) {
        return SECRETS.containsKey(email.toLowerCase(java.util.Locale.ROOT));
    }

    /** A code the server has not accepted before for this account. */
    static synchronized String nextCode(String email) throws InterruptedException {
        String key = email.toLowerCase(java.util.Locale.ROOT);
        String secret = SECRETS.get(key);
        if (secret == null) {
            throw new AssertionError("no second factor enrolled by this test run for " + email);
        }
        long step = Math.max(currentStep(), LAST_STEP.getOrDefault(key, Long.MIN_VALUE) + 1);
        while (step > currentStep() + 1) {
            Thread.sleep(1000); // the server accepts at most one step ahead: wait for the clock to catch up
        }
        LAST_STEP.put(key, step);
        return TotpCodes.code(secret, step);
    }

    private static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
    }
}
