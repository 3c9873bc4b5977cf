package nl.preventiefonds.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.monitoring.PartnerReportCsv.ReportChoice;
import nl.preventiefonds.monitoring.UploadTargets.Candidate;
import nl.preventiefonds.monitoring.UploadTargets.Target;
import nl.preventiefonds.platform.Problem;
import org.junit.jupiter.api.Test;

/** Which report a row of a bulk upload files: only the one it names, from its opening day, never a guessed final. */
class UploadTargetsTest {
    private static final LocalDate PROGRESS_OPENS = LocalDate.of(2027, 7, 4);
    private static final LocalDate FINAL_OPENS = LocalDate.of(2028, 4, 1);
    private static final Candidate PROGRESS_1 = new Candidate(11, ReportPurpose.PROGRESS, 1, PROGRESS_OPENS, true);
    private static final Candidate PROGRESS_2 = new Candidate(12, ReportPurpose.PROGRESS, 2,
            LocalDate.of(2028, 1, 4), true);
    private static final Candidate FINAL = new Candidate(13, ReportPurpose.FINAL, 0, FINAL_OPENS, true);
    private static final List<Candidate> ALL = List.of(PROGRESS_1, PROGRESS_2, FINAL);

    private static Target resolve(ReportChoice choice, List<Candidate> candidates, LocalDate today) {
        return UploadTargets.resolve("PF-2027-00012", choice, candidates, today);
    }

    private static void assertFiles(Candidate expected, Target target) {
        assertNull(target.problem(), String.valueOf(target.problem()));
        assertEquals(expected, target.candidate());
    }

    private static void assertRefused(Problem expected, Target target) {
        assertNull(target.candidate());
        assertEquals(expected, target.problem());
    }

    @Test
    void aFinalReportCanBeFiledFromItsOpeningDayNotTheDayBefore() {
        assertFiles(FINAL, resolve(ReportChoice.FINAL, ALL, FINAL_OPENS));
        assertRefused(Problem.of("csv.reportNotYetOpen", "eind", "PF-2027-00012", FINAL_OPENS),
                resolve(ReportChoice.FINAL, ALL, FINAL_OPENS.minusDays(1)));
        // Months before: the defect of issue 17 §2.
        assertRefused(Problem.of("csv.reportNotYetOpen", "eind", "PF-2027-00012", FINAL_OPENS),
                resolve(ReportChoice.FINAL, ALL, LocalDate.of(2027, 1, 10)));
    }

    @Test
    void aProgressReportIsNamedByItsNumberAndOpensOnItsMark() {
        assertFiles(PROGRESS_1, resolve(ReportChoice.progress(1), ALL, PROGRESS_OPENS));
        assertRefused(Problem.of("csv.reportNotYetOpen", "voortgang 1", "PF-2027-00012", PROGRESS_OPENS),
                resolve(ReportChoice.progress(1), ALL, PROGRESS_OPENS.minusDays(1)));
        assertRefused(Problem.of("csv.reportNotAsked", "voortgang 3", "PF-2027-00012"),
                resolve(ReportChoice.progress(3), ALL, FINAL_OPENS));
    }

    @Test
    void aReportAlreadyFiledIsRefusedUnlessItCameBackForMore() {
        Candidate filed = new Candidate(11, ReportPurpose.PROGRESS, 1, PROGRESS_OPENS, false);
        assertRefused(Problem.of("csv.reportNotOutstanding", "voortgang 1", "PF-2027-00012"),
                resolve(ReportChoice.progress(1), List.of(filed, PROGRESS_2, FINAL), PROGRESS_OPENS.plusDays(3)));
        Candidate moreAsked = new Candidate(13, ReportPurpose.FINAL, 0, null, true);
        assertFiles(moreAsked, resolve(ReportChoice.FINAL, List.of(moreAsked), LocalDate.of(2027, 1, 10)));
    }

    @Test
    void withoutTheColumnOnlyTheOneOpenProgressReportIsTakenNeverAFinalOne() {
        assertFiles(PROGRESS_1, resolve(null, ALL, PROGRESS_OPENS));
        assertRefused(Problem.of("csv.reportNotYetOpen", "voortgang 1", "PF-2027-00012", PROGRESS_OPENS),
                resolve(null, ALL, PROGRESS_OPENS.minusDays(1)));
        Candidate filed = new Candidate(11, ReportPurpose.PROGRESS, 1, PROGRESS_OPENS, false);
        Candidate filed2 = new Candidate(12, ReportPurpose.PROGRESS, 2, LocalDate.of(2028, 1, 4), false);
        // Only the final report is open: it must be named, it is never guessed.
        assertRefused(Problem.of("csv.reportFinalNotNamed", "PF-2027-00012"),
                resolve(null, List.of(filed, filed2, FINAL), FINAL_OPENS));
        // Two open at once (the first progress report still owed when the second opens): which one is unclear.
        assertRefused(Problem.of("csv.reportAmbiguous", "PF-2027-00012", "voortgang 1, voortgang 2"),
                resolve(null, ALL, LocalDate.of(2028, 1, 4)));
        assertRefused(Problem.of("csv.noOpenRequest", "PF-2027-00012"),
                resolve(null, List.of(filed, filed2), FINAL_OPENS));
    }

    @Test
    void anInitiativeWithoutRequestsOfTheCallersOrganisationIsUnknown() {
        assertRefused(Problem.of("csv.noOpenRequest", "PF-2027-00012"), resolve(ReportChoice.FINAL, List.of(),
                FINAL_OPENS));
        assertRefused(Problem.of("csv.noOpenRequest", "PF-2027-00012"), resolve(null, List.of(), FINAL_OPENS));
    }
}
