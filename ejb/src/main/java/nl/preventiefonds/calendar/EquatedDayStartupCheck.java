package nl.preventiefonds.calendar;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Logger;
import nl.preventiefonds.platform.Amsterdam;

/** Says at start-up when the equated days do not reach a year terms are counted in: the next decree is due. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class EquatedDayStartupCheck {
    private static final Logger LOG = Logger.getLogger(EquatedDayStartupCheck.class.getName());

    @Inject
    private StatutoryCalendar calendar;

    @Inject
    private Clock clock;

    @PostConstruct
    void check() {
        StatutoryCalendar.Coverage coverage = calendar.coverage(LocalDate.now(clock.withZone(Amsterdam.ZONE)));
        if (!coverage.complete()) {
            LOG.warning(() -> "The days equated to general holidays (Algemene termijnenwet art. 3 lid 3) reach "
                    + (coverage.lastYear() == null ? "no year" : coverage.lastYear()) + ", not the years in use "
                    + coverage.yearsNotReached() + ": terms ending on an equated day of those years are not moved."
                    + " Enter the days of the new Besluit gelijkstelling under Beheer > Gelijkgestelde dagen.");
        }
    }
}
