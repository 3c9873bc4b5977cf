package nl.preventiefonds.identity;

import java.io.Serializable;

/**
 * What a broker login said for this session: which broker, at which level, and for eHerkenning the organisation.
 * The web layer keeps it with the session and passes it to the services whose steps need a level (a login with a
 * local password has none).
 */
public record LoginAssurance(BrokerKind kind, LevelOfAssurance level, String kvkNumber, String organisationName)
        implements Serializable {
}
