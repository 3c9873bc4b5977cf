package nl.preventiefonds.privacy;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Right of access and portability (AVG art. 15 and 20): one ZIP with everything the system holds
 * about one person, as JSON (gegevens.json), with the files they uploaded and the letters sent to
 * them, and a README.txt in Dutch. Only the person themself may ask, or a fund manager answering a
 * request on their behalf; every export is audited.
 *
 * <p>Each section is one query whose column names become the JSON keys, so a column added to a
 * table the export reads appears without code changes. Secrets (password and token hashes) and
 * other people's identities (the staff who handled a file) are not selected.
 */
@Stateless
public class PersonalDataExport {
    static final String JSON_NAME = "gegevens.json";
    static final String README_NAME = "README.txt";
    private static final String SUBJECT = "UserAccount";
    private record Section(String name, String sql, boolean byEmail) {
    }

    /** What every account has: the account itself, mails sent to it. Audit lines are added separately. */
    private static final List<Section> ACCOUNT = List.of(
            new Section("account", "SELECT u.id, u.email, u.display_name, u.role, u.status, p.name AS partner_organisation,"
                    + " u.preferred_locale, u.created_at, u.last_login_at, u.failed_logins, u.locked_until"
                    + " FROM app_user u LEFT JOIN partner_organisation p ON p.id = u.partner_id WHERE u.id = ?", false),
            new Section("mails", "SELECT id, recipient, subject, body, attachment_name, created_at, sent_at"
                    + " FROM outbound_mail WHERE recipient = ? ORDER BY id", true));

