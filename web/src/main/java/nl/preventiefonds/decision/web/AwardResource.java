package nl.preventiefonds.decision.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.preventiefonds.decision.DecisionQueries;
import nl.preventiefonds.platform.web.ApiPages;
import nl.preventiefonds.platform.web.PagedAnswer;

/**
 * Awards over JSON, newest first: GET /api/awards?first=&amp;size= answers {total, first, size, items}. Staff see all,
 * an organiser its own, a partner those that name it; the public register has the anonymous view.
 */
@Path("awards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AwardResource {

    @Inject
    private DecisionQueries decisions;

    /** A page of awards: {@code total} of all, from {@code first}, at most {@code size}. */
    public record AwardPage(long total, int first, int size, List<DecisionQueries.Award> items)
            implements PagedAnswer {
    }

    @GET
    public AwardPage awards(@QueryParam("first") @DefaultValue("0") int first,
                           @QueryParam("size") @DefaultValue("50") int size) {
        ApiPages.check(first, size);
        DecisionQueries.AwardPage page = decisions.awards(first, size);
        return new AwardPage(page.total(), first, size, page.items());
    }
}
