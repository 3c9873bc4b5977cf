package nl.preventiefonds.call.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.preventiefonds.call.CallDirectory;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.platform.web.ApiPages;
import nl.preventiefonds.platform.web.PagedAnswer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The calls, a page at a time ({@code ?open=true}: only those open now). */
@Path("calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {
    @Inject
    private CallDirectory calls;

    @Inject
    private Clock clock;

    /** A call in a list. */
    @JsonbNillable
    @Schema(name = "CallSummary", description = "A call: when it is open and what may be asked.")
    public record CallSummary(long id, String title, Instant opensAt, Instant closesAt,
                              @Schema(description = "Open at the moment of the request.") boolean open,
                              BigDecimal minAmount, BigDecimal maxAmount,
                              @Schema(nullable = true, description = "The fund year it spends from; null when it has none.")
                              Integer budgetYear) {
        static CallSummary of(FundingCall c, Instant now) {
            return new CallSummary(c.getId(), c.getTitle(), c.getOpensAt(), c.getClosesAt(), c.isOpenAt(now),
                    c.getMinAmount(), c.getMaxAmount(), c.getBudgetYear());
        }
    }

    /** A page of calls, the API's page shape. */
    @Schema(name = "CallPage", description = "A page of calls: total matching, the first index of this page"
            + " (0-based), the page size asked for, and the page's items.")
    public record CallPage(long total, int first, int size, List<CallSummary> items)
            implements PagedAnswer {
    }

    @GET
    public CallPage list(@QueryParam("open") boolean openOnly,
                         @QueryParam("first") @DefaultValue("0") int first,
                         @QueryParam("size") @DefaultValue("50") int size) {
        ApiPages.check(first, size);
        Instant now = clock.instant();
        // Paged in the database: a page of calls and their number, not every call sliced in memory.
        return new CallPage(calls.count(openOnly), first, size, calls.page(openOnly, first, size).stream()
                .map(c -> CallSummary.of(c, now)).toList());
    }
}
