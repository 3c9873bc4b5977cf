package nl.preventiefonds.platform.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import nl.preventiefonds.call.CallDirectory;
import nl.preventiefonds.call.OpenCall;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.fund.FundDirectory;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.platform.Amsterdam;

/**
 * Facts every start page may show: the fund, the open calls a page at a time, the fund's neighbourhoods. Pages are
 * plain links ({@code ?calls=2}), so a visitor needs no session to leaf through them.
 */
@Named("start")
@RequestScoped
public class StartPageBean {
    static final int CALLS_PER_PAGE = 10;

    @Inject
    private FundDirectory funds;

    @Inject
    private CallDirectory calls;

    private List<OpenCall> openCalls;
    private Long openCallCount;
    private Integer callPage;
    private Optional<Fund> fund;

    public Fund getFund() {
        if (fund == null) {
            fund = funds.primaryFund();
        }
        return fund.orElse(null);
    }

    public List<OpenCall> getOpenCalls() {
        if (openCalls == null) {
            openCalls = calls.openCallsPage((getCallPage() - 1) * CALLS_PER_PAGE, CALLS_PER_PAGE);
        }
        return openCalls;
    }

    public long getOpenCallCount() {
        if (openCallCount == null) {
            openCallCount = calls.countOpenCalls();
        }
        return openCallCount;
    }

    /** The page asked for ({@code calls} parameter), within the pages there are; anything else is the first. */
    public int getCallPage() {
        if (callPage == null) {
            callPage = page(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                    .get("calls"), getCallPageCount());
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

    /** The primary fund's municipality's neighbourhoods; none without a fund. */
    public List<Neighbourhood> getNeighbourhoods() {
        Fund primary = getFund();
        return primary == null ? List.of() : funds.neighbourhoodsOf(primary.getMunicipality().getId());
    }

    public ZonedDateTime local(OpenCall call) {
        return call.getClosesAt().atZone(Amsterdam.ZONE);
    }
}
