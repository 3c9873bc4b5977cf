package nl.preventiefonds.platform;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * The request is valid but clashes with the object's state: done already, or changed by someone else meanwhile.
 * The API answers 409 Conflict; pages show it like any other broken rule. Rolls back.
 */
@ApplicationException(rollback = true)
public class ConflictException extends ValidationFailedException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String messageKey) {
        super(List.of(messageKey));
    }
}
