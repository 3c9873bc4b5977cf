package nl.preventiefonds.calendar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The days equated to general holidays by royal decree under Algemene termijnenwet art. 3 lid 3 (Besluit
 * gelijkstelling). A decree names the days of a few years at a time, so the list reaches a year only when it holds a
 * day of that year or of a later one; for a year beyond it the list is silent, not empty.
 */
public record EquatedDays(SortedSet<LocalDate> days) {
    public static final EquatedDays NONE = new EquatedDays(new TreeSet<>());

    public EquatedDays {
        days = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(days, "days")));
    }

    public static EquatedDays of(Collection<LocalDate> days) {
        return new EquatedDays(new TreeSet<>(days));
    }

    public static EquatedDays of(LocalDate... days) {
        return of(Arrays.asList(days));
    }

    public boolean contains(LocalDate date) {
        return days.contains(date);
    }

    /** The year of the last equated day; empty when there is none. */
    public OptionalInt lastYear() {
        return days.isEmpty() ? OptionalInt.empty() : OptionalInt.of(days.last().getYear());
    }

    /** True when a decree for {@code year} has been entered (a day of that year or later is listed). */
    public boolean reaches(int year) {
        return lastYear().isPresent() && lastYear().getAsInt() >= year;
    }

    /** The years in use the list does not reach, ascending and each once. */
    public List<Integer> notReached(Collection<Integer> yearsInUse) {
        return yearsInUse.stream().filter(year -> !reaches(year)).distinct().sorted().toList();
    }
}
