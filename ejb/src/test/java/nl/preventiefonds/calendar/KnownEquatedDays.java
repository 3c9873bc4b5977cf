package nl.preventiefonds.calendar;

import java.time.LocalDate;

/** The days of the Besluit gelijkstelling for 2026 up to 2028, as migration V12 ships them; for tests. */
public final class KnownEquatedDays {
    public static final EquatedDays DECREE_2026_2028 = EquatedDays.of(LocalDate.of(2026, 1, 2),
            LocalDate.of(2026, 5, 15), LocalDate.of(2027, 5, 7), LocalDate.of(2028, 4, 28), LocalDate.of(2028, 5, 26));

    private KnownEquatedDays() {
    }
}
