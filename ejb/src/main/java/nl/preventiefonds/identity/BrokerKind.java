package nl.preventiefonds.identity;

import java.util.Locale;
import java.util.Optional;

/** The brokers a municipality may connect: eHerkenning for organisations, DigiD for residents. */
public enum BrokerKind {
    EHERKENNING,
    DIGID;

    /** From a URL parameter ("eherkenning", "digid"). */
    public static Optional<BrokerKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    public String urlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
