package nl.preventiefonds.application;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;

/** The bytes of an attachment, apart from its facts so lists never load them. */
@Entity
@Table(name = "attachment_content")
public class AttachmentContent implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @Column(name = "attachment_id")
    private Long attachmentId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    protected AttachmentContent() {
    }

    AttachmentContent(Long attachmentId, byte[] content) {
        this.attachmentId = attachmentId;
        this.content = content;
    }

    public byte[] getContent() {
        return content;
    }
}
