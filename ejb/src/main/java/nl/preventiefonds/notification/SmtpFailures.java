package nl.preventiefonds.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.lang.reflect.Method;

/**
 * Tells a permanent delivery failure (the server said 5xx, the address cannot be an address) from a temporary one
 * (connection refused or timed out, 4xx): only temporary failures are worth retrying. The SMTP reply code is read
 * through the provider's public getReturnCode(), by reflection, so this works with whichever Jakarta Mail
 * implementation the server ships (Angus Mail today) without compiling against it.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof AddressException) {
                return true;
            }
            int code = replyCode(t);
            if (code >= 500 && code < 600) {
                return true;
            }
            if (code >= 400 && code < 500) {
                return false;
            }
            if (t instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0
                    && (sendFailed.getValidUnsentAddresses() == null
                    || sendFailed.getValidUnsentAddresses().length == 0)) {
                // Every recipient refused for good (Jakarta Mail files 5xx refusals as invalid, 4xx as unsent).
                return true;
            }
        }
        return false;
    }

    /** What the outbox screen and the log show: the first line of each distinct message in the chain. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 500; t = next(t)) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            String firstLine = message.lines().findFirst().orElse("");
            if (!firstLine.isEmpty() && text.indexOf(firstLine) < 0) {
                text.append(text.isEmpty() ? "" : "; ").append(firstLine);
            }
        }
        return text.isEmpty() ? failure.getClass().getSimpleName() : text.toString();
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != t) {
            return messaging.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static int replyCode(Throwable t) {
        try {
            Method method = t.getClass().getMethod("getReturnCode");
            Object code = method.invoke(t);
            return code instanceof Integer number ? number : -1;
        } catch (ReflectiveOperationException | RuntimeException none) {
            return -1;
        }
    }
}
