package nl.preventiefonds.municipality;

/**
 * A municipality was just added to the installation, inside the transaction that adds it: what every municipality
 * starts with (its six standard care indicators, in impact) is added by observers, which this package does not know.
 */
public record MunicipalityCreated(Municipality municipality) {
}
