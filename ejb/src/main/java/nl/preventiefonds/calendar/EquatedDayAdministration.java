package nl.preventiefonds.calendar;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The equated days: municipal staff read them; the installation administrator enters the days of a new decree or
 * corrects them, because the decree is national and one table serves every municipality of the installation. Each
 * change is on the installation's audit trail.
 */
@Stateless
@RolesAllowed(RoleNames.INSTALLATION_ADMIN)
public class EquatedDayAdministration {
    /** A decree names days a few years ahead; outside this window a date is a typing error. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    public static final String SUBJECT = "EquatedDay";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private StatutoryCalendar calendar;

    @Inject
    private AccessPolicy access;

    @Inject
    private Clock clock;

    @Resource
    private SessionContext session;

    /** A day as stored, and whether this call created it. */
    public record Saved(EquatedDay day, boolean created) {
    }

    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER, RoleNames.INSTALLATION_ADMIN})
    public List<EquatedDay> list() {
        return em.createQuery("SELECT e FROM EquatedDay e ORDER BY e.equatedOn", EquatedDay.class).getResultList();
    }

    /** Municipal staff see the years of their own municipality's funds; the installation administrator all. */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER, RoleNames.INSTALLATION_ADMIN})
    public StatutoryCalendar.Coverage coverage() {
        Caller caller = access.caller();
        return calendar.coverage(LocalDate.now(clock.withZone(Amsterdam.ZONE)),
                caller.is(Role.INSTALLATION_ADMIN) ? null : caller.municipalityId());
    }

    /** Adds the day or changes its description. */
    public Saved put(LocalDate day, String description) {
        String text = description == null ? "" : description.strip();
        List<Problem> problems = new ArrayList<>(check(day));
        if (text.isEmpty()) {
            problems.add(Problem.of("equatedDay.descriptionRequired"));
        } else if (text.length() > EquatedDay.MAX_DESCRIPTION) {
            problems.add(Problem.of("equatedDay.descriptionTooLong", EquatedDay.MAX_DESCRIPTION));
        }
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        EquatedDay stored = em.find(EquatedDay.class, day, LockModeType.PESSIMISTIC_WRITE);
        if (stored == null) {
            stored = new EquatedDay(day, text, clock.instant(), actor());
            em.persist(stored);
            em.flush();
            audit.record("EQUATED_DAY_ADDED", SUBJECT, day, null, stored.auditSummary());
            return new Saved(stored, true);
        }
        String before = stored.auditSummary();
        stored.change(text, clock.instant(), actor());
        audit.record("EQUATED_DAY_CHANGED", SUBJECT, day, before, stored.auditSummary());
        return new Saved(stored, false);
    }

    public void remove(LocalDate day) {
        EquatedDay stored = day == null ? null : em.find(EquatedDay.class, day, LockModeType.PESSIMISTIC_WRITE);
        if (stored == null) {
            throw ValidationFailedException.of("equatedDay.notFound", String.valueOf(day));
        }
        String before = stored.auditSummary();
        em.remove(stored);
        audit.record("EQUATED_DAY_REMOVED", SUBJECT, day, before, null);
    }

    /** Only a weekday that is no holiday anyway can be equated; the window keeps typing errors out. */
    static List<Problem> check(LocalDate day) {
        if (day == null) {
            return List.of(Problem.of("equatedDay.dateRequired"));
        }
        if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            return List.of(Problem.of("equatedDay.yearOutOfRange", FIRST_YEAR, LAST_YEAR));
        }
        if (!DutchCalendar.isWeekday(day) || DutchCalendar.isGeneralHoliday(day)) {
            return List.of(Problem.of("equatedDay.noWorkingDay", day.toString()));
        }
        return List.of();
    }

    private String actor() {
        return session.getCallerPrincipal().getName();
    }
}
