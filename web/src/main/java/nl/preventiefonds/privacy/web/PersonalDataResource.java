package nl.preventiefonds.privacy.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.privacy.PersonalDataExport;

/** AVG art. 15/20: the caller's own personal data as a ZIP (organisers and partner users). */
@Path("personal-data")
@RequestScoped
public class PersonalDataResource {
    static final String ZIP = "application/zip";

    @Inject
    private PersonalDataExport export;

    @Inject
    private Clock clock;

    @GET
    @Produces(ZIP)
    public Response mine() {
        return zip(export.mine(), clock);
    }

    /** A download that no cache keeps, named after today. */
    static Response zip(byte[] content, Clock clock) {
        String filename = "persoonsgegevens-" + LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE) + ".zip";
        return Response.ok(content, ZIP).header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
