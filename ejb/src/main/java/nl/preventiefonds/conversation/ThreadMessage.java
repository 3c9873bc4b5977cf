package nl.preventiefonds.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * One message in an application's conversation, or an internal note (staff only). Carries the application's
 * municipality so every read can be scoped to the tenant without a join.
 */
@Entity
@Table(name = "thread_message")
public class ThreadMessage implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int MAX_BODY = 4000;

    public enum Kind { MESSAGE, NOTE }

    /** Which side of the conversation wrote it. */
    public enum Side { ORGANISER, PARTNER, STAFF }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "municipality_id", nullable = false)
    private Long municipalityId;

    @Column(name = "application_id", nullable = false)
    private Long applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Kind kind;

    @Column(name = "author_id", nullable = false)
    private Long authorId;

    @Column(name = "author_name", nullable = false, length = 120)
    private String authorName;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_side", nullable = false, length = 10)
    private Side authorSide;

    @Column(nullable = false, length = MAX_BODY)
    private String body;

    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;

    protected ThreadMessage() {
    }

    ThreadMessage(Long municipalityId, Long applicationId, Kind kind, Long authorId, String authorName, Side authorSide,
                  String body, Instant postedAt) {
        this.municipalityId = municipalityId;
        this.applicationId = applicationId;
        this.kind = kind;
        this.authorId = authorId;
        this.authorName = authorName;
        this.authorSide = authorSide;
        this.body = body;
        this.postedAt = postedAt;
    }

    public boolean isNote() {
        return kind == Kind.NOTE;
    }

    public Long getId() {
        return id;
    }

    public Long getMunicipalityId() {
        return municipalityId;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public Kind getKind() {
        return kind;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public Side getAuthorSide() {
        return authorSide;
    }

    public String getBody() {
        return body;
    }

    public Instant getPostedAt() {
        return postedAt;
    }
}
