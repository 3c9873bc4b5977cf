package nl.preventiefonds.opendata.web;

import jakarta.ejb.EJB;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.opendata.OpenFilter;
import nl.preventiefonds.opendata.OpenGrant;
import nl.preventiefonds.opendata.OpenRegister;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The public register of awarded initiatives (open/register.xhtml), paged in the database. */
@Named("openRegister")
@ViewScoped
public class OpenRegisterBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private OpenRegister register;

    private Integer year;
    private Theme theme;
    private String neighbourhood;
    private String text;
    private List<Integer> years;
    private List<SelectItem> neighbourhoods;

    private final LazyDataModel<OpenRegisterBean.Row> grants = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, register.count(filter()));
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                    Map<String, FilterMeta> filterBy) {
            return register.page(filter(), first, pageSize).stream().map(Row::new).toList();
        }

        @Override
        public String getRowKey(Row row) {
            return row.getReference();
        }
    };

    OpenFilter filter() {
        return new OpenFilter(year, theme, neighbourhood, text);
    }

    /** Filters are applied by the search button; the table starts at its first page again. */
    public void search() {
        // The lazy model reads the fields on its next load.
    }

    public void reset() {
        year = null;
        theme = null;
        neighbourhood = null;
        text = null;
    }

    public LazyDataModel<OpenRegisterBean.Row> getGrants() {
        return grants;
    }

    public List<Integer> getYears() {
        loadChoices();
        return years;
    }

    public List<SelectItem> getNeighbourhoods() {
        loadChoices();
        return neighbourhoods;
    }

    private void loadChoices() {
        if (years == null) {
            OpenRegister.Choices choices = register.choices();
            years = choices.years();
            neighbourhoods = choices.neighbourhoods().stream().map(p -> new SelectItem(p.code(), p.name())).toList();
        }
    }

    public List<Theme> getThemes() {
        return Arrays.asList(Theme.values());
    }

    /** One table row with getters for the page (Expression Language 5 does not read records). */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final OpenGrant grant;

        Row(OpenGrant grant) {
            this.grant = grant;
        }

        public String getReference() {
            return grant.reference();
        }

        public String getTitle() {
            return grant.title();
        }

        public String getSummary() {
            return grant.summary();
        }

        public String getOrganisationName() {
            return grant.organisationWithheld() ? null : grant.organisationName();
        }

        public boolean isOrganisationWithheld() {
            return grant.organisationWithheld();
        }

        public List<String> getNeighbourhoods() {
            return grant.neighbourhoods().stream().map(OpenGrant.Place::name).toList();
        }

        public List<String> getThemes() {
            return grant.themes();
        }

        public BigDecimal getAmountAwarded() {
            return grant.amountAwarded();
        }

        public BigDecimal getFinalAmount() {
            return grant.finalAmount();
        }

        public BigDecimal getAmountPaid() {
            return grant.amountPaid();
        }

        public LocalDate getDecisionDate() {
            return grant.decisionDate();
        }

        public LocalDate getPlannedStart() {
            return grant.plannedStart();
        }

        public LocalDate getPlannedEnd() {
            return grant.plannedEnd();
        }

        public String getState() {
            return grant.state().name();
        }

        public boolean isHasResults() {
            return grant.results() != null;
        }

        public Integer getParticipants() {
            return grant.results() == null ? null : grant.results().participants();
        }

        public Integer getSessions() {
            return grant.results() == null ? null : grant.results().sessions();
        }

        public Integer getVolunteers() {
            return grant.results() == null ? null : grant.results().volunteers();
        }
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public Theme getTheme() {
        return theme;
    }

    public void setTheme(Theme theme) {
        this.theme = theme;
    }

    public String getNeighbourhood() {
        return neighbourhood;
    }

    public void setNeighbourhood(String neighbourhood) {
        this.neighbourhood = neighbourhood;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
