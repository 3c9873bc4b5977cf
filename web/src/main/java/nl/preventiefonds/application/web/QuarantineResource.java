package nl.preventiefonds.application.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import nl.preventiefonds.application.Quarantine;
import nl.preventiefonds.application.QuarantineEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Uploads the malware scanner flagged, for the administrators: the installation administrator sees all of them, a
 * fund manager those of the own municipality. A listing only: a quarantined file is never downloadable.
 */
@Path("quarantine")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineResource {
    @Inject
    private Quarantine quarantine;

    /** One quarantined upload. */
    @Schema(name = "QuarantinedFile", description = "An upload refused because the malware scanner flagged it.")
    public record QuarantinedFileView(long id, long applicationId, Long reportRequestId, String filename,
                                      String mediaType, long sizeBytes, String sha256,
                                      @Schema(description = "The name of the signature the scanner found.")
                                      String signature, Instant uploadedAt, String uploadedBy) {
        static QuarantinedFileView of(QuarantineEntry q) {
            return new QuarantinedFileView(q.id(), q.applicationId(), q.reportRequestId(), q.filename(),
                    q.mediaType(), q.sizeBytes(), q.sha256(), q.signature(), q.uploadedAt(), q.uploadedBy());
        }
    }

    @GET
    public List<QuarantinedFileView> list() {
        return quarantine.list().stream().map(QuarantinedFileView::of).toList();
    }
}
