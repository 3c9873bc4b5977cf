package nl.preventiefonds.call;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.List;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;

/** Calls are public: anyone may see which calls are open. */
@Stateless
@PermitAll
public class CallDirectory {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AccessPolicy access;

    /**
     * One page of the open calls, closing soonest first, for the public and the organiser's start pages: of one
     * municipality, or of all when {@code municipalityId} is null (organisers may apply in several).
     */
    public List<OpenCall> openCallsPage(Long municipalityId, int first, int size) {
        TypedQuery<OpenCall> query = em.createQuery("SELECT NEW nl.preventiefonds.call.OpenCall(c.id, c.title,"
                + " c.description, c.closesAt, c.minAmount, c.maxAmount, c.decisionTermWeeks, m.name) FROM FundingCall c"
                + " JOIN c.fund f JOIN f.municipality m WHERE c.opensAt <= :now AND c.closesAt > :now"
                + (municipalityId == null ? "" : " AND m.id = :municipality") + " ORDER BY c.closesAt, c.id",
                OpenCall.class).setParameter("now", clock.instant());
        if (municipalityId != null) {
            query.setParameter("municipality", municipalityId);
        }
        return query.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(size, 1), 100))
                .getResultList();
    }

    public long countOpenCalls(Long municipalityId) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(c) FROM FundingCall c WHERE c.opensAt <= :now"
                + " AND c.closesAt > :now" + (municipalityId == null ? "" : " AND c.fund.municipality.id = :municipality"),
                Long.class).setParameter("now", clock.instant());
        if (municipalityId != null) {
            query.setParameter("municipality", municipalityId);
        }
        return query.getSingleResult();
    }

    /** A call's public facts and rules; empty when there is no such call. */
    public java.util.Optional<FundingCall> find(long callId) {
        FundingCall call = em.find(FundingCall.class, callId);
        if (call != null) {
            call.loadRules();
        }
        return java.util.Optional.ofNullable(call);
    }

    /**
     * The newest 500 calls as filter choices, without loading them; for staff only their own municipality's (their
     * lists hold nothing of another's).
     */
    public List<CallOption> options() {
        Caller caller = access.caller();
        return ofStaff(caller, em.createQuery("SELECT c.id, c.title FROM FundingCall c" + staffScope(caller, " WHERE")
                + " ORDER BY c.opensAt DESC, c.id DESC", Object[].class)).setMaxResults(500).getResultList().stream()
                .map(r -> new CallOption((Long) r[0], (String) r[1])).toList();
    }

    /** The condition that keeps a member of staff to their municipality's calls (none for anyone else). */
    private static String staffScope(Caller caller, String joiner) {
        return caller.isStaff() ? joiner + " c.fund.municipality.id = :municipality" : "";
    }

    private static <T> TypedQuery<T> ofStaff(Caller caller, TypedQuery<T> query) {
        // Staff of no municipality match no call (an id is never -1).
        return caller.isStaff() ? query.setParameter("municipality",
                caller.municipalityId() == null ? -1L : caller.municipalityId()) : query;
    }

    /**
     * Calls whose title contains {@code text} (ignoring case; all when blank), newest first, as choices for a
     * type-ahead filter: at national scale there are thousands of calls, too many to list on every page.
     */
    public List<CallOption> searchOptions(String text, int max) {
        String wanted = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        // A title is at most 255 characters: a longer text matches nothing and need not be sent.
        if (wanted.length() > 255) {
            return List.of();
        }
        String escaped = wanted.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        Caller caller = access.caller();
        return ofStaff(caller, em.createQuery("SELECT c.id, c.title FROM FundingCall c WHERE LOWER(c.title) LIKE :text"
                        + " ESCAPE '!'" + staffScope(caller, " AND") + " ORDER BY c.opensAt DESC, c.id DESC",
                        Object[].class))
                .setParameter("text", "%" + escaped + "%")
                .setMaxResults(Math.min(Math.max(max, 1), 50)).getResultList().stream()
                .map(r -> new CallOption((Long) r[0], (String) r[1])).toList();
    }

    /** One call as a filter choice; empty when there is no such call (for staff: none of their municipality). */
    public java.util.Optional<CallOption> option(long callId) {
        Caller caller = access.caller();
        return ofStaff(caller, em.createQuery("SELECT c.id, c.title FROM FundingCall c WHERE c.id = :id"
                        + staffScope(caller, " AND"), Object[].class))
                .setParameter("id", callId).getResultList().stream()
                .map(r -> new CallOption((Long) r[0], (String) r[1])).findFirst();
    }

    /** One page of the calls for the API: the open ones closing soonest first, or all of them newest first. */
    public List<FundingCall> page(boolean openOnly, int first, int size) {
        TypedQuery<FundingCall> query = openOnly
                ? em.createQuery("SELECT c FROM FundingCall c WHERE c.opensAt <= :now AND c.closesAt > :now"
                        + " ORDER BY c.closesAt, c.id", FundingCall.class).setParameter("now", clock.instant())
                : em.createQuery("SELECT c FROM FundingCall c ORDER BY c.opensAt DESC, c.id DESC", FundingCall.class);
        return CallFetch.withFund(query, "c").setFirstResult(Math.max(0, first))
                .setMaxResults(Math.min(Math.max(size, 1), 200)).getResultList();
    }

    public long count(boolean openOnly) {
        return openOnly ? countOpenCalls(null)
                : em.createQuery("SELECT COUNT(c) FROM FundingCall c", Long.class).getSingleResult();
    }
}
