package nl.preventiefonds.platform;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** One broken rule: a message key of the UI bundle and the values to fill in. */
public record Problem(String key, List<Serializable> args) implements Serializable {

    public static Problem of(String key, Serializable... args) {
        return new Problem(key, Arrays.asList(args));
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
