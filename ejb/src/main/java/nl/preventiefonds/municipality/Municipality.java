package nl.preventiefonds.municipality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.platform.LetterPdf;
import nl.preventiefonds.platform.Settings;

/**
 * A municipality, identified by its CBS code (GM0106 is Assen), with its profile: the letterhead of its letters,
 * where objections go, the court for appeal, the account for reclaims and its funder identifier in the open register.
 * Each profile field may be empty; then the installation's setting applies, and otherwise the letters' general
 * wording (see the *OrDefault methods).
 */
@Entity
@Table(name = "municipality")
public class Municipality implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 6)
    private String code;

    @Column(nullable = false)
    private String name;

    private String street;

    @Column(name = "postal_code")
    private String postalCode;

    private String city;

    @Column(name = "objection_address")
    private String objectionAddress;

    @Column(name = "appeal_court")
    private String appealCourt;

    private String phone;

    private String email;

    private String website;

    @Column(name = "reclaim_iban")
    private String reclaimIban;

    @Column(name = "funder_id")
    private String funderId;

    @Column(name = "giving_prefix")
    private String givingPrefix;

    @Column(name = "logo_sha256")
    private String logoSha256;

    @Version
    private long version;

    protected Municipality() {
    }

    public Municipality(String code, String name) {
        this.code = code;
        this.name = name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    public String auditSummary() {
        return "code=" + code + ", name=" + name;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getStreet() {
        return street;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCity() {
        return city;
    }

    public String getObjectionAddress() {
        return objectionAddress;
    }

    public String getAppealCourt() {
        return appealCourt;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public String getWebsite() {
        return website;
    }

    public String getReclaimIban() {
        return reclaimIban;
    }

    public String getFunderId() {
        return funderId;
    }

    /** SHA-256 (hex) of the logo, null without one. */
    public String getLogoSha256() {
        return logoSha256;
    }

    public boolean hasLogo() {
        return logoSha256 != null;
    }

    public long getVersion() {
        return version;
    }

    /** The profile as checked and normalised by the caller; null or blank empties a field. */
    public void changeProfile(Profile profile) {
        street = profile.street();
        postalCode = profile.postalCode();
        city = profile.city();
        objectionAddress = profile.objectionAddress();
        appealCourt = profile.appealCourt();
        phone = profile.phone();
        email = profile.email();
        website = profile.website();
        reclaimIban = profile.reclaimIban();
        funderId = profile.funderId();
        givingPrefix = profile.givingPrefix();
    }

    /** After the logo was stored, replaced (its new hash) or removed (null). */
    public void logoChanged(String sha256) {
        logoSha256 = sha256;
    }

    public Profile profile() {
        return new Profile(street, postalCode, city, objectionAddress, appealCourt, phone, email, website,
                reclaimIban, funderId, givingPrefix);
    }

    /** The profile's text fields (the logo apart), each null when empty. */
    public record Profile(String street, String postalCode, String city, String objectionAddress, String appealCourt,
                          String phone, String email, String website, String reclaimIban, String funderId,
                          String givingPrefix)
            implements Serializable {
        /** One line per filled field, for the audit trail. */
        public String summary() {
            List<String> lines = new ArrayList<>();
            add(lines, "adres", joined(street, joined(postalCode, city, " "), ", "));
            add(lines, "bezwaar", objectionAddress);
            add(lines, "rechtbank", appealCourt);
            add(lines, "telefoon", phone);
            add(lines, "e-mail", email);
            add(lines, "website", website);
            add(lines, "IBAN", reclaimIban);
            add(lines, "funder", funderId);
            add(lines, "360Giving", givingPrefix);
            return String.join("; ", lines);
        }

        private static void add(List<String> lines, String label, String value) {
            if (value != null && !value.isBlank()) {
                lines.add(label + "=" + value);
            }
        }
    }

    /** Code, name, profile and logo for the audit trail of a profile change. */
    public String profileAuditSummary() {
        String profile = profile().summary();
        return code + " " + name + (profile.isEmpty() ? "" : "; " + profile) + "; logo="
                + (logoSha256 == null ? "geen" : logoSha256.substring(0, 12));
    }

    /** Where objections go: the profile's address, else the installation's, else the college of the municipality. */
    public String objectionAddressOrDefault() {
        return objectionAddress != null ? objectionAddress : Settings.text(Settings.OBJECTION_ADDRESS,
                "het college van burgemeester en wethouders van de gemeente " + name);
    }

    /** The court for appeal; null lets the letter name the district court of the municipality. */
    public String appealCourtOrDefault() {
        return appealCourt != null ? appealCourt : Settings.text(Settings.APPEAL_COURT).orElse(null);
    }

    /** The account for reclaims; null lets the letter say: to the municipality. */
    public String reclaimIbanOrDefault() {
        return reclaimIban != null ? reclaimIban : Settings.text(Settings.RECLAIM_IBAN).orElse(null);
    }

    /** The funder identifier of the open register; null lets the export derive one from the CBS code. */
    public String funderIdOrDefault() {
        return funderId != null ? funderId : Settings.text(Settings.OPENDATA_FUNDER_ID).orElse(null);
    }

    /**
     * The letterhead of its letters: its name, address and contact details beside its logo (PNG bytes as stored,
     * or null).
     */
    public LetterPdf.Letterhead letterhead(byte[] logo) {
        List<String> lines = new ArrayList<>();
        String address = joined(street, joined(postalCode, city, " "), ", ");
        if (address != null) {
            lines.add(address);
        }
        String contact = joined(joined(phone == null ? null : "Telefoon " + phone, email, " | "), website, " | ");
        if (contact != null) {
            lines.add(contact);
        }
        return new LetterPdf.Letterhead(logo, lines);
    }

    private static String joined(String first, String second, String separator) {
        if (first == null || first.isBlank()) {
            return second == null || second.isBlank() ? null : second;
        }
        return second == null || second.isBlank() ? first : first + separator + second;
    }
}
