package nl.preventiefonds.opendata.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.opendata.OpenFilter;
import nl.preventiefonds.opendata.OpenGrant;
import nl.preventiefonds.opendata.OpenRegister;
import nl.preventiefonds.opendata.ThreeSixtyGivingExport;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.web.ProblemResponses;

/**
 * Open data for anyone, without login, read-only: the register of awarded initiatives (paged
 * JSON) and the 360Giving downloads. {@code ApiAuthenticationFilter} lets anonymous GET and HEAD
 * through to this resource only.
 */
@Path("open")
@RequestScoped
public class OpenDataResource {
    static final int MAX_SIZE = 100;
    static final String JSON_UTF8 = "application/json; charset=UTF-8";
    static final String CSV_UTF8 = "text/csv; charset=UTF-8";

    @Inject
    private OpenRegister register;

    @Context
    private Request request;

    @GET
    @Path("register")
    @Produces(JSON_UTF8)
    public Response register(@QueryParam("year") Integer year, @QueryParam("theme") String theme,
            @QueryParam("neighbourhood") String neighbourhood, @QueryParam("q") String text,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("25") int size) {
        Theme chosen;
        try {
            chosen = theme == null || theme.isBlank() ? null : Theme.valueOf(theme.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ProblemResponses.of(400, "Bad Request", List.of(Problem.of("open.themeUnknown")), Locale.ENGLISH);
        }
        if (year != null && (year < 1900 || year > 9999)) {
            return ProblemResponses.of(400, "Bad Request", List.of(Problem.of("open.yearInvalid")), Locale.ENGLISH);
        }
        OpenFilter filter = new OpenFilter(year, chosen, neighbourhood, text);
        int from = Math.max(0, first);
        int pageSize = Math.max(1, Math.min(MAX_SIZE, size));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total", register.count(filter));
        page.put("first", from);
        page.put("size", pageSize);
        List<Map<String, Object>> items = new ArrayList<>();
        register.page(filter, from, pageSize).forEach(g -> items.add(item(g)));
        page.put("items", items);
        page.put("downloads", Map.of("json", "360giving.json", "csv", "360giving.csv"));
        return Response.ok(page, JSON_UTF8).cacheControl(cache()).header("Access-Control-Allow-Origin", "*").build();
    }

    @GET
    @Path("360giving.json")
    @Produces(JSON_UTF8)
    public Response threeSixtyGivingJson() {
        return download(register.threeSixtyGivingJson(), JSON_UTF8, "360giving.json");
    }

    @GET
    @Path("360giving.csv")
    @Produces(CSV_UTF8)
    public Response threeSixtyGivingCsv() {
        return download(register.threeSixtyGivingCsv(), CSV_UTF8, "360giving.csv");
    }

    private Response download(String body, String type, String fileName) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        EntityTag tag = new EntityTag(sha256(bytes));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cache()).tag(tag).build();
        }
        return Response.ok(bytes, type).tag(tag).cacheControl(cache())
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"")
                .header("Access-Control-Allow-Origin", "*").build();
    }

    /** Public data that changes a few times a day at most: caches may keep it for five minutes. */
    private static CacheControl cache() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        cache.setNoTransform(false);
        cache.setPrivate(false);
        return cache;
    }

    static Map<String, Object> item(OpenGrant g) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", ThreeSixtyGivingExport.grantId(g));
        item.put("reference", g.reference());
        item.put("title", g.title());
        item.put("summary", g.summary());
        item.put("organisationName", g.organisationWithheld() ? null : g.organisationName());
        item.put("organisationWithheld", g.organisationWithheld());
        item.put("organisationId", ThreeSixtyGivingExport.recipientId(g));
        item.put("neighbourhoods", g.neighbourhoods().stream().map(p -> Map.of("code", p.code(), "name", p.name()))
                .toList());
        item.put("themes", g.themes());
        item.put("amountAppliedFor", g.amountAppliedFor());
        item.put("amountAwarded", g.amountAwarded());
        item.put("finalAmount", g.finalAmount());
        item.put("amountPaid", g.amountPaid());
        item.put("decisionDate", iso(g.decisionDate()));
        item.put("plannedStart", iso(g.plannedStart()));
        item.put("plannedEnd", iso(g.plannedEnd()));
        item.put("status", g.state().dutch());
        item.put("programme", g.programme());
        item.put("fund", g.fundName());
        if (g.results() != null) {
            Map<String, Object> results = new HashMap<>();
            results.put("participants", g.results().participants());
            results.put("sessions", g.results().sessions());
            results.put("volunteers", g.results().volunteers());
            results.put("source", g.results().fromFinalReport() ? "final report (accepted)"
                    : "progress report (accepted)");
            item.put("results", results);
        } else {
            item.put("results", null);
        }
        return item;
    }

    private static String iso(java.time.LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
