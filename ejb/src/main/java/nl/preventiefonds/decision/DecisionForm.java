package nl.preventiefonds.decision;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the decision maker decides: outcome, amount, reasons, obligations and payment schedule. */
public class DecisionForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private DecisionOutcome outcome;
    private BigDecimal amount;
    private String reasons;
    /** One obligation per line. */
    private String obligations;
    private int advancePercent = 80;
    /** Tranches after the advance; the advance itself is computed from advancePercent. */
    private List<TrancheRow> tranches = new ArrayList<>();

    public static class TrancheRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String label;
        private LocalDate dueOn;
        private BigDecimal amount;

        public TrancheRow() {
        }

        public TrancheRow(String label, LocalDate dueOn, BigDecimal amount) {
            this.label = label;
            this.dueOn = dueOn;
            this.amount = amount;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public LocalDate getDueOn() {
            return dueOn;
        }

        public void setDueOn(LocalDate dueOn) {
            this.dueOn = dueOn;
        }

        public BigDecimal getAmount() {
            return amount;
        }

        public void setAmount(BigDecimal amount) {
            this.amount = amount;
        }
    }

    public DecisionOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(DecisionOutcome outcome) {
        this.outcome = outcome;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getReasons() {
        return reasons;
    }

    public void setReasons(String reasons) {
        this.reasons = reasons;
    }

    public String getObligations() {
        return obligations;
    }

    public void setObligations(String obligations) {
        this.obligations = obligations;
    }

    public int getAdvancePercent() {
        return advancePercent;
    }

    public void setAdvancePercent(int advancePercent) {
        this.advancePercent = advancePercent;
    }

    public List<TrancheRow> getTranches() {
        return tranches;
    }

    public void setTranches(List<TrancheRow> tranches) {
        this.tranches = tranches == null ? new ArrayList<>() : tranches;
    }
}
