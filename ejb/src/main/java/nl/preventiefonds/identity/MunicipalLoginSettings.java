package nl.preventiefonds.identity;

/**
 * What the installation administrator sets for a municipality's login through its identity provider (the secret
 * apart: it goes in, never out). Group lists are comma-separated group names as the provider sends them.
 */
public record MunicipalLoginSettings(String issuer, String clientId, String groupsClaim, String officerGroups,
        String decisionMakerGroups, String fundManagerGroups, boolean enabled) {
}
