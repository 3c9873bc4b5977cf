package nl.preventiefonds.fund;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Public facts about funds and neighbourhoods (they are published anyway). */
@Stateless
@PermitAll
public class FundDirectory {
    @PersistenceContext
    private EntityManager em;

    /** The fund shown in the header: the first one configured. */
    public Optional<Fund> primaryFund() {
        return em.createQuery("SELECT f FROM Fund f ORDER BY f.id", Fund.class).setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    /** One municipality's neighbourhoods by name: a fund's, where a national database holds thousands. */
    public List<Neighbourhood> neighbourhoodsOf(long municipalityId) {
        return em.createQuery("SELECT n FROM Neighbourhood n WHERE n.municipality.id = :municipality ORDER BY n.name",
                Neighbourhood.class).setParameter("municipality", municipalityId).getResultList();
    }

    public List<Neighbourhood> neighbourhoods() {
        return em.createQuery("SELECT n FROM Neighbourhood n ORDER BY n.name", Neighbourhood.class).getResultList();
    }
}
