package nl.preventiefonds.monitoring.web;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.preventiefonds.monitoring.DeadlineService;
import nl.preventiefonds.platform.web.Messages;

/**
 * Officers' and decision makers' deadlines: what is late, what falls due this week and what waits for staff.
 * The service caps each section; the page says how many there are in all.
 */
@Named("deadlines")
@ViewScoped
public class DeadlinesBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private DeadlineService service;

    private DeadlineService.Overview overview;

    @PostConstruct
    void load() {
        overview = service.overview();
    }

    /** One section for the page; EL 5 reads no record components, so getters. */
    public static final class Section implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String titleKey;
        private final String emptyKey;
        private final List<DeadlineService.Item> items;
        private final long total;

        Section(String id, String titleKey, String emptyKey, DeadlineService.Section section) {
            this.id = id;
            this.titleKey = titleKey;
            this.emptyKey = emptyKey;
            this.items = section.items();
            this.total = section.total();
        }

        public String getId() {
            return id;
        }

        public String getTitleKey() {
            return titleKey;
        }

        public String getEmptyKey() {
            return emptyKey;
        }

        public List<DeadlineService.Item> getItems() {
            return items;
        }

        public int getShown() {
            return items.size();
        }

        public long getTotal() {
            return total;
        }
    }

    public List<Section> getSections() {
        return List.of(new Section("overdue", "deadlines.overdue", "deadlines.overdueNone", overview.overdue()),
                new Section("thisWeek", "deadlines.thisWeek", "deadlines.thisWeekNone", overview.thisWeek()),
                new Section("waiting", "deadlines.waiting", "deadlines.waitingNone", overview.waiting()));
    }

    /** Who owes or did it; a report without a partner is the organiser's. */
    public String who(DeadlineService.Item item) {
        if (item.who() != null && !item.who().isBlank()) {
            return item.who();
        }
        if ("REPORT".equals(item.kind()) || "REVIEW_REPORT".equals(item.kind())) {
            return Messages.text("monitoring.forOrganiser");
        }
        return "-";
    }

    public java.time.LocalDate getToday() {
        return overview.today();
    }
}
