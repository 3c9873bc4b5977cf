package nl.preventiefonds.fund;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The neighbourhoods of a municipality as its own fund manager sets them up: by hand or from the CBS file
 * (Kerncijfers wijken en buurten). Staff read their own municipality's; a fund manager changes them. Another
 * municipality's neighbourhood is answered as unknown ({@code neighbourhood.notFound}), like one that does not exist.
 * <p>
 * The import is all or nothing: a file with any line that is not right writes nothing and says per line why; a good
 * file creates the new codes and updates the name and population of known ones, in one transaction, audited in it.
 * Imports and changes of one municipality are serialised by a lock on its row.
 */
@Stateless
@RolesAllowed(RoleNames.FUND_MANAGER)
public class NeighbourhoodAdministration {
    static final String SUBJECT = "Neighbourhood";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private AccessPolicy access;

    /** What becomes (or became) of one line of the file. */
    public enum Action {
        CREATE, UPDATE, UNCHANGED, SKIP, REFUSE
    }

    /** One line of the file with what the import does with it. */
    public record ImportRow(NeighbourhoodImport.Row row, Action action) {
    }

    /**
     * What an import did, or would do ({@code stored} false and no problems: a preview). Counts are of lines:
     * created and updated neighbourhoods, unchanged ones, and lines passed over (country, own municipality, buurten).
     */
    public record ImportResult(List<ImportRow> rows, List<Problem> fileProblems, boolean stored, int created,
            int updated, int unchanged, int skipped, int refused) {

        public ImportResult {
            rows = List.copyOf(rows);
            fileProblems = List.copyOf(fileProblems);
        }

        public boolean acceptable() {
            return fileProblems.isEmpty() && refused == 0;
        }
    }

    /** Why a neighbourhood cannot be removed: what still refers to it. */
    public record References(long applications, long calls, long careValues) {
        public boolean any() {
            return applications + calls + careValues > 0;
        }
    }

