package nl.preventiefonds.monitoring.web;

import jakarta.json.bind.annotation.JsonbNillable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.monitoring.ReminderKind;
import nl.preventiefonds.monitoring.Report;
import nl.preventiefonds.monitoring.ReportPurpose;
import nl.preventiefonds.monitoring.ReportReminder;
import nl.preventiefonds.monitoring.ReportRequest;
import nl.preventiefonds.monitoring.ReportRequestStatus;
import nl.preventiefonds.monitoring.ReviewOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The monitoring answers of the API as types, so that the OpenAPI document says their fields. An empty field is
 * written as null ({@link JsonbNillable}), as the API always has.
 */
public final class MonitoringViews {
    private MonitoringViews() {
    }

    /** A report that is asked of an application, by the organiser or one partner. */
    @JsonbNillable
    public record ReportRequestView(long id, long applicationId, String reference, ReportPurpose purpose,
                                    @Schema(nullable = true) String partner, ReportKind requiredKind, boolean financial,
                                    boolean accountantStatement, LocalDate dueOn,
                                    @Schema(nullable = true, description = "The first day the report can be filed"
                                            + " (a final report: the day after the activities end); null when it came"
                                            + " back for more, as it is open then.") LocalDate opensOn,
                                    ReportRequestStatus status) {
        static ReportRequestView of(ReportRequest r) {
            return new ReportRequestView(r.getId(), r.getApplication().getId(), r.getApplication().getReference(),
                    r.getPurpose(), r.getPartner() == null ? null : r.getPartner().getName(), r.getRequiredKind(),
                    r.requiresFinancialReport(), r.requiresAccountantStatement(), r.getDueOn(), r.opensOn(),
                    r.getStatus());
        }
    }

    /** One activity's figures in a report. */
    @JsonbNillable
    public record ReportActivityView(long activityId, String name, int participants, int sessions, int volunteers,
                                     @Schema(nullable = true) String note) {
    }

    public record ReportIndicatorView(String name, BigDecimal value) {
    }

    public record ReportSpendingView(String description, BigDecimal budgeted, BigDecimal spent) {
    }

    /** A submitted report with its totals and, once reviewed, the officer's outcome. */
    @JsonbNillable
    public record ReportView(long id, long requestId, Instant submittedAt, String submittedBy, boolean viaUpload,
                             @Schema(nullable = true) String narrative, int participants, int sessions, int volunteers,
                             List<ReportActivityView> activities, List<ReportIndicatorView> indicators,
                             List<ReportSpendingView> spending, BigDecimal totalSpent,
                             @Schema(nullable = true) ReviewOutcome reviewOutcome,
                             @Schema(nullable = true) String reviewNote) {
        static ReportView of(Report r) {
            return new ReportView(r.getId(), r.getRequest().getId(), r.getSubmittedAt(), r.getSubmittedBy(),
                    r.isViaUpload(), r.getNarrative(), r.totalParticipants(), r.totalSessions(),
                    r.totalVolunteers(),
                    r.getActivities().stream().map(a -> new ReportActivityView(a.getActivity().getId(),
                            a.getActivity().getName(), a.getParticipants(), a.getSessions(), a.getVolunteers(),
                            a.getNote())).toList(),
                    r.getIndicators().stream().map(i -> new ReportIndicatorView(i.getName(), i.getValue())).toList(),
                    r.getSpending().stream().map(s -> new ReportSpendingView(s.getDescription(), s.getBudgeted(),
                            s.getSpent())).toList(),
                    r.totalSpent(), r.getReviewOutcome(), r.getReviewNote());
        }
    }

    /** A reminder sent for a report request. */
    public record ReminderView(long requestId, ReminderKind kind, LocalDate forDueOn, int recipients) {
        static ReminderView of(ReportReminder m) {
            return new ReminderView(m.getRequest().getId(), m.getKind(), m.getForDueOn(), m.getRecipients());
        }
    }
}
