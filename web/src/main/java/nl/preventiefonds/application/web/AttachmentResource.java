package nl.preventiefonds.application.web;

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
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.Attachment;
import nl.preventiefonds.application.AttachmentPolicy;
import nl.preventiefonds.application.AttachmentService;
import nl.preventiefonds.application.ScanStatus;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The files of an application: the organiser uploads them as raw bytes, whoever may see it lists them. */
@Path("applications/{id}/attachments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AttachmentResource {
    @Inject
    private ApplicationQueries queries;
    @Inject
    private AttachmentService attachments;

    /** A stored file; its bytes are at {@code /files/attachment/{id}}. */
    @Schema(name = "AttachmentInfo", description = "A file of an application; its bytes are at"
            + " /preventiefonds/files/attachment/{id}.")
    public record AttachmentInfo(long id, @Schema(description = "The cleaned name it is stored and served under.")
                                 String filename,
                                 @Schema(description = "The type found in the content, not the one claimed.")
                                 String mediaType, long sizeBytes,
                                 @Schema(description = "CLEAN: the malware scanner found nothing; NOT_SCANNED: scanning"
                                         + " was off when it was uploaded.")
                                 ScanStatus scanStatus) {
        static AttachmentInfo of(Attachment a) {
            return new AttachmentInfo(a.getId(), a.getFilename(), a.getMediaType(), a.getSizeBytes(),
                    a.getScanStatus());
        }
    }

    /**
     * 201 with the file's address; 422 when its type, size or the application's total is refused, or when the
     * malware scanner flagged it (attachment.quarantined: kept in quarantine, never served); 503 when scanning is on
     * and the scanner gave no verdict (attachment.scanUnavailable: nothing stored, try again later).
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "201", description = "Stored; Location is the file's address.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AttachmentInfo.class)))
    public Response upload(@PathParam("id") long id, @QueryParam("filename") String filename, InputStream body)
            throws IOException {
        byte[] content = AttachmentPolicy.readBounded(body);
        Attachment attachment = attachments.upload(id, filename, content);
        return Response.created(URI.create("../files/attachment/" + attachment.getId()))
                .entity(AttachmentInfo.of(attachment)).build();
    }

    @GET
    public List<AttachmentInfo> list(@PathParam("id") long id) {
        return queries.attachments(id).stream().map(AttachmentInfo::of).toList();
    }
}
