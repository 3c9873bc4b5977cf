package nl.preventiefonds.impact;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Neighbourhood care-demand indicators: the fund manager's import from CSV, and the stored values for trends and
 * comparisons.
 * <p>
 * Import policy, all or nothing: a file with any row that is not right writes nothing, and says per row why. A
 * good file REPLACES, in one transaction, every stored value of the municipality for each period the file holds
 * (all indicators of that period, also those the file no longer names), so a corrected CBS release replaces the
 * earlier one completely and a period is never half old, half new. Periods the file does not hold stay as they are.
 * Imports of one municipality are serialised by a lock on its row. Each import is logged (care_indicator_import)
 * and audited in the same transaction.
 */
@Stateless
@RolesAllowed(RoleNames.FUND_MANAGER)
public class CareDemandService {
    static final String SUBJECT = "Municipality";
    public static final int MAX_PAGE = 1_000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** What an import did: per row its problems; {@code stored} only when every row was right. */
    public record ImportResult(CareDemandImport.Shape shape, List<CareDemandImport.Row> rows,
            List<Problem> fileProblems, boolean stored, Long importId, int valuesStored, int suppressedStored,
            int replaced, List<String> periods) {

        public long rowsRejected() {
            return rows.stream().filter(r -> !r.valid()).count();
        }
    }

    /** One value of a series; {@code value} is null when {@code suppressed}. */
    public record Point(String periodLabel, LocalDate periodStart, BigDecimal value, boolean suppressed)
            implements Serializable {
    }

    public record ValueRow(long neighbourhoodId, String code, String name, String indicator,
            String periodLabel, LocalDate periodStart, BigDecimal value, boolean suppressed) implements Serializable {
    }

    /** What is stored for one period and indicator. */
    public record Stored(String periodLabel, String indicator, long values, long suppressed)
            implements Serializable {
    }

