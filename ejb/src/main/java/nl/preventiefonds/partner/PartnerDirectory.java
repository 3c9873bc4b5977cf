package nl.preventiefonds.partner;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The partner organisations an application form offers: those of the call's municipality. */
@Stateless
@PermitAll
public class PartnerDirectory {
    @PersistenceContext
    private EntityManager em;

    /** One municipality's partners by name: an organiser applying to its call chooses among them. */
    public List<PartnerOrganisation> ofMunicipality(long municipalityId) {
        return em.createQuery("SELECT p FROM PartnerOrganisation p WHERE p.municipality.id = :m ORDER BY p.name, p.id",
                PartnerOrganisation.class).setParameter("m", municipalityId).getResultList();
    }
}
