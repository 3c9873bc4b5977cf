package nl.preventiefonds.municipality;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;
import nl.preventiefonds.platform.LetterPdf;

/** A municipality's logo for its letterhead and pages: a PNG as {@link LogoImage} made it, apart from the profile. */
@Entity
@Table(name = "municipality_logo")
public class MunicipalityLogo implements Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "municipality_id")
    private Long municipalityId;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    protected MunicipalityLogo() {
    }

    public MunicipalityLogo(Long municipalityId, String contentType, byte[] content) {
        this.municipalityId = municipalityId;
        this.contentType = contentType;
        this.content = content;
    }

    public Long getMunicipalityId() {
        return municipalityId;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getContent() {
        return content;
    }

    public void replace(String newContentType, byte[] newContent) {
        contentType = newContentType;
        content = newContent;
    }

    /** The logo's bytes, or null: no read at all when the municipality has none. */
    public static byte[] of(EntityManager em, Municipality municipality) {
        if (municipality == null || !municipality.hasLogo()) {
            return null;
        }
        MunicipalityLogo logo = em.find(MunicipalityLogo.class, municipality.getId());
        return logo == null ? null : logo.getContent();
    }

    /** The letterhead of the municipality's letters, with its logo. */
    public static LetterPdf.Letterhead letterhead(EntityManager em, Municipality municipality) {
        return municipality.letterhead(of(em, municipality));
    }
}
