package nl.preventiefonds.payment.web;

import jakarta.inject.Inject;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.payment.PaymentService;
import nl.preventiefonds.payment.Reclaim;
import nl.preventiefonds.payment.ReclaimStatus;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.web.FieldProblems;
import nl.preventiefonds.platform.web.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Fund manager: reclaims (terugvorderingen), paged in the database, with repayments recorded one by one. */
@Named("reclaimList")
@ViewScoped
public class ReclaimListBean implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String TABLE = "reclaims:reclaimTable";

    @Inject
    private PaymentService payments;

    private ReclaimStatus status = ReclaimStatus.OPEN;
    private String search;
    private final Map<Long, Repayment> repayments = new HashMap<>();

    /** What the fund manager typed for one reclaim; kept when the service refuses it. */
    public static class Repayment implements Serializable {
        private static final long serialVersionUID = 1L;
        private BigDecimal amount;
        private LocalDate receivedOn = LocalDate.now(Amsterdam.ZONE);
        private String bankReference;

        public BigDecimal getAmount() {
            return amount;
        }

        public void setAmount(BigDecimal amount) {
            this.amount = amount;
        }

        public LocalDate getReceivedOn() {
            return receivedOn;
        }

        public void setReceivedOn(LocalDate receivedOn) {
            this.receivedOn = receivedOn;
        }

        public String getBankReference() {
            return bankReference;
        }

        public void setBankReference(String bankReference) {
            this.bankReference = bankReference;
        }
    }

    private final LazyDataModel<Reclaim> reclaims = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, payments.countReclaims(status, search));
        }

        @Override
        public List<Reclaim> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                  Map<String, FilterMeta> filterBy) {
            return payments.reclaims(status, search, first, pageSize);
        }

        @Override
        public String getRowKey(Reclaim reclaim) {
            return String.valueOf(reclaim.getId());
        }
    };

    public Repayment repayment(Reclaim reclaim) {
        return repayments.computeIfAbsent(reclaim.getId(), k -> new Repayment());
    }

    /** Records money received back; row is the table row, to bind a problem to its own input. */
    public void recordRepayment(Reclaim reclaim, int row) {
        Repayment input = repayment(reclaim);
        String prefix = TABLE + ":" + row + ":";
        FieldProblems.bind(problem -> switch (problem.key()) {
            case "reclaim.amountInvalid", "reclaim.amountAboveOutstanding" -> prefix + "repayAmount";
            case "payment.paidOnInvalid" -> prefix + "receivedOn";
            case "field.tooLong" -> prefix + "repayReference";
            default -> null;
        });
        payments.recordRepayment(reclaim.getId(), input.getAmount(), input.getReceivedOn(),
                input.getBankReference());
        Messages.info("reclaims.recorded", reclaim.getApplication().getReference());
        repayments.remove(reclaim.getId());
    }

    public boolean overdue(Reclaim reclaim) {
        return reclaim.isOverdueOn(LocalDate.now(Amsterdam.ZONE));
    }

    public List<ReclaimStatus> getStatusOptions() {
        return Arrays.asList(ReclaimStatus.values());
    }

    public LazyDataModel<Reclaim> getReclaims() {
        return reclaims;
    }

    public ReclaimStatus getStatus() {
        return status;
    }

    public void setStatus(ReclaimStatus status) {
        this.status = status;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
