package nl.preventiefonds.platform;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** Input broke one or more rules; carries message keys for the UI bundle. Rolls back. */
@ApplicationException(rollback = true)
public class ValidationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> messageKeys;

    public ValidationFailedException(List<String> messageKeys) {
        super(String.join(", ", messageKeys));
        this.messageKeys = List.copyOf(messageKeys);
    }

    public ValidationFailedException(String messageKey) {
        this(List.of(messageKey));
    }

    public List<String> getMessageKeys() {
        return messageKeys;
    }
}
