package nl.preventiefonds.fund.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.fund.FundAdministration;
import nl.preventiefonds.fund.FundForm;
import nl.preventiefonds.platform.ValidationFailedException;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The funds of the fund manager's own municipality and their year budgets, as on the funds page. */
@Path("funds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FundResource {
    @Inject
    private FundAdministration administration;

    @Inject
    private FundHeader header;

    /** One budget year: what it holds, what decisions committed from it, what is left. */
    @Schema(name = "FundYearBudget")
    public record YearBudgetView(int year, BigDecimal budget, BigDecimal committed, BigDecimal remaining) {
    }

    @JsonbNillable
    @Schema(name = "Fund", description = "A fund of the municipality with its budget per year, in euros.")
    public record FundView(long id, String name, @Schema(nullable = true) String description, BigDecimal totalBudget,
                           List<YearBudgetView> years) {
        static FundView of(Fund fund) {
            return new FundView(fund.getId(), fund.getName(), fund.getDescription(), fund.getTotalBudget(),
                    fund.getYearBudgets().stream().map(y -> new YearBudgetView(y.getBudgetYear(), y.getBudget(),
                            y.getCommitted(), y.getRemaining())).toList());
        }
    }

    @Schema(name = "FundList")
    public record FundList(List<FundView> items) {
    }

    /** A year's budget as it should be. */
    @Schema(name = "FundYearBudgetChange")
    public record YearBudgetChange(Integer year, BigDecimal budget) {
    }

    /**
     * What the fund is to be: name, description, total and every year's budget (a year left out is removed when no
     * decision committed money from it).
     */
    @Schema(name = "FundChange")
    public record FundChange(String name, String description, BigDecimal totalBudget, List<YearBudgetChange> years) {
        FundForm form(Long id) {
            FundForm form = new FundForm();
            form.setId(id);
            form.setName(name);
            form.setDescription(description);
            form.setTotalBudget(totalBudget);
            List<FundForm.YearRow> rows = new ArrayList<>();
            if (years != null) {
                years.stream().filter(java.util.Objects::nonNull)
                        .forEach(y -> rows.add(new FundForm.YearRow(y.year(), y.budget())));
            }
            form.setYears(rows);
            return form;
        }
    }

    @GET
    public FundList list() {
        return new FundList(administration.funds().stream().map(FundView::of).toList());
    }

    /** Adds a fund to the fund manager's municipality (201). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The fund was added.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundView.class)))
    public Response create(FundChange body) {
        long id = administration.save(required(body).form(null));
        header.forget();
        return Response.created(URI.create("funds/" + id)).entity(view(id)).build();
    }

    /** Changes a fund and its year budgets; a year below what decisions committed from it is refused (422). */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FundView change(@PathParam("id") long id, FundChange body) {
        administration.load(id); // another municipality's answers 404 before the body is judged
        administration.save(required(body).form(id));
        header.forget();
        return view(id);
    }

    private FundView view(long id) {
        return administration.funds().stream().filter(f -> f.getId() == id).findFirst().map(FundView::of)
                .orElseThrow(() -> new ValidationFailedException("fund.notFound"));
    }

    private static FundChange required(FundChange body) {
        if (body == null) {
            throw new ValidationFailedException("fund.nameRequired");
        }
        return body;
    }
}
