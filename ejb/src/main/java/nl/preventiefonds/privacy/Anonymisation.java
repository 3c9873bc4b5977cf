package nl.preventiefonds.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.preventiefonds.application.LegalForm;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.PasswordHasher;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.opendata.Publication;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.LetterPdf;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Anonymises an organiser once the retention term has ended (AVG art. 17 with the Archiefwet and
 * Awb as limit). Personal fields are replaced or removed; applications, decisions, amounts,
 * payments, determinations and the money facts of the audit trail stay, so fund totals and the
 * open register do not change. One transaction: all or nothing, audited inside it.
 *
 * <p>The audit trail is append-only with this one documented exception: the subject's e-mail
 * address and names are replaced by a pseudonym in existing lines, because the right to erasure
 * reaches the trail too once the term has ended; actions, subjects, times and amounts are untouched.
 */
@Stateless
@RolesAllowed(RoleNames.FUND_MANAGER)
public class Anonymisation {
    /** What replaces a name; the same word for organisation and contact keeps withheld names withheld. */
    public static final String PLACEHOLDER = "Geanonimiseerd";
    /** Free text is scrubbed of personal strings only from this length, so short words survive. */
    static final int MIN_SCRUB_LENGTH = 3;
    /** Text outside the organiser's own file is scrubbed only of longer strings, which name nobody else. */
    static final int MIN_GLOBAL_LENGTH = 6;
    private static final String SUBJECT = "UserAccount";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private AuditTrail audit;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private Clock clock;

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
    }

    /** Organisers who applied in the fund manager's municipality whose term has ended, longest ago first. */
    public List<RetainedOrganiser> pastRetention(int first, int max) {
        long municipality = municipality();
        List<?> rows = em.createNativeQuery("SELECT u.id, u.display_name, u.email, u.created_at, f.last_fact "
                        + RetentionFacts.PAST_TERM + RetentionFacts.IN_MUNICIPALITY + " ORDER BY f.last_fact, u.id")
                .setParameter(1, Date.valueOf(RetentionRule.cutoff(today()))).setParameter(2, municipality)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 200))).getResultList();
        List<RetainedOrganiser> result = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            result.add(new RetainedOrganiser(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    instant(r[3]), date(r[4])));
        }
        return result;
    }

    public long countPastRetention() {
        long municipality = municipality();
        return ((Number) em.createNativeQuery("SELECT COUNT(*) " + RetentionFacts.PAST_TERM
                        + RetentionFacts.IN_MUNICIPALITY)
                .setParameter(1, Date.valueOf(RetentionRule.cutoff(today()))).setParameter(2, municipality)
                .getSingleResult()).longValue();
    }

    /** The municipality of the calling fund manager: only organisers who applied there are theirs to handle. */
    private long municipality() {
        return access.requireMunicipalStaff(Role.FUND_MANAGER).municipalityId();
    }

    /** Where one organiser stands today. */
    public RetentionRule.Standing standing(long userId) {
        requireOrganiser(municipality(), userId, false);
        return standingOf(userId);
    }

    private RetentionRule.Standing standingOf(long userId) {
        Object last = em.createNativeQuery(RetentionFacts.LAST_FACT).setParameter(1, userId).getSingleResult();
        boolean open = ((Number) em.createNativeQuery(RetentionFacts.HAS_OPEN_MATTER).setParameter(1, userId)
                .getSingleResult()).longValue() > 0;
        return RetentionRule.assess(date(last), open, today());
    }

    /** What was done, for the page and the API. */
    public record Result(long userId, int applications, int attachmentsRemoved, int documentsReplaced,
                         int mailsRemoved, int auditChanges) implements java.io.Serializable {
    }

    public Result anonymise(long userId) {
        long municipality = municipality();
        // Locks the account row first: a second click, or a login at the same moment, waits for this one.
        Object[] user = requireOrganiser(municipality, userId, true);
        if ("ANONYMISED".equals(user[3])) {
            throw new ValidationFailedException("anonymise.already");
        }
        RetentionRule.Standing standing = standingOf(userId);
        if (standing.verdict() == RetentionRule.Verdict.MATTER_OPEN) {
            throw new ValidationFailedException("anonymise.matterOpen");
        }
        if (!standing.mayAnonymise()) {
            throw ValidationFailedException.of(List.of(Problem.of("anonymise.termRunning", standing.endsAfter())));
        }
        String email = (String) user[1];
        String pseudonym = "geanonimiseerd-" + userId;
        Set<String> personal = personalStrings(userId, email, (String) user[2]);

        List<?> applicationIds = em.createNativeQuery("SELECT id FROM application WHERE owner_id = ?")
                .setParameter(1, userId).getResultList();
        // Organisation names only where they may be a person's: the open register keeps what it published.
        for (Object row : em.createNativeQuery("SELECT id, org_legal_form, org_kvk_number, org_name, contact_name"
                + " FROM application WHERE owner_id = ?").setParameter(1, userId).getResultList()) {
            Object[] a = (Object[]) row;
            LegalForm form = a[1] == null ? null : LegalForm.valueOf((String) a[1]);
            if (a[3] != null && !Publication.mayPublishOrganisation(form, (String) a[2], (String) a[3], (String) a[4])) {
                update("UPDATE application SET org_name = ? WHERE id = ?", PLACEHOLDER, a[0]);
            }
        }
        update("UPDATE application SET contact_name = CASE WHEN contact_name IS NULL THEN NULL ELSE ? END,"
                + " contact_email = NULL, contact_phone = NULL, org_iban = NULL,"
                // the postal address may be a resident's home (a group without legal form): gone with the rest
                + " postal_street = NULL, postal_code = NULL, postal_town = NULL,"
                + " org_account_holder = CASE WHEN org_account_holder IS NULL THEN NULL ELSE ? END,"
                + " version = version + 1 WHERE owner_id = ?", PLACEHOLDER, PLACEHOLDER, userId);
        String ofOwner = " IN (SELECT id FROM application WHERE owner_id = " + userId + ")";
        update("UPDATE payment_instruction SET payee_name = ?, payee_iban = ? WHERE application_id" + ofOwner,
                PLACEHOLDER, "GEANONIMISEERD");
        update("UPDATE reclaim SET debtor_name = ? WHERE application_id" + ofOwner, PLACEHOLDER);
        update("UPDATE objection SET lodged_by = ? WHERE decision_id IN (SELECT id FROM grant_decision"
                + " WHERE application_id" + ofOwner + ")", PLACEHOLDER);
        update("UPDATE determination_objection SET lodged_by = ? WHERE application_id" + ofOwner, PLACEHOLDER);
        update("UPDATE report SET submitted_by = ? WHERE submitted_by = ?", pseudonym, email);
        update("UPDATE thread_message SET author_name = ? WHERE author_id = ?", PLACEHOLDER, userId);

        // Free text may name the organiser anywhere: scrub the known strings, keep the rest of the text.
        for (String text : personal) {
            scrub("application", "id" + ofOwner, text, "title", "summary", "description", "theory_of_change",
                    "withdrawal_reason");
            scrub("information_request", "application_id" + ofOwner, text, "message", "answer");
            scrub("thread_message", "application_id" + ofOwner, text, "body");
            scrub("grant_decision", "application_id" + ofOwner, text, "reasons", "obligations");
            scrub("determination", "application_id" + ofOwner, text, "reasons");
            scrub("objection", "decision_id IN (SELECT id FROM grant_decision WHERE application_id" + ofOwner + ")",
                    text, "grounds", "outcome_notes");
            scrub("determination_objection", "application_id" + ofOwner, text, "grounds", "outcome_notes");
            scrub("report", "request_id IN (SELECT id FROM report_request WHERE application_id" + ofOwner + ")",
                    text, "narrative", "review_note");
            scrub("report_activity", "report_id IN (SELECT r.id FROM report r JOIN report_request q"
                    + " ON q.id = r.request_id WHERE q.application_id" + ofOwner + ")", text, "note");
        }

        // Uploaded files are the organiser's own papers and their term has ended with the file.
        // (Files staff put on the conversation are the municipality's own papers, and stay.)
        String theirUploads = "uploaded_by = ? OR (application_id" + ofOwner + " AND report_request_id IS NULL"
                + " AND thread_message_id IS NULL)";
        update("DELETE FROM attachment_content WHERE attachment_id IN (SELECT id FROM attachment WHERE "
                + theirUploads + ")", email);
        int uploads = update("DELETE FROM attachment WHERE " + theirUploads, email);
        // Uploads the malware scanner flagged carry the uploader's address too; the audit lines about them stay.
        // (A quarantined file belongs to no message: it was refused before one could hold it.)
        update("DELETE FROM quarantined_file WHERE uploaded_by = ? OR (application_id" + ofOwner
                + " AND report_request_id IS NULL)", email);
        int documents = replaceIssuedDocuments(ofOwner);
        // Mails sent to the organiser (account or contact address) are copies of what they received.
        int mails = 0;
        for (String text : personal) {
            if (text.contains("@")) {
                mails += update("DELETE FROM outbound_mail WHERE recipient = ?", text);
            }
        }
        // Mails to others (staff, partners) that name the organiser keep their text without the name.
        for (String text : personal) {
            if (text.length() >= MIN_GLOBAL_LENGTH) {
                scrub("outbound_mail", "1 = 1", text, "subject", "body");
            }
        }
        update("DELETE FROM account_token WHERE user_id = ?", userId);
        update("DELETE FROM recovery_code WHERE user_id = ?", userId);
        // The broker's link (pseudonym, encrypted BSN and its keyed hash) goes too: nobody is recognised again.
        update("DELETE FROM broker_identity WHERE user_id = ?", userId);

        int auditChanges = update("UPDATE audit_entry SET actor = ? WHERE actor = ?", pseudonym, email);
        // Ids are numbers, so writing them into the statement is safe; subject_id is text.
        String scope = "actor = '" + pseudonym + "' OR (subject_type = 'UserAccount' AND subject_id = '" + userId
                + "') OR (subject_type = 'Application' AND subject_id IN ('-1'"
                + applicationIds.stream().map(id -> ", '" + ((Number) id).longValue() + "'")
                .collect(java.util.stream.Collectors.joining()) + "))";
        auditChanges += replaceInAudit(email, pseudonym, null);
        for (String text : personal) {
            if (!text.equals(email)) {
                auditChanges += replaceInAudit(text, replacementFor(text), scope);
            }
        }

        update("UPDATE app_user SET email = ?, display_name = ?, password_hash = ?, status = 'ANONYMISED',"
                        + " failed_logins = 0, locked_until = NULL, last_login_at = NULL, anonymised_at = ?,"
                        + " totp_secret = NULL, totp_enrolled_at = NULL,"
                        + " version = version + 1 WHERE id = ?",
                pseudonym + "@anoniem.invalid", PLACEHOLDER, hasher.hash(unguessable()), now(), userId);
        Result result = new Result(userId, applicationIds.size(), uploads, documents, mails, auditChanges);
        audit.record("ACCOUNT_ANONYMISED", SUBJECT, userId, "retentionEndedAfter=" + standing.endsAfter()
                        + ", lastFact=" + standing.lastFact(),
                "status=ANONYMISED, applications=" + result.applications() + ", attachmentsRemoved="
                        + result.attachmentsRemoved() + ", documentsReplaced=" + documents + ", mailsRemoved=" + mails
                        + ", auditChanges=" + auditChanges);
        return result;
    }

    /** [id, email, display_name, status]; a missing account or one that is no organiser is "not found". */
    /** An organiser who applied in the municipality; any other account is as unknown as a missing one. */
    private Object[] requireOrganiser(long municipality, long userId, boolean lock) {
        List<?> rows = em.createNativeQuery("SELECT u.id, u.email, u.display_name, u.status, u.role FROM app_user u"
                        + " WHERE u.id = ?" + RetentionFacts.IN_MUNICIPALITY + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, userId).setParameter(2, municipality).getResultList();
        if (rows.isEmpty() || !Role.ORGANISER.name().equals(((Object[]) rows.get(0))[4])) {
            throw new ValidationFailedException("anonymise.notFound");
        }
        return (Object[]) rows.get(0);
    }

    /** The e-mail address, names, phone numbers and bank details the organiser gave, longest first. */
    private Set<String> personalStrings(long userId, String email, String displayName) {
        Set<String> found = new LinkedHashSet<>();
        found.add(email);
        found.add(displayName);
        for (String sql : List.of(
                "SELECT contact_name FROM application WHERE owner_id = ?",
                "SELECT contact_email FROM application WHERE owner_id = ?",
                "SELECT contact_phone FROM application WHERE owner_id = ?",
                "SELECT org_iban FROM application WHERE owner_id = ?",
                "SELECT payee_iban FROM payment_instruction WHERE application_id IN (SELECT id FROM application"
                        + " WHERE owner_id = ?)",
                "SELECT lodged_by FROM objection WHERE decision_id IN (SELECT d.id FROM grant_decision d"
                        + " JOIN application a ON a.id = d.application_id WHERE a.owner_id = ?)",
                "SELECT lodged_by FROM determination_objection WHERE application_id IN (SELECT id FROM application"
                        + " WHERE owner_id = ?)")) {
            for (Object value : em.createNativeQuery(sql).setParameter(1, userId).getResultList()) {
                if (value != null) {
                    found.add(value.toString().strip());
                }
            }
        }
        // A legal person's name is not personal data; an account holder that is the organisation stays out.
        found.removeIf(s -> s.length() < MIN_SCRUB_LENGTH || s.equalsIgnoreCase(PLACEHOLDER));
        return found.stream().sorted((a, b) -> b.length() - a.length())
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Never longer than what it replaces: a text full of a short name would otherwise outgrow its column and the
     * whole anonymisation would fail.
     */
    static String replacementFor(String text) {
        return text.length() >= PLACEHOLDER.length() ? PLACEHOLDER : "*".repeat(text.length());
    }

    private void scrub(String table, String where, String text, String... columns) {
        for (String column : columns) {
            update("UPDATE " + table + " SET " + column + " = REPLACE(" + column + ", ?, ?) WHERE (" + where + ") AND "
                    + column + " LIKE ?", text, replacementFor(text), like(text));
        }
    }

    private int replaceInAudit(String text, String replacement, String scope) {
        int changed = 0;
        for (String column : List.of("before_summary", "after_summary")) {
            changed += update("UPDATE audit_entry SET " + column + " = REPLACE(" + column + ", ?, ?) WHERE " + column
                    + " LIKE ?" + (scope == null ? "" : " AND (" + scope + ")"), text, replacement, like(text));
        }
        return changed;
    }

    /** Letters and receipts name the organiser; after the term only a notice of what was there remains. */
    private int replaceIssuedDocuments(String ofOwner) {
        List<?> rows = em.createNativeQuery("SELECT id, kind, filename, sha256 FROM issued_document"
                + " WHERE application_id" + ofOwner).getResultList();
        for (Object row : rows) {
            Object[] d = (Object[]) row;
            byte[] notice = notice(String.valueOf(d[1]), (String) d[2], (String) d[3], today());
            update("UPDATE issued_document SET content = ?, sha256 = ? WHERE id = ?", notice, nl.preventiefonds.application.Hashes.sha256(notice), d[0]);
        }
        return rows.size();
    }

    /** What replaces a letter or receipt after its term: what it was, when it was replaced and its former hash. */
    static byte[] notice(String kind, String filename, String sha256, LocalDate replacedOn) {
        try (LetterPdf pdf = LetterPdf.a4("Geanonimiseerd document", filename)) {
            return pdf.documentTitle("Geanonimiseerd: " + filename)
                    .paragraph("Dit document (" + kind + ") bevatte persoonsgegevens. De bewaartermijn is"
                            + " verstreken en het is op " + Amsterdam.longDate(replacedOn, Amsterdam.DUTCH)
                            + " vervangen door deze verklaring (AVG artikel 17).")
                    .field("Oorspronkelijke SHA-256", sha256)
                    .toBytes("Pagina %d van %d");
        }
    }

    private int update(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }

    private static String like(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String unguessable() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toLocalDate();
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        return (Instant) value;
    }
}
