package nl.preventiefonds.call.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import nl.preventiefonds.call.CallAdministration;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.platform.Amsterdam;

/** Fund manager: every call with its dates and whether it is open now. */
@Named
@ViewScoped
public class CallListBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private CallAdministration administration;

    @Inject
    private Clock clock;

    private List<FundingCall> calls;
    private Instant now;

    /** Where a call stands at the moment the page was opened. */
    public enum Status { UPCOMING, OPEN, CLOSED }

    @PostConstruct
    void init() {
        calls = administration.calls();
        now = clock.instant();
    }

    public List<FundingCall> getCalls() {
        return calls;
    }

    public Status status(FundingCall call) {
        if (now.isBefore(call.getOpensAt())) {
            return Status.UPCOMING;
        }
        return call.isOpenAt(now) ? Status.OPEN : Status.CLOSED;
    }

    public ZonedDateTime opens(FundingCall call) {
        return call.getOpensAt().atZone(Amsterdam.ZONE);
    }

    public ZonedDateTime closes(FundingCall call) {
        return call.getClosesAt().atZone(Amsterdam.ZONE);
    }
}
