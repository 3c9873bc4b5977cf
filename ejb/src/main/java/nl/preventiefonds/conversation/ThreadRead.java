package nl.preventiefonds.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** How far one user has read one application's conversation: every message up to this id is read. */
@Entity
@Table(name = "thread_read")
public class ThreadRead implements Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "municipality_id", nullable = false)
    private Long municipalityId;

    @Column(name = "application_id", nullable = false)
    private Long applicationId;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "last_read_message_id", nullable = false)
    private long lastReadMessageId;

    @Column(name = "read_at", nullable = false)
    private Instant readAt;

    protected ThreadRead() {
    }

    ThreadRead(Long municipalityId, Long applicationId, Long userId) {
        this.municipalityId = municipalityId;
        this.applicationId = applicationId;
        this.userId = userId;
    }

    /** Read up to this message; never back (an older page open in another tab does not unread newer ones). */
    void readUpTo(long messageId, Instant now) {
        lastReadMessageId = Math.max(lastReadMessageId, messageId);
        readAt = now;
    }

    public long getLastReadMessageId() {
        return lastReadMessageId;
    }

    public Long getUserId() {
        return userId;
    }
}
