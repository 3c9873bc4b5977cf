package nl.preventiefonds.organisation;

/** Why a person acts for an organisation; labels in the UI bundle as representation.basis.NAME. */
public enum RepresentationBasis {
    /** The broker (eHerkenning) confirmed it at login: the person is the organisation's administrator here. */
    BROKER_CLAIM,
    /** An administrator (a BROKER_CLAIM representative) authorised this account. */
    AUTHORISATION
}
