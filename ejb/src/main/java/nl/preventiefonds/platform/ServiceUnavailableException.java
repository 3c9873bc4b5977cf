package nl.preventiefonds.platform;

/**
 * A service the step needs is down for now (e.g. the malware scanner): nothing was changed, try again later. 503 over
 * the API, a message in the form like any refusal. Rolls back.
 */
public class ServiceUnavailableException extends ValidationFailedException {
    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String messageKey) {
        super(Problem.of(messageKey));
    }
}
