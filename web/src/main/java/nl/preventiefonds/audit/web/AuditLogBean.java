package nl.preventiefonds.audit.web;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.audit.AuditEntry;
import nl.preventiefonds.audit.AuditFilter;
import nl.preventiefonds.audit.AuditLog;
import nl.preventiefonds.platform.Amsterdam;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The audit trail for fund managers: filtered in the database, loaded one page at a time. */
@Named
@ViewScoped
public class AuditLogBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private AuditLog auditLog;

    private String actor;
    private String action;
    private String subjectType;
    private String subjectId;
    private LocalDate from;
    private LocalDate until;
    private List<String> subjectTypes;

    private final LazyDataModel<AuditEntry> entries = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, auditLog.count(filter()));
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                     Map<String, FilterMeta> filterBy) {
            return auditLog.page(filter(), first, pageSize);
        }

        @Override
        public String getRowKey(AuditEntry entry) {
            return String.valueOf(entry.getId());
        }
    };

    @PostConstruct
    void init() {
        subjectTypes = auditLog.subjectTypes();
    }

    private AuditFilter filter() {
        return new AuditFilter(actor, action, subjectType, subjectId, from, until);
    }

    public void reset() {
        actor = null;
        action = null;
        subjectType = null;
        subjectId = null;
        from = null;
        until = null;
    }

    public ZonedDateTime local(AuditEntry entry) {
        return entry.getOccurredAt().atZone(Amsterdam.ZONE);
    }

    public LazyDataModel<AuditEntry> getEntries() {
        return entries;
    }

    public List<String> getSubjectTypes() {
        return subjectTypes;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public void setSubjectType(String subjectType) {
        this.subjectType = subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public void setSubjectId(String subjectId) {
        this.subjectId = subjectId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }
}
