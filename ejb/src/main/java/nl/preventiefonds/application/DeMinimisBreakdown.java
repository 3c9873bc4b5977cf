package nl.preventiefonds.application;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The figures of the de-minimis check, as the officer sees them: the awards of this municipality in the window (from
 * the organisation registry), the aid the applicant declared from other givers, and what is asked now.
 */
public record DeMinimisBreakdown(DeMinimisWindow window, BigDecimal awardedHere, BigDecimal declaredElsewhere,
                                 BigDecimal requested, BigDecimal ceiling) implements Serializable {

    public BigDecimal total() {
        return awardedHere.add(declaredElsewhere == null ? BigDecimal.ZERO : declaredElsewhere).add(requested);
    }

    public boolean exceedsCeiling() {
        return total().compareTo(ceiling) > 0;
    }
}
