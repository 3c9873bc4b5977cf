package nl.preventiefonds.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pagination links (NLGov API Design Rules, RFC 8288): a page of a list ({@link PagedAnswer}) answers with a
 * {@code Link} header to its first, previous, next and last page, each the same request with another {@code first};
 * a client follows them instead of computing offsets. A list that does not count its items ({@link PagedWithoutTotal})
 * links its first, previous and next page. The versioned address the client called (/api/v1) stays.
 */
@Provider
public class PaginationLinks implements ContainerResponseFilter {
    @Context
    private HttpServletRequest servletRequest;

    @Context
    private ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200) {
            return;
        }
        Map<String, Integer> targets;
        String sizeParameter = "size";
        int size;
        if (response.getEntity() instanceof PagedAnswer page) {
            targets = targets(page.total(), page.first(), page.size());
            sizeParameter = page.sizeParameter();
            size = page.size();
        } else if (response.getEntity() instanceof List<?> items && uncounted() != null) {
            PagedWithoutTotal paged = uncounted();
            var query = request.getUriInfo().getQueryParameters();
            int first = Math.max(0, whole(query.getFirst("first"), 0));
            int asked = whole(query.getFirst("size"), paged.defaultSize());
            size = asked <= 0 ? paged.defaultSize() : Math.min(asked, paged.maxSize());
            targets = targetsWithoutTotal(first, size, items.size());
        } else {
            return;
        }
        UriBuilder uri = request.getUriInfo().getRequestUriBuilder();
        Object calledPath = servletRequest == null ? null
                : servletRequest.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        if (calledPath instanceof String path) {
            uri.replacePath(path); // forwarded from /api/v1 (ApiV1Forward): link to what the client called
        }
        String sizeName = sizeParameter;
        int pageSize = size;
        targets.forEach((rel, first) -> response.getHeaders().add("Link",
                "<" + uri.clone().replaceQueryParam("first", first).replaceQueryParam(sizeName, pageSize).build()
                        + ">; rel=\"" + rel + "\""));
        if (response.getHeaders().containsKey("Access-Control-Allow-Origin")) {
            response.getHeaders().add("Access-Control-Expose-Headers", "Link"); // readable by another site's script
        }
    }

    private PagedWithoutTotal uncounted() {
        return resourceInfo == null || resourceInfo.getResourceMethod() == null ? null
                : resourceInfo.getResourceMethod().getAnnotation(PagedWithoutTotal.class);
    }

    /** A query parameter as a whole number; the fallback when absent or not one (the resource has refused it). */
    private static int whole(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * The pages of an uncounted list: the first, the previous one, and the next one only when this page came back
     * full ({@code count} items of {@code size}); no last, which only a count would know.
     */
    static Map<String, Integer> targetsWithoutTotal(int first, int size, int count) {
        Map<String, Integer> targets = new LinkedHashMap<>();
        if (size <= 0 || first < 0) {
            return targets;
        }
        targets.put("first", 0);
        if (first > 0) {
            targets.put("prev", Math.max(0, first - size));
        }
        if (count >= size) {
            targets.put("next", first + size);
        }
        return targets;
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
