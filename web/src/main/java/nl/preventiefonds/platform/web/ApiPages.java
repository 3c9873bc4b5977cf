package nl.preventiefonds.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The page shape of the API's lists: {total, first, size, items}, at most {@link #MAX_SIZE} items. (The indicator
 * values keep their published {total, first, max, items} of up to 1,000, and the open register its own.)
 */
public final class ApiPages {
    public static final int MAX_SIZE = 200;

    private ApiPages() {
    }

    /** A negative start or a size outside 1..200 is a 422 with a message, not an empty or a huge page. */
    public static void check(int first, int size) {
        if (first < 0 || size < 1 || size > MAX_SIZE) {
            throw ValidationFailedException.of("api.pageInvalid", MAX_SIZE);
        }
    }

    public static Map<String, Object> of(long total, int first, int size, List<?> items) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total", total);
        page.put("first", first);
        page.put("size", size);
        page.put("items", items);
        return page;
    }
}
