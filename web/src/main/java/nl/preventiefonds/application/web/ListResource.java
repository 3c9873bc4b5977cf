package nl.preventiefonds.application.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationRow;
import nl.preventiefonds.application.ApplicationService;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.call.CallDirectory;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.web.ApiPages;

/**
 * Paged lists of calls and of applications, as the caller may see them: staff all submitted ones, an organiser
 * its own (drafts too), a partner those that name it. Every page answers {total, first, size, items}.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ListResource {

    @Inject
    private CallDirectory calls;

    @Inject
    private ApplicationQueries queries;

    @Inject
    private ApplicationService applications;

    @Inject
    private AccessPolicy access;

    @Inject
    private Clock clock;

    @GET
    @Path("calls")
    public Map<String, Object> calls(@QueryParam("open") boolean openOnly, @QueryParam("first") @DefaultValue("0")
            int first, @QueryParam("size") @DefaultValue("50") int size) {
        ApiPages.check(first, size);
        // Paged in the database: a page of calls and their number, not every call sliced in memory.
        return ApiPages.of(calls.count(openOnly), first, size, calls.page(openOnly, first, size).stream().map(c -> {
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("id", c.getId());
            call.put("title", c.getTitle());
            call.put("opensAt", c.getOpensAt().toString());
            call.put("closesAt", c.getClosesAt().toString());
            call.put("open", c.isOpenAt(clock.instant()));
            call.put("minAmount", c.getMinAmount());
            call.put("maxAmount", c.getMaxAmount());
            call.put("budgetYear", c.getBudgetYear());
            return call;
        }).toList());
    }

    @GET
    @Path("applications")
    public Map<String, Object> applications(@QueryParam("status") ApplicationStatus status,
                                            @QueryParam("callId") Long callId, @QueryParam("text") String text,
                                            @QueryParam("first") @DefaultValue("0") int first,
                                            @QueryParam("size") @DefaultValue("50") int size) {
        ApiPages.check(first, size);
        Caller caller = access.caller();
        if (caller.isStaff()) {
            ApplicationQueries.Filter filter = new ApplicationQueries.Filter(status, callId, text);
            return ApiPages.of(queries.count(filter), first, size, queries.page(filter, first, size).stream()
                    .map(ListResource::summary).toList());
        }
        List<ApplicationRow> visible = caller.is(Role.PARTNER)
                ? queries.forMyPartner().stream().map(ApplicationRow::of).toList() : applications.mine();
        List<ApplicationRow> matching = visible.stream()
                .filter(a -> status == null || a.getStatus() == status)
                .filter(a -> callId == null || a.getCallId() == callId)
                .filter(a -> matches(text, a.getReference(), a.getTitle(), a.getOrganisationName())).toList();
        return ApiPages.of(matching.size(), first, size, slice(matching, first, size).stream()
                .map(ListResource::summary).toList());
    }

    /** The same text search as the staff list: reference, title or organisation, ignoring case. */
    private static boolean matches(String text, String... fields) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String wanted = text.strip().toLowerCase(java.util.Locale.ROOT);
        return java.util.stream.Stream.of(fields)
                .anyMatch(field -> field != null && field.toLowerCase(java.util.Locale.ROOT).contains(wanted));
    }

    private static <T> List<T> slice(List<T> all, int first, int size) {
        return first >= all.size() ? List.of() : all.subList(first, Math.min(all.size(), first + size));
    }

    private static Map<String, Object> summary(ApplicationRow a) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", a.getId());
        row.put("reference", a.getReference());
        row.put("status", a.getStatus().name());
        row.put("callId", a.getCallId());
        row.put("title", a.getTitle());
        row.put("requestedAmount", a.getRequestedAmount());
        row.put("decisionDueOn", a.getDecisionDueOn() == null ? null : a.getDecisionDueOn().toString());
        return row;
    }
}
