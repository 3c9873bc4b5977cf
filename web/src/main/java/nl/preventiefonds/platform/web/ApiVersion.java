package nl.preventiefonds.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's version (semantic versioning, NLGov API Design Rule /core/semver), sent as the header {@code API-Version}
 * on every API response, errors included (/core/version-header). The major version is in the address: /api/v1
 * (/core/uri-version, see {@link ApiV1Forward}). The OpenAPI document's info.version is this value too.
 */
@Provider
public class ApiVersion implements ContainerResponseFilter {
    /** Raise the minor version for additions, the major one (and the address) for anything that breaks a client. */
    public static final String CURRENT = "1.0.0";
    public static final String HEADER = "API-Version";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, CURRENT);
    }
}
