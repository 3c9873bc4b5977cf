package nl.preventiefonds.fund.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import nl.preventiefonds.fund.MunicipalityProfileService;
import nl.preventiefonds.municipality.LogoImage;
import nl.preventiefonds.platform.ValidationFailedException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The logo of the caller's own municipality, as its letters show it (a PNG): staff read it, fund managers replace
 * it with a PNG or JPEG (the body, at most 1 MB) or remove it, each with the profile's {@code version}.
 */
@Path("municipality/profile/logo")
@RequestScoped
public class MunicipalityLogoResource {
    @Inject
    private MunicipalityProfileService service;

    /** The profile's version after the change. */
    @Schema(name = "MunicipalityLogoChanged")
    public record LogoChanged(boolean hasLogo, long version) {
    }

    @GET
    @Produces(LogoImage.CONTENT_TYPE)
    public Response get() {
        byte[] logo = service.logo().orElseThrow(NotFoundException::new);
        return Response.ok(logo, LogoImage.CONTENT_TYPE).build();
    }

    /** 422 municipality.logoNotImage, municipality.logoTooLarge or municipality.changedElsewhere. */
    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public LogoChanged put(@QueryParam("version") Long version, InputStream body) throws IOException {
        if (version == null) {
            throw new ValidationFailedException("municipality.changedElsewhere");
        }
        byte[] upload = body == null ? new byte[0] : body.readNBytes(LogoImage.MAX_BYTES + 1);
        return new LogoChanged(true, service.replaceLogo(version, upload));
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public LogoChanged delete(@QueryParam("version") Long version) {
        if (version == null) {
            throw new ValidationFailedException("municipality.changedElsewhere");
        }
        return new LogoChanged(false, service.removeLogo(version));
    }
}
