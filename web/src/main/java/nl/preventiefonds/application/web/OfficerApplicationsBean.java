package nl.preventiefonds.application.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.call.CallDirectory;
import nl.preventiefonds.call.CallOption;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Staff list of submitted applications, paged and filtered in the database. */
@Named("officerApplications")
@ViewScoped
public class OfficerApplicationsBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private ApplicationQueries queries;
    @EJB
    private CallDirectory calls;

    private ApplicationStatus status = ApplicationStatus.SUBMITTED;
    private Long callId;
    private String text;
    private List<CallOption> callOptions;

    private final LazyDataModel<Application> applications = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, queries.count(filter()));
        }

        @Override
        public List<Application> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                      Map<String, FilterMeta> filterBy) {
            return queries.page(filter(), first, pageSize);
        }

        @Override
        public String getRowKey(Application application) {
            return String.valueOf(application.getId());
        }
    };

    @PostConstruct
    void init() {
        callOptions = calls.options();
    }

    private ApplicationQueries.Filter filter() {
        return new ApplicationQueries.Filter(status, callId, text);
    }

    public List<ApplicationStatus> getStatusOptions() {
        return Arrays.stream(ApplicationStatus.values()).filter(s -> s != ApplicationStatus.DRAFT).toList();
    }

    public LazyDataModel<Application> getApplications() {
        return applications;
    }

    public List<CallOption> getCallOptions() {
        return callOptions;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public void setStatus(ApplicationStatus status) {
        this.status = status;
    }

    public Long getCallId() {
        return callId;
    }

    public void setCallId(Long callId) {
        this.callId = callId;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
