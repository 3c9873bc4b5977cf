package nl.preventiefonds.partner;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@Stateless
@PermitAll
public class PartnerDirectory {
    @PersistenceContext
    private EntityManager em;

    public List<PartnerOrganisation> all() {
        return em.createQuery("SELECT p FROM PartnerOrganisation p ORDER BY p.name", PartnerOrganisation.class)
                .getResultList();
    }
}
