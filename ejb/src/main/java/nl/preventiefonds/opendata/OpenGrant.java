package nl.preventiefonds.opendata;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One awarded initiative as the public may see it. Holds no personal data: no contact person,
 * e-mail, phone, IBAN or address, and no organisation name that may be a person's (see
 * {@link Publication}).
 */
public record OpenGrant(
        String reference,
        String title,
        String summary,
        /** null when withheld, see {@link #organisationWithheld}. */
        String organisationName,
        /** Only when the organisation is published and the number is a valid 8-digit KvK number. */
        String kvkNumber,
        boolean organisationWithheld,
        List<Place> neighbourhoods,
        List<String> themes,
        BigDecimal amountAppliedFor,
        BigDecimal amountAwarded,
        /** null until determined (vaststelling). */
        BigDecimal finalAmount,
        BigDecimal amountPaid,
        LocalDate decisionDate,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        State state,
        String programme,
        String fundName,
        String municipalityCode,
        String municipalityName,
        /** The municipality's own funder identifier (its profile), null when it has none. */
        String funderId,
        /** The municipality's own registered 360Giving prefix (its profile), null when it has none. */
        String givingPrefix,
        /** null when no accepted report with figures exists. */
        Results results) implements Serializable {

    /** Lopend (running grant) or vastgesteld (final amount determined). */
    public enum State {
        RUNNING("lopend"),
        DETERMINED("vastgesteld");

        private final String dutch;

        State(String dutch) {
            this.dutch = dutch;
        }

        public String dutch() {
            return dutch;
        }
    }

    /** A neighbourhood by CBS code (WKxxxxxx) and name. */
    public record Place(String code, String name) implements Serializable {
    }

    /**
     * Realised reach, summed over the activities of one report: the organiser's latest accepted
     * final report, or when there is none yet its latest accepted progress report.
     */
    public record Results(int participants, int sessions, int volunteers, boolean fromFinalReport)
            implements Serializable {
    }
}
