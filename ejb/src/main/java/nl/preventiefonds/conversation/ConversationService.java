package nl.preventiefonds.conversation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationService;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.application.Attachment;
import nl.preventiefonds.application.AttachmentStore;
import nl.preventiefonds.application.InformationRequest;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.AccountStatus;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.FreeText;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.Settings;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The conversation on one application: messages between the organiser (and the partners the application names) and
 * the municipality's staff, internal notes that only staff see, and the requests for information with their answers
 * (read from the application domain, answered through it so the Awb clock keeps running as it does). Who may read
 * and write is decided here, per application and per municipality: the application as {@link ApplicationQueries}
 * lets the caller see it (another organiser's is refused, another municipality's is as one that does not exist).
 */
@Stateless
@RolesAllowed({RoleNames.ORGANISER, RoleNames.PARTNER, RoleNames.OFFICER, RoleNames.DECISION_MAKER,
        RoleNames.FUND_MANAGER})
public class ConversationService {
    static final String SUBJECT = "Application";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private ApplicationQueries queries;

    @Inject
    private ApplicationService applications;

    @Inject
    private AttachmentStore store;

    @Inject
    private AuditTrail audit;

    @Inject
    private Outbox outbox;

    @Inject
    private Clock clock;

    /** A file to go with a message, as uploaded. */
    public record NewFile(String filename, byte[] content) implements Serializable {
    }

    /** A file of a message, without its bytes (downloaded through /files/attachment/ID). */
    public record FileLink(long id, String filename, long sizeBytes) implements Serializable {
    }

    /** What an item of the thread is. */
    public enum ItemType { MESSAGE, NOTE, REQUEST, ANSWER, REQUEST_CLOSED }

    /**
     * One item of the thread as the caller may see it. {@code author} is null for what the municipality sent as an
     * institution (a request for information). {@code answerDeadline} and {@code open} only for requests.
     */
    public record Item(ItemType type, long sourceId, Instant at, String author, ThreadMessage.Side side, String body,
                       List<FileLink> files, boolean unread, LocalDate answerDeadline, boolean open)
            implements Serializable {
    }

    /** The thread, oldest first, with what the caller may do in it. */
    public record Thread(List<Item> items, long unread, boolean mayPost, boolean mayWriteNote, boolean mayAnswer)
            implements Serializable {
    }

    /** The thread as the caller may see it (notes for staff only); does not mark it read. */
    public Thread thread(long applicationId) {
        Caller caller = access.caller();
        Application application = queries.visible(applicationId);
        List<ThreadMessage> messages = visibleMessages(caller, application);
        ThreadRead read = readOf(caller, applicationId);
        return assemble(caller, application, messages, read == null ? 0 : read.getLastReadMessageId());
    }

    /**
     * The thread as {@link #thread}, then marked read by the caller up to its newest message: what opening the
     * application page does. Written only when there is something new, so most page views only read.
     */
    public Thread open(long applicationId) {
        Caller caller = access.caller();
        Application application = queries.visible(applicationId);
        List<ThreadMessage> messages = visibleMessages(caller, application);
        ThreadRead read = readOf(caller, applicationId);
        Thread thread = assemble(caller, application, messages, read == null ? 0 : read.getLastReadMessageId());
        markRead(caller, application, messages, read);
        return thread;
    }

    private Thread assemble(Caller caller, Application application, List<ThreadMessage> messages, long lastRead) {
        long applicationId = application.getId();
        Map<Long, List<FileLink>> files = filesOf(messages);
        List<Item> items = new ArrayList<>();
        long unread = 0;
        for (ThreadMessage m : messages) {
            boolean isUnread = isUnread(m, caller, lastRead);
            unread += isUnread ? 1 : 0;
            items.add(new Item(m.isNote() ? ItemType.NOTE : ItemType.MESSAGE, m.getId(), m.getPostedAt(),
                    m.getAuthorName(), m.getAuthorSide(), m.getBody(), files.getOrDefault(m.getId(), List.of()),
                    isUnread, null, false));
        }
        boolean openRequest = false;
        for (InformationRequest r : queries.informationRequests(applicationId)) {
            openRequest |= r.isOpen();
            items.add(new Item(ItemType.REQUEST, r.getId(), r.getRequestedAt(), null, ThreadMessage.Side.STAFF,
                    r.getMessage(), List.of(), false, r.getAnswerDeadline(), r.isOpen()));
            if (r.getAnswer() != null) {
                items.add(new Item(ItemType.ANSWER, r.getId(), r.getAnsweredAt(), application.getOwner()
                        .getDisplayName(), ThreadMessage.Side.ORGANISER, r.getAnswer(), List.of(), false, null,
                        false));
            } else if (r.getAnsweredAt() != null) {
                items.add(new Item(ItemType.REQUEST_CLOSED, r.getId(), r.getAnsweredAt(), null,
                        ThreadMessage.Side.STAFF, null, List.of(), false, r.getAnswerDeadline(), false));
            }
        }
        // Requests and messages in the order they happened; at the same instant a request before its answer.
        items.sort(Comparator.comparing(Item::at).thenComparing(Item::type));
        boolean mayPost = application.getStatus() != ApplicationStatus.DRAFT;
        boolean mayAnswer = openRequest && application.getStatus() == ApplicationStatus.INFORMATION_REQUESTED
                && caller.is(Role.ORGANISER);
        return new Thread(List.copyOf(items), unread, mayPost, mayPost && caller.isStaff(), mayAnswer);
    }

