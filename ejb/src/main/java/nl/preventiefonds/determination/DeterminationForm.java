package nl.preventiefonds.determination;

import java.io.Serializable;
import java.math.BigDecimal;

/** The officer's determination: the final amount and, when lower than awarded, why. */
public class DeterminationForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private BigDecimal finalAmount;
    private String reasons;

    public DeterminationForm() {
    }

    public DeterminationForm(BigDecimal finalAmount, String reasons) {
        this.finalAmount = finalAmount;
        this.reasons = reasons;
    }

    public BigDecimal getFinalAmount() {
        return finalAmount;
    }

    public void setFinalAmount(BigDecimal finalAmount) {
        this.finalAmount = finalAmount;
    }

    public String getReasons() {
        return reasons;
    }

    public void setReasons(String reasons) {
        this.reasons = reasons;
    }
}
