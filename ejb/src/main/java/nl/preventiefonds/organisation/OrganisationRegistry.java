package nl.preventiefonds.organisation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.application.DeMinimisWindow;
import nl.preventiefonds.decision.DecisionOutcome;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.partner.KvkNumbers;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The organisation registry as the municipality's staff see it: every organisation (by KvK number) that applied to
 * the caller's municipality, with its applications, awards and de-minimis total in the window ending today, all of
 * this municipality only. An organisation without a (submitted) application here is unknown (404), whatever it did
 * elsewhere. Drafts are the organiser's own and count nowhere.
 */
@Stateless
@RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER})
public class OrganisationRegistry {
    private static final Role[] STAFF = {Role.OFFICER, Role.DECISION_MAKER, Role.FUND_MANAGER};

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private Clock clock;

    /** A line of the registry list. */
    public record Summary(String kvkNumber, String name, long applications, long awards, BigDecimal awarded,
                          BigDecimal deMinimisTotal, Instant lastSubmittedAt) implements Serializable {
    }

    /** An application of the organisation in this municipality. */
    public record ApplicationLine(long id, String reference, String title, ApplicationStatus status,
                                  Instant submittedAt, BigDecimal requested, String fundName,
                                  String organisationName) implements Serializable {
    }

    /** An award in force, with its determination when there is one, and whether it counts for de-minimis now. */
    public record AwardLine(long applicationId, String reference, String title, DecisionOutcome outcome,
                            BigDecimal amount, LocalDate decidedOn, BigDecimal determined, LocalDate determinedOn,
                            boolean inDeMinimisWindow) implements Serializable {
    }

    /** Everything the detail page and the API show of one organisation, in the caller's municipality. */
    public record Detail(String kvkNumber, String name, List<ApplicationLine> applications, List<AwardLine> awards,
                         BigDecimal awarded, BigDecimal determined, DeMinimisWindow window,
                         BigDecimal deMinimisTotal) implements Serializable {
    }

