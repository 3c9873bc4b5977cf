package nl.preventiefonds.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.identity.AccountStatus;
import nl.preventiefonds.identity.NewAccount;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.StaffMembership;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.PagedAnswer;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The accounts the fund manager administers, as on the users page: the municipality's staff (their role here),
 * its partner organisations' accounts and those of organisers who applied here. New staff are invited by mail; a
 * colleague of another municipality is given a role here on the same account.
 */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
    static final int MAX_PAGE = 200;

    @Inject
    private AccountService accounts;

    @Inject
    private AccessPolicy access;

    @Context
    private HttpServletRequest request;

    /** An account with its role in the fund manager's municipality; {@code status} PENDING until invited ones accept. */
    @JsonbNillable
    @Schema(name = "UserAccount", description = "An account as the fund manager's municipality sees it.")
    public record UserView(long id, String email, String name, Role role, AccountStatus status,
                           @Schema(nullable = true) Long partnerId,
                           @Schema(description = "Works for another municipality too: end the role here instead of"
                                   + " blocking the account.") boolean worksElsewhere) {
        static UserView of(UserAccount account, Long municipalityId) {
            return new UserView(account.getId(), account.getEmail(), account.getDisplayName(),
                    account.membershipIn(municipalityId).map(StaffMembership::getRole).orElse(account.getRole()),
                    account.getStatus(), account.getPartner() == null ? null : account.getPartner().getId(),
                    account.getMemberships().size() > 1);
        }
    }

    @Schema(name = "UserAccountPage")
    public record UserPage(long total, int first, int size, List<UserView> items) implements PagedAnswer {
    }

    /**
     * A new account: staff (OFFICER, DECISION_MAKER, FUND_MANAGER) or a partner organisation's (PARTNER with its
     * {@code partnerId}); without a password an invitation is mailed, with one the account is active at once.
     */
    @Schema(name = "NewUserAccount")
    public record NewUser(String email, String name, Role role, Long partnerId, String password) {
    }

    @Schema(name = "UserRoleChange")
    public record RoleChange(Role role) {
    }

    @Schema(name = "UserStatusChange", description = "ACTIVE or DISABLED.")
    public record StatusChange(AccountStatus status) {
    }

    @GET
    public UserPage list(@QueryParam("first") @DefaultValue("0") int first,
                         @QueryParam("size") @DefaultValue("50") int size) {
        if (first < 0 || size < 1) {
            throw ValidationFailedException.of("api.pageInvalid", MAX_PAGE);
        }
        int max = Math.min(size, MAX_PAGE);
        Long here = access.caller().municipalityId();
        return new UserPage(accounts.countAccounts(), first, max,
                accounts.accounts(first, max).stream().map(a -> UserView.of(a, here)).toList());
    }

    /** Creates or invites an account (201); someone who already works here, or an organiser's address, is refused. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The account was created, invited or given a role here.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    public Response create(NewUser body) {
        if (body == null) {
            throw new ValidationFailedException(List.of("email.invalid", "role.notGiven"));
        }
        UserAccount created = accounts.createAccount(new NewAccount(body.email(), body.name(), body.role(),
                body.role() == Role.PARTNER ? body.partnerId() : null, body.password() == null ? "" : body.password()),
                RegistrationBean.applicationUrl(request));
        return Response.created(URI.create("users/" + created.getId()))
                .entity(UserView.of(accounts.account(created.getId()), access.caller().municipalityId())).build();
    }

    /** Another staff role in this municipality; the last active fund manager keeps theirs (422). */
    @PUT
    @Path("{id}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView changeRole(@PathParam("id") long id, RoleChange body) {
        accounts.changeRole(id, body == null ? null : body.role());
        return UserView.of(accounts.account(id), access.caller().municipalityId());
    }

    /** Blocks (DISABLED) or unblocks (ACTIVE) an account; staff of several municipalities end their role instead. */
    @PUT
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView changeStatus(@PathParam("id") long id, StatusChange body) {
        accounts.account(id); // another municipality's answers 404 before the body is judged
        if (body == null || (body.status() != AccountStatus.ACTIVE && body.status() != AccountStatus.DISABLED)) {
            throw ValidationFailedException.of("account.statusRequired");
        }
        accounts.changeStatus(id, body.status());
        return UserView.of(accounts.account(id), access.caller().municipalityId());
    }

    /** Ends the role here of a colleague who also works for another municipality (204). */
    @DELETE
    @Path("{id}/membership")
    public void endMembership(@PathParam("id") long id) {
        accounts.endMembership(id);
    }
}
