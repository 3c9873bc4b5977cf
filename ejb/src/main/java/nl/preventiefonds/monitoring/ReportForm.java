package nl.preventiefonds.monitoring;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What a recipient fills in for a report; bound by the report page and by the API as JSON. */
public class ReportForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private String narrative;
    private List<ActivityResult> activities = new ArrayList<>();
    private List<Indicator> indicators = new ArrayList<>();
    private List<Spending> spending = new ArrayList<>();

    public static class ActivityResult implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long activityId;
        private String activityName;
        private Integer plannedParticipants;
        private Integer participants;
        private Integer sessions;
        private Integer volunteers;
        private String note;

        public ActivityResult() {
        }

        public ActivityResult(Long activityId, Integer participants, Integer sessions, Integer volunteers) {
            this.activityId = activityId;
            this.participants = participants;
            this.sessions = sessions;
            this.volunteers = volunteers;
        }

        public Long getActivityId() {
            return activityId;
        }

        public void setActivityId(Long activityId) {
            this.activityId = activityId;
        }

        /** For display only; the service goes by the id. */
        public String getActivityName() {
            return activityName;
        }

        public void setActivityName(String activityName) {
            this.activityName = activityName;
        }

        public Integer getPlannedParticipants() {
            return plannedParticipants;
        }

        public void setPlannedParticipants(Integer plannedParticipants) {
            this.plannedParticipants = plannedParticipants;
        }

        public Integer getParticipants() {
            return participants;
        }

        public void setParticipants(Integer participants) {
            this.participants = participants;
        }

        public Integer getSessions() {
            return sessions;
        }

        public void setSessions(Integer sessions) {
            this.sessions = sessions;
        }

        public Integer getVolunteers() {
            return volunteers;
        }

        public void setVolunteers(Integer volunteers) {
            this.volunteers = volunteers;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    public static class Indicator implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private BigDecimal value;

        public Indicator() {
        }

        public Indicator(String name, BigDecimal value) {
            this.name = name;
            this.value = value;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public BigDecimal getValue() {
            return value;
        }

        public void setValue(BigDecimal value) {
            this.value = value;
        }
    }

    public static class Spending implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long budgetLineId;
        private String description;
        private BigDecimal budgeted;
        private BigDecimal spent;

        public Spending() {
        }

        public Spending(Long budgetLineId, BigDecimal spent) {
            this.budgetLineId = budgetLineId;
            this.spent = spent;
        }

        public Long getBudgetLineId() {
            return budgetLineId;
        }

        public void setBudgetLineId(Long budgetLineId) {
            this.budgetLineId = budgetLineId;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public BigDecimal getBudgeted() {
            return budgeted;
        }

        public void setBudgeted(BigDecimal budgeted) {
            this.budgeted = budgeted;
        }

        public BigDecimal getSpent() {
            return spent;
        }

        public void setSpent(BigDecimal spent) {
            this.spent = spent;
        }
    }

    public String getNarrative() {
        return narrative;
    }

    public void setNarrative(String narrative) {
        this.narrative = narrative;
    }

    public List<ActivityResult> getActivities() {
        return activities;
    }

    public void setActivities(List<ActivityResult> activities) {
        this.activities = activities == null ? new ArrayList<>() : activities;
    }

    public List<Indicator> getIndicators() {
        return indicators;
    }

    public void setIndicators(List<Indicator> indicators) {
        this.indicators = indicators == null ? new ArrayList<>() : indicators;
    }

    public List<Spending> getSpending() {
        return spending;
    }

    public void setSpending(List<Spending> spending) {
        this.spending = spending == null ? new ArrayList<>() : spending;
    }
}
