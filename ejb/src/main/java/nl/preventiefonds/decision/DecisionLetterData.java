package nl.preventiefonds.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import nl.preventiefonds.call.ReportKind;

/**
 * Everything a decision letter (beschikking) shows, taken from the application, the call and the decision, so
 * the letter needs no entities. For a {@link DecisionOutcome#REJECT} the awarded amount is null or zero, the
 * schedule empty and the report kind and due date null. For an award the awarded amount is positive and the
 * report kind set; its due date is required unless the kind is {@link ReportKind#NONE}. Lists are copied;
 * null lists become empty.
 */
public record DecisionLetterData(String municipalityName, String fundName, String reference, LocalDate letterDate,
                                 String applicantName, String contactName, String initiativeTitle, String callTitle,
                                 DecisionOutcome outcome, BigDecimal requestedAmount, BigDecimal awardedAmount,
                                 String reasons, List<String> obligations, List<Tranche> schedule,
                                 ReportKind reportKind, LocalDate reportDueOn, LocalDate objectionDeadline,
                                 String objectionAddress, String signatory, String legalBasis) {

    /** One payment: e.g. "Voorschot" on a date. */
    public record Tranche(String label, LocalDate dueOn, BigDecimal amount) {
        public Tranche {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(amount, "amount");
        }
    }

    public DecisionLetterData {
        Objects.requireNonNull(municipalityName, "municipalityName");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(letterDate, "letterDate");
        Objects.requireNonNull(applicantName, "applicantName");
        Objects.requireNonNull(initiativeTitle, "initiativeTitle");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(objectionDeadline, "objectionDeadline");
        obligations = obligations == null ? List.of() : List.copyOf(obligations);
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
        if (outcome.grantsMoney()) {
            if (awardedAmount == null || awardedAmount.signum() <= 0) {
                throw new IllegalArgumentException("an award needs a positive awarded amount");
            }
            if (reportKind == null) {
                throw new IllegalArgumentException("an award needs a report kind");
            }
            if (reportKind != ReportKind.NONE && reportDueOn == null) {
                throw new IllegalArgumentException("a report needs a due date");
            }
        } else if (!schedule.isEmpty() || awardedAmount != null && awardedAmount.signum() != 0) {
            throw new IllegalArgumentException("a rejection pays nothing");
        }
    }
}
