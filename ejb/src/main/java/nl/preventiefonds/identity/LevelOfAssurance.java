package nl.preventiefonds.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * How sure a broker is of who logged in. eHerkenning sends its level as a URN
 * ({@code urn:etoegang:core:assurance-class:loa3}); DigiD brokers send the SAML authentication context class of the
 * DigiD means used (or its name). The rank orders the levels of one kind (eIDAS: 20 low, 30 substantial, 40 high; EH2+ between).
 */
public enum LevelOfAssurance {
    EH1(BrokerKind.EHERKENNING, 10),
    EH2(BrokerKind.EHERKENNING, 20),
    EH2_PLUS(BrokerKind.EHERKENNING, 25),
    EH3(BrokerKind.EHERKENNING, 30),
    EH4(BrokerKind.EHERKENNING, 40),
    DIGID_BASIS(BrokerKind.DIGID, 10),
    DIGID_MIDDEN(BrokerKind.DIGID, 20),
    DIGID_SUBSTANTIEEL(BrokerKind.DIGID, 30),
    DIGID_HOOG(BrokerKind.DIGID, 40);

    private static final String EH_URN = "urn:etoegang:core:assurance-class:";
    private static final String SAML_CLASS = "urn:oasis:names:tc:saml:2.0:ac:classes:";

    private final BrokerKind kind;
    private final int rank;

    LevelOfAssurance(BrokerKind kind, int rank) {
        this.kind = kind;
        this.rank = rank;
    }

    public BrokerKind kind() {
        return kind;
    }

    /** At least {@code required}: of the same kind and not lower (EH2+ does not reach EH3). */
    public boolean satisfies(LevelOfAssurance required) {
        return kind == required.kind && rank >= required.rank;
    }

    /** The level a broker's claim names; empty for a value this installation does not know. */
    public static Optional<LevelOfAssurance> fromClaim(BrokerKind kind, String claim) {
        if (claim == null || claim.isBlank()) {
            return Optional.empty();
        }
        String value = claim.strip().toLowerCase(Locale.ROOT);
        if (kind == BrokerKind.EHERKENNING) {
            String level = value.startsWith(EH_URN) ? value.substring(EH_URN.length()) : value;
            return Optional.ofNullable(switch (level) {
                case "loa1", "eh1" -> EH1;
                case "loa2", "eh2" -> EH2;
                case "loa2plus", "eh2+", "eh2plus" -> EH2_PLUS;
                case "loa3", "eh3" -> EH3;
                case "loa4", "eh4" -> EH4;
                default -> null;
            });
        }
        String level = value.startsWith(SAML_CLASS) ? value.substring(SAML_CLASS.length()) : value;
        return Optional.ofNullable(switch (level) {
            case "passwordprotectedtransport", "basis", "digid_basis" -> DIGID_BASIS;
            case "mobiletwofactorcontract", "midden", "digid_midden" -> DIGID_MIDDEN;
            case "smartcard", "substantieel", "digid_substantieel" -> DIGID_SUBSTANTIEEL;
            case "smartcardpki", "hoog", "digid_hoog" -> DIGID_HOOG;
            default -> null;
        });
    }

    /** For pages: "EH3", "EH2+", "DigiD Midden". */
    public String label() {
        return switch (this) {
            case EH2_PLUS -> "EH2+";
            case DIGID_BASIS -> "DigiD Basis";
            case DIGID_MIDDEN -> "DigiD Midden";
            case DIGID_SUBSTANTIEEL -> "DigiD Substantieel";
            case DIGID_HOOG -> "DigiD Hoog";
            default -> name();
        };
    }
}
