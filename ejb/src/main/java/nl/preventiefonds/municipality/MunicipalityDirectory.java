package nl.preventiefonds.municipality;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/** The municipalities of the installation (their names and CBS codes are public), and the first one at start-up. */
@Stateless
@PermitAll
public class MunicipalityDirectory {
    /** CBS gemeentecode: GM and four digits (GM0106 is Assen, GM1904 Stichtse Vecht). */
    private static final String SUBJECT = "Municipality";
    static final Pattern CBS_CODE = Pattern.compile("GM\\d{4}");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private Event<MunicipalityCreated> createdEvent;

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
        audit.recordAs(AuditTrail.SYSTEM, "MUNICIPALITY_PROVISIONED", SUBJECT, created.getId(), null,
                created.auditSummary());
        createdEvent.fire(new MunicipalityCreated(created));
        return created;
    }

    /**
     * A new municipality of the installation, by the installation administrator: its CBS code (any case, with or
     * without GM: "0106" and "gm0106" are GM0106) and its name, each unique in the installation.
     */
    @RolesAllowed(RoleNames.INSTALLATION_ADMIN)
    public Municipality create(String code, String name) {
        String normalised = normaliseCode(code);
        if (normalised == null && code != null && code.strip().matches("\\d{4}")) {
            normalised = "GM" + code.strip();
        }
        List<String> problems = new ArrayList<>();
        if (normalised == null) {
            problems.add("municipality.codeInvalid");
        }
        String cleanName = validName(name, problems);
        if (problems.isEmpty() && byCode(normalised).isPresent()) {
            problems.add("municipality.codeTaken");
        }
        if (problems.isEmpty() && nameTaken(cleanName, null)) {
            problems.add("municipality.nameTaken");
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        Municipality created = new Municipality(normalised, cleanName);
        em.persist(created);
        em.flush();
        audit.record("MUNICIPALITY_CREATED", SUBJECT, created.getId(), null, created.auditSummary());
        createdEvent.fire(new MunicipalityCreated(created));
        return created;
    }

    /** A new name for a municipality (after a merger, say); its CBS code stays, as the CBS keeps it. */
    @RolesAllowed(RoleNames.INSTALLATION_ADMIN)
    public Municipality rename(long id, String name) {
        Municipality municipality = em.find(Municipality.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (municipality == null) {
            throw new ValidationFailedException("municipality.notFound");
        }
        List<String> problems = new ArrayList<>();
        String cleanName = validName(name, problems);
        if (problems.isEmpty() && nameTaken(cleanName, id)) {
            problems.add("municipality.nameTaken");
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        String before = municipality.auditSummary();
        municipality.rename(cleanName);
        audit.record("MUNICIPALITY_RENAMED", SUBJECT, municipality.getId(), before, municipality.auditSummary());
        return municipality;
    }

    private static String validName(String name, List<String> problems) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty() || clean.length() > 120) {
            problems.add("municipality.nameRequired");
        }
        return clean;
    }

    private boolean nameTaken(String name, Long except) {
        return em.createQuery("SELECT m.id FROM Municipality m WHERE LOWER(m.name) = :name", Long.class)
                .setParameter("name", name.toLowerCase(Locale.ROOT)).getResultStream()
                .anyMatch(id -> !id.equals(except));
    }

    static String normaliseCode(String code) {
        if (code == null) {
            return null;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        return CBS_CODE.matcher(upper).matches() ? upper : null;
    }
}
