package nl.preventiefonds.platform;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** Input broke one or more rules; carries message keys for the UI bundle. Rolls back. */
@ApplicationException(rollback = true)
public class ValidationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<Problem> problems;

    // The flag only separates this from the List<String> constructor (same erasure).
    private ValidationFailedException(List<Problem> problems, boolean fromProblems) {
        super(String.join(", ", problems.stream().map(Problem::key).toList()));
        this.problems = List.copyOf(problems);
    }

    public ValidationFailedException(List<String> messageKeys) {
        this(messageKeys.stream().map(key -> Problem.of(key)).toList(), true);
    }

    /** One problem with values to fill in, for subclasses (e.g. a refusal that names a time). */
    protected ValidationFailedException(Problem problem) {
        this(List.of(problem), true);
    }

    public ValidationFailedException(String messageKey) {
        this(List.of(messageKey));
    }

    public static ValidationFailedException of(List<Problem> problems) {
        return new ValidationFailedException(problems, true);
    }

    public static ValidationFailedException of(String key, java.io.Serializable... args) {
        return new ValidationFailedException(List.of(Problem.of(key, args)), true);
    }

    public List<String> getMessageKeys() {
        return problems.stream().map(Problem::key).toList();
    }

    public List<Problem> getProblems() {
        return problems;
    }
}
