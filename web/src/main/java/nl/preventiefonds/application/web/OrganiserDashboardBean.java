package nl.preventiefonds.application.web;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.application.ApplicationRow;
import nl.preventiefonds.application.ApplicationService;
import nl.preventiefonds.application.InformationRequest;
import nl.preventiefonds.call.CallDirectory;
import nl.preventiefonds.call.OpenCall;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The organiser's start page: open calls, own applications with deadlines, and requests waiting. */
@Named("myApplications")
@ViewScoped
public class OrganiserDashboardBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private ApplicationService applications;
    @Inject
    private CallDirectory calls;

    private List<ApplicationRow> mine;
    private List<InformationRequest> openRequests;
    /** Paged in the database: at national scale hundreds of calls are open at once. */
    private final LazyDataModel<OpenCall> openCalls = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, calls.countOpenCalls(null));
        }

        @Override
        public List<OpenCall> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                   Map<String, FilterMeta> filterBy) {
            return calls.openCallsPage(null, first, pageSize);
        }

        @Override
        public String getRowKey(OpenCall call) {
            return String.valueOf(call.getId());
        }
    };

    @PostConstruct
    void load() {
        mine = applications.mine();
        openRequests = applications.myOpenRequests();
    }

    public String start(long callId) {
        long id = applications.startDraft(callId, nl.preventiefonds.identity.web.BrokerLoginServlet.assurance(
                (jakarta.servlet.http.HttpServletRequest) jakarta.faces.context.FacesContext.getCurrentInstance()
                        .getExternalContext().getRequest()));
        return "/organiser/application?faces-redirect=true&id=" + id;
    }

    public List<ApplicationRow> getMine() {
        return mine;
    }

    public List<InformationRequest> getOpenRequests() {
        return openRequests;
    }

    public LazyDataModel<OpenCall> getOpenCalls() {
        return openCalls;
    }
}