    /** The neighbourhoods of the calling member of staff's municipality, by name. */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER})
    public List<Neighbourhood> neighbourhoods() {
        long municipality = access.requireMunicipalStaff(Role.OFFICER, Role.DECISION_MAKER, Role.FUND_MANAGER)
                .municipalityId();
        return em.createQuery("SELECT n FROM Neighbourhood n WHERE n.municipality.id = :m ORDER BY n.name, n.code",
                Neighbourhood.class).setParameter("m", municipality).getResultList();
    }

    /** The municipality whose neighbourhoods the caller sees: its code and name head the page and the file. */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER})
    public Municipality municipality() {
        return em.find(Municipality.class, access.requireMunicipalStaff(Role.OFFICER, Role.DECISION_MAKER,
                Role.FUND_MANAGER).municipalityId());
    }

    public NeighbourhoodForm load(long id) {
        return NeighbourhoodForm.of(find(id, ownMunicipality()));
    }

    /** Creates (id null) or changes a neighbourhood of the fund manager's municipality; returns its id. */
    public long save(NeighbourhoodForm form) {
        Municipality municipality = lockOwn();
        List<Problem> problems = form.check(municipality.getCode(), municipality.getName());
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        String code = NeighbourhoodCodes.normalise(form.getCode());
        Neighbourhood existing = form.getId() == null ? null : find(form.getId(), municipality.getId());
        Long other = idOfCode(code);
        if (other != null && (existing == null || !other.equals(existing.getId()))) {
            throw ValidationFailedException.of("neighbourhood.codeTaken", code);
        }
        if (existing == null) {
            Neighbourhood created = new Neighbourhood(municipality, code, form.getName().strip(),
                    form.getPopulation());
            em.persist(created);
            em.flush();
            audit.record("NEIGHBOURHOOD_CREATED", SUBJECT, created.getId(), null, created.auditSummary());
            return created.getId();
        }
        String before = existing.auditSummary();
        existing.update(code, form.getName().strip(), form.getPopulation());
        em.flush();
        audit.record("NEIGHBOURHOOD_CHANGED", SUBJECT, existing.getId(), before, existing.auditSummary());
        return existing.getId();
    }

    /** What refers to a neighbourhood of the fund manager's municipality. */
    public References references(long id) {
        return references(find(id, ownMunicipality()));
    }

    /** Removes a neighbourhood nothing refers to; one that applications, calls or care figures name stays. */
    public void remove(long id) {
        Municipality municipality = lockOwn();
        Neighbourhood neighbourhood = find(id, municipality.getId());
        References references = references(neighbourhood);
        if (references.any()) {
            throw ValidationFailedException.of("neighbourhood.inUse", neighbourhood.getCode(),
                    references.applications(), references.calls(), references.careValues());
        }
        String before = neighbourhood.auditSummary();
        em.remove(neighbourhood);
        em.flush();
        audit.record("NEIGHBOURHOOD_REMOVED", SUBJECT, id, before, null);
    }

    private References references(Neighbourhood neighbourhood) {
        // Applications, calls and care figures are domains above this one: counted by their link tables.
        return new References(count("application_neighbourhood", neighbourhood), count("call_neighbourhood",
                neighbourhood), count("care_indicator_value", neighbourhood));
    }

    private long count(String table, Neighbourhood neighbourhood) {
        Object count = em.createNativeQuery("SELECT COUNT(*) FROM " + table + " WHERE neighbourhood_id = ?")
                .setParameter(1, neighbourhood.getId()).getSingleResult();
        return ((Number) count).longValue();
    }

    /** What importing this file would do, without writing anything. */
    public ImportResult preview(byte[] csv, boolean withBuurten) {
        return importCsv(csv, withBuurten, false);
    }

    /** Imports the file when every line is right (all or nothing); audited either way. */
    public ImportResult importCsv(byte[] csv, boolean withBuurten) {
        return importCsv(csv, withBuurten, true);
    }

    private ImportResult importCsv(byte[] csv, boolean withBuurten, boolean store) {
        Municipality municipality = store ? lockOwn() : em.find(Municipality.class, ownMunicipality());
        NeighbourhoodImport.Parsed parsed = NeighbourhoodImport.parse(csv, municipality.getCode(),
                municipality.getName(), withBuurten);
        if (!parsed.fileProblems().isEmpty()) {
            if (store) {
                audit.record("NEIGHBOURHOODS_IMPORT_REFUSED", "Municipality", municipality.getId(), null,
                        "file refused: " + String.join(", ", parsed.fileProblems().stream().map(Problem::key)
                                .distinct().toList()));
            }
            return new ImportResult(List.of(), parsed.fileProblems(), false, 0, 0, 0, 0, 0);
        }
        Map<String, Neighbourhood> known = new HashMap<>();
        em.createQuery("SELECT n FROM Neighbourhood n WHERE n.municipality.id = :m", Neighbourhood.class)
                .setParameter("m", municipality.getId()).getResultList().forEach(n -> known.put(n.getCode(), n));
        List<ImportRow> rows = new ArrayList<>();
        int[] counts = new int[Action.values().length];
        for (NeighbourhoodImport.Row row : parsed.rows()) {
            NeighbourhoodImport.Row checked = row;
            Action action;
            if (!row.valid()) {
                action = Action.REFUSE;
            } else if (row.skipped()) {
                action = Action.SKIP;
            } else {
                Neighbourhood existing = known.get(row.code());
                if (existing == null && row.name().isEmpty()) {
                    checked = withProblem(row, Problem.of("neighbourhoods.nameMissing", row.code()));
                    action = Action.REFUSE;
                } else if (existing == null) {
                    action = Action.CREATE;
                } else {
                    action = changes(existing, row) ? Action.UPDATE : Action.UNCHANGED;
                }
            }
            counts[action.ordinal()]++;
            rows.add(new ImportRow(checked, action));
        }
        int refused = counts[Action.REFUSE.ordinal()];
        if (refused == 0 && rows.stream().noneMatch(r -> r.action() == Action.CREATE || r.action() == Action.UPDATE
                || r.action() == Action.UNCHANGED)) {
            return new ImportResult(rows, List.of(Problem.of("neighbourhoods.nothingToImport",
                    municipality.getName())), false, 0, 0, 0, counts[Action.SKIP.ordinal()], 0);
        }
        ImportResult result = new ImportResult(rows, List.of(), false, counts[Action.CREATE.ordinal()],
                counts[Action.UPDATE.ordinal()], counts[Action.UNCHANGED.ordinal()], counts[Action.SKIP.ordinal()],
                refused);
        if (!store) {
            return result;
        }
        if (refused > 0) {
            audit.record("NEIGHBOURHOODS_IMPORT_REFUSED", "Municipality", municipality.getId(), null,
                    "nothing stored: " + refused + " of " + rows.size() + " lines have problems");
            return result;
        }
        for (ImportRow r : rows) {
            NeighbourhoodImport.Row row = r.row();
            if (r.action() == Action.CREATE) {
                em.persist(new Neighbourhood(municipality, row.code(), row.name(), row.population()));
            } else if (r.action() == Action.UPDATE) {
                Neighbourhood existing = known.get(row.code());
                existing.update(existing.getCode(), row.name().isEmpty() ? existing.getName() : row.name(),
                        row.population() == null ? existing.getPopulation() : row.population());
            }
        }
        em.flush();
        audit.record("NEIGHBOURHOODS_IMPORTED", "Municipality", municipality.getId(), null, "created "
                + result.created() + ", updated " + result.updated() + ", unchanged " + result.unchanged()
                + ", skipped " + result.skipped() + (withBuurten ? " (with buurten)" : " (wijken only)"));
        return new ImportResult(rows, List.of(), true, result.created(), result.updated(), result.unchanged(),
                result.skipped(), 0);
    }

    /** A suppressed population or a file without names keeps what is known: the file only adds knowledge. */
    private static boolean changes(Neighbourhood existing, NeighbourhoodImport.Row row) {
        boolean name = !row.name().isEmpty() && !row.name().equals(existing.getName());
        boolean population = row.population() != null && !row.population().equals(existing.getPopulation());
        return name || population;
    }

    private static NeighbourhoodImport.Row withProblem(NeighbourhoodImport.Row row, Problem problem) {
        List<Problem> problems = new ArrayList<>(row.problems());
        problems.add(problem);
        return new NeighbourhoodImport.Row(row.line(), row.code(), row.name(), row.population(), row.kind(), null,
                problems);
    }

    private Long idOfCode(String code) {
        return em.createQuery("SELECT n.id FROM Neighbourhood n WHERE n.code = :code", Long.class)
                .setParameter("code", code).getResultStream().findFirst().orElse(null);
    }

    private long ownMunicipality() {
        return access.requireMunicipalStaff(Role.FUND_MANAGER).municipalityId();
    }

    /** The fund manager's municipality, locked: its neighbourhood changes and imports queue behind each other. */
    private Municipality lockOwn() {
        Municipality municipality = em.find(Municipality.class, ownMunicipality(), LockModeType.PESSIMISTIC_WRITE);
        if (municipality == null) {
            throw new ValidationFailedException("fund.noMunicipality");
        }
        return municipality;
    }

    /** Another municipality's neighbourhood is answered as unknown: its existence is not to be inferred. */
    private Neighbourhood find(long id, long municipalityId) {
        Neighbourhood neighbourhood = em.find(Neighbourhood.class, id);
        if (neighbourhood == null || !Objects.equals(neighbourhood.getMunicipality().getId(), municipalityId)) {
            throw new ValidationFailedException("neighbourhood.notFound");
        }
        return neighbourhood;
    }
}