    /** How many messages of the thread the caller has not read (their own never count). */
    public long unreadCount(long applicationId) {
        Caller caller = access.caller();
        Application application = queries.visible(applicationId);
        long lastRead = lastRead(caller, applicationId);
        return em.createQuery("SELECT COUNT(m) FROM ThreadMessage m WHERE m.applicationId = :application"
                        + " AND m.municipalityId = :municipality AND m.id > :lastRead AND m.authorId <> :me"
                        + " AND m.kind IN :kinds", Long.class)
                .setParameter("application", applicationId)
                .setParameter("municipality", application.getMunicipalityId())
                .setParameter("lastRead", lastRead)
                .setParameter("me", caller.userId())
                .setParameter("kinds", kindsFor(caller))
                .getResultList().get(0);
    }

    /** Marks every message the caller can see as read by them. */
    public void markRead(long applicationId) {
        Caller caller = access.caller();
        Application application = queries.visible(applicationId);
        markRead(caller, application, visibleMessages(caller, application), readOf(caller, applicationId));
    }

    private void markRead(Caller caller, Application application, List<ThreadMessage> messages, ThreadRead read) {
        if (messages.isEmpty()) {
            return;
        }
        long newest = messages.get(messages.size() - 1).getId();
        if (read == null) {
            read = new ThreadRead(application.getMunicipalityId(), application.getId(), caller.userId());
            read.readUpTo(newest, clock.instant());
            em.persist(read);
        } else if (read.getLastReadMessageId() < newest) {
            read.readUpTo(newest, clock.instant());
        }
    }

    /** A message for everyone on the thread; the other side is mailed. */
    public long post(long applicationId, String body, List<NewFile> files) {
        return write(applicationId, ThreadMessage.Kind.MESSAGE, body, files);
    }

    /** An internal note: staff of the application's municipality only, never shown or mailed to anyone else. */
    public long postNote(long applicationId, String body, List<NewFile> files) {
        if (!access.caller().isStaff()) {
            throw new AccessDeniedException("internal notes are for staff only");
        }
        return write(applicationId, ThreadMessage.Kind.NOTE, body, files);
    }

    /**
     * The organiser answers the open request for information from the thread: through the application's own
     * answer, which checks the application, resumes the decision term and audits, exactly as from its page.
     */
    public void answerRequest(long applicationId, String answer) {
        queries.visible(applicationId);
        applications.answerInformationRequest(applicationId, answer);
    }

