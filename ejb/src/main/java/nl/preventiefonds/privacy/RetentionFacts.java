package nl.preventiefonds.privacy;

import java.util.Arrays;
import java.util.stream.Collectors;
import nl.preventiefonds.application.ApplicationStatus;

/**
 * The SQL behind {@link RetentionRule}: one definition of an organiser's facts and open matters,
 * used by the list of organisers past the term and by the check before anonymising one, so the
 * two can never disagree. Instants are stored in UTC and counted by their UTC date; a day either
 * way is immaterial to a seven-year term. Portable between MariaDB and H2.
 */
final class RetentionFacts {
    /** Every dated fact per account, as (owner_id, fact). */
    static final String FACTS = String.join(" UNION ALL ",
            "SELECT u.id AS owner_id, CAST(u.created_at AS DATE) AS fact FROM app_user u",
            "SELECT u.id, CAST(u.last_login_at AS DATE) FROM app_user u WHERE u.last_login_at IS NOT NULL",
            "SELECT a.owner_id, CAST(a.updated_at AS DATE) FROM application a",
            "SELECT a.owner_id, d.decided_on FROM grant_decision d JOIN application a ON a.id = d.application_id",
            "SELECT a.owner_id, t.determined_on FROM determination t JOIN application a ON a.id = t.application_id",
            "SELECT a.owner_id, COALESCE(o.outcome_on, o.received_on) FROM objection o"
                    + " JOIN grant_decision d ON d.id = o.decision_id JOIN application a ON a.id = d.application_id",
            "SELECT a.owner_id, COALESCE(o.outcome_on, o.received_on) FROM determination_objection o"
                    + " JOIN application a ON a.id = o.application_id",
            "SELECT a.owner_id, p.paid_on FROM payment_instruction p JOIN application a ON a.id = p.application_id"
                    + " WHERE p.paid_on IS NOT NULL",
            "SELECT a.owner_id, r.settled_on FROM reclaim r JOIN application a ON a.id = r.application_id"
                    + " WHERE r.settled_on IS NOT NULL",
            "SELECT a.owner_id, rr.received_on FROM reclaim_receipt rr JOIN reclaim r ON r.id = rr.reclaim_id"
                    + " JOIN application a ON a.id = r.application_id",
            "SELECT a.owner_id, CAST(rp.submitted_at AS DATE) FROM report rp"
                    + " JOIN report_request q ON q.id = rp.request_id JOIN application a ON a.id = q.application_id"
                    + " WHERE q.partner_id IS NULL",
            "SELECT a.owner_id, CAST(i.answered_at AS DATE) FROM information_request i"
                    + " JOIN application a ON a.id = i.application_id WHERE i.answered_at IS NOT NULL");

    /** Application states in which the file is still open: in process, or a grant not yet determined. */
    static final String OPEN_STATES = Arrays.stream(ApplicationStatus.values())
            .filter(s -> s.isWithdrawable() || s.isRunningGrant())
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    /** True when the account {@code ownerColumn} still has an open matter. */
    static String openMatter(String ownerColumn) {
        return "(EXISTS (SELECT 1 FROM application a WHERE a.owner_id = " + ownerColumn + " AND a.status IN ("
                + OPEN_STATES + "))"
                + " OR EXISTS (SELECT 1 FROM payment_instruction p JOIN application a ON a.id = p.application_id"
                + " WHERE a.owner_id = " + ownerColumn + " AND p.status = 'DUE')"
                + " OR EXISTS (SELECT 1 FROM reclaim r JOIN application a ON a.id = r.application_id"
                + " WHERE a.owner_id = " + ownerColumn + " AND r.status = 'OPEN')"
                + " OR EXISTS (SELECT 1 FROM objection o JOIN grant_decision d ON d.id = o.decision_id"
                + " JOIN application a ON a.id = d.application_id WHERE a.owner_id = " + ownerColumn
                + " AND o.outcome IS NULL)"
                + " OR EXISTS (SELECT 1 FROM determination_objection o JOIN application a ON a.id = o.application_id"
                + " WHERE a.owner_id = " + ownerColumn + " AND o.outcome IS NULL))";
    }

    /** Organisers not yet anonymised with their latest fact, no open matter, latest fact before ?1. */
    static final String PAST_TERM = "FROM app_user u JOIN (SELECT owner_id, MAX(fact) AS last_fact FROM (" + FACTS
            + ") x GROUP BY owner_id) f ON f.owner_id = u.id WHERE u.role = 'ORGANISER'"
            + " AND u.status <> 'ANONYMISED' AND f.last_fact < ? AND NOT " + openMatter("u.id");

    /**
     * The organiser {@code u} applied in the municipality (the parameter): the only organisers a fund manager of that
     * municipality lists, exports or anonymises.
     */
    static final String IN_MUNICIPALITY = " AND EXISTS (SELECT 1 FROM application ma WHERE ma.owner_id = u.id"
            + " AND ma.municipality_id = ?)";

    static final String LAST_FACT = "SELECT MAX(fact) FROM (" + FACTS + ") x WHERE owner_id = ?";

    static final String HAS_OPEN_MATTER = "SELECT COUNT(*) FROM app_user u WHERE u.id = ? AND " + openMatter("u.id");

    private RetentionFacts() {
    }
}
