package nl.preventiefonds.monitoring.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.monitoring.ReportQueries;
import nl.preventiefonds.monitoring.ReportReview;
import nl.preventiefonds.monitoring.ReviewOutcome;
import nl.preventiefonds.platform.web.ApiPages;
import nl.preventiefonds.platform.web.PagedAnswer;

/** Submitted reports: the paged list and the officer's review; the services decide who may. */
@Path("reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
    @Inject
    private ReportQueries reports;

    @Inject
    private ReportReview review;

    /** A page of submitted reports: {@code total} of all, from {@code first}, at most {@code size}. */
    public record ReportSummaryPage(long total, int first, int size, List<ReportQueries.ReportSummary> items)
            implements PagedAnswer {
    }

    /** The officer's review: accepted, or more asked (with the day it is due) or rejected, with a note. */
    public record ReportReviewRequest(ReviewOutcome outcome, String note, LocalDate moreDueOn) {
    }

    public record ReportReviewed(long id, ReviewOutcome outcome) {
    }

    /** Submitted reports as the caller may see them, newest first. */
    @GET
    public ReportSummaryPage reports(@QueryParam("first") @DefaultValue("0") int first,
                                     @QueryParam("size") @DefaultValue("50") int size) {
        ApiPages.check(first, size);
        ReportQueries.ReportPage page = reports.reports(first, size);
        return new ReportSummaryPage(page.total(), first, size, page.items());
    }

    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportReviewed review(@PathParam("id") long id, ReportReviewRequest body) {
        ReportReviewRequest b = body == null ? new ReportReviewRequest(null, null, null) : body;
        review.review(id, b.outcome(), b.note(), b.moreDueOn());
        return new ReportReviewed(id, b.outcome());
    }
}
