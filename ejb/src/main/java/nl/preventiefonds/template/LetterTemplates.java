package nl.preventiefonds.template;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.Hashes;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityLogo;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.ConflictException;
import nl.preventiefonds.platform.LetterPdf;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.TemplateText;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The letter templates of the caller's own municipality (issue 21), kept by its fund managers (the municipal
 * administrators, who keep its profile too). Saving adds a version, never overwrites one, audited in the same
 * transaction; a text with an unknown placeholder or a stray brace is refused, naming it. The preview fills a text
 * (saved or not) with a real application of the same municipality; another municipality's application is answered
 * as not found. The letters read the current text with {@link #current(EntityManager, long, LetterKind)}.
 */
@Stateless
@RolesAllowed(RoleNames.FUND_MANAGER)
public class LetterTemplates {
    static final String SUBJECT = "LetterTemplate";
    /** The applications offered for a preview: the latest submitted ones. */
    static final int PREVIEW_CANDIDATES = 50;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private AccessPolicy access;

    @Inject
    private Clock clock;

    /** One kind for the overview: its current text and version (0: the built-in text), when and by whom saved. */
    public record KindState(LetterKind kind, LetterText current, Instant savedAt, String savedBy)
            implements Serializable {
    }

    /** One version in the history, newest first. */
    public record VersionRow(int number, Instant createdAt, String createdBy, String text, boolean current)
            implements Serializable {
    }

    /** An application to preview with: its id, reference, title and applicant. */
    public record Candidate(long id, String reference, String title, String applicant) implements Serializable {
    }

    /** A filled text: its headings and paragraphs for the page and the letter as PDF. */
    public record Preview(List<TemplateText.Block> blocks, byte[] pdf, String filename) implements Serializable {
    }

    /**
     * The text a letter of {@code kind} of this municipality is made from now: its current saved version, or the
     * built-in text while it saved none. For the services that issue letters, inside their transaction.
     */
    public static LetterText current(EntityManager em, long municipalityId, LetterKind kind) {
        List<LetterTemplateVersion> found = em.createQuery("SELECT v FROM LetterTemplateVersion v WHERE"
                        + " v.template.municipalityId = :m AND v.template.kind = :kind"
                        + " AND v.number = v.template.currentNumber", LetterTemplateVersion.class)
                .setParameter("m", municipalityId).setParameter("kind", kind).getResultList();
        if (found.isEmpty()) {
            return LetterText.builtIn(kind);
        }
        LetterTemplateVersion v = found.get(0);
        return new LetterText(kind, v.getId(), v.getNumber(), v.getBody());
    }

    /** Every kind of the caller's municipality with its current text. */
    public List<KindState> overview() {
        long municipality = own().municipalityId();
        List<KindState> states = new ArrayList<>();
        for (LetterKind kind : LetterKind.values()) {
            LetterText text = current(em, municipality, kind);
            LetterTemplateVersion saved = text.isBuiltIn() ? null : em.find(LetterTemplateVersion.class,
                    text.versionId());
            states.add(new KindState(kind, text, saved == null ? null : saved.getCreatedAt(),
                    saved == null ? null : saved.getCreatedBy()));
        }
        return states;
    }

    /** The current text of one kind of the caller's municipality. */
    public LetterText current(LetterKind kind) {
        return current(em, own().municipalityId(), kind);
    }

    /** Every saved version of one kind, newest first; empty while the built-in text is used. */
    public List<VersionRow> history(LetterKind kind) {
        long municipality = own().municipalityId();
        return em.createQuery("SELECT v FROM LetterTemplateVersion v WHERE v.template.municipalityId = :m"
                        + " AND v.template.kind = :kind ORDER BY v.number DESC", LetterTemplateVersion.class)
                .setParameter("m", municipality).setParameter("kind", kind).getResultList().stream()
                .map(v -> new VersionRow(v.getNumber(), v.getCreatedAt(), v.getCreatedBy(), v.getBody(),
                        v.getNumber() == v.getTemplate().getCurrentNumber()))
                .toList();
    }

    /**
     * Saves {@code text} as the new current version of {@code kind} for the caller's municipality. {@code basedOn}
     * is the version number the administrator edited (0: the built-in text); when someone saved another version
     * since, the save is refused rather than silently replacing theirs.
     */
    public LetterText save(LetterKind kind, String text, int basedOn) {
        Caller caller = own();
        long municipality = caller.municipalityId();
        String body = normalise(text);
        List<Problem> problems = TemplateText.check(body, kind.placeholders());
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        List<LetterTemplate> existing = em.createQuery("SELECT t FROM LetterTemplate t WHERE t.municipalityId = :m"
                        + " AND t.kind = :kind", LetterTemplate.class)
                .setParameter("m", municipality).setParameter("kind", kind)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        LetterTemplate template;
        if (existing.isEmpty()) {
            template = new LetterTemplate(municipality, kind);
            em.persist(template);
        } else {
            template = existing.get(0);
        }
        if (template.getCurrentNumber() != basedOn) {
            throw new ConflictException("template.changedElsewhere");
        }
        String before = kind.dutchName() + " " + (basedOn == 0 ? "standaard" : "v" + basedOn);
        int number = template.advance();
        LetterTemplateVersion version = new LetterTemplateVersion(template, number, body,
                caller.email() == null ? AuditTrail.SYSTEM : caller.email(), clock.instant());
        em.persist(version);
        em.flush();
        audit.recordIn(municipality, "LETTER_TEMPLATE_SAVED", SUBJECT, template.getId(), before,
                kind.dutchName() + " v" + number + ", tekens=" + body.length() + ", sha256="
                        + Hashes.sha256(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new LetterText(kind, version.getId(), number, body);
    }

    /** The latest submitted applications of the caller's municipality, to preview a text with. */
    public List<Candidate> previewCandidates() {
        long municipality = own().municipalityId();
        return em.createQuery("SELECT a FROM Application a WHERE a.municipalityId = :m AND a.reference IS NOT NULL"
                        + " ORDER BY a.id DESC", Application.class)
                .setParameter("m", municipality).setMaxResults(PREVIEW_CANDIDATES).getResultList().stream()
                .map(a -> new Candidate(a.getId(), a.getReference(), a.getTitle(), a.getOrganisationName()))
                .toList();
    }

    /**
     * {@code text} (saved or being edited) filled with the facts of application {@code applicationId}, which must
     * belong to the caller's municipality, as blocks and as a letter under its letterhead. What only the decision
     * knows (the amount decided, its reasons) is shown with the requested amount and a marked example. Nothing is
     * stored or audited: a preview changes nothing.
     */
    public Preview preview(LetterKind kind, String text, long applicationId) {
        Caller caller = own();
        String body = normalise(text);
        List<Problem> problems = TemplateText.check(body, kind.placeholders());
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        Application application = em.find(Application.class, applicationId);
        if (application == null || application.getReference() == null
                || !application.getMunicipalityId().equals(caller.municipalityId())) {
            throw new ValidationFailedException("template.applicationNotFound");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
        var call = application.getCall();
        Municipality municipality = call.getFund().getMunicipality();
        BigDecimal requested = application.getRequestedAmount();
        LetterValues values = LetterValues.of(application.getOrganisationName(), application.getContactName(),
                application.postalAddress(), application.getTitle(), application.getReference(), call.getTitle(),
                municipality.getName(), call.getFund().getName(), today, kind == LetterKind.REJECTION ? null
                        : requested, requested, "[Voorbeeld: hier staat de motivering van het besluit.]",
                "de subsidieregeling " + call.getFund().getName());
        if (kind == LetterKind.DETERMINATION) {
            values.with("verleend_bedrag", LetterValues.euros(requested))
                    .with("datum_verlening", LetterValues.date(today))
                    .with("inleiding", "[Voorbeeld: met ons besluit van " + LetterValues.date(today)
                            + " hebben wij u een subsidie van " + LetterValues.euros(requested) + " verleend voor '"
                            + application.getTitle() + "'. Hier staat waarom wij nu vaststellen.]")
                    .with("verschil", "Dat is het bedrag dat wij u hebben verleend.");
        }
        LetterText draft = new LetterText(kind, null, 0, body);
        Map<String, String> filled = values.asMap();
        List<TemplateText.Block> blocks = TemplateText.fill(body, filled);
        LetterPdf letter = LetterPdf.letter(new LetterPdf.Header(municipality.getName(), call.getFund().getName(),
                "Voorbeeld " + kind.dutchName() + " " + application.getReference(), application.getReference(),
                today, application.getOrganisationName(), application.getContactName(),
                "Voorbeeld van de brief (" + kind.dutchName() + ")", application.postalAddress()),
                MunicipalityLogo.letterhead(em, municipality));
        letter.space();
        draft.writeTo(letter, filled);
        letter.paragraph("[In de brief volgen hierna de vaste onderdelen: verplichtingen, betaling en verantwoording"
                + " (bij een toekenning), de bezwaarclausule met adres en termijn, en de ondertekening.]");
        byte[] pdf = letter.toBytes("Voorbeeld \u00b7 Sjabloon " + kind.dutchName() + " \u00b7 Pagina %d van %d");
        return new Preview(blocks, pdf, "voorbeeld-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-"
                + application.getReference() + ".pdf");
    }

    private Caller own() {
        return access.requireMunicipalStaff(Role.FUND_MANAGER);
    }

    /** Line ends as '\n', no trailing blanks at the end; what the administrator typed otherwise as it is. */
    static String normalise(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
    }
}
