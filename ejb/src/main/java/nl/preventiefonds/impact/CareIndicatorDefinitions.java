package nl.preventiefonds.impact;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The care indicators a municipality keeps ({@link CareIndicatorDefinition}): staff of the municipality read them,
 * its fund manager adds, changes and deactivates them. Each change is checked as a whole (nothing is written when any
 * field is wrong) and audited in its transaction. A code that stored values carry cannot be renamed (the values name
 * their indicator by code); a definition is deactivated rather than deleted, so its values stay, and the last active
 * one stays active.
 */
@Stateless
@RolesAllowed(RoleNames.FUND_MANAGER)
public class CareIndicatorDefinitions {
    static final String SUBJECT = "CareIndicatorDefinition";
    static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1," + CareIndicatorDefinition.MAX_CODE + "}");
    /** Far above any real cost of one case per year; a typo of a few zeros is refused. */
    static final BigDecimal MAX_COST = ImpactDashboardService.MAX_COST;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private AuditTrail audit;

    /** What the fund manager fills in; unit and care domain by their names, so a wrong one gets a message. */
    public record Draft(String code, String name, String unit, String sourceColumn, String careDomain,
            BigDecimal costPerCase) implements Serializable {
    }

    /** Standard ones first (in their order), then the others by code. */
    static List<CareIndicatorDefinition> ordered(List<CareIndicatorDefinition> definitions) {
        return definitions.stream().sorted(Comparator.comparing((CareIndicatorDefinition d) -> d.standardIndicator()
                        .map(Enum::ordinal).orElse(Integer.MAX_VALUE)).thenComparing(CareIndicatorDefinition::getCode))
                .toList();
    }

    private Caller requireOwn(long municipalityId, Role... roles) {
        Caller caller = access.requireMunicipalStaff(roles);
        if (!caller.worksFor(municipalityId)) {
            throw new AccessDeniedException("care indicators of another municipality");
        }
        return caller;
    }

    /** Every definition of the municipality, inactive ones too. */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER})
    public List<CareIndicatorDefinition> definitions(long municipalityId) {
        requireOwn(municipalityId, Role.OFFICER, Role.DECISION_MAKER, Role.FUND_MANAGER);
        return ordered(all(municipalityId));
    }

    private List<CareIndicatorDefinition> all(long municipalityId) {
        return em.createQuery("SELECT d FROM CareIndicatorDefinition d WHERE d.municipality.id = :m",
                CareIndicatorDefinition.class).setParameter("m", municipalityId).getResultList();
    }

    public CareIndicatorDefinition create(long municipalityId, Draft draft) {
        requireOwn(municipalityId, Role.FUND_MANAGER);
        // Serialises changes of one municipality's definitions: two equal codes cannot both pass the check.
        Municipality municipality = em.find(Municipality.class, municipalityId, LockModeType.PESSIMISTIC_WRITE);
        if (municipality == null) {
            throw new ValidationFailedException("fund.noMunicipality");
        }
        Checked checked = check(municipalityId, null, draft);
        CareIndicatorDefinition created = new CareIndicatorDefinition(municipality, checked.code, checked.name,
                checked.unit, checked.sourceColumn, checked.domain, checked.cost);
        em.persist(created);
        em.flush();
        audit.recordIn(municipalityId, "CARE_INDICATOR_DEFINED", SUBJECT, created.getId(), null,
                created.auditSummary());
        return created;
    }

    public CareIndicatorDefinition update(long id, Draft draft) {
        CareIndicatorDefinition definition = own(id);
        long municipalityId = definition.getMunicipality().getId();
        em.find(Municipality.class, municipalityId, LockModeType.PESSIMISTIC_WRITE);
        Checked checked = check(municipalityId, definition, draft);
        String before = definition.auditSummary();
        if (!checked.code.equals(definition.getCode())) {
            long values = em.createQuery("SELECT COUNT(v) FROM CareIndicatorValue v WHERE v.indicator = :c AND"
                            + " v.neighbourhood.municipality.id = :m", Long.class)
                    .setParameter("c", definition.getCode()).setParameter("m", municipalityId).getSingleResult();
            if (values > 0) {
                throw ValidationFailedException.of("indicatorDefinition.codeHasValues", definition.getCode(), values);
            }
            definition.recode(checked.code);
        }
        definition.change(checked.name, checked.unit, checked.sourceColumn, checked.domain, checked.cost);
        em.flush();
        audit.recordIn(municipalityId, "CARE_INDICATOR_CHANGED", SUBJECT, id, before, definition.auditSummary());
        return definition;
    }

    /** No longer imported or shown; its stored values stay, and it can be activated again. */
    public CareIndicatorDefinition setActive(long id, boolean active) {
        CareIndicatorDefinition definition = own(id);
        long municipalityId = definition.getMunicipality().getId();
        if (definition.isActive() == active) {
            return definition;
        }
        em.find(Municipality.class, municipalityId, LockModeType.PESSIMISTIC_WRITE);
        String before = definition.auditSummary();
        if (active) {
            // Another definition may have taken one of its names while it was inactive.
            List<Problem> problems = new ArrayList<>();
            conflicts(municipalityId, definition, definition.keys(), problems);
            if (!problems.isEmpty()) {
                throw ValidationFailedException.of(problems);
            }
            definition.activate();
        } else {
            // The dashboard estimates the active ones; with none it would have nothing to show.
            boolean last = all(municipalityId).stream().noneMatch(d -> d != definition && d.isActive());
            if (last) {
                throw ValidationFailedException.of("indicatorDefinition.lastActive", definition.getCode());
            }
            definition.deactivate();
        }
        audit.recordIn(municipalityId, active ? "CARE_INDICATOR_ACTIVATED" : "CARE_INDICATOR_DEACTIVATED", SUBJECT,
                id, before, definition.auditSummary());
        return definition;
    }

    /** The definition, when it is of the caller's municipality; another municipality's is refused, not revealed. */
    private CareIndicatorDefinition own(long id) {
        Caller caller = access.requireMunicipalStaff(Role.FUND_MANAGER);
        CareIndicatorDefinition definition = em.find(CareIndicatorDefinition.class, id);
        if (definition == null) {
            throw new ValidationFailedException("indicatorDefinition.notFound");
        }
        if (!caller.worksFor(definition.getMunicipality().getId())) {
            throw new AccessDeniedException("care indicator of another municipality");
        }
        return definition;
    }

    private record Checked(String code, String name, CareIndicator.Unit unit, String sourceColumn, CareDomain domain,
            BigDecimal cost) {
    }

    private Checked check(long municipalityId, CareIndicatorDefinition self, Draft draft) {
        if (draft == null) {
            throw new ValidationFailedException("indicatorDefinition.bodyRequired");
        }
        List<Problem> problems = new ArrayList<>();
        String code = draft.code() == null ? "" : draft.code().strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            problems.add(Problem.of("indicatorDefinition.codeRequired"));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(Problem.of("indicatorDefinition.codeInvalid", CareIndicatorDefinition.MAX_CODE));
        }
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            problems.add(Problem.of("indicatorDefinition.nameRequired"));
        } else if (name.length() > CareIndicatorDefinition.MAX_NAME) {
            problems.add(Problem.of("indicatorDefinition.nameTooLong", CareIndicatorDefinition.MAX_NAME));
        }
        String source = draft.sourceColumn() == null ? "" : draft.sourceColumn().strip();
        if (CareIndicator.key(source).isEmpty()) {
            problems.add(Problem.of("indicatorDefinition.sourceColumnRequired"));
        } else if (source.length() > CareIndicatorDefinition.MAX_SOURCE_COLUMN) {
            problems.add(Problem.of("indicatorDefinition.sourceColumnTooLong",
                    CareIndicatorDefinition.MAX_SOURCE_COLUMN));
        } else if (CareDemandImport.reserved(source)) {
            problems.add(Problem.of("indicatorDefinition.sourceColumnReserved", source));
        }
        CareIndicator.Unit unit = parse(CareIndicator.Unit.class, draft.unit());
        if (unit == null) {
            problems.add(Problem.of("indicatorDefinition.unitUnknown", String.valueOf(draft.unit())));
        }
        CareDomain domain = parse(CareDomain.class, draft.careDomain());
        if (domain == null) {
            problems.add(Problem.of("indicatorDefinition.careDomainUnknown", String.valueOf(draft.careDomain())));
        }
        BigDecimal cost = draft.costPerCase();
        if (cost != null && (cost.signum() < 0 || cost.compareTo(MAX_COST) > 0
                || cost.stripTrailingZeros().scale() > 2)) {
            problems.add(Problem.of("indicatorDefinition.costInvalid", MAX_COST));
        }
        if (!code.isEmpty() && CODE.matcher(code).matches()) {
            boolean taken = all(municipalityId).stream()
                    .anyMatch(d -> d != self && d.getCode().equals(code));
            if (taken) {
                problems.add(Problem.of("indicatorDefinition.codeTaken", code));
            } else if (!CareIndicator.key(source).isEmpty()) {
                Set<String> keys = new HashSet<>();
                keys.add(CareIndicator.key(code));
                keys.add(CareIndicator.key(source));
                CareIndicator.ofCode(code).ifPresent(s -> s.aliases().forEach(a -> keys.add(CareIndicator.key(a))));
                conflicts(municipalityId, self, keys, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        return new Checked(code, name, unit, source, domain, cost == null ? null : Money.halfUp(cost).amount());
    }

    /** A file could not tell it from another definition of the municipality: a heading, code or alias in common. */
    private void conflicts(long municipalityId, CareIndicatorDefinition self, Set<String> keys,
                           List<Problem> problems) {
        for (CareIndicatorDefinition other : all(municipalityId)) {
            if (other != self && other.keys().stream().anyMatch(keys::contains)) {
                problems.add(Problem.of("indicatorDefinition.sourceColumnTaken", other.getCode()));
                return;
            }
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
