package nl.preventiefonds.template;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.Hashes;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.notification.MailKind;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.ConflictException;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.TemplateText;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The mail templates of the caller's own municipality (issue 21): the Dutch subject and body of the mails to
 * applicants listed in {@link MailKind}, kept by its fund managers as the letter templates are. Saving adds a
 * version, audited in the same transaction; a stale save or a text with an unknown placeholder or a stray brace is
 * refused, naming it. The outbox reads the current version when it queues a mail, and records which one it used.
 */
@Stateless
@RolesAllowed(RoleNames.FUND_MANAGER)
public class MailTemplates {
    static final String SUBJECT = "MailTemplate";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private AccessPolicy access;

    @Inject
    private Clock clock;

    /** One kind's current text: version 0 is the built-in text, with no date or author. */
    public record MailText(MailKind kind, int number, String subject, String body, Instant savedAt, String savedBy)
            implements Serializable {
        public boolean isBuiltIn() {
            return number == 0;
        }

        /** "verzoek om aanvulling v3", or "... (standaardtekst)". */
        public String label() {
            return kind.dutchName() + (number == 0 ? " (standaardtekst)" : " v" + number);
        }
    }

    /** One version in the history, newest first. */
    public record VersionRow(int number, Instant createdAt, String createdBy, String subject, String body,
                             boolean current) implements Serializable {
    }

    /** A filled subject and body, as the applicant would receive them. */
    public record Preview(String subject, String body) implements Serializable {
    }

    /** Every kind of the caller's municipality with its current text. */
    public List<MailText> overview() {
        long municipality = own().municipalityId();
        List<MailText> texts = new ArrayList<>();
        for (MailKind kind : MailKind.values()) {
            texts.add(current(municipality, kind));
        }
        return texts;
    }

    /** The current text of one kind of the caller's municipality. */
    public MailText current(MailKind kind) {
        return current(own().municipalityId(), kind);
    }

    private MailText current(long municipality, MailKind kind) {
        List<MailTemplateVersion> found = em.createQuery("SELECT v FROM MailTemplateVersion v WHERE"
                        + " v.template.municipalityId = :m AND v.template.kind = :kind"
                        + " AND v.number = v.template.currentNumber", MailTemplateVersion.class)
                .setParameter("m", municipality).setParameter("kind", kind).getResultList();
        if (found.isEmpty()) {
            return new MailText(kind, 0, kind.builtInSubject(), kind.builtInBody(), null, null);
        }
        MailTemplateVersion v = found.get(0);
        return new MailText(kind, v.getNumber(), v.getSubject(), v.getBody(), v.getCreatedAt(), v.getCreatedBy());
    }

    /** Every saved version of one kind, newest first; empty while the built-in text is used. */
    public List<VersionRow> history(MailKind kind) {
        long municipality = own().municipalityId();
        return em.createQuery("SELECT v FROM MailTemplateVersion v WHERE v.template.municipalityId = :m"
                        + " AND v.template.kind = :kind ORDER BY v.number DESC", MailTemplateVersion.class)
                .setParameter("m", municipality).setParameter("kind", kind).getResultList().stream()
                .map(v -> new VersionRow(v.getNumber(), v.getCreatedAt(), v.getCreatedBy(), v.getSubject(),
                        v.getBody(), v.getNumber() == v.getTemplate().getCurrentNumber()))
                .toList();
    }

