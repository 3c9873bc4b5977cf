package nl.preventiefonds.audit;

import java.time.LocalDate;

/** What a fund manager filters the audit trail on; every field is optional. */
public record AuditFilter(String actor, String action, String subjectType, String subjectId,
                          LocalDate from, LocalDate until) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