    private long write(long applicationId, ThreadMessage.Kind kind, String body, List<NewFile> files) {
        Caller caller = access.caller();
        queries.visible(applicationId);
        // Locked: the files count against the application's size total, which may not race.
        Application application = em.find(Application.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (application.getStatus() == ApplicationStatus.DRAFT) {
            throw new ValidationFailedException("conversation.notSubmitted");
        }
        String text = FreeText.withoutBidiControls(body);
        if (text == null || text.isBlank()) {
            throw new ValidationFailedException("conversation.bodyRequired");
        }
        text = text.strip();
        if (text.length() > ThreadMessage.MAX_BODY) {
            throw ValidationFailedException.of("field.tooLong", "field.message", ThreadMessage.MAX_BODY);
        }
        UserAccount author = em.find(UserAccount.class, caller.userId());
        Instant now = clock.instant();
        ThreadMessage message = new ThreadMessage(application.getMunicipalityId(), applicationId, kind,
                author.getId(), author.getDisplayName(), sideOf(caller), text, now);
        em.persist(message);
        em.flush();
        List<String> stored = new ArrayList<>();
        for (NewFile file : files == null ? List.<NewFile>of() : files) {
            Attachment attachment = store.storeForThreadMessage(application, message.getId(), file.filename(),
                    file.content(), now, caller.email());
            stored.add(attachment.getId() + ":" + attachment.getFilename() + ":" + attachment.getSha256());
        }
        // The writer has read what they wrote and everything before it.
        markRead(applicationId);
        audit.record(kind == ThreadMessage.Kind.NOTE ? "THREAD_NOTE_POSTED" : "THREAD_MESSAGE_POSTED", SUBJECT,
                applicationId, null, "message=" + message.getId() + ", side=" + message.getAuthorSide()
                        + ", length=" + text.length() + ", files=" + stored);
        if (kind == ThreadMessage.Kind.MESSAGE) {
            notifyOthers(application, message);
        }
        return message.getId();
    }

    /** Everyone on the thread but the writer, by mail in the same transaction; of the municipality, its officers. */
    private void notifyOthers(Application application, ThreadMessage message) {
        Map<Long, UserAccount> recipients = new LinkedHashMap<>();
        if (message.getAuthorSide() == ThreadMessage.Side.STAFF) {
            recipients.put(application.getOwner().getId(), application.getOwner());
        } else {
            recipients.put(application.getOwner().getId(), application.getOwner());
            em.createQuery("SELECT m.account FROM StaffMembership m WHERE m.municipality.id = :municipality"
                            + " AND m.role = :officer AND m.account.status = :active", UserAccount.class)
                    .setParameter("municipality", application.getMunicipalityId())
                    .setParameter("officer", Role.OFFICER).setParameter("active", AccountStatus.ACTIVE)
                    .getResultList().forEach(u -> recipients.put(u.getId(), u));
        }
        List<Long> partners = application.partnerIds();
        if (!partners.isEmpty()) {
            em.createQuery("SELECT u FROM UserAccount u WHERE u.partner.id IN :partners AND u.role = :partner"
                            + " AND u.status = :active", UserAccount.class)
                    .setParameter("partners", partners).setParameter("partner", Role.PARTNER)
                    .setParameter("active", AccountStatus.ACTIVE)
                    .getResultList().forEach(u -> recipients.put(u.getId(), u));
        }
        recipients.remove(message.getAuthorId());
        String link = baseUrl() + "/applications/view.xhtml?id=" + application.getId() + "#thread";
        for (UserAccount recipient : recipients.values()) {
            if (recipient.getStatus() != AccountStatus.ACTIVE) {
                continue;
            }
            outbox.queue(recipient.getEmail(), recipient.getPreferredLocale(), "thread-message",
                    recipient.getDisplayName(), application.getReference(), application.getTitle(),
                    message.getAuthorName(), link);
        }
    }

    private List<ThreadMessage> visibleMessages(Caller caller, Application application) {
        return em.createQuery("SELECT m FROM ThreadMessage m WHERE m.applicationId = :application"
                        + " AND m.municipalityId = :municipality AND m.kind IN :kinds ORDER BY m.id", ThreadMessage.class)
                .setParameter("application", application.getId())
                .setParameter("municipality", application.getMunicipalityId())
                .setParameter("kinds", kindsFor(caller))
                .getResultList();
    }

    private Map<Long, List<FileLink>> filesOf(List<ThreadMessage> messages) {
        Map<Long, List<FileLink>> files = new LinkedHashMap<>();
        if (messages.isEmpty()) {
            return files;
        }
        em.createQuery("SELECT t FROM Attachment t WHERE t.threadMessageId IN :ids ORDER BY t.id", Attachment.class)
                .setParameter("ids", messages.stream().map(ThreadMessage::getId).toList())
                .getResultList().forEach(t -> files.computeIfAbsent(t.getThreadMessageId(), k -> new ArrayList<>())
                        .add(new FileLink(t.getId(), t.getFilename(), t.getSizeBytes())));
        return files;
    }

    private long lastRead(Caller caller, long applicationId) {
        ThreadRead read = readOf(caller, applicationId);
        return read == null ? 0 : read.getLastReadMessageId();
    }

    private ThreadRead readOf(Caller caller, long applicationId) {
        return em.createQuery("SELECT r FROM ThreadRead r WHERE r.applicationId = :application AND r.userId = :me",
                        ThreadRead.class)
                .setParameter("application", applicationId).setParameter("me", caller.userId())
                .getResultList().stream().findFirst().orElse(null);
    }

    /** Notes are staff's: to anyone else they are not in the thread at all. */
    private static List<ThreadMessage.Kind> kindsFor(Caller caller) {
        return caller.isStaff() ? List.of(ThreadMessage.Kind.MESSAGE, ThreadMessage.Kind.NOTE)
                : List.of(ThreadMessage.Kind.MESSAGE);
    }

    private static boolean isUnread(ThreadMessage m, Caller caller, long lastRead) {
        return m.getId() > lastRead && !m.getAuthorId().equals(caller.userId());
    }

    private static ThreadMessage.Side sideOf(Caller caller) {
        if (caller.isStaff()) {
            return ThreadMessage.Side.STAFF;
        }
        if (caller.is(Role.PARTNER)) {
            return ThreadMessage.Side.PARTNER;
        }
        if (caller.is(Role.ORGANISER)) {
            return ThreadMessage.Side.ORGANISER;
        }
        throw new AccessDeniedException("no side in the conversation");
    }

    private static String baseUrl() {
        int port = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return Settings.text(Settings.PUBLIC_URL).map(url -> url.replaceAll("/+$", ""))
                .orElse("http://localhost:" + port + "/preventiefonds");
    }
}
