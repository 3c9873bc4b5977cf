package nl.preventiefonds.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list resource paged by {@code first} and {@code size} that does not count its items (a count would cost a second
 * query on every page): {@link PaginationLinks} still links its first, previous and next page, the next one only
 * while a page comes back full. {@code defaultSize} and {@code maxSize} are the resource's own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PagedWithoutTotal {
    int defaultSize();

    int maxSize();
}
