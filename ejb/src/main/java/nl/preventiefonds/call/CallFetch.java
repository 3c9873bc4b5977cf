package nl.preventiefonds.call;

import jakarta.persistence.TypedQuery;
import org.eclipse.persistence.config.QueryHints;

/**
 * Lists read a call's fund and municipality in the same statement as the rows. Without weaving EclipseLink loads
 * every to-one eagerly, and for objects that are themselves join-fetched {@code @BatchFetch} does not apply, so
 * otherwise each distinct call on a list costs statements of its own (N+1). The call's collections are lazy.
 */
public final class CallFetch {
    private CallFetch() {
    }

    /**
     * Join-fetches the call at {@code callPath} (e.g. {@code "a.call"}; left join: MariaDB then drives from the
     * query's own table and stops at the page) with its fund and the fund's municipality.
     */
    public static <T> TypedQuery<T> withCall(TypedQuery<T> query, String callPath) {
        return query.setHint(QueryHints.LEFT_FETCH, callPath)
                .setHint(QueryHints.LEFT_FETCH, callPath + ".fund")
                .setHint(QueryHints.LEFT_FETCH, callPath + ".fund.municipality");
    }

    /**
     * For lists of something else that join-fetch an application (e.g. {@code "r.application"}, joined by the
     * query itself): the application's owner, call, fund and municipality in the same statement. {@code @BatchFetch}
     * on the application's own associations does not apply to a join-fetched application.
     */
    public static <T> TypedQuery<T> withApplication(TypedQuery<T> query, String applicationPath) {
        return withCall(query.setHint(QueryHints.LEFT_FETCH, applicationPath + ".owner"), applicationPath + ".call");
    }

    /** For queries whose root is the call: its fund and the fund's municipality. */
    public static <T> TypedQuery<T> withFund(TypedQuery<T> query, String callAlias) {
        return query.setHint(QueryHints.FETCH, callAlias + ".fund")
                .setHint(QueryHints.FETCH, callAlias + ".fund.municipality");
    }
}
