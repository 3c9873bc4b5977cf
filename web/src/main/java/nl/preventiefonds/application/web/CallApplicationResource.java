package nl.preventiefonds.application.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationService;
import nl.preventiefonds.application.web.ApplicationResource.ApplicationSummary;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** An organiser starts a draft application in an open call. */
@Path("calls/{callId}/applications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallApplicationResource {
    @Inject
    private ApplicationService applications;
    @Inject
    private ApplicationQueries queries;
    /** For the session's broker login, if the API is called from a logged-in browser session. */
    @jakarta.ws.rs.core.Context
    private jakarta.servlet.http.HttpServletRequest request;

    /** 201 with the new draft's address; 422 when the call is not open. */
    @POST
    @APIResponse(responseCode = "201", description = "The draft; Location is its address.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationSummary.class)))
    public Response start(@PathParam("callId") long callId) {
        long id = applications.startDraft(callId, nl.preventiefonds.identity.web.BrokerLoginServlet.assurance(request));
        return Response.created(URI.create("applications/" + id))
                .entity(ApplicationSummary.of(queries.view(id))).build();
    }
}
