package nl.preventiefonds.payment.web;

import jakarta.inject.Inject;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.payment.PaymentInstruction;
import nl.preventiefonds.payment.PaymentService;
import nl.preventiefonds.payment.PaymentStatus;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.web.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Fund manager: payment instructions, paged in the database, marked paid one by one. */
@Named("paymentList")
@ViewScoped
public class PaymentListBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private PaymentService payments;

    private PaymentStatus status = PaymentStatus.DUE;
    private final Map<Long, LocalDate> paidOn = new HashMap<>();
    private final Map<Long, String> bankReference = new HashMap<>();
    private LocalDate exportUntil = LocalDate.now(Amsterdam.ZONE).plusDays(14);

    private final LazyDataModel<PaymentInstruction> instructions = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, payments.count(new PaymentService.Filter(status, null)));
        }

        @Override
        public List<PaymentInstruction> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                             Map<String, FilterMeta> filterBy) {
            return payments.page(new PaymentService.Filter(status, null), first, pageSize);
        }

        @Override
        public String getRowKey(PaymentInstruction payment) {
            return String.valueOf(payment.getId());
        }
    };

    public void markPaid(PaymentInstruction payment) {
        payments.markPaid(payment.getId(), paidOn.getOrDefault(payment.getId(), LocalDate.now(Amsterdam.ZONE)),
                bankReference.get(payment.getId()));
        Messages.info("payments.markedPaid", payment.getApplication().getReference());
    }

    public boolean overdue(PaymentInstruction payment) {
        return payment.isOverdueOn(LocalDate.now(Amsterdam.ZONE));
    }

    public List<PaymentStatus> getStatusOptions() {
        return Arrays.asList(PaymentStatus.values());
    }

    public LazyDataModel<PaymentInstruction> getInstructions() {
        return instructions;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public void setStatus(PaymentStatus status) {
        this.status = status;
    }

    public Map<Long, LocalDate> getPaidOn() {
        return paidOn;
    }

    public Map<Long, String> getBankReference() {
        return bankReference;
    }

    public LocalDate getExportUntil() {
        return exportUntil;
    }

    public void setExportUntil(LocalDate exportUntil) {
        this.exportUntil = exportUntil;
    }
}
