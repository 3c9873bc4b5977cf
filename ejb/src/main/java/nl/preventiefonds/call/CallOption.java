package nl.preventiefonds.call;

import java.io.Serializable;

/**
 * A call as a choice in a filter: its id and title only. Pages keep their choices in the view (the session), so
 * hundreds of whole calls, with their funds, would be stored and copied for every open page.
 */
public final class CallOption implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long id;
    private final String title;

    public CallOption(long id, String title) {
        this.id = id;
        this.title = title;
    }

    public long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }
}
