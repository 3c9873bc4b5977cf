package nl.preventiefonds.platform.web;

/**
 * A page of a list the API answers: {@code total} items in all, this page from item {@code first} (counted from 0),
 * at most {@code size} of them. {@link PaginationLinks} gives such an answer its links to the other pages.
 */
public interface PagedAnswer {
    long total();

    int first();

    int size();

    /** The query parameter that sets the page size; "size" unless the list names it otherwise. */
    default String sizeParameter() {
        return "size";
    }
}