    /**
     * An organiser's applications and what hangs below them; {@code inMunicipality} limits them to one municipality's
     * (empty for all of them).
     */
    private static List<Section> organiser(String inMunicipality) {
        // An organiser's applications, for the sections that hang below them.
        String own = " IN (SELECT id FROM application WHERE owner_id = ?" + inMunicipality + ")";
        String ownDecisions = " IN (SELECT id FROM grant_decision WHERE application_id" + own + ")";
        String ownReports = " IN (SELECT r.id FROM report r JOIN report_request q ON q.id = r.request_id"
                + " WHERE q.partner_id IS NULL AND q.application_id" + own + ")";
        return List.of(
            new Section("applications", "SELECT a.*, c.title AS call_title FROM application a"
                    + " JOIN funding_call c ON c.id = a.call_id WHERE a.owner_id = ?" + inMunicipality.replace(
                            "municipality_id", "a.municipality_id") + " ORDER BY a.id", false),
            new Section("application_neighbourhoods", "SELECT x.application_id, n.code, n.name FROM application_neighbourhood x"
                    + " JOIN neighbourhood n ON n.id = x.neighbourhood_id WHERE x.application_id" + own, false),
            new Section("application_themes", "SELECT * FROM application_theme WHERE application_id" + own, false),
            new Section("application_target_groups", "SELECT * FROM application_target_group WHERE application_id" + own,
                    false),
            new Section("application_care_domains", "SELECT * FROM application_care_domain WHERE application_id" + own,
                    false),
            new Section("application_partners", "SELECT x.application_id, p.name FROM application_partner x"
                    + " JOIN partner_organisation p ON p.id = x.partner_id WHERE x.application_id" + own, false),
            new Section("activities", "SELECT * FROM application_activity WHERE application_id" + own + " ORDER BY id",
                    false),
            new Section("budget_lines", "SELECT * FROM budget_line WHERE application_id" + own + " ORDER BY id", false),
            new Section("information_requests", "SELECT id, application_id, requested_on, message, answer_deadline,"
                    + " answered_at, answer FROM information_request WHERE application_id" + own + " ORDER BY id", false),
            new Section("attachments", "SELECT id, application_id, report_request_id, filename, media_type, size_bytes,"
                    + " sha256, uploaded_at, uploaded_by FROM attachment WHERE application_id" + own
                    + " AND (report_request_id IS NULL OR report_request_id IN (SELECT id FROM report_request"
                    + " WHERE partner_id IS NULL))"
                    // a file of an internal note is staff's, never the organiser's
                    + " AND (thread_message_id IS NULL OR thread_message_id IN (SELECT id FROM thread_message"
                    + " WHERE kind = 'MESSAGE')) ORDER BY id", false),
            new Section("messages", "SELECT id, application_id, author_name, author_side, body, posted_at"
                    + " FROM thread_message WHERE kind = 'MESSAGE' AND application_id" + own + " ORDER BY id", false),
            new Section("letters", "SELECT id, application_id, kind, filename, created_at, sha256 FROM issued_document"
                    + " WHERE application_id" + own + " ORDER BY id", false),
            new Section("decisions", "SELECT id, application_id, outcome, amount, budget_year, reasons, obligations,"
                    + " advance_percent, report_kind, report_due_on, decided_on, objection_deadline FROM grant_decision"
                    + " WHERE application_id" + own, false),
            new Section("payment_schedule", "SELECT * FROM payment_tranche WHERE decision_id" + ownDecisions, false),
            new Section("objections", "SELECT id, decision_id, received_on, lodged_by, grounds, on_time, decide_by,"
                    + " outcome, outcome_on, outcome_notes FROM objection WHERE decision_id" + ownDecisions, false),
            new Section("payments", "SELECT id, application_id, kind, label, amount, due_on, payee_name, payee_iban,"
                    + " status, paid_on, bank_reference FROM payment_instruction WHERE application_id" + own
                    + " ORDER BY id", false),
            new Section("determinations", "SELECT id, application_id, awarded, final_amount, paid_before,"
                    + " cancelled_unpaid, reasons, direct_tier, determined_on, objection_deadline FROM determination"
                    + " WHERE application_id" + own, false),
            new Section("determination_objections", "SELECT id, determination_id, received_on, lodged_by, grounds,"
                    + " on_time, late_excused, decide_by, outcome, outcome_on, outcome_notes, new_determination_id"
                    + " FROM determination_objection WHERE application_id" + own, false),
            new Section("reclaims", "SELECT id, application_id, amount, received, due_on, limitation_on, debtor_name,"
                    + " status, settled_on FROM reclaim WHERE application_id" + own, false),
            new Section("reclaim_repayments", "SELECT id, reclaim_id, amount, received_on, bank_reference"
                    + " FROM reclaim_receipt WHERE reclaim_id IN (SELECT id FROM reclaim WHERE application_id" + own
                    + ")", false),
            new Section("report_requests", "SELECT id, application_id, purpose, required_kind, due_on, status"
                    + " FROM report_request WHERE partner_id IS NULL AND application_id" + own + " ORDER BY id", false),
            new Section("reports", "SELECT id, request_id, submitted_at, submitted_by, via_upload, narrative,"
                    + " review_outcome, review_note, reviewed_at FROM report WHERE id" + ownReports, false),
            new Section("report_activities", "SELECT * FROM report_activity WHERE report_id" + ownReports, false),
            new Section("report_indicators", "SELECT * FROM report_indicator WHERE report_id" + ownReports, false),
            new Section("report_spending", "SELECT * FROM report_spending WHERE report_id" + ownReports, false));
    }

    /**
     * A partner's user: the reports and files they submitted themselves (the rest is the organisation's), limited as
     * for organisers.
     */
    private static List<Section> partner(String inMunicipality) {
        String ofApplication = " JOIN report_request q ON q.id = r.request_id JOIN application a"
                + " ON a.id = q.application_id WHERE r.submitted_by = ?" + inMunicipality.replace("municipality_id",
                "a.municipality_id");
        String partnerReports = " IN (SELECT r.id FROM report r" + ofApplication + ")";
        return List.of(
            new Section("reports", "SELECT r.id, q.application_id, a.reference, r.submitted_at, r.submitted_by,"
                    + " r.via_upload, r.narrative, r.review_outcome, r.review_note, r.reviewed_at FROM report r"
                    + ofApplication + " ORDER BY r.id", true),
            new Section("report_activities", "SELECT * FROM report_activity WHERE report_id" + partnerReports, true),
            new Section("report_indicators", "SELECT * FROM report_indicator WHERE report_id" + partnerReports, true),
            new Section("attachments", "SELECT id, application_id, report_request_id, filename, media_type, size_bytes,"
                    + " sha256, uploaded_at, uploaded_by FROM attachment WHERE uploaded_by = ?"
                    + (inMunicipality.isEmpty() ? "" : " AND application_id IN (SELECT id FROM application WHERE"
                    + inMunicipality.substring(" AND".length()) + ")") + " ORDER BY id", true));
    }