    /** The municipality's organisations, by name; {@code search} matches a KvK number's digits or part of the name. */
    public List<Summary> organisations(String search) {
        Caller caller = access.requireMunicipalStaff(STAFF);
        long municipality = caller.municipalityId();
        DeMinimisWindow window = window();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Object[] a : em.createQuery("SELECT a.kvkNumber, a.organisationName, a.submittedAt FROM Application a"
                        + " WHERE a.municipalityId = :m AND a.status <> :draft AND a.kvkNumber IS NOT NULL"
                        + " ORDER BY a.submittedAt, a.id", Object[].class)
                .setParameter("m", municipality).setParameter("draft", ApplicationStatus.DRAFT).getResultList()) {
            String kvk = (String) a[0];
            if (!KvkNumbers.isValid(kvk)) {
                continue;
            }
            Row row = rows.computeIfAbsent(kvk, Row::new);
            row.applications++;
            row.lastSubmittedAt = (Instant) a[2];
            if (a[1] != null) {
                row.name = (String) a[1]; // the latest submitted application's, ordered by submission
            }
        }
        for (Object[] d : em.createQuery("SELECT a.kvkNumber, d.amount, d.decidedOn" + RegistryAwards.AWARDS_IN_FORCE
                        + " AND a.kvkNumber IS NOT NULL", Object[].class)
                .setParameter("m", municipality).setParameter("reject", DecisionOutcome.REJECT).getResultList()) {
            Row row = rows.get((String) d[0]);
            if (row != null) {
                row.awards++;
                row.awarded = row.awarded.add((BigDecimal) d[1]);
                if (window.contains((LocalDate) d[2])) {
                    row.deMinimis = row.deMinimis.add((BigDecimal) d[1]);
                }
            }
        }
        claimedNames(rows);
        String needle = search == null || search.isBlank() ? null : search.strip().toLowerCase(Locale.ROOT);
        String digits = needle == null ? null : KvkNumbers.normalise(needle);
        List<Summary> result = new ArrayList<>();
        for (Row row : rows.values()) {
            boolean matches = needle == null
                    || (digits != null && digits.matches("\\d+") && row.kvk.startsWith(digits))
                    || (row.name != null && row.name.toLowerCase(Locale.ROOT).contains(needle));
            if (matches) {
                result.add(new Summary(row.kvk, row.name, row.applications, row.awards, Money.fromAggregateOrZero(row.awarded).amount(),
                        Money.fromAggregateOrZero(row.deMinimis).amount(), row.lastSubmittedAt));
            }
        }
        result.sort(Comparator.comparing((Summary s) -> s.name() == null ? "" : s.name().toLowerCase(Locale.ROOT))
                .thenComparing(Summary::kvkNumber));
        return result;
    }

    /** One organisation in the caller's municipality; unknown (404) when it has no submitted application here. */
    public Detail organisation(String kvkNumber) {
        Caller caller = access.requireMunicipalStaff(STAFF);
        long municipality = caller.municipalityId();
        String kvk = KvkNumbers.normalise(kvkNumber);
        if (!KvkNumbers.isValid(kvk)) {
            throw new ValidationFailedException("organisation.notFound");
        }
        List<ApplicationLine> applications = em.createQuery("SELECT NEW"
                        + " nl.preventiefonds.organisation.OrganisationRegistry.ApplicationLine(a.id, a.reference,"
                        + " a.title, a.status, a.submittedAt, a.requestedAmount, f.name, a.organisationName)"
                        + " FROM Application a JOIN a.call c JOIN c.fund f WHERE a.municipalityId = :m"
                        + " AND a.kvkNumber = :kvk AND a.status <> :draft ORDER BY a.submittedAt DESC, a.id DESC",
                        ApplicationLine.class)
                .setParameter("m", municipality).setParameter("kvk", kvk)
                .setParameter("draft", ApplicationStatus.DRAFT).getResultList();
        if (applications.isEmpty()) {
            throw new ValidationFailedException("organisation.notFound");
        }
        DeMinimisWindow window = window();
        Map<Long, Object[]> determinations = new HashMap<>();
        for (Object[] t : em.createQuery("SELECT t.application.id, t.finalAmount, t.determinedOn FROM Determination t"
                        + " WHERE t.application.municipalityId = :m AND t.application.kvkNumber = :kvk"
                        + " AND t.replacedBy IS NULL", Object[].class)
                .setParameter("m", municipality).setParameter("kvk", kvk).getResultList()) {
            determinations.put((Long) t[0], t);
        }
        List<AwardLine> awards = new ArrayList<>();
        BigDecimal awarded = Money.ZERO.amount();
        BigDecimal determined = Money.ZERO.amount();
        BigDecimal deMinimis = Money.ZERO.amount();
        for (Object[] d : em.createQuery("SELECT a.id, a.reference, a.title, d.outcome, d.amount, d.decidedOn"
                        + RegistryAwards.AWARDS_IN_FORCE + " AND a.kvkNumber = :kvk ORDER BY d.decidedOn DESC, a.id",
                        Object[].class)
                .setParameter("m", municipality).setParameter("reject", DecisionOutcome.REJECT)
                .setParameter("kvk", kvk).getResultList()) {
            Object[] t = determinations.get((Long) d[0]);
            LocalDate decidedOn = (LocalDate) d[5];
            boolean inWindow = window.contains(decidedOn);
            BigDecimal amount = (BigDecimal) d[4];
            awards.add(new AwardLine((Long) d[0], (String) d[1], (String) d[2], (DecisionOutcome) d[3], amount,
                    decidedOn, t == null ? null : (BigDecimal) t[1], t == null ? null : (LocalDate) t[2], inWindow));
            awarded = awarded.add(amount);
            if (t != null) {
                determined = determined.add((BigDecimal) t[1]);
            }
            if (inWindow) {
                deMinimis = deMinimis.add(amount);
            }
        }
        Map<String, Row> one = new HashMap<>();
        Row row = new Row(kvk);
        row.name = applications.stream().map(ApplicationLine::organisationName).filter(n -> n != null)
                .findFirst().orElse(null); // newest submitted first
        one.put(kvk, row);
        claimedNames(one);
        return new Detail(kvk, row.name, applications, awards, awarded, determined, window, deMinimis);
    }

    /** The de-minimis window ending today (Amsterdam). */
    private DeMinimisWindow window() {
        return DeMinimisWindow.endingOn(LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE));
    }

    /** The name the broker confirmed (from the KvK register) goes before what applicants typed. */
    private void claimedNames(Map<String, Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> kvks = new ArrayList<>(rows.keySet());
        for (int i = 0; i < kvks.size(); i += 500) {
            for (Object[] o : em.createQuery("SELECT o.kvkNumber, o.claimedName FROM Organisation o"
                            + " WHERE o.claimedName IS NOT NULL AND o.kvkNumber IN :kvks", Object[].class)
                    .setParameter("kvks", kvks.subList(i, Math.min(kvks.size(), i + 500))).getResultList()) {
                rows.get((String) o[0]).name = (String) o[1];
            }
        }
    }

    private static final class Row {
        final String kvk;
        String name;
        long applications;
        long awards;
        BigDecimal awarded = BigDecimal.ZERO;
        BigDecimal deMinimis = BigDecimal.ZERO;
        Instant lastSubmittedAt;

        Row(String kvk) {
            this.kvk = kvk;
        }
    }
}
