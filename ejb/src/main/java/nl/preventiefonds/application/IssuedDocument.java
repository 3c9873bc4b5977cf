package nl.preventiefonds.application;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/** A document the municipality issued, kept exactly as sent (with its SHA-256), never regenerated. */
@Entity
@Table(name = "issued_document")
public class IssuedDocument implements Serializable {
    private static final long serialVersionUID = 1L;
    public enum Kind {
        RECEIPT,
        DECISION_LETTER,
        DETERMINATION_LETTER,
        /** The decision on an objection against a determination (beslissing op bezwaar). */
        OBJECTION_DECISION_LETTER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Kind kind;

    @Column(nullable = false, length = 200)
    private String filename;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 64)
    private String sha256;

    /** The letter template version the letter was made from; null for the built-in text or no template. */
    @Column(name = "template_version_id")
    private Long templateVersionId;

    /** The template as printed in the letter's footer, such as "Sjabloon toekenning v3"; null for no template. */
    @Column(name = "template_label", length = 80)
    private String templateLabel;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    protected IssuedDocument() {
    }

    public IssuedDocument(Application application, Kind kind, String filename, Instant createdAt, byte[] content) {
        this.application = application;
        this.kind = kind;
        this.filename = filename;
        this.createdAt = createdAt;
        this.content = content.clone();
        this.sha256 = Hashes.sha256(content);
    }

    /** Records the template the letter was made from (package template ranks above, so by id and label). */
    public void madeFrom(Long templateVersionId, String templateLabel) {
        this.templateVersionId = templateVersionId;
        this.templateLabel = templateLabel;
    }

    public Long getTemplateVersionId() {
        return templateVersionId;
    }

    public String getTemplateLabel() {
        return templateLabel;
    }

    public Long getId() {
        return id;
    }

    public Application getApplication() {
        return application;
    }

    public Kind getKind() {
        return kind;
    }

    public String getFilename() {
        return filename;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getContent() {
        return content.clone();
    }
}
