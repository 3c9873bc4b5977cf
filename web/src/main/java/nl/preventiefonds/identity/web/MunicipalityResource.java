package nl.preventiefonds.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.identity.AccountStatus;
import nl.preventiefonds.identity.InstallationOverview;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.StaffMembership;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityDirectory;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The installation administrator's API, as the installation page: the installation's municipalities
 * ({@code /api/municipalities}), adding one, and inviting its staff ({@code /api/municipalities/7/invitations}).
 */
@Path("municipalities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MunicipalityResource {
    @Inject
    private InstallationOverview overview;

    @Inject
    private MunicipalityDirectory municipalities;

    @Inject
    private AccountService accounts;

    @Context
    private HttpServletRequest request;

    /** A municipality of the installation, with how far its staff got in. */
    public record MunicipalityView(long id, String code, String name, long activeFundManagers, long activeStaff,
                                   long openInvitations) {
        static MunicipalityView of(InstallationOverview.MunicipalityLine line) {
            return new MunicipalityView(line.getId(), line.getCode(), line.getName(), line.getActiveFundManagers(),
                    line.getActiveStaff(), line.getOpenInvitations());
        }
    }

    /** Every municipality of the installation, by name. */
    public record MunicipalityList(List<MunicipalityView> items) {
    }

    /** A new municipality: its CBS code ({@code GM0106}) and name, each unique in the installation. */
    public record NewMunicipality(String code, String name) {
    }

    /** A member of staff of a municipality; {@code status} is {@code PENDING} until the invitation is accepted. */
    public record StaffView(long id, String email, String name, Role role, AccountStatus status) {
        /** With their role in this municipality: they may work in another of theirs right now. */
        static StaffView of(UserAccount account, long municipalityId) {
            return new StaffView(account.getId(), account.getEmail(), account.getDisplayName(),
                    account.membershipIn(municipalityId).map(StaffMembership::getRole).orElse(account.getRole()),
                    account.getStatus());
        }
    }

    /** The staff of one municipality. */
    public record StaffList(List<StaffView> items) {
    }

    /** Whom to invite, in which staff role (OFFICER, DECISION_MAKER or FUND_MANAGER). */
    public record Invitation(String email, String name, Role role) {
    }

    @GET
    public MunicipalityList list() {
        return new MunicipalityList(overview.municipalities().stream().map(MunicipalityView::of).toList());
    }

    /** Adds a municipality (201); a code or name the installation already has is refused (422). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The municipality was added.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MunicipalityView.class)))
    public Response create(NewMunicipality body) {
        if (body == null) {
            throw new ValidationFailedException(List.of("municipality.codeInvalid", "municipality.nameRequired"));
        }
        Municipality created = municipalities.create(body.code(), body.name());
        return Response.created(URI.create("municipalities/" + created.getId()))
                .entity(new MunicipalityView(created.getId(), created.getCode(), created.getName(), 0, 0, 0)).build();
    }

    @GET
    @Path("{municipality}/staff")
    public StaffList staff(@PathParam("municipality") long municipalityId) {
        return new StaffList(accounts.staffOf(municipalityId).stream().map(a -> StaffView.of(a, municipalityId)).toList());
    }

    /** Invites a member of staff (201): they choose their password through the link in the mail. */
    @POST
    @Path("{municipality}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The invitation was sent.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffView.class)))
    public Response invite(@PathParam("municipality") long municipalityId, Invitation body) {
        if (body == null) {
            throw new ValidationFailedException(List.of("email.invalid", "name.required", "role.notGiven"));
        }
        UserAccount invited = accounts.inviteStaff(municipalityId, body.email(), body.name(), body.role(),
                RegistrationBean.applicationUrl(request));
        return Response.created(URI.create("municipalities/" + municipalityId + "/staff"))
                .entity(StaffView.of(invited, municipalityId)).build();
    }
}
