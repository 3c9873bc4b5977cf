package nl.preventiefonds.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import nl.preventiefonds.platform.TemplateText;

/** One saved text of a template, numbered 1, 2, 3 per template; never changed, so a sent letter names it. */
@Entity
@Table(name = "letter_template_version")
public class LetterTemplateVersion implements Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "template_id", nullable = false, updatable = false)
    private LetterTemplate template;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, length = TemplateText.MAX_LENGTH, updatable = false)
    private String body;

    @Column(name = "created_by", nullable = false, length = 254, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected LetterTemplateVersion() {
    }

    LetterTemplateVersion(LetterTemplate template, int number, String body, String createdBy, Instant createdAt) {
        this.template = template;
        this.number = number;
        this.body = body;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public LetterTemplate getTemplate() {
        return template;
    }

    public int getNumber() {
        return number;
    }

    public String getBody() {
        return body;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
