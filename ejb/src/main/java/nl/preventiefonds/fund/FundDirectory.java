package nl.preventiefonds.fund;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Public facts about funds and neighbourhoods (they are published anyway). */
@Stateless
@PermitAll
public class FundDirectory {
    @PersistenceContext
    private EntityManager em;

    /** One municipality's funds by name, for its public start page and its staff's header. */
    public List<Fund> fundsOf(long municipalityId) {
        return em.createQuery("SELECT f FROM Fund f WHERE f.municipality.id = :municipality ORDER BY f.name, f.id",
                Fund.class).setParameter("municipality", municipalityId).getResultList();
    }

    /** One municipality's neighbourhoods by name: a fund's, where a national database holds thousands. */
    public List<Neighbourhood> neighbourhoodsOf(long municipalityId) {
        return em.createQuery("SELECT n FROM Neighbourhood n WHERE n.municipality.id = :municipality ORDER BY n.name",
                Neighbourhood.class).setParameter("municipality", municipalityId).getResultList();
    }
}
