package nl.preventiefonds.payment;

import java.time.LocalDate;

/** Marks a demo payment as paid, for the demo world only (never production). */
public final class DemoPayments {
    private DemoPayments() {
    }

    public static void paid(PaymentInstruction instruction, LocalDate on) {
        instruction.markPaid(on, "beheerder@demo.preventiefonds.nl", "DEMO-" + instruction.getDueOn());
    }
}
