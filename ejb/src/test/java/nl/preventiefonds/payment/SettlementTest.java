package nl.preventiefonds.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.identity.AccountStatus;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import org.junit.jupiter.api.Test;

class SettlementTest {
    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void determinedAsAwardedAfterAdvancePaysTheRestWithinFourWeeks() {
        Settlement s = Settlement.of(eur("10000.00"), eur("8000.00"), List.of());
        assertEquals(eur("2000.00"), s.balancePayment());
        assertEquals(eur("0.00"), s.reclaim());
        assertEquals(eur("2000.00"), s.stillToPay());
    }

    @Test
    void determinedBelowWhatWasPaidReclaimsTheDifference() {
        Settlement s = Settlement.of(eur("6500.00"), eur("8000.00"), List.of());
        assertEquals(eur("0.00"), s.balancePayment());
        assertEquals(eur("1500.00"), s.reclaim());
        assertEquals(eur("-1500.00"), s.stillToPay());
    }

    @Test
    void unpaidScheduleStandsWhenItFitsUnderTheFinalAmount() {
        Settlement s = Settlement.of(eur("10000.00"), eur("0.00"),
                List.of(new Settlement.Unpaid(7, eur("8000.00"))));
        assertEquals(eur("8000.00"), s.keptUnpaid());
        assertTrue(s.cancelledIds().isEmpty());
        assertEquals(eur("2000.00"), s.balancePayment());
    }

    @Test
    void unpaidScheduleAboveTheFinalAmountIsCancelledAndReplacedByOneBalance() {
        Settlement s = Settlement.of(eur("5000.00"), eur("2000.00"),
                List.of(new Settlement.Unpaid(3, eur("4000.00")), new Settlement.Unpaid(4, eur("2000.00"))));
        assertEquals(List.of(3L, 4L), s.cancelledIds());
        assertEquals(eur("6000.00"), s.cancelledTotal());
        assertEquals(eur("3000.00"), s.balancePayment());
        assertEquals(eur("0.00"), s.reclaim());
        assertEquals(eur("0.00"), s.keptUnpaid());
    }

    @Test
    void determinedAtZeroWithUnpaidScheduleCancelsAllAndReclaimsWhatWasPaid() {
        Settlement s = Settlement.of(eur("0.00"), eur("1234.56"), List.of(new Settlement.Unpaid(9, eur("99.99"))));
        assertEquals(List.of(9L), s.cancelledIds());
        assertEquals(eur("1234.56"), s.reclaim());
        assertEquals(eur("0.00"), s.balancePayment());
    }

    @Test
    void exactlyPaidMeansNeitherPaymentNorReclaim() {
        Settlement s = Settlement.of(eur("4321.09"), eur("4321.09"), List.of());
        assertEquals(0, s.balancePayment().signum());
        assertEquals(0, s.reclaim().signum());
    }

    @Test
    void aScheduleThatReachesTheFinalAmountExactlyStandsAndOneCentMoreIsCancelled() {
        Settlement exact = Settlement.of(eur("10000.00"), eur("2000.00"), List.of(new Settlement.Unpaid(5, eur("8000.00"))));
        assertEquals(eur("8000.00"), exact.keptUnpaid());
        assertEquals(List.of(), exact.cancelledIds());
        assertEquals(eur("0.00"), exact.balancePayment());
        assertEquals(eur("0.00"), exact.reclaim());
        assertEquals(eur("8000.00"), exact.stillToPay());

        Settlement over = Settlement.of(eur("9999.99"), eur("2000.00"), List.of(new Settlement.Unpaid(5, eur("8000.00"))));
        assertEquals(eur("0.00"), over.keptUnpaid());
        assertEquals(List.of(5L), over.cancelledIds());
        assertEquals(eur("8000.00"), over.cancelledTotal());
        assertEquals(eur("7999.99"), over.balancePayment());
        assertEquals(eur("0.00"), over.reclaim());
        assertEquals(eur("7999.99"), over.stillToPay());
    }

    @Test
    void oneCentEitherSideOfWhatWasPaid() {
        Settlement more = Settlement.of(eur("4321.10"), eur("4321.09"), List.of());
        assertEquals(eur("0.01"), more.balancePayment());
        assertEquals(eur("0.00"), more.reclaim());
        Settlement less = Settlement.of(eur("4321.08"), eur("4321.09"), List.of());
        assertEquals(eur("0.00"), less.balancePayment());
        assertEquals(eur("0.01"), less.reclaim());
        assertEquals(eur("-0.01"), less.stillToPay());
        Settlement exact = Settlement.of(eur("4321.09"), eur("4321.09"), List.of());
        assertEquals(eur("0.00"), exact.balancePayment());
        assertEquals(eur("0.00"), exact.reclaim());
        assertEquals(eur("0.00"), exact.stillToPay());
    }

    @Test
    void cancellingTheScheduleWhenExactlyWhatWasPaidRemainsNeitherPaysNorReclaims() {
        Settlement s = Settlement.of(eur("3000.00"), eur("3000.00"), List.of(new Settlement.Unpaid(1, eur("0.01"))));
        assertEquals(List.of(1L), s.cancelledIds());
        assertEquals(eur("0.01"), s.cancelledTotal());
        assertEquals(eur("0.00"), s.balancePayment());
        assertEquals(eur("0.00"), s.reclaim());
    }

    private static PaymentInstruction instruction(Application application, long id, String amount) throws Exception {
        PaymentInstruction instruction = new PaymentInstruction(null, application, 1L, eur(amount),
                LocalDate.of(2027, 2, 1), Instant.EPOCH);
        Field field = PaymentInstruction.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(instruction, id);
        return instruction;
    }

    @Test
    void theStandingCountsWhatWasPaidAndWhatIsStillDueButNotWhatWasCancelled() throws Exception {
        Application application = new Application(null, new UserAccount("anna@example.org", "Anna", "x",
                Role.ORGANISER, AccountStatus.ACTIVE, Instant.EPOCH), Instant.EPOCH);
        PaymentInstruction paid = instruction(application, 1, "800.00");
        paid.markPaid(LocalDate.of(2027, 1, 4), "beheerder@example.org", "REF-1");
        PaymentInstruction due = instruction(application, 2, "150.25");
        PaymentInstruction cancelled = instruction(application, 3, "49.75");
        cancelled.cancel();
        Settlement.Standing standing = Settlement.Standing.of(List.of(paid, due, cancelled));
        assertEquals(eur("800.00"), standing.paid());
        assertEquals(List.of(new Settlement.Unpaid(2, eur("150.25"))), standing.unpaid());
        assertEquals(eur("150.25"), standing.unpaidTotal());

        // 800.00 paid and 150.25 due exceed 900.00: the due payment is cancelled, 100.00 is paid as balance
        Settlement settlement = Settlement.of(eur("900.00"), standing);
        assertEquals(List.of(2L), settlement.cancelledIds());
        assertEquals(eur("100.00"), settlement.balancePayment());
        assertEquals(eur("800.00"), settlement.paid());

        Settlement.Standing nothing = Settlement.Standing.of(List.of());
        assertEquals(eur("0.00"), nothing.paid());
        assertEquals(eur("0.00"), nothing.unpaidTotal());
        assertEquals(List.of(), nothing.unpaid());
    }
}
