package nl.preventiefonds.calendar.web;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import nl.preventiefonds.calendar.EquatedDay;
import nl.preventiefonds.calendar.EquatedDayAdministration;
import nl.preventiefonds.calendar.StatutoryCalendar;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.web.FieldProblems;
import nl.preventiefonds.platform.web.Messages;

/**
 * The days equated to general holidays: kept by the installation administrator (installation/equated-days.xhtml),
 * read by fund managers (admin/equated-days.xhtml); and the notice on both start pages when the list runs out.
 */
@Named
@ViewScoped
public class EquatedDaysBean implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String FORM = "equatedDayForm:";

    @Inject
    private EquatedDayAdministration administration;

    private List<Row> days;
    private Integer lastYear;
    private List<Integer> yearsNotReached;
    private LocalDate date;
    private String description;

    /** A day as the table shows it. (A class, not a record: EL 5 reads getters only.) */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final LocalDate date;
        private final String description;
        private final Instant changedAt;
        private final String changedBy;

        Row(EquatedDay day) {
            date = day.getEquatedOn();
            description = day.getDescription();
            changedAt = day.getChangedAt();
            changedBy = day.getChangedBy();
        }

        public LocalDate getDate() {
            return date;
        }

        public String getDescription() {
            return description;
        }

        public Instant getChangedAt() {
            return changedAt;
        }

        public String getChangedBy() {
            return changedBy;
        }
    }

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        days = administration.list().stream().map(Row::new).toList();
        StatutoryCalendar.Coverage coverage = administration.coverage();
        lastYear = coverage.lastYear();
        yearsNotReached = coverage.yearsNotReached();
    }

    /** Adds the day, or changes the description of a day already listed. */
    public void save() {
        FieldProblems.bind("form.notSaved", EquatedDaysBean::fieldOf);
        EquatedDayAdministration.Saved saved = administration.put(date, description);
        Messages.info(saved.created() ? "equatedDays.added" : "equatedDays.changed", date.toString());
        date = null;
        description = null;
        reload();
    }

    /** Puts a listed day in the form to change its description. */
    public void edit(Row row) {
        date = row.getDate();
        description = row.getDescription();
    }

    public void remove(Row row) {
        administration.remove(row.getDate());
        Messages.info("equatedDays.removed", row.getDate().toString());
        reload();
    }

    private static String fieldOf(Problem problem) {
        return problem.key().startsWith("equatedDay.description") ? FORM + "description" : FORM + "date";
    }

    public List<Row> getDays() {
        return days;
    }

    public Integer getLastYear() {
        return lastYear;
    }

    public boolean isIncomplete() {
        return !yearsNotReached.isEmpty();
    }

    /** The years in use the list does not reach, as "2029, 2030". */
    public String getYearsNotReached() {
        return yearsNotReached.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