    @Resource(lookup = "java:jboss/datasources/PreventiefondsDS")
    private DataSource dataSource;

    @Inject
    private AccessPolicy access;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** The caller's own data. */
    @RolesAllowed({RoleNames.ORGANISER, RoleNames.PARTNER})
    public byte[] mine() {
        Caller caller = access.requireAnyRole(Role.ORGANISER, Role.PARTNER);
        return export(caller.userId(), caller.email(), caller.role(), "self", null);
    }

    /**
     * A fund manager answers a written request (AVG art. 12) for an organiser or partner user known to their
     * municipality: an organiser who applied there, a partner user whose organisation an application there names.
     * Anyone else is as unknown as a missing account.
     */
    @RolesAllowed(RoleNames.FUND_MANAGER)
    public byte[] onRequest(long userId) {
        long municipality = access.requireMunicipalStaff(Role.FUND_MANAGER).municipalityId();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT u.email, u.role, u.status FROM app_user u WHERE u.id = ?"
                     + " AND (EXISTS (SELECT 1 FROM application a WHERE a.owner_id = u.id AND a.municipality_id = ?)"
                     + " OR EXISTS (SELECT 1 FROM application_partner ap JOIN application a ON a.id = ap.application_id"
                     + " WHERE ap.partner_id = u.partner_id AND a.municipality_id = ?))")) {
            s.setLong(1, userId);
            s.setLong(2, municipality);
            s.setLong(3, municipality);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next() || !(Role.ORGANISER.name().equals(rows.getString(2))
                        || Role.PARTNER.name().equals(rows.getString(2))) || "ANONYMISED".equals(rows.getString(3))) {
                    throw new ValidationFailedException("export.notFound");
                }
                // The municipality answers for what it holds: its own applications, not another municipality's.
                return export(userId, rows.getString(1), Role.valueOf(rows.getString(2)), "fund manager on request",
                        municipality);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("personal data export failed", e);
        }
    }

    /** {@code municipality}: only what concerns that municipality; null for everything (the person's own request). */
    private byte[] export(long userId, String email, Role role, String requestedBy, Long municipality) {
        if (userId <= 0 || email == null) {
            throw new AccessDeniedException("no subject");
        }
        ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
        int files = 0;
        Set<Long> applicationIds = new HashSet<>();
        try (Connection c = dataSource.getConnection(); ZipOutputStream zip = new ZipOutputStream(zipBytes)) {
            JsonObjectBuilder root = Json.createObjectBuilder()
                    .add("format", "preventiefonds-persoonsgegevens/1")
                    .add("generated_at", clock.instant().toString())
                    .add("subject_id", userId);
            List<Section> sections = new ArrayList<>(ACCOUNT);
            // A number, never text from outside: safe to write into the statements.
            String inMunicipality = municipality == null ? "" : " AND municipality_id = " + municipality.longValue();
            sections.addAll(role == Role.ORGANISER ? organiser(inMunicipality) : partner(inMunicipality));
            for (Section section : sections) {
                List<JsonObject> rows = rows(c, section.sql(), section.byEmail() ? email : userId);
                if ("account".equals(section.name())) {
                    root.add("account", rows.get(0));
                    continue;
                }
                JsonArrayBuilder array = Json.createArrayBuilder();
                for (JsonObject row : rows) {
                    if ("applications".equals(section.name())) {
                        applicationIds.add(row.getJsonNumber("id").longValue());
                    }
                    if ("attachments".equals(section.name()) || "letters".equals(section.name())) {
                        String folder = "attachments".equals(section.name()) ? "bijlagen/" : "brieven/";
                        String path = folder + row.getJsonNumber("id").longValue() + "-" + safe(row.getString("filename"));
                        zip.putNextEntry(new ZipEntry(path));
                        copyContent(c, "attachments".equals(section.name())
                                ? "SELECT content FROM attachment_content WHERE attachment_id = ?"
                                : "SELECT content FROM issued_document WHERE id = ?", row.getJsonNumber("id").longValue(), zip);
                        zip.closeEntry();
                        files++;
                        row = Json.createObjectBuilder(row).add("file", path).build();
                    }
                    array.add(row);
                }
                root.add(section.name(), array);
            }
            root.add("audit_trail", auditRows(c, userId, email, applicationIds, inMunicipality));

            zip.putNextEntry(new ZipEntry(JSON_NAME));
            try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                    .createWriter(new NonClosing(zip), StandardCharsets.UTF_8)) {
                writer.writeObject(root.build());
            }
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(README_NAME));
            zip.write(readme(role).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (SQLException e) {
            throw new IllegalStateException("personal data export failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("PERSONAL_DATA_EXPORTED", SUBJECT, userId, null, "requestedBy=" + requestedBy + ", role=" + role
                + ", applications=" + applicationIds.size() + ", files=" + files);
        return zipBytes.toByteArray();
    }

    /**
     * Audit lines about the person: what they did, what was done to their account and to their
     * applications. Staff are named by role only ("medewerker"): their identity is not the subject's data.
     */
    private JsonArrayBuilder auditRows(Connection c, long userId, String email, Set<Long> applicationIds,
                                       String inMunicipality) throws SQLException {
        StringBuilder ids = new StringBuilder("'-1'");
        applicationIds.forEach(id -> ids.append(", '").append(id).append('\''));
        String sql = "SELECT id, occurred_at, CASE WHEN actor IN (?, 'system', 'anonymous') THEN actor ELSE 'medewerker'"
                + " END AS actor, action, subject_type, subject_id, before_summary, after_summary FROM audit_entry"
                + " WHERE (actor = ? OR (subject_type = 'UserAccount' AND subject_id = ?)"
                + " OR (subject_type = 'Application' AND subject_id IN (" + ids + ")))"
                + (inMunicipality.isEmpty() ? "" : " AND (municipality_id IS NULL OR" + inMunicipality.substring(
                        " AND".length()) + ")") + " ORDER BY id";
        JsonArrayBuilder array = Json.createArrayBuilder();
        rows(c, sql, email, email, String.valueOf(userId)).forEach(row -> array.add(withoutOthers(row, email)));
        return array;
    }

    /** Actions of the assessment whose summaries name reviewers, their scores and conflicts of interest. */
    static final Set<String> ASSESSMENT_ACTIONS = Set.of("REVIEWER_ASSIGNED", "CONFLICT_DECLARED",
            "NO_CONFLICT_DECLARED", "REVIEW_COMPLETED");
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile(
            "[\\w.%+-]+@[\\w.-]+\\.[A-Za-z]{2,}");

    /**
     * The subject's own data only: the assessment's lines keep what happened and when, not who reviewed, how they
     * scored or why they declared a conflict; any other person's e-mail address in a summary becomes "medewerker".
     */
    static JsonObject withoutOthers(JsonObject row, String email) {
        JsonObjectBuilder clean = Json.createObjectBuilder(row);
        boolean assessment = row.get("action") != null && ASSESSMENT_ACTIONS.contains(row.getString("action", ""));
        for (String field : List.of("before_summary", "after_summary")) {
            if (!row.containsKey(field) || row.isNull(field)) {
                continue;
            }
            if (assessment) {
                clean.addNull(field);
            } else {
                clean.add(field, EMAIL.matcher(row.getString(field)).replaceAll(found ->
                        found.group().equalsIgnoreCase(email) ? found.group() : "medewerker"));
            }
        }
        return clean.build();
    }

    private static List<JsonObject> rows(Connection c, String sql, Object... parameters) throws SQLException {
        int placeholders = (int) sql.chars().filter(ch -> ch == '?').count();
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < placeholders; i++) {
                statement.setObject(i + 1, parameters[Math.min(i, parameters.length - 1)]);
            }
            List<JsonObject> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                while (rows.next()) {
                    JsonObjectBuilder row = Json.createObjectBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String name = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                        if (!"version".equals(name)) {
                            add(row, name, rows.getObject(i));
                        }
                    }
                    result.add(row.build());
                }
            }
            return result;
        }
    }

    /** Values as JSON: numbers stay numbers (amounts exact), instants in UTC with Z, dates as yyyy-MM-dd. */
    static void add(JsonObjectBuilder row, String name, Object value) {
        if (value == null) {
            row.addNull(name);
        } else if (value instanceof BigDecimal amount) {
            row.add(name, amount);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            row.add(name, ((Number) value).longValue());
        } else if (value instanceof java.math.BigInteger big) {
            row.add(name, big);
        } else if (value instanceof Boolean b) {
            row.add(name, b);
        } else if (value instanceof Timestamp t) {
            row.add(name, t.toLocalDateTime().toInstant(ZoneOffset.UTC).toString());
        } else if (value instanceof LocalDateTime t) {
            row.add(name, t.toInstant(ZoneOffset.UTC).toString());
        } else if (value instanceof java.sql.Date d) {
            row.add(name, d.toLocalDate().toString());
        } else if (value instanceof LocalDate d) {
            row.add(name, d.toString());
        } else {
            row.add(name, value.toString());
        }
    }

    private static void copyContent(Connection c, String sql, long id, ZipOutputStream zip)
            throws SQLException, IOException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    try (InputStream in = rows.getBinaryStream(1)) {
                        if (in != null) {
                            in.transferTo(zip);
                        }
                    }
                }
            }
        }
    }

    /** A file name that is safe inside a ZIP on every system: no folders, no control characters. */
    static String safe(String filename) {
        String cleaned = filename == null ? "" : filename.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "bestand" + cleaned : cleaned;
    }

    String readme(Role role) {
        return String.join("\r\n",
                "Uw persoonsgegevens bij het Preventiefonds",
                "==========================================",
                "",
                "Dit archief bevat alle persoonsgegevens die het Preventiefonds over u bewaart, op "
                        + Amsterdam.longDateTime(clock.instant(), Amsterdam.DUTCH) + " (AVG artikel 15 en 20).",
                "",
                "- " + JSON_NAME + ": alle gegevens, machineleesbaar (JSON, UTF-8). Elk onderdeel is een lijst",
                "  met de velden zoals ze in het systeem staan. Tijdstippen zijn in UTC (eindigend op Z),",
                "  datums als jjjj-mm-dd, bedragen in euro's met een punt als decimaalteken.",
                role == Role.ORGANISER
                        ? "- Onderdelen: account, mails, aanvragen met hun inhoud, wijken, thema's, activiteiten, begroting,\r\n"
                        + "  verzoeken om aanvulling en uw antwoorden, bijlagen, brieven (ontvangstbevestiging,\r\n"
                        + "  beschikkingen), besluiten, bezwaren, betalingen (met IBAN), vaststellingen,\r\n"
                        + "  terugvorderingen, rapportages en het logboek (audit_trail) over u en uw aanvragen."
                        : "- Onderdelen: account, mails, de rapportages en bijlagen die u indiende, en het logboek\r\n"
                        + "  (audit_trail) over u. Gegevens van uw organisatie zelf vraagt uw organisatie op.",
                "- bijlagen/: de bestanden die u hebt geüpload.",
                role == Role.ORGANISER ? "- brieven/: de brieven die de gemeente u stuurde, zoals verzonden." : "",
                "",
                "Medewerkers van de gemeente staan in het logboek als 'medewerker': hun identiteit is geen",
                "gegeven over u. Wachtwoorden worden alleen versleuteld bewaard en staan er niet in.",
                "Interne beoordelingen (scores en adviezen van beoordelaars) kunt u apart opvragen bij de gemeente.",
                "",
                "Bewaartermijn: gegevens over subsidies blijven zeven jaar na de laatste handeling bewaard",
                "(Archiefwet). Daarna kan de fondsbeheerder uw persoonsgegevens anonimiseren; bedragen en",
                "besluiten blijven dan zonder uw naam bewaard.",
                "");
    }

    /** Lets the JSON writer close without closing the ZIP around it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
