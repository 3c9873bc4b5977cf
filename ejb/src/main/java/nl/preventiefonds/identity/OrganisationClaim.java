package nl.preventiefonds.identity;

/** Fired when a broker (eHerkenning) confirms that a person acts for an organisation; the registry records it. */
public record OrganisationClaim(long userId, String kvkNumber, String organisationName, String levelOfAssurance) {
}
