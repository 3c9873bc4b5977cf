package nl.preventiefonds.identity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.partner.KvkNumbers;
import nl.preventiefonds.partner.PartnerOrganisation;
import nl.preventiefonds.platform.Problem;

/** What a fund manager keeps about a partner organisation of the municipality. */
public class PartnerForm implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The kinds of organisation a coalition has; stored as these codes, shown by the bundle (partnerKind.code). */
    public static final List<String> KINDS = List.of("library", "social-work", "volunteer-help", "welfare",
            "youth-work", "health", "other");
    static final int MAX_NAME = 200;

    private Long id;
    private String name;
    private String kvkNumber;
    private String kind;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private boolean coalitionMember;

    public static PartnerForm of(PartnerOrganisation partner) {
        PartnerForm form = new PartnerForm();
        form.id = partner.getId();
        form.name = partner.getName();
        form.kvkNumber = partner.getKvkNumber();
        form.kind = partner.getKind();
        form.contactName = partner.getContactName();
        form.contactEmail = partner.getContactEmail();
        form.contactPhone = partner.getContactPhone();
        form.coalitionMember = partner.isCoalitionMember();
        return form;
    }

    /** Trimmed, empty as null, the KvK number without separators. */
    static String clean(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        String cleanName = clean(name);
        if (cleanName == null) {
            problems.add(Problem.of("partner.nameRequired"));
        } else if (cleanName.length() > MAX_NAME) {
            problems.add(Problem.of("partner.nameTooLong", MAX_NAME));
        }
        String kvk = KvkNumbers.normalise(kvkNumber);
        if (kvk != null && !KvkNumbers.isValid(kvk)) {
            problems.add(Problem.of("partner.kvkInvalid", kvkNumber.strip()));
        }
        if (kind == null || !KINDS.contains(kind)) {
            problems.add(Problem.of("partner.kindRequired"));
        }
        String contact = clean(contactName);
        if (contact != null && contact.length() > 120) {
            problems.add(Problem.of("partner.contactNameTooLong", 120));
        }
        String email = clean(contactEmail);
        if (email != null && !EmailAddress.isValid(email)) {
            problems.add(Problem.of("partner.contactEmailInvalid", email));
        }
        String phone = clean(contactPhone);
        if (phone != null && !phone.matches("[+]?[0-9][0-9 ()\\-]{5,28}")) {
            problems.add(Problem.of("partner.contactPhoneInvalid", phone));
        }
        return problems;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKvkNumber() {
        return kvkNumber;
    }

    public void setKvkNumber(String kvkNumber) {
        this.kvkNumber = kvkNumber;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public boolean isCoalitionMember() {
        return coalitionMember;
    }

    public void setCoalitionMember(boolean coalitionMember) {
        this.coalitionMember = coalitionMember;
    }
}
