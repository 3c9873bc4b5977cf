package nl.preventiefonds.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import nl.preventiefonds.call.ReportKind;

/**
 * Everything a decision letter (beschikking) shows, taken from the application, the call and the decision, so
 * the letter needs no entities. {@code onObjection} is set for a decision taken in place of one revoked on an
 * upheld objection (Awb 7:11); null for a first decision. For a {@link DecisionOutcome#REJECT} the awarded amount is null or zero, the
 * schedule empty and the report kind and due date null. For an award the awarded amount is positive and the
 * report kind set; its due date is required unless the kind is {@link ReportKind#NONE}. Lists are copied;
 * null lists become empty.
 */
public record DecisionLetterData(String municipalityName, String fundName, String reference, LocalDate letterDate,
                                 String applicantName, String contactName, String initiativeTitle, String callTitle,
                                 DecisionOutcome outcome, BigDecimal requestedAmount, BigDecimal awardedAmount,
                                 String reasons, List<String> obligations, List<Tranche> schedule,
                                 ReportKind reportKind, LocalDate reportDueOn, LocalDate objectionDeadline,
                                 String objectionAddress, String signatory, String legalBasis,
                                 OnObjection onObjection) {

    /**
     * The objection this decision answers: when it arrived, the date of the contested decision it replaces, whether
     * wholly or partly upheld, and the court for an appeal (the remedy against a decision on objection, Awb 7:1).
     */
    public record OnObjection(LocalDate objectionReceivedOn, LocalDate contestedDecisionOn, boolean partly,
                              String appealCourt) {
        public OnObjection {
            Objects.requireNonNull(objectionReceivedOn, "objectionReceivedOn");
            Objects.requireNonNull(contestedDecisionOn, "contestedDecisionOn");
        }
    }

    /** A first decision (not on an objection). */
    public DecisionLetterData(String municipalityName, String fundName, String reference, LocalDate letterDate,
                              String applicantName, String contactName, String initiativeTitle, String callTitle,
                              DecisionOutcome outcome, BigDecimal requestedAmount, BigDecimal awardedAmount,
                              String reasons, List<String> obligations, List<Tranche> schedule,
                              ReportKind reportKind, LocalDate reportDueOn, LocalDate objectionDeadline,
                              String objectionAddress, String signatory, String legalBasis) {
        this(municipalityName, fundName, reference, letterDate, applicantName, contactName, initiativeTitle,
                callTitle, outcome, requestedAmount, awardedAmount, reasons, obligations, schedule, reportKind,
                reportDueOn, objectionDeadline, objectionAddress, signatory, legalBasis, null);
    }

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
