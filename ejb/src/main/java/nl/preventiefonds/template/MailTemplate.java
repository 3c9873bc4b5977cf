package nl.preventiefonds.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import nl.preventiefonds.notification.MailKind;

/**
 * One municipality's template for one kind of mail: which of its versions is current. Created with the first
 * text the municipality saves; before that its mails use the kind's built-in text.
 */
@Entity
@Table(name = "mail_template")
public class MailTemplate implements Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "municipality_id", nullable = false, updatable = false)
    private Long municipalityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40, updatable = false)
    private MailKind kind;

    @Column(name = "current_number", nullable = false)
    private int currentNumber;

    @Version
    private long version;

    protected MailTemplate() {
    }

    MailTemplate(long municipalityId, MailKind kind) {
        this.municipalityId = municipalityId;
        this.kind = kind;
    }

    /** The number the next version gets, now current. */
    int advance() {
        currentNumber++;
        return currentNumber;
    }

    public Long getId() {
        return id;
    }

    public Long getMunicipalityId() {
        return municipalityId;
    }

    public MailKind getKind() {
        return kind;
    }

    public int getCurrentNumber() {
        return currentNumber;
    }
}
