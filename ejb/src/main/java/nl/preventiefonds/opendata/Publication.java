package nl.preventiefonds.opendata;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import nl.preventiefonds.application.LegalForm;
import nl.preventiefonds.application.OrganisationIdentifiers;

/**
 * Which recipient names may be published. Conservative: a name is published only for legal
 * forms that are organisations with legal personality (foundation, association, cooperative,
 * private company), only with a valid KvK number, and never when it equals the contact
 * person's name. Sole proprietorships (eenmanszaak) and partnerships (vof, maatschap) often
 * trade under a person's name; informal groups and "other" have no registration that shows
 * they are not a person. Their names are withheld.
 */
public final class Publication {
    static final Set<LegalForm> NAMED_FORMS = EnumSet.of(LegalForm.FOUNDATION, LegalForm.ASSOCIATION,
            LegalForm.COOPERATIVE, LegalForm.PRIVATE_COMPANY);

    private Publication() {
    }

    public static boolean mayPublishOrganisation(LegalForm form, String kvk, String organisationName,
            String contactName) {
        if (form == null || !NAMED_FORMS.contains(form) || !OrganisationIdentifiers.isValidKvk(kvk)) {
            return false;
        }
        if (organisationName == null || organisationName.isBlank()) {
            return false;
        }
        String name = key(organisationName);
        return !name.equals(key(contactName));
    }

    private static String key(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
