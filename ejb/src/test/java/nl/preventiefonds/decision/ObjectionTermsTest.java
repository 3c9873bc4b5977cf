package nl.preventiefonds.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ObjectionTermsTest {

    @Test
    void sixWeeksToObjectMovedOffWeekendsAndHolidays() {
        assertEquals(LocalDate.of(2027, 1, 4), ObjectionTerms.objectionDeadline(LocalDate.of(2026, 11, 23)));
        // 14 November 2026 + 6 weeks = Saturday 26 December -> Monday 28 December
        assertEquals(LocalDate.of(2026, 12, 28), ObjectionTerms.objectionDeadline(LocalDate.of(2026, 11, 14)));
    }

    @Test
    void theObjectionIsDecidedSixWeeksAfterTheObjectionTerm() {
        LocalDate deadline = LocalDate.of(2027, 1, 4);
        assertEquals(LocalDate.of(2027, 2, 15), ObjectionTerms.decideBy(deadline, LocalDate.of(2026, 12, 1)),
                "on time: counted from the end of the objection term (Awb 7:10)");
        assertEquals(LocalDate.of(2027, 3, 1), ObjectionTerms.decideBy(deadline, LocalDate.of(2027, 1, 18)),
                "late: counted from receipt");
    }
}
