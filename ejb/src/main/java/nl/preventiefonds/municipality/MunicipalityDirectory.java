package nl.preventiefonds.municipality;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.platform.ValidationFailedException;

/** The municipalities of the installation (their names and CBS codes are public), and the first one at start-up. */
@Stateless
@PermitAll
public class MunicipalityDirectory {
    /** CBS gemeentecode: GM and four digits (GM0106 is Assen, GM1904 Stichtse Vecht). */
    static final Pattern CBS_CODE = Pattern.compile("GM\\d{4}");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    public List<Municipality> all() {
        return em.createQuery("SELECT m FROM Municipality m ORDER BY m.name, m.id", Municipality.class).getResultList();
    }

    public Optional<Municipality> find(long id) {
        return Optional.ofNullable(em.find(Municipality.class, id));
    }

    /** By CBS code, in any case; nothing for a code that is not one. */
    public Optional<Municipality> byCode(String code) {
        String normalised = normaliseCode(code);
        if (normalised == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT m FROM Municipality m WHERE m.code = :code", Municipality.class)
                .setParameter("code", normalised).getResultStream().findFirst();
    }

    /** The municipality of an installation that has exactly one; none when it has none or several. */
    public Optional<Municipality> soleMunicipality() {
        List<Municipality> two = em.createQuery("SELECT m FROM Municipality m ORDER BY m.id", Municipality.class)
                .setMaxResults(2).getResultList();
        return two.size() == 1 ? Optional.of(two.get(0)) : Optional.empty();
    }

    /**
     * The municipality with this code, created when the installation does not have it yet: only for start-up (the
     * first administrator's municipality). Not reachable from any page or endpoint.
     */
    public Municipality provisionAtStartup(String code, String name) {
        String normalised = normaliseCode(code);
        if (normalised == null || name == null || name.isBlank() || name.strip().length() > 120) {
            throw new ValidationFailedException("municipality.invalid");
        }
        Optional<Municipality> existing = byCode(normalised);
        if (existing.isPresent()) {
            return existing.get();
        }
        Municipality created = new Municipality(normalised, name.strip());
        em.persist(created);
        em.flush();
        audit.recordAs(AuditTrail.SYSTEM, "MUNICIPALITY_PROVISIONED", "Municipality", created.getId(), null,
                created.getCode() + " " + created.getName());
        return created;
    }

    static String normaliseCode(String code) {
        if (code == null) {
            return null;
        }
        String upper = code.strip().toUpperCase(java.util.Locale.ROOT);
        return CBS_CODE.matcher(upper).matches() ? upper : null;
    }
}
