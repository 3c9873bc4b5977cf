package nl.preventiefonds.monitoring.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.preventiefonds.monitoring.PartnerReportCsv;
import nl.preventiefonds.monitoring.PartnerReportUpload;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.ProblemResponses;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A partner's bulk report as one CSV file, all or nothing. */
@Path("partner/report-upload")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PartnerUploadResource {
    /** A CSV of 5,000 rows is far below this; more is refused before parsing. */
    static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

    @Inject
    private PartnerReportUpload uploads;

    @Context
    private HttpHeaders headers;

    /** One row of the file: whether it was filed, and if not, why (in the caller's language). */
    @JsonbNillable
    public record UploadRowView(int line, String reference, String activity, boolean submitted,
                                List<String> problems) {
    }

    /** What the file filed: reports and rows, each row with its outcome. */
    public record UploadSummary(List<String> fileProblems, int reportsSubmitted, int rowsSubmitted,
                                int rowsRejected, List<UploadRowView> rows) {
        static UploadSummary of(PartnerReportUpload.UploadResult result, Locale locale) {
            return new UploadSummary(
                    result.fileProblems().stream().map(p -> ProblemResponses.text(p, locale)).toList(),
                    result.reportsSubmitted(), result.rowsSubmitted(), result.rejected().size(),
                    result.rows().stream().map(row -> new UploadRowView(row.line(), row.reference(), row.activity(),
                            row.valid(), row.problems().stream().map(p -> ProblemResponses.text(p, locale))
                            .toList())).toList());
        }
    }

    /**
     * 200 with the rows filed, or 422 problem+json with every problem of the file or of a row (its {@code line}),
     * in the caller's language, and nothing filed. The body is the CSV file itself.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "Every row was filed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadSummary.class)))
    public Response upload(InputStream body) throws IOException {
        byte[] content = body.readNBytes(MAX_UPLOAD_BYTES + 1);
        if (content.length > MAX_UPLOAD_BYTES) {
            throw ValidationFailedException.of("csv.tooBig", MAX_UPLOAD_BYTES / (1024 * 1024));
        }
        PartnerReportUpload.UploadResult result = uploads.uploadPartnerReports(content);
        Locale locale = ProblemResponses.locale(headers);
        if (result.refused()) {
            return refused(result, locale);
        }
        return Response.ok(UploadSummary.of(result, locale)).build();
    }

    /** 422 problem+json: the file's problems, then each row's with its line ("Regel 3: ..."); nothing was filed. */
    static Response refused(PartnerReportUpload.UploadResult result, Locale locale) {
        List<Problem> problems = new ArrayList<>(result.fileProblems());
        List<Integer> lines = new ArrayList<>(Collections.nCopies(problems.size(), (Integer) null));
        for (PartnerReportCsv.Row row : result.rejected()) {
            for (Problem problem : row.problems()) {
                problems.add(problem);
                lines.add(row.line());
            }
        }
        Response response = ProblemResponses.of(422, problems, locale);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", problems.get(i).key());
            String text = ProblemResponses.text(problems.get(i), locale);
            if (lines.get(i) != null) {
                item.put("line", lines.get(i));
                text = ProblemResponses.text(Problem.of("csv.rowProblem", lines.get(i), text), locale);
            }
            item.put("message", text);
            items.add(item);
            texts.add(text);
        }
        body.put("detail", String.join(" ", texts));
        body.put("problems", items);
        return response;
    }
}
