package nl.preventiefonds.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pagination links (NLGov API Design Rules, RFC 8288): a page of a list ({@link PagedAnswer}) answers with a
 * {@code Link} header to its first, previous, next and last page, each the same request with another {@code first};
 * a client follows them instead of computing offsets. The versioned address the client called (/api/v1) stays.
 */
@Provider
public class PaginationLinks implements ContainerResponseFilter {
    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || !(response.getEntity() instanceof PagedAnswer page)) {
            return;
        }
        UriBuilder uri = request.getUriInfo().getRequestUriBuilder();
        Object calledPath = servletRequest == null ? null
                : servletRequest.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        if (calledPath instanceof String path) {
            uri.replacePath(path); // forwarded from /api/v1 (ApiV1Forward): link to what the client called
        }
        targets(page.total(), page.first(), page.size()).forEach((rel, first) -> response.getHeaders().add("Link",
                "<" + uri.clone().replaceQueryParam("first", first).replaceQueryParam(page.sizeParameter(),
                        page.size()).build() + ">; rel=\"" + rel + "\""));
        if (response.getHeaders().containsKey("Access-Control-Allow-Origin")) {
            response.getHeaders().add("Access-Control-Expose-Headers", "Link"); // readable by another site's script
        }
    }

    /** The first item of each page to link to, by relation; none when the page size is not positive. */
    static Map<String, Integer> targets(long total, int first, int size) {
        Map<String, Integer> targets = new LinkedHashMap<>();
        if (size <= 0 || first < 0) {
            return targets;
        }
        long last = total <= 0 ? 0 : (total - 1) / size * size;
        targets.put("first", 0);
        if (first > 0) {
            targets.put("prev", (int) Math.min(Math.max(0, first - size), last));
        }
        if ((long) first + size < total) {
            targets.put("next", first + size);
        }
        targets.put("last", (int) Math.min(last, Integer.MAX_VALUE));
        return targets;
    }
}