    /** The municipality of the funds (the first one, as fund administration uses it). */
    /** The municipality the calling member of staff works for: the one whose figures they see and import. */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER})
    public long ownMunicipalityId() {
        return access.requireMunicipalStaff(Role.OFFICER, Role.DECISION_MAKER, Role.FUND_MANAGER).municipalityId();
    }

    /** Staff read and import the figures of their own municipality only. */
    private Caller requireOwn(long municipalityId, Role... roles) {
        Caller caller = access.requireMunicipalStaff(roles);
        if (!caller.worksFor(municipalityId)) {
            throw new AccessDeniedException("care figures of another municipality");
        }
        return caller;
    }

    public ImportResult importCsv(byte[] csv) {
        return importCsv(ownMunicipalityId(), csv);
    }

    public ImportResult importCsv(long municipalityId, byte[] csv) {
        String actor = requireOwn(municipalityId, Role.FUND_MANAGER).email();
        // The municipality's own indicators: a column only another municipality defined is unknown here.
        CareDemandImport.Parsed parsed = CareDemandImport.parse(csv, activeDefinitions(municipalityId).stream()
                .map(CareIndicatorDefinition::column).toList());
        if (!parsed.fileProblems().isEmpty()) {
            // A refused file changes nothing, but who tried what stays on record.
            audit.record("CARE_INDICATORS_REJECTED", SUBJECT, municipalityId, null, "file refused: "
                    + parsed.fileProblems().stream().map(Problem::key).distinct().collect(Collectors.joining(", ")));
            return new ImportResult(parsed.shape(), List.of(), parsed.fileProblems(), false, null, 0, 0, 0, List.of());
        }
        // Serialises imports of one municipality: the replaced periods cannot interleave.
        Municipality municipality = em.find(Municipality.class, municipalityId, LockModeType.PESSIMISTIC_WRITE);
        if (municipality == null) {
            throw new ValidationFailedException("fund.noMunicipality");
        }
        Map<String, Neighbourhood> known = new LinkedHashMap<>();
        em.createQuery("SELECT n FROM Neighbourhood n WHERE n.municipality.id = :m", Neighbourhood.class)
                .setParameter("m", municipalityId).getResultList().forEach(n -> known.put(n.getCode(), n));
        String prefix = municipality.getCode().substring(2); // GM0106 -> 0106
        List<CareDemandImport.Row> rows = new ArrayList<>();
        for (CareDemandImport.Row row : parsed.rows()) {
            CareDemandImport.Row checked = row;
            String code = row.code();
            boolean wellFormed = code != null && code.matches("WK\\d{6}|BU\\d{8}");
            if (wellFormed && !known.containsKey(code)) {
                checked = code.startsWith(prefix, 2)
                        ? checked.withProblem(Problem.of("indicators.neighbourhoodUnknown", code, municipality.getName()))
                        : checked.withProblem(Problem.of("indicators.otherMunicipality", code, municipality.getName()));
            }
            rows.add(checked);
        }
        TreeSet<String> periods = new TreeSet<>();
        rows.stream().filter(r -> r.period() != null).forEach(r -> periods.add(r.period().label()));
        if (!rows.stream().allMatch(CareDemandImport.Row::valid)) {
            long bad = rows.stream().filter(r -> !r.valid()).count();
            audit.record("CARE_INDICATORS_REJECTED", SUBJECT, municipalityId, null, "nothing stored: " + bad + " of "
                    + rows.size() + " rows have problems, periods " + String.join(", ", periods));
            return new ImportResult(parsed.shape(), rows, List.of(), false, null, 0, 0, 0, List.copyOf(periods));
        }
        List<String> labels = List.copyOf(periods);
        long replaced = em.createQuery("SELECT COUNT(v) FROM CareIndicatorValue v WHERE v.neighbourhood.municipality.id"
                        + " = :m AND v.periodLabel IN :labels", Long.class)
                .setParameter("m", municipalityId).setParameter("labels", labels).getSingleResult();
        // By the municipality's neighbourhood ids, not a subquery or join: with one, EclipseLink's MySQL dialect
        // writes a multi-table DELETE ... USING over a temporary table, which H2 (the run command's database) refuses.
        em.createQuery("DELETE FROM CareIndicatorValue v WHERE v.periodLabel IN :labels AND v.neighbourhood.id IN :ids")
                .setParameter("labels", labels)
                .setParameter("ids", known.values().stream().map(Neighbourhood::getId).toList()).executeUpdate();
        CareIndicatorImport log = new CareIndicatorImport(municipality, clock.instant(), actor,
                parsed.shape().name(), rows.size(), String.join(", ", labels));
        em.persist(log);
        int values = 0;
        int suppressed = 0;
        for (CareDemandImport.Row row : rows) {
            Neighbourhood neighbourhood = known.get(row.code());
            for (CareDemandImport.Value value : row.values()) {
                em.persist(new CareIndicatorValue(neighbourhood, row.period(), value.indicator(), value.value(), log));
                values++;
                if (value.suppressed()) {
                    suppressed++;
                }
            }
        }
        log.counted(values, suppressed, (int) replaced);
        em.flush();
        audit.record("CARE_INDICATORS_IMPORTED", SUBJECT, municipalityId,
                replaced == 0 ? null : "replaced " + replaced + " values of periods " + String.join(", ", labels),
                "import " + log.getId() + ": " + rows.size() + " rows, " + values + " values (" + suppressed
                        + " suppressed), periods " + String.join(", ", labels));
        return new ImportResult(parsed.shape(), rows, List.of(), true, log.getId(), values, suppressed, (int) replaced,
                labels);
    }

    /** The municipality's indicators that are imported and shown, standard ones first, then by code. */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER})
    public List<CareIndicatorDefinition> activeDefinitions(long municipalityId) {
        requireOwn(municipalityId, Role.OFFICER, Role.DECISION_MAKER, Role.FUND_MANAGER);
        return CareIndicatorDefinitions.ordered(em.createQuery("SELECT d FROM CareIndicatorDefinition d WHERE"
                        + " d.municipality.id = :m AND d.active = TRUE", CareIndicatorDefinition.class)
                .setParameter("m", municipalityId).getResultList());
    }

    /** The values of one neighbourhood for one indicator, oldest period first (a year before its quarters). */
    public List<Point> series(long neighbourhoodId, String indicator) {
        return em.createQuery("SELECT v FROM CareIndicatorValue v WHERE v.neighbourhood.id = :n AND v.indicator = :i"
                        + " AND v.neighbourhood.municipality.id = :m ORDER BY v.periodStart, v.periodLabel",
                        CareIndicatorValue.class)
                .setParameter("n", neighbourhoodId).setParameter("i", indicator)
                .setParameter("m", ownMunicipalityId()).getResultList().stream()
                .map(v -> new Point(v.getPeriodLabel(), v.getPeriodStart(), v.getValue(), v.isSuppressed()))
                .toList();
    }

    /**
     * Every stored value of the municipality's neighbourhoods whose period starts in {@code fromYear} up to and
     * including {@code toYear}, for one indicator (or all when null), by neighbourhood code, then period.
     */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER})
    public List<ValueRow> values(long municipalityId, String indicator, int fromYear, int toYear) {
        return values(municipalityId, indicator, fromYear, toYear, 0, Integer.MAX_VALUE);
    }

    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER})
    public List<ValueRow> values(long municipalityId, String indicator, int fromYear, int toYear, int first,
                                 int max) {
        requireOwn(municipalityId, Role.OFFICER, Role.DECISION_MAKER, Role.FUND_MANAGER);
        TypedQuery<CareIndicatorValue> query = em.createQuery("SELECT v FROM CareIndicatorValue v JOIN FETCH"
                + " v.neighbourhood n WHERE n.municipality.id = :m" + (indicator == null ? "" : " AND v.indicator = :i")
                + " AND v.periodStart >= :from AND v.periodStart <= :to"
                + " ORDER BY n.code, v.periodStart, v.periodLabel, v.indicator", CareIndicatorValue.class);
        bind(query, municipalityId, indicator, fromYear, toYear);
        query.setFirstResult(Math.max(0, first));
        if (max != Integer.MAX_VALUE) {
            query.setMaxResults(Math.max(1, Math.min(max, MAX_PAGE)));
        }
        return query.getResultList().stream().map(v -> new ValueRow(v.getNeighbourhood().getId(),
                v.getNeighbourhood().getCode(), v.getNeighbourhood().getName(), v.getIndicator(), v.getPeriodLabel(),
                v.getPeriodStart(), v.getValue(), v.isSuppressed())).toList();
    }

    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER})
    public long countValues(long municipalityId, String indicator, int fromYear, int toYear) {
        requireOwn(municipalityId, Role.OFFICER, Role.DECISION_MAKER, Role.FUND_MANAGER);
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(v) FROM CareIndicatorValue v WHERE"
                + " v.neighbourhood.municipality.id = :m" + (indicator == null ? "" : " AND v.indicator = :i")
                + " AND v.periodStart >= :from AND v.periodStart <= :to", Long.class);
        bind(query, municipalityId, indicator, fromYear, toYear);
        return query.getSingleResult();
    }

    private static void bind(TypedQuery<?> query, long municipalityId, String indicator, int fromYear,
                             int toYear) {
        query.setParameter("m", municipalityId).setParameter("from", LocalDate.of(fromYear, 1, 1))
                .setParameter("to", LocalDate.of(toYear, 12, 31));
        if (indicator != null) {
            query.setParameter("i", indicator);
        }
    }

    /** Per period (newest first) and indicator: how many values are stored and how many of them are suppressed. */
    public List<Stored> stored(long municipalityId) {
        requireOwn(municipalityId, Role.FUND_MANAGER);
        // Suppressed values are those without a value (ck_care_value_missing), so they are COUNT(v) - COUNT(v.value).
        // Not SUM(CASE WHEN ... THEN 1 ELSE 0 END): EclipseLink binds the 1 and 0 as parameters, and H2 (the run
        // command's database) refuses to sum parameters of unknown type.
        return em.createQuery("SELECT v.periodLabel, v.indicator, COUNT(v), COUNT(v.value) FROM CareIndicatorValue v"
                        + " WHERE v.neighbourhood.municipality.id = :m"
                        + " GROUP BY v.periodLabel, v.indicator ORDER BY v.periodLabel DESC, v.indicator", Object[].class)
                .setParameter("m", municipalityId).getResultList().stream()
                .map(r -> new Stored((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                        ((Number) r[2]).longValue() - ((Number) r[3]).longValue()))
                .toList();
    }

    /** The latest imports of the municipality, newest first. */
    public List<CareIndicatorImport> imports(long municipalityId, int max) {
        requireOwn(municipalityId, Role.FUND_MANAGER);
        return em.createQuery("SELECT i FROM CareIndicatorImport i WHERE i.municipality.id = :m"
                        + " ORDER BY i.importedAt DESC, i.id DESC", CareIndicatorImport.class)
                .setParameter("m", municipalityId).setMaxResults(max).getResultList();
    }
}
