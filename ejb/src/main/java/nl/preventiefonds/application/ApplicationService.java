package nl.preventiefonds.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.call.CallFetch;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.AccessRules;
import nl.preventiefonds.identity.BrokerKind;
import nl.preventiefonds.identity.BrokerLoginService;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.LevelOfAssurance;
import nl.preventiefonds.identity.LoginAssurance;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.municipality.MunicipalityLogo;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.partner.PartnerOrganisation;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.RoleRequiredException;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The organiser's side of an application: drafts, submission, answers to requests for
 * information, withdrawal. Every method checks that the caller owns the application.
 */
@Stateless
@RolesAllowed(RoleNames.ORGANISER)
public class ApplicationService {
    static final String SUBJECT = "Application";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private AuditTrail audit;

    @Inject
    private Outbox outbox;

    @Inject
    private DecisionTermKeeper terms;

    @Inject
    private Clock clock;

    @Inject
    private DeMinimisAwards deMinimis;

    @Inject
    private Representation representation;

    /** Starts a draft for an open call, with the organisation details of the organiser's last application. */
    public long startDraft(long callId) {
        return startDraft(callId, null);
    }

    /**
     * As {@link #startDraft(long)}; after an eHerkenning login ({@code login} not null, of that kind) the draft acts
     * for the login's organisation: its KvK number is filled in and cannot be changed for this application.
     */
    public long startDraft(long callId, LoginAssurance login) {
        Caller caller = access.requireAnyRole(Role.ORGANISER);
        FundingCall call = em.find(FundingCall.class, callId);
        Instant now = clock.instant();
        if (call == null || !call.isOpenAt(now)) {
            throw new ValidationFailedException("application.callNotOpen");
        }
        UserAccount owner = em.find(UserAccount.class, caller.userId());
        Application application = new Application(call, owner, now);
        em.persist(application);
        em.flush();
        application.assignReference(LocalDate.ofInstant(now, Amsterdam.ZONE).getYear());
        previousApplication(owner.getId(), application.getId()).ifPresent(previous -> {
            ApplicationForm form = application.toForm();
            ApplicationForm old = previous.toForm();
            form.setOrganisationName(old.getOrganisationName());
            form.setLegalForm(old.getLegalForm());
            form.setKvkNumber(old.getKvkNumber());
            form.setIban(old.getIban());
            form.setAccountHolder(old.getAccountHolder());
            form.setUndertaking(old.isUndertaking());
            form.setContactName(old.getContactName());
            form.setContactEmail(old.getContactEmail());
            form.setContactPhone(old.getContactPhone());
            form.setPostalStreet(old.getPostalStreet());
            form.setPostalCode(old.getPostalCode());
            form.setPostalTown(old.getPostalTown());
            application.apply(form, List.of(), List.of(), now);
        });
        boolean forOrganisation = login != null && login.kind() == BrokerKind.EHERKENNING
                && login.kvkNumber() != null;
        if (forOrganisation) {
            application.actForBrokerOrganisation(login.kvkNumber(), login.organisationName());
        }
        audit.record("APPLICATION_CREATED", SUBJECT, application.getId(), null,
                "reference=" + application.getReference() + ", call=" + callId
                        + (forOrganisation ? ", kvk=" + login.kvkNumber() + " (eHerkenning)" : ""));
        return application.getId();
    }

    private java.util.Optional<Application> previousApplication(long ownerId, long exceptId) {
        return em.createQuery("SELECT a FROM Application a WHERE a.owner.id = :owner AND a.id <> :except"
                        + " AND a.organisationName IS NOT NULL ORDER BY a.updatedAt DESC", Application.class)
                .setParameter("owner", ownerId).setParameter("except", exceptId)
                .setMaxResults(1).getResultList().stream().findFirst();
    }

    public ApplicationForm load(long applicationId) {
        return editable(applicationId).toForm();
    }

    /**
     * Saves what the organiser typed, complete or not. Refused once the call has closed for a
     * draft, when the application is no longer editable, or when it changed in another window.
     */
    public ApplicationForm saveDraft(ApplicationForm form) {
        Application application = editable(form.getId());
        Instant now = clock.instant();
        requireEditable(application, now);
        if (form.getVersion() != application.getVersion()) {
            throw new ValidationFailedException("application.changedElsewhere");
        }
        List<Problem> problems = form.checkStorable();
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        String typedKvk = OrganisationIdentifiers.normaliseKvk(form.getKvkNumber());
        if (application.isKvkFromBroker() && typedKvk != null && !typedKvk.equals(application.getKvkNumber())) {
            throw new ValidationFailedException("application.kvkFromBroker");
        }
        String before = application.getStatus() == ApplicationStatus.DRAFT ? null : application.auditSummary();
        application.apply(form, neighbourhoods(form.getNeighbourhoodIds()), partners(form.getPartnerIds(),
                application.getCall().getFund().getMunicipality().getId()), now);
        em.flush();
        if (before != null) {
            // Drafts are autosaved often and are nobody's business yet; changes after submission are.
            audit.record("APPLICATION_AMENDED", SUBJECT, application.getId(), before, application.auditSummary());
        }
        return application.toForm();
    }

