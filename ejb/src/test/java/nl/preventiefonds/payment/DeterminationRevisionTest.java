package nl.preventiefonds.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The money of a determination replaced on objection, at its cent edges; expected values written out. */
class DeterminationRevisionTest {
    private static final String CONTESTED = "10000.00";

    private static BigDecimal m(String amount) {
        return new BigDecimal(amount);
    }

    private static DeterminationRevision of(String newFinal, String unpaid, String reclaim, String received) {
        return DeterminationRevision.of(m(CONTESTED), m(newFinal), m(unpaid), reclaim == null ? null : m(reclaim),
                received == null ? null : m(received));
    }

    @Test
    void aCentHigherLowersTheReclaimByACent() {
        DeterminationRevision r = of("10000.01", "0.00", "6000.00", "0.00");
        assertEquals(m("0.01"), r.difference());
        assertEquals(m("5999.99"), r.reclaimAfter());
        assertEquals(m("6000.00"), r.reclaimBefore());
        assertEquals(m("0.00"), r.payment());
        assertFalse(r.cancelUnpaid());
    }

    @Test
    void higherByExactlyTheOutstandingReclaimCancelsItAndACentMoreIsPaid() {
        DeterminationRevision exactly = of("16000.00", "0.00", "6000.00", "0.00");
        assertEquals(m("0.00"), exactly.reclaimAfter());
        assertEquals(m("0.00"), exactly.payment());
        DeterminationRevision more = of("16000.01", "0.00", "6000.00", "0.00");
        assertEquals(m("0.00"), more.reclaimAfter());
        assertEquals(m("0.01"), more.payment());
    }

    @Test
    void neverBelowWhatWasRepaidTheRestIsPaid() {
        // 1,000 of the 6,000 repaid: the reclaim can come down to 1,000, not further.
        DeterminationRevision toRepaid = of("15000.00", "0.00", "6000.00", "1000.00");
        assertEquals(m("1000.00"), toRepaid.reclaimAfter());
        assertEquals(m("0.00"), toRepaid.payment());
        DeterminationRevision beyond = of("15000.01", "0.00", "6000.00", "1000.00");
        assertEquals(m("1000.00"), beyond.reclaimAfter());
        assertEquals(m("0.01"), beyond.payment());
        DeterminationRevision justAbove = of("14999.99", "0.00", "6000.00", "1000.00");
        assertEquals(m("1000.01"), justAbove.reclaimAfter());
        assertEquals(m("0.00"), justAbove.payment());
        // All repaid already: the whole difference is paid.
        DeterminationRevision settled = of("10000.01", "0.00", "6000.00", "6000.00");
        assertEquals(m("6000.00"), settled.reclaimAfter());
        assertEquals(m("0.01"), settled.payment());
    }

    @Test
    void withoutAReclaimAHigherAmountIsPaid() {
        DeterminationRevision r = of("10000.01", "2000.00", null, null);
        assertEquals(m("0.01"), r.payment());
        assertNull(r.reclaimAfter());
        assertNull(r.reclaimBefore());
        assertFalse(r.cancelUnpaid(), "what is still due stays due");
    }

    @Test
    void aLowerAmountRaisesTheReclaimEvenASettledOne() {
        DeterminationRevision r = of("9999.99", "0.00", "6000.00", "6000.00");
        assertEquals(m("-0.01"), r.difference());
        assertEquals(m("6000.01"), r.reclaimAfter());
        assertEquals(m("0.00"), r.payment());
    }

    @Test
    void aLowerAmountWithoutAReclaimOpensOne() {
        DeterminationRevision r = of("9999.99", "0.00", null, null);
        assertEquals(m("0.01"), r.reclaimAfter());
        assertNull(r.reclaimBefore());
        assertFalse(r.cancelUnpaid());
    }

    @Test
    void aLowerAmountFirstTakesBackWhatIsStillDue() {
        DeterminationRevision exactly = of("6000.00", "4000.00", null, null);
        assertTrue(exactly.cancelUnpaid());
        assertEquals(m("0.00"), exactly.payment());
        assertNull(exactly.reclaimAfter());
        DeterminationRevision lessThanDue = of("6000.01", "4000.00", null, null);
        assertTrue(lessThanDue.cancelUnpaid());
        assertEquals(m("0.01"), lessThanDue.payment());
        assertNull(lessThanDue.reclaimAfter());
        DeterminationRevision moreThanDue = of("5999.99", "4000.00", null, null);
        assertTrue(moreThanDue.cancelUnpaid());
        assertEquals(m("0.00"), moreThanDue.payment());
        assertEquals(m("0.01"), moreThanDue.reclaimAfter());
    }

    @Test
    void theSameAmountChangesNoMoneyAndCancelsNothingThatIsDue() {
        DeterminationRevision withDue = of(CONTESTED, "2000.00", null, null);
        assertEquals(m("0.00"), withDue.difference());
        assertFalse(withDue.cancelUnpaid(), "an unchanged amount leaves the payments due as they are");
        assertEquals(m("0.00"), withDue.payment());
        assertNull(withDue.reclaimAfter());
        DeterminationRevision withReclaim = of(CONTESTED, "0.00", "6000.00", "1000.00");
        assertFalse(withReclaim.cancelUnpaid());
        assertEquals(m("6000.00"), withReclaim.reclaimAfter(), "the reclaim stays what it was");
        assertEquals(m("0.00"), withReclaim.payment());
    }
}
