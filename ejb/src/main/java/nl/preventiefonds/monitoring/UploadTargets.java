package nl.preventiefonds.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.preventiefonds.platform.Problem;

/**
 * Which report a row of a partner's bulk upload files (issue 17 §2): the one the row names, only when it is still
 * owed and open today. A row that names no report goes to the one open progress report of its initiative, never
 * to a final report and never when more than one is open. Pure, so its edges are unit-tested.
 */
public final class UploadTargets {

    private UploadTargets() {
    }

    /**
     * One of the partner's requests at one initiative. {@code number} counts the progress reports from 1 in their
     * order (0 for the final report); {@code opensOn} null means open already (it came back for more).
     */
    public record Candidate(long requestId, ReportPurpose purpose, int number, LocalDate opensOn, boolean outstanding) {

        boolean openOn(LocalDate today) {
            return outstanding && (opensOn == null || !opensOn.isAfter(today));
        }

        PartnerReportCsv.ReportChoice choice() {
            return purpose == ReportPurpose.FINAL ? PartnerReportCsv.ReportChoice.FINAL
                    : PartnerReportCsv.ReportChoice.progress(number);
        }
    }

    /** The request a row files, or why it cannot; exactly one of the two is set. */
    public record Target(Candidate candidate, Problem problem) {
    }

    /**
     * @param reference as in the row, for the messages
     * @param choice    what the row names; null when its {@code rapportage} cell is empty or absent
     * @param candidates every request of the caller's organisation at that initiative (empty: not its initiative)
     */
    public static Target resolve(String reference, PartnerReportCsv.ReportChoice choice, List<Candidate> candidates,
                                 LocalDate today) {
        if (candidates.isEmpty()) {
            // Unknown, another organisation's or no reports asked: the same answer, so nothing leaks.
            return refused(Problem.of("csv.noOpenRequest", reference));
        }
        if (choice != null) {
            Candidate named = candidates.stream().filter(c -> c.choice().equals(choice)).findFirst().orElse(null);
            if (named == null) {
                return refused(Problem.of("csv.reportNotAsked", choice.cell(), reference));
            }
            if (!named.outstanding()) {
                return refused(Problem.of("csv.reportNotOutstanding", choice.cell(), reference));
            }
            if (!named.openOn(today)) {
                return refused(Problem.of("csv.reportNotYetOpen", choice.cell(), reference, named.opensOn()));
            }
            return new Target(named, null);
        }
        List<Candidate> open = candidates.stream().filter(c -> c.openOn(today)).toList();
        if (open.size() == 1 && open.get(0).purpose() == ReportPurpose.PROGRESS) {
            return new Target(open.get(0), null);
        }
        if (open.size() == 1) {
            return refused(Problem.of("csv.reportFinalNotNamed", reference));
        }
        if (open.size() > 1) {
            List<String> cells = new ArrayList<>();
            open.forEach(c -> cells.add(c.choice().cell()));
            return refused(Problem.of("csv.reportAmbiguous", reference, String.join(", ", cells)));
        }
        Candidate next = candidates.stream().filter(Candidate::outstanding)
                .min(Comparator.comparing(Candidate::opensOn, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElse(null);
        if (next == null) {
            return refused(Problem.of("csv.noOpenRequest", reference));
        }
        return refused(Problem.of("csv.reportNotYetOpen", next.choice().cell(), reference, next.opensOn()));
    }

    private static Target refused(Problem problem) {
        return new Target(null, problem);
    }
}
