package nl.preventiefonds.application.web;

import jakarta.inject.Inject;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import nl.preventiefonds.application.ApplicationRow;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.call.CallDirectory;
import nl.preventiefonds.call.CallOption;
import nl.preventiefonds.platform.Amsterdam;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Staff list of submitted applications, paged and filtered in the database. */
@Named("officerApplications")
@ViewScoped
public class OfficerApplicationsBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private ApplicationQueries queries;
    @Inject
    private CallDirectory calls;

    private ApplicationStatus status = ApplicationStatus.SUBMITTED;
    /** The call filter, chosen by typing part of its title (thousands of calls at national scale). */
    private CallOption call;
    private String text;

    private final LazyDataModel<OfficerApplicationsBean.Line> applications = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, queries.count(filter()));
        }

        @Override
        public List<Line> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                               Map<String, FilterMeta> filterBy) {
            FacesContext faces = FacesContext.getCurrentInstance();
            Locale locale = faces.getViewRoot().getLocale();
            ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
            return queries.page(filter(), first, pageSize).stream().map(row -> new Line(row, msg, locale)).toList();
        }

        @Override
        public String getRowKey(Line line) {
            return String.valueOf(line.getRow().getId());
        }
    };

    /**
     * A list line with its texts formatted once, in the page's language: expressions that call methods (format an
     * amount, look up a status label) were a fifth of the page's time, resolved again for every cell.
     */
    public static final class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ApplicationRow row;
        private final String status;
        private final String requested;
        private final String submitted;
        private final String decisionDue;

        Line(ApplicationRow row, ResourceBundle msg, Locale locale) {
            this.row = row;
            status = msg.getString("appStatus." + row.getStatus().name());
            requested = Amsterdam.euros(row.getRequestedAmount(), locale);
            submitted = Amsterdam.longDateTime(row.getSubmittedAt(), locale);
            decisionDue = row.getDecisionDueOn() == null ? msg.getString("view.suspended")
                    : Amsterdam.longDate(row.getDecisionDueOn(), locale);
        }

        /** Reference, title, organisation and id as read. */
        public ApplicationRow getRow() {
            return row;
        }

        public String getStatus() {
            return status;
        }

        public String getRequested() {
            return requested;
        }

        public String getSubmitted() {
            return submitted;
        }

        public String getDecisionDue() {
            return decisionDue;
        }
    }

    private ApplicationQueries.Filter filter() {
        return new ApplicationQueries.Filter(status, call == null ? null : call.getId(), text);
    }

    public List<ApplicationStatus> getStatusOptions() {
        return Arrays.stream(ApplicationStatus.values()).filter(s -> s != ApplicationStatus.DRAFT).toList();
    }

    public LazyDataModel<OfficerApplicationsBean.Line> getApplications() {
        return applications;
    }

    /** Up to 20 calls whose title contains what the officer typed. */
    public List<CallOption> completeCall(String typed) {
        return calls.searchOptions(typed, 20);
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public void setStatus(ApplicationStatus status) {
        this.status = status;
    }

    public CallOption getCall() {
        return call;
    }

    public void setCall(CallOption call) {
        this.call = call;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
