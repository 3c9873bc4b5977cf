package nl.preventiefonds.opendata.web;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.opendata.OpenFilter;
import nl.preventiefonds.opendata.OpenGrant;
import nl.preventiefonds.opendata.OpenRegister;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.platform.web.WholeNumbers;

/**
 * The public register of awarded initiatives (open/register.xhtml), paged in the database. Filters and pages are
 * the page's address ({@code ?year=2025&place=Pittelo&page=2}), read per request: a visitor can bookmark or share a
 * search, and needs no session (docs/performance.md). A bad value is ignored with a message; the other filters stay.
 *
 * <p>Of all municipalities, or of one ({@code ?municipality=GM0106}): then the heading names it, the neighbourhoods
 * and years to choose from are its own, and the 360Giving links download its awards only.
 */
@Named("openRegister")
@RequestScoped
public class OpenRegisterBean {
    static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);
    /** A neighbourhood text matching more published neighbourhoods than this narrows nothing worth the query. */
    static final int MAX_MATCHING_PLACES = 500;
    /** Up to this many published neighbourhoods, the search field suggests their names. */
    static final int MAX_SUGGESTIONS = 300;
    static final int MAX_TEXT = 100;

    @Inject
    private OpenRegister register;

    private OpenRegister.OpenMunicipality municipality;
    private List<OpenRegister.OpenMunicipality> municipalities;
    private Integer year;
    private Theme theme;
    private String place;
    private String text;
    private int pageSize = PAGE_SIZES.get(0);
    private int askedPage = 1;
    private OpenFilter filter;
    private Long count;
    private List<Row> rows;
    private OpenRegister.Choices choices;
    private List<String> placeSuggestions;

    @PostConstruct
    void readAddress() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap();
        String askedMunicipality = blankToNull(parameters.get("municipality"));
        if (askedMunicipality != null) {
            String code = OpenFilter.municipalityCode(askedMunicipality);
            municipality = code == null ? null : register.municipality(code).orElse(null);
            if (municipality == null) {
                Messages.error(null, "open.municipalityUnknown", limited(askedMunicipality));
            }
        }
        String askedYear = blankToNull(parameters.get("year"));
        if (askedYear != null) {
            year = number(askedYear);
            if (year == null || year < 1900 || year > 9999) {
                year = null;
                Messages.error(null, "open.yearInvalid");
            }
        }
        String askedTheme = blankToNull(parameters.get("theme"));
        if (askedTheme != null) {
            theme = Arrays.stream(Theme.values()).filter(t -> t.name().equals(askedTheme)).findFirst().orElse(null);
            if (theme == null) {
                Messages.error(null, "open.themeUnknown");
            }
        }
        place = limited(parameters.get("place"));
        text = limited(parameters.get("q"));
        Integer size = number(parameters.get("size"));
        pageSize = size != null && PAGE_SIZES.contains(size) ? size : PAGE_SIZES.get(0);
        Integer page = number(parameters.get("page"));
        askedPage = page == null || page < 1 ? 1 : page;
    }

    /** A whole number of at most 9 digits (no overflow of an int), else null. */
    private static Integer number(String value) {
        Long number = WholeNumbers.parse(value, 9);
        return number == null ? null : number.intValue();
    }

    private static String limited(String value) {
        String stripped = blankToNull(value);
        return stripped == null ? null : stripped.substring(0, Math.min(stripped.length(), MAX_TEXT));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Before rendering (f:viewAction), so that a message about the address shows at the top of the page. */
    public void load() {
        getCount();
    }

    OpenFilter filter() {
        if (filter == null) {
            filter = new OpenFilter(getMunicipality(), year, theme, placeCodes(), text);
        }
        return filter;
    }

    /** The codes of the published neighbourhoods the visitor's text names; null for anywhere. */
    private List<String> placeCodes() {
        if (place == null) {
            return null;
        }
        List<OpenGrant.Place> matches = choices().matching(place, MAX_MATCHING_PLACES + 1);
        if (matches.isEmpty()) {
            Messages.error(null, "open.noNeighbourhoodFound", place);
        } else if (matches.size() > MAX_MATCHING_PLACES) {
            Messages.error(null, "open.tooManyNeighbourhoods", place);
            return null;
        }
        return matches.stream().map(OpenGrant.Place::code).toList();
    }

    public long getCount() {
        if (count == null) {
            count = register.count(filter());
        }
        return count;
    }

    public int getPageCount() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (getCount() + pageSize - 1) / pageSize));
    }

    /** The page asked for, or the last page when the address asks beyond it. */
    public int getPage() {
        return Math.min(askedPage, getPageCount());
    }

    public List<Row> getRows() {
        if (rows == null) {
            rows = getCount() == 0 ? List.of()
                    : register.page(filter(), (getPage() - 1) * pageSize, pageSize).stream().map(Row::new).toList();
        }
        return rows;
    }

    public long getFirstNumber() {
        return getRows().isEmpty() ? 0 : (long) (getPage() - 1) * pageSize + 1;
    }

    public long getLastNumber() {
        return getRows().isEmpty() ? 0 : getFirstNumber() + getRows().size() - 1;
    }

    /** This search's address at another page. */
    public String pageUrl(int page) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("municipality", getMunicipality());
        if (year != null) {
            query.put("year", year.toString());
        }
        if (theme != null) {
            query.put("theme", theme.name());
        }
        query.put("place", place);
        query.put("q", text);
        if (pageSize != PAGE_SIZES.get(0)) {
            query.put("size", String.valueOf(pageSize));
        }
        query.put("page", String.valueOf(Math.max(1, Math.min(page, getPageCount()))));
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/open/register.xhtml?"
                + query.entrySet().stream().filter(e -> e.getValue() != null)
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private OpenRegister.Choices choices() {
        if (choices == null) {
            choices = register.choices(getMunicipality());
        }
        return choices;
    }

    public List<Integer> getYears() {
        return choices().years();
    }

    /** The published neighbourhoods' names as suggestions for the search field, when they are few enough. */
    public List<String> getPlaceSuggestions() {
        if (placeSuggestions == null) {
            List<OpenGrant.Place> places = choices().neighbourhoods();
            placeSuggestions = places.size() > MAX_SUGGESTIONS ? List.of()
                    : places.stream().map(OpenGrant.Place::name).distinct().toList();
        }
        return placeSuggestions;
    }

    /** The CBS code of the municipality chosen, null for all. */
    public String getMunicipality() {
        return municipality == null ? null : municipality.code();
    }

    public String getMunicipalityName() {
        return municipality == null ? null : municipality.name();
    }

    /**
     * The page's heading: the register of the municipality chosen, or of all (plainly the register while at most one
     * municipality has published awards, as on an installation of one municipality).
     */
    public String getHeading() {
        if (municipality != null) {
            return Messages.text("open.titleOf", municipality.name());
        }
        return getMunicipalities().size() > 1 ? Messages.text("open.titleAll") : Messages.text("open.title");
    }

    /**
     * The municipalities that published awards, by name; the one chosen by the address as well when it has none yet
     * (its register is empty, which the menu should still say).
     */
    public List<OpenRegister.OpenMunicipality> getMunicipalities() {
        if (municipalities == null) {
            municipalities = new ArrayList<>(register.municipalities());
            if (municipality != null && !municipalities.contains(municipality)) {
                municipalities.add(municipality);
            }
        }
        return municipalities;
    }

    /** The query of the 360Giving links: the municipality chosen, or nothing for all. */
    public String getDownloadQuery() {
        return municipality == null ? "" : "?municipality=" + municipality.code();
    }

    public List<Theme> getThemes() {
        return Arrays.asList(Theme.values());
    }

    public List<Integer> getPageSizes() {
        return PAGE_SIZES;
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

        public String getMunicipalityName() {
            return grant.municipalityName();
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

    public Theme getTheme() {
        return theme;
    }

    public String getPlace() {
        return place;
    }

    public String getText() {
        return text;
    }

    public int getPageSize() {
        return pageSize;
    }
}
