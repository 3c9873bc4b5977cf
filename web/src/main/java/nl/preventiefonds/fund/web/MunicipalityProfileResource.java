package nl.preventiefonds.fund.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.preventiefonds.fund.MunicipalityProfileForm;
import nl.preventiefonds.fund.MunicipalityProfileService;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.ValidationFailedException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The profile of the caller's own municipality (its letterhead, objection address, court, reclaim IBAN and funder
 * id): staff read it, fund managers change it. The logo is at {@code municipality/profile/logo}.
 */
@Path("municipality/profile")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MunicipalityProfileResource {
    @Inject
    private MunicipalityProfileService service;

    /** The profile as stored; empty fields are null. */
    @JsonbNillable
    @Schema(name = "MunicipalityProfile", description = "A municipality's letterhead and the addresses and"
            + " identifiers its letters and open data use; null fields fall back to the installation's settings.")
    public record MunicipalityProfileView(String code, String name, String street, String postalCode, String city,
                                          String objectionAddress, String appealCourt, String phone, String email,
                                          String website, String reclaimIban, String funderId,
                                          @Schema(description = "The municipality's registered 360Giving"
                                                  + " publisher prefix (360G-...).") String givingPrefix,
                                          boolean hasLogo,
                                          @Schema(description = "Send it back unchanged with a change.") long version) {
        static MunicipalityProfileView of(Municipality m) {
            Municipality.Profile p = m.profile();
            return new MunicipalityProfileView(m.getCode(), m.getName(), p.street(), p.postalCode(), p.city(),
                    p.objectionAddress(), p.appealCourt(), p.phone(), p.email(), p.website(), p.reclaimIban(),
                    p.funderId(), p.givingPrefix(), m.hasLogo(), m.getVersion());
        }
    }

    /** A change: every field as it should be (null or empty: none), with the version it was read at. */
    @Schema(name = "MunicipalityProfileChange")
    public record MunicipalityProfileChange(String street, String postalCode, String city, String objectionAddress,
                                            String appealCourt, String phone, String email, String website,
                                            String reclaimIban, String funderId, String givingPrefix,
                                            long version) {
        MunicipalityProfileForm form() {
            MunicipalityProfileForm form = new MunicipalityProfileForm();
            form.setStreet(street);
            form.setPostalCode(postalCode);
            form.setCity(city);
            form.setObjectionAddress(objectionAddress);
            form.setAppealCourt(appealCourt);
            form.setPhone(phone);
            form.setEmail(email);
            form.setWebsite(website);
            form.setReclaimIban(reclaimIban);
            form.setFunderId(funderId);
            form.setGivingPrefix(givingPrefix);
            form.setVersion(version);
            return form;
        }
    }

    @GET
    public MunicipalityProfileView get() {
        return MunicipalityProfileView.of(service.own());
    }

    /** 422 with the broken rules' keys; municipality.changedElsewhere when the version is not the current one. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public MunicipalityProfileView put(MunicipalityProfileChange change) {
        if (change == null) {
            throw new ValidationFailedException("municipality.bodyRequired");
        }
        service.save(change.form());
        return MunicipalityProfileView.of(service.own());
    }
}
