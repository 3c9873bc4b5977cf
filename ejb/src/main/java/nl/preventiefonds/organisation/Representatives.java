package nl.preventiefonds.organisation;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import nl.preventiefonds.application.Representation;

/**
 * Who acts for which organisation now, for the application domain's per-object rules. Read from the database on every
 * question, so a revoked representative loses access at once.
 */
@Stateless
@LocalBean
@Local(Representation.class)
public class Representatives implements Representation {
    @PersistenceContext
    private EntityManager em;

    @Override
    public boolean actsFor(long userId, String kvkNumber) {
        if (kvkNumber == null) {
            return false;
        }
        return em.createQuery("SELECT COUNT(r) FROM Representative r WHERE r.user.id = :user"
                        + " AND r.organisation.kvkNumber = :kvk AND r.revokedAt IS NULL", Long.class)
                .setParameter("user", userId).setParameter("kvk", kvkNumber).getSingleResult() > 0;
    }

    @Override
    public List<String> organisationsOf(long userId) {
        return em.createQuery("SELECT DISTINCT r.organisation.kvkNumber FROM Representative r WHERE r.user.id = :user"
                + " AND r.revokedAt IS NULL", String.class).setParameter("user", userId).getResultList();
    }
}
