package nl.preventiefonds.platform;

import jakarta.ejb.ApplicationException;

/** The caller may not see or change this object. Rolls the transaction back. */
@ApplicationException(rollback = true)
public class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
