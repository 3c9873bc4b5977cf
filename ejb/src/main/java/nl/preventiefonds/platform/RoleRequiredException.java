package nl.preventiefonds.platform;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A step of a service the caller's role may not take, though the service itself is open to it (an officer records
 * an objection's outcome, but the new decision of an upheld one is the decision maker's): 403 with a message that
 * says who may, instead of a bare refusal. Rolls back like every broken rule.
 */
@ApplicationException(rollback = true)
public class RoleRequiredException extends ValidationFailedException {
    private static final long serialVersionUID = 1L;

    public RoleRequiredException(String messageKey) {
        super(List.of(messageKey));
    }

    /** With values to fill in (a level of assurance that is required and the one the login has). */
    public RoleRequiredException(Problem problem) {
        super(problem);
    }
}
