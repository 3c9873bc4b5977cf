package nl.preventiefonds.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The dashboard line says from when a report can be filed, by the same rule the service refuses it with. */
class ReportRequestRowTest {
    private static final LocalDate START = LocalDate.of(2027, 1, 4);
    private static final LocalDate END = LocalDate.of(2027, 12, 31);
    private static final LocalDate DUE = LocalDate.of(2028, 3, 31);

    private static ReportRequestRow row(ReportPurpose purpose, ReportRequestStatus status) {
        return new ReportRequestRow(1, "PF-2026-00001", "Buurtkamer", purpose, DUE, status, START, END);
    }

    @Test
    void aFinalReportOpensTheDayAfterTheActivitiesEnd() {
        ReportRequestRow open = row(ReportPurpose.FINAL, ReportRequestStatus.OPEN);
        assertEquals(END.plusDays(1), open.getOpensOn());
        assertTrue(open.isNotYetOpenOn(END));
        assertFalse(open.isNotYetOpenOn(END.plusDays(1)));
        assertEquals(END.plusDays(1), ReportRequest.opensOn(ReportRequestStatus.OPEN, ReportPurpose.FINAL, START, END,
                DUE));
    }

    @Test
    void moreRequestedWasOpenBeforeAndWhatIsSentIsNotOwed() {
        assertNull(row(ReportPurpose.FINAL, ReportRequestStatus.MORE_REQUESTED).getOpensOn());
        assertFalse(row(ReportPurpose.FINAL, ReportRequestStatus.MORE_REQUESTED).isNotYetOpenOn(START));
        assertFalse(row(ReportPurpose.FINAL, ReportRequestStatus.SUBMITTED).isNotYetOpenOn(START));
    }
}
