package nl.preventiefonds.monitoring.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import nl.preventiefonds.application.Attachment;
import nl.preventiefonds.application.AttachmentPolicy;
import nl.preventiefonds.monitoring.ReportForm;
import nl.preventiefonds.monitoring.ReportQueries;
import nl.preventiefonds.monitoring.ReportSubmission;
import nl.preventiefonds.monitoring.web.MonitoringViews.ReportRequestView;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The reports asked of the caller, and filing one: the form, its files and the report itself. */
@Path("report-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReportRequestResource {
    @Inject
    private ReportQueries reports;

    @Inject
    private ReportSubmission submission;

    /** The report that was filed. */
    public record ReportFiled(long id) {
    }

    /** The file that was stored with the report request; its address is in Location. */
    public record ReportAttachmentStored(long id, String filename) {
    }

    /** The open report requests of the caller (organiser or partner). */
    @GET
    @Path("mine")
    public List<ReportRequestView> mine() {
        return reports.mine().stream().map(ReportRequestView::of).toList();
    }

    @GET
    @Path("{id}/form")
    public ReportForm form(@PathParam("id") long id) {
        return reports.blankForm(id);
    }

    @POST
    @Path("{id}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The report was filed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportFiled.class)))
    public Response submit(@PathParam("id") long id, ReportForm form) {
        long reportId = submission.submit(id, form == null ? new ReportForm() : form);
        return Response.status(Response.Status.CREATED).entity(new ReportFiled(reportId)).build();
    }

    /** The body is the file itself; {@code filename} names it. */
    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "201", description = "The file was stored; Location is where to download it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportAttachmentStored.class)))
    public Response attach(@PathParam("id") long id, @QueryParam("filename") String filename, InputStream body)
            throws IOException {
        byte[] content = AttachmentPolicy.readBounded(body);
        Attachment attachment = submission.addAttachment(id, filename, content);
        return Response.created(URI.create("../files/attachment/" + attachment.getId()))
                .entity(new ReportAttachmentStored(attachment.getId(), attachment.getFilename())).build();
    }
}
