package nl.preventiefonds.identity;

/** A broker connection as the screen and the start-up settings give it (the secret apart, it is write-only). */
public record BrokerLoginSettings(String issuer, String clientId, LevelOfAssurance requiredSubmitLevel,
        boolean enabled) {
}
