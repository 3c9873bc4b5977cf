package nl.preventiefonds.privacy.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.platform.web.ApiPages;
import nl.preventiefonds.privacy.Anonymisation;
import nl.preventiefonds.privacy.RetainedOrganiser;
import nl.preventiefonds.platform.web.PagedAnswer;

/** The organisers whose retention term has ended, for a fund manager to anonymise. */
@Path("anonymisation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnonymisationResource {
    @Inject
    private Anonymisation anonymisation;

    /** An organiser past the retention term. */
    public record CandidateView(long id, String name, String email, LocalDate lastFact,
                                LocalDate retentionEndsAfter) {
        static CandidateView of(RetainedOrganiser o) {
            return new CandidateView(o.getId(), o.getDisplayName(), o.getEmail(), o.getLastFact(),
                    o.getRetentionEndedAfter());
        }
    }

    /** A page of candidates: {@code total} of all, from {@code first}, at most {@code size}. */
    public record CandidatePage(long total, int first, int size, List<CandidateView> items)
            implements PagedAnswer {
    }

    /** Longest ago first. */
    @GET
    @Path("candidates")
    public CandidatePage candidates(@QueryParam("first") @DefaultValue("0") int first,
                                    @QueryParam("size") @DefaultValue("50") int size) {
        ApiPages.check(first, size);
        return new CandidatePage(anonymisation.countPastRetention(), first, size,
                anonymisation.pastRetention(first, size).stream().map(CandidateView::of).toList());
    }
}
