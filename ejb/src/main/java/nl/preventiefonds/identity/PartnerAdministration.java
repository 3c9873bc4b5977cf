package nl.preventiefonds.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.partner.KvkNumbers;
import nl.preventiefonds.partner.PartnerOrganisation;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The partner organisations of a municipality as its own fund manager keeps them: name (unique in the
 * municipality), KvK number, kind, contact and coalition membership. Another municipality's partner answers as
 * unknown ({@code partner.notFound}). Here, not in the partner domain, because who may change them is a question of
 * identity (the caller's role and municipality), which the partner domain is below.
 */
@Stateless
@RolesAllowed(RoleNames.FUND_MANAGER)
public class PartnerAdministration {
    static final String SUBJECT = "PartnerOrganisation";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private AccessPolicy access;

    /** The partners of the fund manager's municipality, by name. */
    public List<PartnerOrganisation> partners() {
        return em.createQuery("SELECT p FROM PartnerOrganisation p WHERE p.municipality.id = :m ORDER BY p.name, p.id",
                PartnerOrganisation.class).setParameter("m", ownMunicipality()).getResultList();
    }

    public PartnerForm load(long id) {
        return PartnerForm.of(find(id, ownMunicipality()));
    }

    /** Creates (id null) or changes a partner of the fund manager's municipality; returns its id. */
    public long save(PartnerForm form) {
        List<Problem> problems = form.check();
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        // Serialises the municipality's partner changes, so two fund managers cannot both take one name.
        Municipality municipality = em.find(Municipality.class, ownMunicipality(), LockModeType.PESSIMISTIC_WRITE);
        String name = PartnerForm.clean(form.getName());
        PartnerOrganisation existing = form.getId() == null ? null : find(form.getId(), municipality.getId());
        List<Long> sameName = em.createQuery("SELECT p.id FROM PartnerOrganisation p WHERE p.municipality.id = :m"
                        + " AND LOWER(p.name) = :name", Long.class).setParameter("m", municipality.getId())
                .setParameter("name", name.toLowerCase(Locale.ROOT)).getResultList();
        if (sameName.stream().anyMatch(id -> existing == null || !id.equals(existing.getId()))) {
            throw ValidationFailedException.of("partner.nameTaken", name);
        }
        PartnerOrganisation partner = existing;
        String before = null;
        if (partner == null) {
            partner = new PartnerOrganisation(municipality, name, null, form.getKind());
            em.persist(partner);
        } else {
            before = partner.auditSummary();
        }
        String email = PartnerForm.clean(form.getContactEmail());
        partner.update(name, KvkNumbers.normalise(form.getKvkNumber()), form.getKind(),
                PartnerForm.clean(form.getContactName()), email == null ? null : email.toLowerCase(Locale.ROOT),
                PartnerForm.clean(form.getContactPhone()), form.isCoalitionMember());
        em.flush();
        audit.record(before == null ? "PARTNER_CREATED" : "PARTNER_CHANGED", SUBJECT, partner.getId(), before,
                partner.auditSummary());
        return partner.getId();
    }

    private long ownMunicipality() {
        return access.requireMunicipalStaff(Role.FUND_MANAGER).municipalityId();
    }

    /** Another municipality's partner is answered as unknown: its existence is not to be inferred. */
    private PartnerOrganisation find(long id, long municipalityId) {
        PartnerOrganisation partner = em.find(PartnerOrganisation.class, id);
        if (partner == null || partner.getMunicipality() == null
                || !Objects.equals(partner.getMunicipality().getId(), municipalityId)) {
            throw new ValidationFailedException("partner.notFound");
        }
        return partner;
    }
}
