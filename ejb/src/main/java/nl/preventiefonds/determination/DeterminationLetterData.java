package nl.preventiefonds.determination;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything a determination letter (beschikking tot subsidievaststelling, Awb 4:42-4:46) shows, so the letter
 * needs no entities. The final amount lies between zero and the awarded amount (Awb 4:46: never higher than the
 * award). {@link #balance()} decides the payment: a positive balance needs the date it is paid by, a negative one
 * the date the recipient must repay by. {@code direct} (determined without a report) wins over {@code onRequest}.
 * {@code realised} may be null, e.g. for a direct determination without a report.
 */
public record DeterminationLetterData(String municipalityName, String fundName, String reference,
                                      LocalDate letterDate, String applicantName, String contactName,
                                      String initiativeTitle, LocalDate decisionDate, BigDecimal awardedAmount,
                                      BigDecimal finalAmount, BigDecimal paidBefore, String reasons, boolean direct,
                                      boolean onRequest, Realised realised, LocalDate balancePayableBy,
                                      LocalDate reclaimDueOn, String reclaimIban, LocalDate objectionDeadline,
                                      String objectionAddress, String signatory, String legalBasis) {

    /** Planned and realised figures from the activity report; any of them may be unknown (null). */
    public record Realised(Integer participants, Integer sessions, Integer volunteers, Integer plannedParticipants,
                           Integer plannedSessions, Integer plannedVolunteers) {
    }

    public DeterminationLetterData {
        Objects.requireNonNull(municipalityName, "municipalityName");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(letterDate, "letterDate");
        Objects.requireNonNull(applicantName, "applicantName");
        Objects.requireNonNull(initiativeTitle, "initiativeTitle");
        Objects.requireNonNull(awardedAmount, "awardedAmount");
        Objects.requireNonNull(finalAmount, "finalAmount");
        Objects.requireNonNull(paidBefore, "paidBefore");
        Objects.requireNonNull(objectionDeadline, "objectionDeadline");
        if (finalAmount.signum() < 0) {
            throw new IllegalArgumentException("a negative final amount: " + finalAmount.toPlainString());
        }
        if (finalAmount.compareTo(awardedAmount) > 0) {
            throw new IllegalArgumentException("the final amount " + finalAmount.toPlainString()
                    + " is above the awarded " + awardedAmount.toPlainString());
        }
        if (paidBefore.signum() < 0) {
            throw new IllegalArgumentException("a negative amount paid: " + paidBefore.toPlainString());
        }
        // the fields are not assigned yet here, so balance() cannot be called
        int balance = finalAmount.subtract(paidBefore).signum();
        if (balance > 0 && balancePayableBy == null) {
            throw new IllegalArgumentException("a balance to pay needs the date it is paid by");
        }
        if (balance < 0 && reclaimDueOn == null) {
            throw new IllegalArgumentException("a reclaim needs the date it is due on");
        }
    }

    /** Final amount minus what was paid: positive, the municipality still pays; negative, the recipient repays. */
    public BigDecimal balance() {
        return finalAmount.subtract(paidBefore);
    }
}
