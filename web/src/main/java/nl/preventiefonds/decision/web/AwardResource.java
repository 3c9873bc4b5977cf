package nl.preventiefonds.decision.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import nl.preventiefonds.decision.DecisionQueries;
import nl.preventiefonds.platform.web.ApiPages;

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

    @GET
    public Map<String, Object> awards(@QueryParam("first") @DefaultValue("0") int first,
                                      @QueryParam("size") @DefaultValue("50") int size) {
        ApiPages.check(first, size);
        DecisionQueries.AwardPage page = decisions.awards(first, size);
        return ApiPages.of(page.total(), first, size, page.items());
    }
}
