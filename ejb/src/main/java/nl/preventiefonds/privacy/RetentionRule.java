package nl.preventiefonds.privacy;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * When an organiser's personal data may be anonymised (AVG art. 17, limited by art. 17(3)(b): the
 * municipality must keep its grant files under the Archiefwet and the Awb).
 *
 * <p>The term runs from the organiser's <em>last fact</em>: the latest of account creation, last
 * login, any change to an application, decision, determination, objection received or decided,
 * payment made, reclaim settled or repayment received, report submitted and information supplied.
 * For a grant that is the determination or what followed it; for an account without grants it is
 * its last activity. While anything still runs (an application in process, a grant not yet
 * determined, a payment due, a reclaim open, an objection undecided) the term has not started.
 *
 * <p>Seven years: the Selectielijst gemeenten en intergemeentelijke organen keeps subsidy files
 * for a limited term after the file closes, the fiscal retention duty (AWR art. 52) is seven
 * years, and a reclaim lapses five years after it is due (Awb 4:57), which ends inside the term.
 * A municipality whose archivist sets another term changes {@link #TERM}; the guides say so.
 */
public final class RetentionRule {
    public static final Period TERM = Period.ofYears(7);

    /** What may happen to one organiser's data today. */
    public enum Verdict {
        /** The term has ended: anonymisation is allowed. */
        ENDED,
        /** The term has not ended yet; {@link Standing#endsAfter()} says until when. */
        RUNNING_TERM,
        /** A matter is still open, so the term has not even started. */
        MATTER_OPEN
    }

    /**
     * @param verdict   the outcome
     * @param lastFact  the day the term runs from (null for an open matter)
     * @param endsAfter the last day of the term; anonymisation is allowed from the next day
     */
    public record Standing(Verdict verdict, LocalDate lastFact, LocalDate endsAfter) {
        public boolean mayAnonymise() {
            return verdict == Verdict.ENDED;
        }
    }

    private RetentionRule() {
    }

    /** Facts strictly before this day are past the term on {@code today}. */
    public static LocalDate cutoff(LocalDate today) {
        return today.minus(TERM);
    }

    public static boolean ended(LocalDate lastFact, LocalDate today) {
        return lastFact.isBefore(cutoff(today));
    }

    /**
     * The last day of the term. Found by stepping forward from lastFact + term, so it agrees with
     * {@link #ended} also around 29 February, where "minus seven years" and "plus seven years" differ.
     */
    public static LocalDate endsAfter(LocalDate lastFact) {
        LocalDate day = lastFact.plus(TERM).minusDays(1);
        while (ended(lastFact, day)) {
            day = day.minusDays(1);
        }
        while (!ended(lastFact, day.plusDays(1))) {
            day = day.plusDays(1);
        }
        return day;
    }

    public static Standing assess(LocalDate lastFact, boolean matterOpen, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (matterOpen) {
            return new Standing(Verdict.MATTER_OPEN, lastFact, null);
        }
        Objects.requireNonNull(lastFact, "every account has at least its creation date");
        return new Standing(ended(lastFact, today) ? Verdict.ENDED : Verdict.RUNNING_TERM, lastFact,
                endsAfter(lastFact));
    }
}
