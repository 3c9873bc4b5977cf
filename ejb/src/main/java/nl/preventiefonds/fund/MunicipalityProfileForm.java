package nl.preventiefonds.fund;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.preventiefonds.identity.EmailAddress;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.FreeText;
import nl.preventiefonds.platform.Problem;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * What a fund manager edits about their municipality: the letterhead's address and contact details, where objections
 * go, the court for appeal, the account for reclaims and the funder identifier of the open register. Every field may
 * stay empty (the installation's setting or the letters' general wording then applies). The logo is apart
 * ({@link MunicipalityProfileService#replaceLogo}).
 */
public class MunicipalityProfileForm implements Serializable {
    private static final long serialVersionUID = 1L;
    static final Pattern POSTAL_CODE = Pattern.compile("([1-9][0-9]{3}) ?([A-Za-z]{2})");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{1,18}[0-9]");
    /** An org-id (XI-, GB-CHC-, NL-KVK-...) or a 360Giving identifier: a list code and an id, parts joined by -. */
    static final Pattern FUNDER_ID = Pattern.compile("[A-Za-z0-9]{2,}(-[A-Za-z0-9._]+)+");
    /** A publisher prefix as 360Giving registers them: 360G- and letters, digits or hyphens. */
    private static final Pattern GIVING_PREFIX = Pattern.compile("360G-[A-Za-z0-9][A-Za-z0-9-]{0,34}");

    private String street;
    private String postalCode;
    private String city;
    private String objectionAddress;
    private String appealCourt;
    private String phone;
    private String email;
    private String website;
    private String reclaimIban;
    private String funderId;
    private String givingPrefix;
    private long version;

    public static MunicipalityProfileForm of(Municipality municipality) {
        MunicipalityProfileForm form = new MunicipalityProfileForm();
        Municipality.Profile p = municipality.profile();
        form.street = p.street();
        form.postalCode = p.postalCode();
        form.city = p.city();
        form.objectionAddress = p.objectionAddress();
        form.appealCourt = p.appealCourt();
        form.phone = p.phone();
        form.email = p.email();
        form.website = p.website();
        form.reclaimIban = p.reclaimIban();
        form.funderId = p.funderId();
        form.givingPrefix = p.givingPrefix();
        form.version = municipality.getVersion();
        return form;
    }

    /** The profile as it will be stored: stripped, normalised, empty fields null. Only after {@link #check()}. */
    public Municipality.Profile normalised() {
        return new Municipality.Profile(FreeText.clean(street), postalCode(FreeText.clean(postalCode)),
                FreeText.clean(city), FreeText.clean(objectionAddress), FreeText.clean(appealCourt),
                FreeText.clean(phone), lower(FreeText.clean(email)), website(FreeText.clean(website)),
                iban(FreeText.clean(reclaimIban)), FreeText.clean(funderId), FreeText.clean(givingPrefix));
    }

    /** The broken rules, each a message key of the bundle; empty when the profile may be stored. */
    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        String s = FreeText.clean(street);
        String pc = FreeText.clean(postalCode);
        String c = FreeText.clean(city);
        if ((s == null || pc == null || c == null) && (s != null || pc != null || c != null)) {
            problems.add(Problem.of("municipality.addressIncomplete"));
        }
        if (pc != null && !POSTAL_CODE.matcher(pc).matches()) {
            problems.add(Problem.of("municipality.postalCodeInvalid"));
        }
        tooLong(problems, s, 200);
        tooLong(problems, c, 120);
        tooLong(problems, FreeText.clean(objectionAddress), 500);
        tooLong(problems, FreeText.clean(appealCourt), 200);
        String ph = FreeText.clean(phone);
        if (ph != null && (!PHONE.matcher(ph).matches() || ph.chars().filter(Character::isDigit).count() < 3)) {
            problems.add(Problem.of("municipality.phoneInvalid"));
        }
        String mail = FreeText.clean(email);
        if (mail != null && !EmailAddress.isValid(mail)) {
            problems.add(Problem.of("municipality.emailInvalid"));
        }
        String site = FreeText.clean(website);
        if (site != null && (site.length() > 200 || website(site) == null)) {
            problems.add(Problem.of("municipality.websiteInvalid"));
        }
        String ib = FreeText.clean(reclaimIban);
        if (ib != null && !validIban(iban(ib))) {
            problems.add(Problem.of("municipality.ibanInvalid"));
        }
        String funder = FreeText.clean(funderId);
        if (funder != null && (funder.length() > 100 || !FUNDER_ID.matcher(funder).matches())) {
            problems.add(Problem.of("municipality.funderIdInvalid"));
        }
        String prefix = FreeText.clean(givingPrefix);
        if (prefix != null && !GIVING_PREFIX.matcher(prefix).matches()) {
            problems.add(Problem.of("municipality.givingPrefixInvalid"));
        }
        return problems;
    }

    private static void tooLong(List<Problem> problems, String text, int max) {
        if (text != null && text.length() > max && problems.stream()
                .noneMatch(p -> p.key().equals("municipality.textTooLong") && p.args().contains(max))) {
            problems.add(Problem.of("municipality.textTooLong", max));
        }
    }

    /** "9401JW", "9401 jw" as "9401 JW". */
    static String postalCode(String typed) {
        if (typed == null) {
            return null;
        }
        var m = POSTAL_CODE.matcher(typed);
        return m.matches() ? m.group(1) + " " + m.group(2).toUpperCase(Locale.ROOT) : typed;
    }

    /** An address with http(s) and a host with a dot; "www.assen.nl" becomes "https://www.assen.nl". Else null. */
    static String website(String typed) {
        if (typed == null) {
            return null;
        }
        String withScheme = typed.matches("(?i)https?://.*") ? typed : "https://" + typed;
        try {
            URI uri = new URI(withScheme);
            String host = uri.getHost();
            if (host == null || !host.contains(".") || host.startsWith(".") || host.endsWith(".")
                    || uri.getUserInfo() != null) {
                return null;
            }
            return withScheme;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Upper case without spaces, the electronic format. */
    static String iban(String typed) {
        return typed == null ? null : typed.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** Country format and check digits (ISO 13616), through iban4j as for organisers' accounts. */
    static boolean validIban(String iban) {
        try {
            IbanUtil.validate(iban);
            return true;
        } catch (IbanFormatException | InvalidCheckDigitException | UnsupportedCountryException e) {
            return false;
        }
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getObjectionAddress() {
        return objectionAddress;
    }

    public void setObjectionAddress(String objectionAddress) {
        this.objectionAddress = objectionAddress;
    }

    public String getAppealCourt() {
        return appealCourt;
    }

    public void setAppealCourt(String appealCourt) {
        this.appealCourt = appealCourt;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getReclaimIban() {
        return reclaimIban;
    }

    public void setReclaimIban(String reclaimIban) {
        this.reclaimIban = reclaimIban;
    }

    public String getFunderId() {
        return funderId;
    }

    public void setFunderId(String funderId) {
        this.funderId = funderId;
    }

    public String getGivingPrefix() {
        return givingPrefix;
    }

    public void setGivingPrefix(String givingPrefix) {
        this.givingPrefix = givingPrefix;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
