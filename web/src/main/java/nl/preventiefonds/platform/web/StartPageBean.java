package nl.preventiefonds.platform.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import nl.preventiefonds.call.CallDirectory;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.fund.FundDirectory;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.platform.Amsterdam;

/** Facts every start page may show: the fund, its open calls, its neighbourhoods. */
@Named("start")
@RequestScoped
public class StartPageBean {

    @EJB
    private FundDirectory funds;

    @EJB
    private CallDirectory calls;

    private List<FundingCall> openCalls;
    private Optional<Fund> fund;

    public Fund getFund() {
        if (fund == null) {
            fund = funds.primaryFund();
        }
        return fund.orElse(null);
    }

    public List<FundingCall> getOpenCalls() {
        if (openCalls == null) {
            openCalls = calls.openCalls();
        }
        return openCalls;
    }

    public List<Neighbourhood> getNeighbourhoods() {
        return funds.neighbourhoods();
    }

    public ZonedDateTime local(FundingCall call) {
        return call.getClosesAt().atZone(Amsterdam.ZONE);
    }
}