    /** Every rule that still fails, in the order of the form. */
    public List<Problem> eligibilityProblems(long applicationId) {
        Application application = editable(applicationId);
        Instant now = clock.instant();
        return EligibilityCheck.check(application, application.getCall(), now, awardedHere(application, now));
    }

    /**
     * Submits: locks the row (a double click submits once), checks every rule, starts the
     * decision term, stores the receipt and mails it, in one transaction.
     */
    public Submission submit(long applicationId) {
        return submit(applicationId, null);
    }

    /**
     * As {@link #submit(long)}, with what this session's broker login said ({@code login}, null for a local password).
     * Where the municipality has an eHerkenning broker, a submission on behalf of an organisation (a legal form with
     * a KvK number) needs an eHerkenning login of at least the municipality's level (EH3 unless set otherwise); a
     * lower one is refused (403) with both levels named, and the draft stays as it is.
     */
    public Submission submit(long applicationId, LoginAssurance login) {
        owned(applicationId);
        Application application = em.find(Application.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(application);
        if (application.getStatus() != ApplicationStatus.DRAFT) {
            throw new ValidationFailedException("application.alreadySubmitted");
        }
        requireLevelOfAssurance(application, login);
        Instant now = clock.instant();
        List<Problem> problems = EligibilityCheck.check(application, application.getCall(), now,
                awardedHere(application, now));
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        LocalDate today = LocalDate.ofInstant(now, Amsterdam.ZONE);
        String before = application.auditSummary();
        application.markSubmitted(now, today);
        LocalDate due = terms.recompute(application, today);
        List<String> attachmentNames = em.createQuery("SELECT t.filename FROM Attachment t"
                        + " WHERE t.application.id = :id ORDER BY t.id", String.class)
                .setParameter("id", applicationId).getResultList();
        byte[] receipt = ReceiptLetter.render(application, attachmentNames, now, due,
                MunicipalityLogo.letterhead(em, application.getCall().getFund().getMunicipality()));
        IssuedDocument document = new IssuedDocument(application, IssuedDocument.Kind.RECEIPT,
                ReceiptLetter.filename(application), now, receipt);
        em.persist(document);
        em.flush();
        audit.record("APPLICATION_SUBMITTED", SUBJECT, application.getId(), before,
                application.auditSummary() + ", due=" + due + ", receiptSha256=" + document.getSha256());
        UserAccount owner = application.getOwner();
        Locale locale = Locale.forLanguageTag(owner.getPreferredLocale());
        outbox.queueWithAttachment(owner.getEmail(), owner.getPreferredLocale(), "application-submitted",
                document.getFilename(), "application/pdf", receipt, owner.getDisplayName(),
                application.getReference(), application.getTitle(),
                Amsterdam.euros(application.getRequestedAmount(), locale), Amsterdam.longDate(due, locale));
        return new Submission(application.getId(), application.getReference(), due, document.getId());
    }

    private void requireLevelOfAssurance(Application application, LoginAssurance login) {
        Optional<Problem> problem = levelProblem(application.getLegalForm(), () -> BrokerLoginService
                .requiredSubmitLevel(em, application.getCall().getFund().getMunicipality().getId()), login);
        if (problem.isPresent()) {
            throw new RoleRequiredException(problem.get());
        }
    }

    /** The rule of {@link #submit(long, LoginAssurance)}: empty when this login may submit for this legal form. */
    static Optional<Problem> levelProblem(LegalForm legalForm,
            java.util.function.Supplier<Optional<LevelOfAssurance>> requiredHere, LoginAssurance login) {
        if (legalForm == null || !legalForm.needsKvkNumber()) {
            return Optional.empty(); // residents and informal groups act for nobody but themselves
        }
        Optional<LevelOfAssurance> required = requiredHere.get();
        if (required.isEmpty()) {
            return Optional.empty(); // no eHerkenning in this municipality: local accounts submit as before
        }
        if (login == null || login.level() == null || !login.level().satisfies(required.get())) {
            String has = login == null || login.level() == null ? "-" : login.level().label();
            return Optional.of(Problem.of("application.levelTooLow", required.get().label(), has));
        }
        return Optional.empty();
    }

    /** What a successful submission tells the organiser. */
    public record Submission(long applicationId, String reference, LocalDate decisionDueOn, long receiptId)
            implements java.io.Serializable {
    }

    /** Answers the open request for information and hands the application back to the officer. */
    public void answerInformationRequest(long applicationId, String answer) {
        answer = nl.preventiefonds.platform.FreeText.withoutBidiControls(answer); // shown to the officer as typed, never reordered
        owned(applicationId);
        Application application = em.find(Application.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(application);
        if (application.getStatus() != ApplicationStatus.INFORMATION_REQUESTED) {
            throw new ValidationFailedException("application.noOpenRequest");
        }
        if (answer == null || answer.isBlank()) {
            throw new ValidationFailedException("application.answerRequired");
        }
        if (answer.strip().length() > 4000) {
            throw ValidationFailedException.of("field.tooLong", "field.answer", 4000);
        }
        Instant now = clock.instant();
        List<Problem> problems = new ArrayList<>(EligibilityCheck.check(application, application.getCall(), now,
                awardedHere(application, now)));
        // The call may have closed meanwhile; an answer to our own request is still on time.
        problems.removeIf(p -> p.key().equals("eligibility.callClosed"));
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        InformationRequest request = openRequest(applicationId);
        LocalDate today = LocalDate.ofInstant(now, Amsterdam.ZONE);
        request.answer(answer.strip(), now, today);
        String before = application.auditSummary();
        application.resume(now);
        LocalDate due = terms.recompute(application, today);
        audit.record("INFORMATION_PROVIDED", SUBJECT, application.getId(), before,
                application.auditSummary() + ", request=" + request.getId() + ", due=" + due);
        outbox.queue(request.getRequestedBy(), "nl", "information-provided", application.getReference(),
                application.getTitle());
    }

    /** Withdraws a submitted application; a draft is simply discarded. */
    public void withdraw(long applicationId, String reason) {
        owned(applicationId);
        Application application = em.find(Application.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(application);
        if (application.getStatus() == ApplicationStatus.DRAFT) {
            discard(application);
            return;
        }
        if (!application.getStatus().isWithdrawable()) {
            throw new ValidationFailedException("application.notWithdrawable");
        }
        if (reason != null && reason.strip().length() > 1000) {
            throw ValidationFailedException.of("field.tooLong", "field.reason", 1000);
        }
        String before = application.auditSummary();
        application.withdraw(reason, clock.instant());
        audit.record("APPLICATION_WITHDRAWN", SUBJECT, application.getId(), before,
                application.auditSummary() + ", reason=" + application.getWithdrawalReason());
        UserAccount owner = application.getOwner();
        outbox.queue(owner.getEmail(), owner.getPreferredLocale(), "application-withdrawn", owner.getDisplayName(),
                application.getReference(), application.getTitle());
    }

    private void discard(Application application) {
        Long id = application.getId();
        String summary = "reference=" + application.getReference() + ", " + application.auditSummary();
        for (Attachment attachment : em.createQuery("SELECT t FROM Attachment t WHERE t.application.id = :id",
                Attachment.class).setParameter("id", id).getResultList()) {
            AttachmentContent content = em.find(AttachmentContent.class, attachment.getId());
            if (content != null) {
                em.remove(content);
            }
            em.remove(attachment);
        }
        em.remove(application);
        em.flush();
        audit.record("DRAFT_DISCARDED", SUBJECT, id, summary, null);
    }

    /**
     * The organiser's own applications and those of the organisations the organiser acts for (organisation
     * registry), newest first.
     */
    public List<ApplicationRow> mine() {
        return mine(null);
    }

    /**
     * As {@link #mine()}, only those whose reference, title or organisation name contains {@code text}: searched in
     * the query, so an organisation with more applications than one list holds still finds an older one.
     */
    public List<ApplicationRow> mine(String text) {
        Caller caller = access.requireAnyRole(Role.ORGANISER);
        List<String> organisations = representation.organisationsOf(caller.userId());
        boolean search = text != null && !text.isBlank();
        // List rows, not entities: the start page and the API show these columns only.
        var query = em.createQuery(ApplicationRow.SELECT + " FROM Application a LEFT JOIN a.call c"
                        + " WHERE (a.owner.id = :owner" + (organisations.isEmpty() ? "" : " OR a.kvkNumber IN :kvks")
                        + ")" + (search ? " AND (LOWER(a.reference) LIKE :text ESCAPE '!' OR LOWER(a.title) LIKE :text"
                        + " ESCAPE '!' OR LOWER(a.organisationName) LIKE :text ESCAPE '!')" : "")
                        + " ORDER BY a.updatedAt DESC, a.id DESC", ApplicationRow.class)
                .setParameter("owner", caller.userId());
        if (!organisations.isEmpty()) {
            query.setParameter("kvks", organisations);
        }
        if (search) {
            query.setParameter("text", "%" + text.strip().toLowerCase(Locale.ROOT).replace("!", "!!")
                    .replace("%", "!%").replace("_", "!_") + "%");
        }
        return query.setMaxResults(200).getResultList();
    }

    /**
     * What the municipality of the application awarded its organisation (KvK number) in the de-minimis window ending
     * today, from the organisation registry; zero when the rules do not apply or the number is no KvK number.
     */
    private java.math.BigDecimal awardedHere(Application application, Instant now) {
        if (!EligibilityCheck.isUndertaking(application)
                || !OrganisationIdentifiers.isValidKvk(application.getKvkNumber())) {
            return nl.preventiefonds.platform.Money.ZERO.amount();
        }
        return deMinimis.awarded(application.getKvkNumber(), application.getMunicipalityId(),
                DeMinimisWindow.endingOn(LocalDate.ofInstant(now, Amsterdam.ZONE)), application.getId());
    }

    /** Open requests for information on the organiser's applications: the messages on the dashboard. */
    public List<InformationRequest> myOpenRequests() {
        Caller caller = access.requireAnyRole(Role.ORGANISER);
        return CallFetch.withCall(em.createQuery("SELECT r FROM InformationRequest r JOIN FETCH r.application a"
                        + " WHERE a.owner.id = :owner AND r.answeredAt IS NULL ORDER BY r.answerDeadline",
                        InformationRequest.class), "r.application.call")
                .setParameter("owner", caller.userId()).setMaxResults(100).getResultList();
    }

    private InformationRequest openRequest(long applicationId) {
        return em.createQuery("SELECT r FROM InformationRequest r WHERE r.application.id = :id"
                        + " AND r.answeredAt IS NULL ORDER BY r.id DESC", InformationRequest.class)
                .setParameter("id", applicationId).setMaxResults(1).getResultList().stream().findFirst()
                .orElseThrow(() -> new ValidationFailedException("application.noOpenRequest"));
    }

    private Application owned(Long applicationId) {
        Application application = applicationId == null ? null : em.find(Application.class, applicationId);
        if (application == null) {
            throw new ValidationFailedException("application.notFound");
        }
        access.requireOwner(application.getOwner().getId());
        return application;
    }

    /**
     * The application if the caller may edit it: its author, or for a draft an organiser who acts for its
     * organisation (organisation registry). Submitting, answering and withdrawing stay with the author.
     */
    private Application editable(Long applicationId) {
        Application application = applicationId == null ? null : em.find(Application.class, applicationId);
        if (application == null) {
            throw new ValidationFailedException("application.notFound");
        }
        Caller caller = access.caller();
        Long owner = application.getOwner().getId();
        boolean draft = application.getStatus() == ApplicationStatus.DRAFT;
        boolean represents = !AccessRules.mayEditAsOwner(caller, owner) && draft && caller.is(Role.ORGANISER)
                && application.getKvkNumber() != null
                && representation.actsFor(caller.userId(), application.getKvkNumber());
        if (!AccessRules.mayEditDraft(caller, owner, represents, draft)) {
            throw new nl.preventiefonds.platform.AccessDeniedException("only the owner may change this object");
        }
        return application;
    }

    private void requireEditable(Application application, Instant now) {
        if (!application.getStatus().isEditableByOwner()) {
            throw new ValidationFailedException("application.notEditable");
        }
        if (application.getStatus() == ApplicationStatus.DRAFT && !application.getCall().isOpenAt(now)) {
            throw new ValidationFailedException("eligibility.callClosed");
        }
    }

    private List<Neighbourhood> neighbourhoods(List<Long> ids) {
        List<Neighbourhood> found = new ArrayList<>();
        for (Long id : ids) {
            Neighbourhood neighbourhood = em.find(Neighbourhood.class, id);
            if (neighbourhood == null) {
                throw new ValidationFailedException("application.neighbourhoodUnknown");
            }
            found.add(neighbourhood);
        }
        return found;
    }

    /** The partners named, each one of the call's municipality: another municipality's answers as unknown. */
    private List<PartnerOrganisation> partners(List<Long> ids, long municipalityId) {
        List<PartnerOrganisation> found = new ArrayList<>();
        for (Long id : ids) {
            PartnerOrganisation partner = em.find(PartnerOrganisation.class, id);
            if (partner == null || partner.getMunicipality() == null
                    || !partner.getMunicipality().getId().equals(municipalityId)) {
                throw new ValidationFailedException("application.partnerUnknown");
            }
            found.add(partner);
        }
        return found;
    }
}
