package nl.preventiefonds.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplacementPaymentsTest {
    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void nothingPaidInstructsTheNewScheduleAsItIs() {
        ReplacementPayments money = ReplacementPayments.of(eur("0.00"), List.of(eur("6400.00"), eur("1000.00")),
                eur("8000.00"));
        assertEquals(List.of(eur("6400.00"), eur("1000.00")), money.instructed());
        assertEquals(eur("0.00"), money.reclaim());
    }

    @Test
    void whatWasPaidCountsAgainstTheTranchesInOrder() {
        // 8,000 paid as the advance of 10,000; the new award of 20,000 has an advance of 16,000 and a tranche.
        ReplacementPayments money = ReplacementPayments.of(eur("8000.00"), List.of(eur("16000.00"),
                eur("2000.00")), eur("20000.00"));
        assertEquals(List.of(eur("8000.00"), eur("2000.00")), money.instructed());
        assertEquals(eur("0.00"), money.reclaim());
        // Exactly the first tranche paid: it is not instructed again.
        assertEquals(List.of(eur("0.00"), eur("2000.00")), ReplacementPayments.of(eur("16000.00"),
                List.of(eur("16000.00"), eur("2000.00")), eur("20000.00")).instructed());
    }

    @Test
    void paidBeyondTheNewGrantIsReclaimedAndNothingMoreIsPaid() {
        ReplacementPayments lower = ReplacementPayments.of(eur("16000.00"), List.of(eur("4000.00")),
                eur("5000.00"));
        assertEquals(List.of(eur("0.00")), lower.instructed());
        assertEquals(eur("11000.00"), lower.reclaim());
        ReplacementPayments revoked = ReplacementPayments.of(eur("16000.00"), List.of(), eur("0.00"));
        assertEquals(eur("16000.00"), revoked.reclaim());
        assertEquals(eur("0.00"), ReplacementPayments.of(eur("5000.00"), List.of(eur("4000.00")), eur("5000.00"))
                .reclaim(), "paid exactly the new grant: no reclaim");
    }
}
