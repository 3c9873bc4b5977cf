package nl.preventiefonds.opendata;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.application.LegalForm;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.decision.DecisionOutcome;
import nl.preventiefonds.monitoring.ReportPurpose;
import nl.preventiefonds.monitoring.ReviewOutcome;
import nl.preventiefonds.payment.PaymentStatus;
import nl.preventiefonds.platform.DataVersion;
import nl.preventiefonds.platform.Folding;
import nl.preventiefonds.platform.Money;

/**
 * The open register of awarded initiatives, for anyone without login. Read-only. Lists
 * applications with status AWARDED, PARTIALLY_AWARDED or DETERMINED that have an award decision.
 *
 * <p>Queries select columns, never whole entities (the eager to-one associations of entities
 * would load owners and calls row by row). One page costs six queries whatever its size: the
 * page itself, then themes, neighbourhoods, determinations, payments and report figures for
 * all of its applications at once.
 *
 * <p>One installation serves many municipalities (issue 18): the register lists all of them, or one when the filter
 * names its CBS code; the choices, the totals and the 360Giving files are then that municipality's alone.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OpenRegister {
    public static final int MAX_PAGE_SIZE = 500;

    static final Set<ApplicationStatus> PUBLIC_STATUSES = EnumSet.of(ApplicationStatus.AWARDED,
            ApplicationStatus.PARTIALLY_AWARDED, ApplicationStatus.DETERMINED);
    static final Set<DecisionOutcome> AWARDS = EnumSet.of(DecisionOutcome.AWARD, DecisionOutcome.PARTIAL_AWARD);

    /*
     * Call, fund and municipality are never null; as left joins MariaDB still starts from the decisions and reads
     * them newest first in index order (ix_decision_decided), stopping after the page, instead of starting from the
     * funds and sorting every award (docs/performance.md).
     */
    private static final String FROM = " FROM GrantDecision d JOIN d.application a LEFT JOIN a.call c"
            + " LEFT JOIN d.fund f LEFT JOIN f.municipality m WHERE a.status IN :statuses AND d.outcome IN :awards"
            + " AND d.replacedBy IS NULL";
    private static final String COUNT_FROM = " FROM GrantDecision d JOIN d.application a"
            + " WHERE a.status IN :statuses AND d.outcome IN :awards AND d.replacedBy IS NULL";
    /** Besides the audit trail (every service change), the tables whose new rows change what is published. */
    private static final String[] PUBLISHED_TABLES = {"grant_decision", "application", "neighbourhood",
        "payment_instruction", "report"};
    /** No municipality: an unknown code matches nothing, and reaches no cache. */
    private static final Long NONE = -1L;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private RegisterCache cache;

    @Inject
    private Clock clock;

    /** A municipality of the installation as the public may see it: its CBS code and name. */
    public record OpenMunicipality(String code, String name) implements Serializable {
    }

    /** The municipality of the installation with this CBS code (any case), whether or not it published awards. */
    public Optional<OpenMunicipality> municipality(String code) {
        String normalised = OpenFilter.municipalityCode(code);
        if (normalised == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT m.code, m.name FROM Municipality m WHERE m.code = :code", Object[].class)
                .setParameter("code", normalised).getResultStream().findFirst()
                .map(r -> new OpenMunicipality((String) r[0], (String) r[1]));
    }

    /** The municipalities that have published awards, by name: what a visitor can narrow the register to. */
    public List<OpenMunicipality> municipalities() {
        return cache.municipalities().get(Boolean.TRUE, version(), clock.instant(), () -> em.createQuery(
                        "SELECT DISTINCT m.code, m.name FROM GrantDecision d JOIN d.application a, Municipality m"
                        + " WHERE m.id = a.municipalityId AND a.status IN :statuses AND d.outcome IN :awards"
                        + " AND d.replacedBy IS NULL", Object[].class)
                .setParameter("statuses", PUBLIC_STATUSES).setParameter("awards", AWARDS).getResultList().stream()
                .map(r -> new OpenMunicipality((String) r[0], (String) r[1]))
                .sorted(Comparator.comparing(OpenMunicipality::name)).toList());
    }

    /** The id of the filter's municipality; null for all, {@link #NONE} when no municipality has the code. */
    private Long municipalityId(OpenFilter f) {
        if (f.municipality() == null) {
            return null;
        }
        return em.createQuery("SELECT m.id FROM Municipality m WHERE m.code = :code", Long.class)
                .setParameter("code", f.municipality()).getResultStream().findFirst().orElse(NONE);
    }

    public List<OpenGrant> page(OpenFilter filter, int first, int size) {
        OpenFilter f = filter == null ? OpenFilter.ALL : filter;
        Long municipality = municipalityId(f);
        if (f.matchesNothing() || NONE.equals(municipality)) {
            return List.of();
        }
        TypedQuery<Object[]> query = em.createQuery("SELECT a.id, a.reference, a.title, a.summary,"
                + " a.organisationName, a.legalForm, a.kvkNumber, a.contactName, a.requestedAmount, d.amount,"
                + " d.decidedOn, a.startDate, a.endDate, a.status, c.title, f.name, m.code, m.name, m.funderId, m.givingPrefix" + FROM
                + where(f) + " ORDER BY d.decidedOn DESC, d.id DESC", Object[].class);
        bind(query, f, municipality);
        query.setFirstResult(Math.max(0, first));
        query.setMaxResults(Math.max(1, Math.min(size, MAX_PAGE_SIZE)));
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
        Map<Long, List<String>> themes = themes(ids);
        Map<Long, List<OpenGrant.Place>> places = places(ids);
        Map<Long, BigDecimal> finals = finalAmounts(ids);
        Map<Long, BigDecimal> paid = paid(ids);
        Map<Long, OpenGrant.Results> results = results(ids);
        List<OpenGrant> page = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Long id = (Long) r[0];
            LegalForm form = (LegalForm) r[5];
            String kvk = (String) r[6];
            boolean named = Publication.mayPublishOrganisation(form, kvk, (String) r[4], (String) r[7]);
            ApplicationStatus status = (ApplicationStatus) r[13];
            page.add(new OpenGrant((String) r[1], (String) r[2], (String) r[3], named ? (String) r[4] : null,
                    named ? kvk : null, !named, places.getOrDefault(id, List.of()),
                    themes.getOrDefault(id, List.of()), (BigDecimal) r[8], (BigDecimal) r[9], finals.get(id),
                    paid.getOrDefault(id, Money.ZERO.amount()), (LocalDate) r[10], (LocalDate) r[11],
                    (LocalDate) r[12],
                    status == ApplicationStatus.DETERMINED ? OpenGrant.State.DETERMINED : OpenGrant.State.RUNNING,
                    (String) r[14], (String) r[15], (String) r[16], (String) r[17], (String) r[18], (String) r[19],
                    results.get(id)));
        }
        return page;
    }

    public long count(OpenFilter filter) {
        OpenFilter f = filter == null ? OpenFilter.ALL : filter;
        Long municipality = municipalityId(f);
        if (f.matchesNothing() || NONE.equals(municipality)) {
            return 0;
        }
        return cache.counts().get(f, version(), clock.instant(), () -> {
            TypedQuery<Long> query = em.createQuery("SELECT COUNT(a)" + COUNT_FROM + where(f), Long.class);
            bind(query, f, municipality);
            return query.getSingleResult();
        });
    }

    /**
     * The 360Giving files of everything published by one municipality (its CBS code) or by all (null), built once per
     * data version; each grant names its own municipality as the funder. Empty for an unknown code.
     */
    public String threeSixtyGivingJson(String municipality) {
        return download(municipality, "360giving.json", ThreeSixtyGivingExport::jsonText);
    }

    public String threeSixtyGivingCsv(String municipality) {
        return download(municipality, "360giving.csv", ThreeSixtyGivingExport::csv);
    }

    private String download(String municipality, String file, Function<List<OpenGrant>, String> format) {
        OpenFilter f = OpenFilter.of(municipality);
        if (NONE.equals(municipalityId(f))) {
            return format.apply(List.of());
        }
        String key = (f.municipality() == null ? "" : f.municipality()) + "/" + file;
        return cache.downloads().get(key, version(), clock.instant(), () -> format.apply(all(f)));
    }

    private String version() {
        return DataVersion.of(em, PUBLISHED_TABLES);
    }

    /** Every published award, fetched in pages; for the downloads. */
    public List<OpenGrant> all(OpenFilter filter) {
        List<OpenGrant> all = new ArrayList<>();
        for (int first = 0;; first += MAX_PAGE_SIZE) {
            List<OpenGrant> page = page(filter, first, MAX_PAGE_SIZE);
            all.addAll(page);
            if (page.size() < MAX_PAGE_SIZE) {
                return all;
            }
        }
    }

    /**
     * What a visitor can narrow the register to: years with awards (newest first) and neighbourhoods (by name), with
     * the names folded once per data version for the neighbourhood search rather than on every search.
     */
    public record Choices(List<Integer> years, List<OpenGrant.Place> neighbourhoods, List<String> foldedNames)
            implements Serializable {
        public Choices(List<Integer> years, List<OpenGrant.Place> neighbourhoods) {
            this(years, neighbourhoods, neighbourhoods.stream().map(p -> Folding.fold(p.name())).toList());
        }

        /**
         * The neighbourhoods whose name or code {@code text} is, else those whose name holds it (case and accents
         * ignored); by name, at most {@code max}. At national scale there are thousands, too many for a menu.
         */
        public List<OpenGrant.Place> matching(String text, int max) {
            String asked = text == null ? "" : text.strip();
            String wanted = Folding.fold(asked);
            // A whole name (as the page suggests them) means that neighbourhood, not every one containing it.
            List<OpenGrant.Place> exact = wanted.isEmpty() ? List.of() : places(i -> neighbourhoods.get(i).code()
                    .equalsIgnoreCase(asked) || foldedNames.get(i).equals(wanted));
            List<OpenGrant.Place> found = exact.isEmpty() ? places(i -> foldedNames.get(i).contains(wanted)) : exact;
            return found.subList(0, Math.min(found.size(), Math.max(0, max)));
        }

        private List<OpenGrant.Place> places(IntPredicate wanted) {
            return IntStream.range(0, neighbourhoods.size()).filter(wanted)
                    .mapToObj(neighbourhoods::get).toList();
        }
    }

    /**
     * Both lists with one data version read: the register page asks for them together. Of one municipality (its CBS
     * code) or of all (null); none for an unknown code.
     */
    public Choices choices(String municipality) {
        OpenFilter f = OpenFilter.of(municipality);
        Long id = municipalityId(f);
        if (NONE.equals(id)) {
            return new Choices(List.of(), List.of());
        }
        return cache.choices().get(f.municipality() == null ? "" : f.municipality(), version(), clock.instant(),
                () -> new Choices(publishedYears(id), publishedNeighbourhoods(id)));
    }

    private List<Integer> publishedYears(Long municipality) {
        TypedQuery<LocalDate> query = em.createQuery("SELECT DISTINCT d.decidedOn" + COUNT_FROM
                + (municipality == null ? "" : " AND a.municipalityId = :municipality"), LocalDate.class);
        bind(query, OpenFilter.ALL, municipality);
        return query.getResultList().stream().map(LocalDate::getYear).distinct().sorted(Comparator.reverseOrder())
                .toList();
    }

    private List<OpenGrant.Place> publishedNeighbourhoods(Long municipality) {
        TypedQuery<Object[]> query = em.createQuery("SELECT DISTINCT n.code, n.name FROM GrantDecision d"
                + " JOIN d.application a JOIN a.neighbourhoods n WHERE a.status IN :statuses AND d.outcome IN :awards"
                + " AND d.replacedBy IS NULL" + (municipality == null ? "" : " AND a.municipalityId = :municipality"),
                Object[].class);
        bind(query, OpenFilter.ALL, municipality);
        return query.getResultList().stream().map(r -> new OpenGrant.Place((String) r[0], (String) r[1]))
                .sorted(Comparator.comparing(OpenGrant.Place::name)).toList();
    }

    private static String where(OpenFilter f) {
        StringBuilder where = new StringBuilder();
        if (f.municipality() != null) {
            where.append(" AND a.municipalityId = :municipality");
        }
        if (f.year() != null) {
            where.append(" AND d.decidedOn BETWEEN :yearFrom AND :yearTo");
        }
        if (f.theme() != null) {
            where.append(" AND EXISTS (SELECT t FROM Application ta JOIN ta.themes t WHERE ta = a AND t = :theme)");
        }
        if (f.neighbourhoods() != null) {
            where.append(" AND EXISTS (SELECT n FROM Application na JOIN na.neighbourhoods n"
                    + " WHERE na = a AND n.code IN :neighbourhoods)");
        }
        if (f.text() != null) {
            // Not the organisation name: whether it may be published (Publication) cannot be decided in a query,
            // and a withheld name that a search still finds would tie the person to the grant.
            where.append(" AND (LOWER(a.reference) LIKE :text OR LOWER(a.title) LIKE :text"
                    + " OR LOWER(a.summary) LIKE :text)");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> query, OpenFilter f, Long municipality) {
        query.setParameter("statuses", PUBLIC_STATUSES).setParameter("awards", AWARDS);
        if (municipality != null) {
            query.setParameter("municipality", municipality);
        }
        if (f.year() != null) {
            query.setParameter("yearFrom", LocalDate.of(f.year(), 1, 1));
            query.setParameter("yearTo", LocalDate.of(f.year(), 12, 31));
        }
        if (f.theme() != null) {
            query.setParameter("theme", f.theme());
        }
        if (f.neighbourhoods() != null) {
            query.setParameter("neighbourhoods", f.neighbourhoods());
        }
        if (f.text() != null) {
            String escaped = f.text().toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "");
            query.setParameter("text", "%" + escaped + "%");
        }
    }

    private Map<Long, List<String>> themes(List<Long> ids) {
        Map<Long, List<String>> map = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT a.id, t FROM Application a JOIN a.themes t WHERE a.id IN :ids",
                Object[].class).setParameter("ids", ids).getResultList()) {
            map.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(((Theme) r[1]).name());
        }
        map.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        return map;
    }

    private Map<Long, List<OpenGrant.Place>> places(List<Long> ids) {
        Map<Long, List<OpenGrant.Place>> map = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT a.id, n.code, n.name FROM Application a JOIN a.neighbourhoods n"
                + " WHERE a.id IN :ids ORDER BY n.name", Object[].class).setParameter("ids", ids).getResultList()) {
            map.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                    .add(new OpenGrant.Place((String) r[1], (String) r[2]));
        }
        return map;
    }

    private Map<Long, BigDecimal> finalAmounts(List<Long> ids) {
        Map<Long, BigDecimal> map = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT x.application.id, x.finalAmount FROM Determination x"
                + " WHERE x.application.id IN :ids AND x.replacedBy IS NULL", Object[].class).setParameter("ids", ids).getResultList()) {
            map.put((Long) r[0], (BigDecimal) r[1]);
        }
        return map;
    }

    /** Paid instructions only (advances, tranches and balance); reclaims are not subtracted. */
    private Map<Long, BigDecimal> paid(List<Long> ids) {
        Map<Long, BigDecimal> map = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT p.application.id, SUM(p.amount) FROM PaymentInstruction p"
                        + " WHERE p.application.id IN :ids AND p.status = :paid GROUP BY p.application.id", Object[].class)
                .setParameter("ids", ids).setParameter("paid", PaymentStatus.PAID).getResultList()) {
            map.put((Long) r[0], Money.exact((BigDecimal) r[1]).amount());
        }
        return map;
    }

    /**
     * Realised figures from accepted reports only: per application the organiser's latest accepted
     * FINAL report, else its latest accepted PROGRESS report. Partner reports and reports not (yet)
     * accepted are left out, so nothing is counted twice and nothing unchecked is published.
     */
    private Map<Long, OpenGrant.Results> results(List<Long> ids) {
        Map<Long, Object[]> chosen = new LinkedHashMap<>();
        for (Object[] r : em.createQuery("SELECT q.application.id, r.id, q.purpose, SUM(ra.participants),"
                        + " SUM(ra.sessions), SUM(ra.volunteers) FROM ReportActivity ra JOIN ra.report r JOIN r.request q"
                        + " WHERE q.application.id IN :ids AND q.partner IS NULL AND r.reviewOutcome = :accepted"
                        + " GROUP BY q.application.id, r.id, q.purpose", Object[].class)
                .setParameter("ids", ids).setParameter("accepted", ReviewOutcome.ACCEPTED).getResultList()) {
            chosen.merge((Long) r[0], r, (old, candidate) -> better(candidate, old) ? candidate : old);
        }
        Map<Long, OpenGrant.Results> map = new HashMap<>();
        chosen.forEach((id, r) -> map.put(id, new OpenGrant.Results(number(r[3]), number(r[4]), number(r[5]),
                r[2] == ReportPurpose.FINAL)));
        return map;
    }

    private static boolean better(Object[] candidate, Object[] old) {
        boolean candidateFinal = candidate[2] == ReportPurpose.FINAL;
        boolean oldFinal = old[2] == ReportPurpose.FINAL;
        if (candidateFinal != oldFinal) {
            return candidateFinal;
        }
        return (Long) candidate[1] > (Long) old[1];
    }

    private static int number(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }
}