    /**
     * Saves subject and body as the new current version of {@code kind} for the caller's municipality;
     * {@code basedOn} is the version the administrator edited (0: the built-in text), so a version someone else saved
     * meanwhile is never silently replaced.
     */
    public MailText save(MailKind kind, String subject, String body, int basedOn) {
        Caller caller = own();
        long municipality = caller.municipalityId();
        String cleanSubject = subject == null ? null : subject.strip();
        String cleanBody = LetterTemplates.normalise(body);
        check(kind, cleanSubject, cleanBody);
        List<MailTemplate> existing = em.createQuery("SELECT t FROM MailTemplate t WHERE t.municipalityId = :m"
                        + " AND t.kind = :kind", MailTemplate.class)
                .setParameter("m", municipality).setParameter("kind", kind)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        MailTemplate template;
        if (existing.isEmpty()) {
            template = new MailTemplate(municipality, kind);
            em.persist(template);
        } else {
            template = existing.get(0);
        }
        if (template.getCurrentNumber() != basedOn) {
            throw new ConflictException("template.changedElsewhere");
        }
        String before = kind.dutchName() + " " + (basedOn == 0 ? "standaard" : "v" + basedOn);
        int number = template.advance();
        String author = caller.email() == null ? AuditTrail.SYSTEM : caller.email();
        Instant now = clock.instant();
        em.persist(new MailTemplateVersion(template, number, cleanSubject, cleanBody, author, now));
        em.flush();
        audit.recordIn(municipality, "MAIL_TEMPLATE_SAVED", SUBJECT, template.getId(), before,
                kind.dutchName() + " v" + number + ", tekens=" + cleanBody.length() + ", sha256="
                        + Hashes.sha256((cleanSubject + "\n\n" + cleanBody).getBytes(StandardCharsets.UTF_8)));
        return new MailText(kind, number, cleanSubject, cleanBody, now, author);
    }

    /**
     * Subject and body (saved or being edited) filled with the facts of application {@code applicationId} of the
     * caller's municipality, as the applicant would read them; what only the moment of sending knows (the question,
     * the amount decided, the objection term) is a marked example. Nothing is stored.
     */
    public Preview preview(MailKind kind, String subject, String body, long applicationId) {
        Caller caller = own();
        String cleanSubject = subject == null ? null : subject.strip();
        String cleanBody = LetterTemplates.normalise(body);
        check(kind, cleanSubject, cleanBody);
        Application application = em.find(Application.class, applicationId);
        if (application == null || application.getReference() == null
                || !application.getMunicipalityId().equals(caller.municipalityId())) {
            throw new ValidationFailedException("template.applicationNotFound");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
        String name = application.getContactName() == null || application.getContactName().isBlank()
                ? application.getOrganisationName() : application.getContactName();
        // An example for every placeholder any mail offers; each kind takes the ones it names.
        Map<String, String> examples = new HashMap<>();
        examples.put("naam", name);
        examples.put("kenmerk", application.getReference());
        examples.put("titel", application.getTitle());
        examples.put("gevraagd", "[Voorbeeld: hier staat de vraag van de medewerker.]");
        examples.put("uiterlijk", LetterValues.date(today.plusDays(14)));
        examples.put("bedrag", LetterValues.euros(application.getRequestedAmount()));
        examples.put("bezwaar_tot", LetterValues.date(today.plusWeeks(6)));
        examples.put("verslag", "eindverslag");
        Map<String, String> values = new HashMap<>();
        for (String placeholder : kind.placeholders()) {
            values.put(placeholder, examples.getOrDefault(placeholder, ""));
        }
        return new Preview(TemplateText.substitute(cleanSubject, values).strip(),
                TemplateText.substitute(cleanBody, values));
    }

    /** Everything wrong with a subject and body; the subject's problems are named as the subject's. */
    private static void check(MailKind kind, String subject, String body) {
        List<Problem> problems = new ArrayList<>();
        if (subject != null && (subject.contains("\n") || subject.contains("\r"))) {
            problems.add(Problem.of("mailTemplate.subjectOneLine"));
        } else if (subject != null && subject.length() > MailKind.MAX_SUBJECT) {
            problems.add(Problem.of("mailTemplate.subjectTooLong", MailKind.MAX_SUBJECT));
        } else {
            for (Problem p : TemplateText.check(subject, kind.placeholders())) {
                problems.add(new Problem(p.key().replace("template.", "mailTemplate.subject."), p.args()));
            }
        }
        if (body != null && body.length() > MailKind.MAX_BODY) {
            problems.add(Problem.of("template.tooLong", MailKind.MAX_BODY));
        } else {
            problems.addAll(TemplateText.check(body, kind.placeholders()));
        }
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
    }

    private Caller own() {
        return access.requireMunicipalStaff(Role.FUND_MANAGER);
    }
}
