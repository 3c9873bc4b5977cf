package nl.preventiefonds.call.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import nl.preventiefonds.call.CallDirectory;
import nl.preventiefonds.call.OpenCall;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.fund.FundDirectory;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityDirectory;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.web.WholeNumbers;

/**
 * Facts every start page may show, for one municipality: its funds, its open calls a page at a time, its
 * neighbourhoods. Which municipality: the one named by CBS code ({@code ?gemeente=GM0106}), else the one a member of
 * staff works for, else the installation's only one; with several and none named, the visitor chooses. Pages are
 * plain links ({@code ?calls=2}), so a visitor needs no session to leaf through them.
 */
@Named("start")
@RequestScoped
public class StartPageBean {
    static final int CALLS_PER_PAGE = 10;
    static final String MUNICIPALITY_PARAMETER = "gemeente";

    @Inject
    private FundDirectory funds;

    @Inject
    private CallDirectory calls;

    @Inject
    private MunicipalityDirectory municipalities;

    @Inject
    private AccessPolicy access;

    private Optional<Municipality> municipality;
    private List<Municipality> allMunicipalities;
    private List<Fund> municipalityFunds;
    private List<OpenCall> openCalls;
    private Long openCallCount;
    private Integer callPage;

    /** The municipality this page is about; null when the visitor is still to choose one. */
    public Municipality getMunicipality() {
        if (municipality == null) {
            municipality = chosenMunicipality();
        }
        return municipality.orElse(null);
    }

    private Optional<Municipality> chosenMunicipality() {
        String asked = parameter(MUNICIPALITY_PARAMETER);
        if (asked != null && !asked.isBlank()) {
            Optional<Municipality> named = municipalities.byCode(asked);
            if (named.isPresent()) {
                return named;
            }
        }
        Long own = access.caller().municipalityId();
        if (own != null) {
            return municipalities.find(own);
        }
        return municipalities.soleMunicipality();
    }

    /** Every municipality of the installation, for the visitor's choice. */
    public List<Municipality> getMunicipalities() {
        if (allMunicipalities == null) {
            allMunicipalities = municipalities.all();
        }
        return allMunicipalities;
    }

    /** The chosen municipality's funds; none before a choice. */
    public List<Fund> getFunds() {
        if (municipalityFunds == null) {
            Municipality chosen = getMunicipality();
            municipalityFunds = chosen == null ? List.of() : funds.fundsOf(chosen.getId());
        }
        return municipalityFunds;
    }

    /** The chosen municipality's open calls, or everyone's before a choice (each names its municipality). */
    public List<OpenCall> getOpenCalls() {
        if (openCalls == null) {
            openCalls = calls.openCallsPage(municipalityId(), (getCallPage() - 1) * CALLS_PER_PAGE, CALLS_PER_PAGE);
        }
        return openCalls;
    }

    public long getOpenCallCount() {
        if (openCallCount == null) {
            openCallCount = calls.countOpenCalls(municipalityId());
        }
        return openCallCount;
    }

    private Long municipalityId() {
        Municipality chosen = getMunicipality();
        return chosen == null ? null : chosen.getId();
    }

    /** The query string that keeps the chosen municipality on the paging links. */
    public String getMunicipalityQuery() {
        Municipality chosen = getMunicipality();
        return chosen == null ? "" : "&" + MUNICIPALITY_PARAMETER + "=" + chosen.getCode();
    }

    /** The page asked for ({@code calls} parameter), within the pages there are; anything else is the first. */
    public int getCallPage() {
        if (callPage == null) {
            callPage = page(parameter("calls"), getCallPageCount());
        }
        return callPage;
    }

    public int getCallPageCount() {
        return (int) Math.max(1, (getOpenCallCount() + CALLS_PER_PAGE - 1) / CALLS_PER_PAGE);
    }

    public int getFirstCallNumber() {
        return (getCallPage() - 1) * CALLS_PER_PAGE + 1;
    }

    public int getLastCallNumber() {
        return getFirstCallNumber() + getOpenCalls().size() - 1;
    }

    static int page(String asked, int pages) {
        Long page = WholeNumbers.parse(asked, 6);
        return page == null ? 1 : (int) Math.min(Math.max(page, 1), pages);
    }

    /** The chosen municipality's neighbourhoods; none before a choice. */
    public List<Neighbourhood> getNeighbourhoods() {
        Municipality chosen = getMunicipality();
        return chosen == null ? List.of() : funds.neighbourhoodsOf(chosen.getId());
    }

    public ZonedDateTime local(OpenCall call) {
        return call.getClosesAt().atZone(Amsterdam.ZONE);
    }

    private static String parameter(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }
}
