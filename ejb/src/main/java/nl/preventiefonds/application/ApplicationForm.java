package nl.preventiefonds.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.platform.DutchPostalCode;
import nl.preventiefonds.platform.Problem;

/**
 * Everything an organiser fills in, as one editable object. A draft may be incomplete; only
 * lengths are enforced on save (so nothing typed is silently cut), the rest at submission.
 */
public class ApplicationForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long id;
    private long version;
    private int currentStep;

    private String organisationName;
    private LegalForm legalForm;
    private String kvkNumber;
    /** Read-only for the page: the KvK number came from the eHerkenning login and cannot be changed. */
    private boolean kvkFromBroker;
    private String iban;
    private String accountHolder;
    private boolean undertaking;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private String postalStreet;
    private String postalCode;
    private String postalTown;
    private boolean deMinimisDeclared;
    private BigDecimal deMinimisPriorAmount;

    private String title;
    private String summary;
    private String description;
    private LocalDate startDate;
    private LocalDate endDate;
    private List<Long> neighbourhoodIds = new ArrayList<>();
    private Set<Theme> themes = EnumSet.noneOf(Theme.class);
    private Set<TargetGroup> targetGroups = EnumSet.noneOf(TargetGroup.class);

    private List<ActivityRow> activities = new ArrayList<>();
    private Set<CareDomain> careDomains = EnumSet.noneOf(CareDomain.class);
    private String theoryOfChange;

    private List<BudgetRow> budgetLines = new ArrayList<>();
    private List<Long> partnerIds = new ArrayList<>();

    /** Maximum lengths, also used as maxlength in the form. */
    public static final Map<String, Integer> MAX_LENGTHS = maxLengths();

    private static Map<String, Integer> maxLengths() {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        lengths.put("organisationName", 200);
        lengths.put("kvkNumber", 20);
        lengths.put("iban", 42);
        lengths.put("accountHolder", 200);
        lengths.put("contactName", 120);
        lengths.put("contactEmail", 254);
        lengths.put("contactPhone", 30);
        lengths.put("postalStreet", 200);
        lengths.put("postalCode", 7);
        lengths.put("postalTown", 120);
        lengths.put("title", 200);
        lengths.put("summary", 500);
        lengths.put("description", 5000);
        lengths.put("theoryOfChange", 2000);
        lengths.put("activityName", 200);
        lengths.put("activityDescription", 1000);
        lengths.put("budgetDescription", 300);
        return Map.copyOf(lengths);
    }

    public static class ActivityRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private String description;
        private Integer plannedParticipants;
        private Integer plannedSessions;
        private Integer plannedVolunteers;
        /** The named partner that carries the activity out; null: the applicant itself. */
        private Long deliveredByPartnerId;

        public ActivityRow() {
        }

        public ActivityRow(String name, String description, Integer participants, Integer sessions,
                           Integer volunteers) {
            this.name = name;
            this.description = description;
            this.plannedParticipants = participants;
            this.plannedSessions = sessions;
            this.plannedVolunteers = volunteers;
        }

        public Long getDeliveredByPartnerId() {
            return deliveredByPartnerId;
        }

        public void setDeliveredByPartnerId(Long deliveredByPartnerId) {
            this.deliveredByPartnerId = deliveredByPartnerId;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public Integer getPlannedParticipants() {
            return plannedParticipants;
        }

        public void setPlannedParticipants(Integer plannedParticipants) {
            this.plannedParticipants = plannedParticipants;
        }

        public Integer getPlannedSessions() {
            return plannedSessions;
        }

        public void setPlannedSessions(Integer plannedSessions) {
            this.plannedSessions = plannedSessions;
        }

        public Integer getPlannedVolunteers() {
            return plannedVolunteers;
        }

        public void setPlannedVolunteers(Integer plannedVolunteers) {
            this.plannedVolunteers = plannedVolunteers;
        }
    }

    public static class BudgetRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private BudgetLineKind kind = BudgetLineKind.COST;
        private String description;
        private BigDecimal amount;
        private BigDecimal hours;

        public BudgetRow() {
        }

        public BudgetRow(BudgetLineKind kind, String description, BigDecimal amount, BigDecimal hours) {
            this.kind = kind;
            this.description = description;
            this.amount = amount;
            this.hours = hours;
        }

        public BudgetLineKind getKind() {
            return kind;
        }

        public void setKind(BudgetLineKind kind) {
            this.kind = kind;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public BigDecimal getAmount() {
            return amount;
        }

        public void setAmount(BigDecimal amount) {
            this.amount = amount;
        }

        public BigDecimal getHours() {
            return hours;
        }

        public void setHours(BigDecimal hours) {
            this.hours = hours;
        }
    }

    /** Problems that stop even a draft from being saved: over-long text and malformed numbers. */
    public List<Problem> checkStorable() {
        List<Problem> problems = new ArrayList<>();
        length(problems, "organisationName", organisationName);
        length(problems, "kvkNumber", kvkNumber);
        length(problems, "iban", iban);
        length(problems, "accountHolder", accountHolder);
        length(problems, "contactName", contactName);
        length(problems, "contactEmail", contactEmail);
        length(problems, "contactPhone", contactPhone);
        length(problems, "postalStreet", postalStreet);
        length(problems, "postalTown", postalTown);
        // a draft may leave the postcode empty, but not store one that is no Dutch postcode
        if (postalCode != null && !postalCode.isBlank() && DutchPostalCode.normalise(postalCode).isEmpty()) {
            problems.add(Problem.of("application.postalCodeInvalid"));
        }
        length(problems, "title", title);
        length(problems, "summary", summary);
        length(problems, "description", description);
        length(problems, "theoryOfChange", theoryOfChange);
        for (ActivityRow row : activities) {
            length(problems, "activityName", row.getName());
            length(problems, "activityDescription", row.getDescription());
            for (Integer number : new Integer[] {row.getPlannedParticipants(), row.getPlannedSessions(),
                    row.getPlannedVolunteers()}) {
                if (number != null && number < 0) {
                    problems.add(Problem.of("application.reachNegative"));
                }
            }
        }
        for (BudgetRow row : budgetLines) {
            length(problems, "budgetDescription", row.getDescription());
            money(problems, row.getAmount());
            if (row.getHours() != null && (row.getHours().signum() < 0 || row.getHours().scale() > 2
                    || row.getHours().compareTo(new BigDecimal("9999999")) > 0)) {
                problems.add(Problem.of("application.hoursInvalid"));
            }
        }
        money(problems, deMinimisPriorAmount);
        return problems.stream().distinct().toList();
    }

    private static void length(List<Problem> problems, String field, String value) {
        if (value != null && value.strip().length() > MAX_LENGTHS.get(field)) {
            problems.add(Problem.of("field.tooLong", "field." + field, MAX_LENGTHS.get(field)));
        }
    }

    private static void money(List<Problem> problems, BigDecimal amount) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0) {
            problems.add(Problem.of("money.negative"));
        } else if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            problems.add(Problem.of("money.cents"));
        } else if (amount.compareTo(new BigDecimal("9999999999999")) > 0) {
            problems.add(Problem.of("money.tooLarge"));
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public int getCurrentStep() {
        return currentStep;
    }

    public void setCurrentStep(int currentStep) {
        this.currentStep = currentStep;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public void setOrganisationName(String organisationName) {
        this.organisationName = organisationName;
    }

    public LegalForm getLegalForm() {
        return legalForm;
    }

    public void setLegalForm(LegalForm legalForm) {
        this.legalForm = legalForm;
    }

    public boolean isKvkFromBroker() {
        return kvkFromBroker;
    }

    public void setKvkFromBroker(boolean kvkFromBroker) {
        this.kvkFromBroker = kvkFromBroker;
    }

    public String getKvkNumber() {
        return kvkNumber;
    }

    public void setKvkNumber(String kvkNumber) {
        this.kvkNumber = kvkNumber;
    }

    public String getIban() {
        return iban;
    }

    public void setIban(String iban) {
        this.iban = iban;
    }

    public String getAccountHolder() {
        return accountHolder;
    }

    public void setAccountHolder(String accountHolder) {
        this.accountHolder = accountHolder;
    }

    public boolean isUndertaking() {
        return undertaking;
    }

    public void setUndertaking(boolean undertaking) {
        this.undertaking = undertaking;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getPostalStreet() {
        return postalStreet;
    }

    public void setPostalStreet(String postalStreet) {
        this.postalStreet = postalStreet;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getPostalTown() {
        return postalTown;
    }

    public void setPostalTown(String postalTown) {
        this.postalTown = postalTown;
    }

    public boolean isDeMinimisDeclared() {
        return deMinimisDeclared;
    }

    public void setDeMinimisDeclared(boolean deMinimisDeclared) {
        this.deMinimisDeclared = deMinimisDeclared;
    }

    public BigDecimal getDeMinimisPriorAmount() {
        return deMinimisPriorAmount;
    }

    public void setDeMinimisPriorAmount(BigDecimal deMinimisPriorAmount) {
        this.deMinimisPriorAmount = deMinimisPriorAmount;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public List<Long> getNeighbourhoodIds() {
        return neighbourhoodIds;
    }

    public void setNeighbourhoodIds(List<Long> neighbourhoodIds) {
        this.neighbourhoodIds = neighbourhoodIds == null ? new ArrayList<>() : new ArrayList<>(neighbourhoodIds);
    }

    public Set<Theme> getThemes() {
        return themes;
    }

    public void setThemes(Set<Theme> themes) {
        this.themes = themes == null || themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes);
    }

    public Set<TargetGroup> getTargetGroups() {
        return targetGroups;
    }

    public void setTargetGroups(Set<TargetGroup> targetGroups) {
        this.targetGroups = targetGroups == null || targetGroups.isEmpty() ? EnumSet.noneOf(TargetGroup.class)
                : EnumSet.copyOf(targetGroups);
    }

    public List<ActivityRow> getActivities() {
        return activities;
    }

    public void setActivities(List<ActivityRow> activities) {
        this.activities = activities == null ? new ArrayList<>() : activities;
    }

    public Set<CareDomain> getCareDomains() {
        return careDomains;
    }

    public void setCareDomains(Set<CareDomain> careDomains) {
        this.careDomains = careDomains == null || careDomains.isEmpty() ? EnumSet.noneOf(CareDomain.class)
                : EnumSet.copyOf(careDomains);
    }

    public String getTheoryOfChange() {
        return theoryOfChange;
    }

    public void setTheoryOfChange(String theoryOfChange) {
        this.theoryOfChange = theoryOfChange;
    }

    public List<BudgetRow> getBudgetLines() {
        return budgetLines;
    }

    public void setBudgetLines(List<BudgetRow> budgetLines) {
        this.budgetLines = budgetLines == null ? new ArrayList<>() : budgetLines;
    }

    public List<Long> getPartnerIds() {
        return partnerIds;
    }

    public void setPartnerIds(List<Long> partnerIds) {
        this.partnerIds = partnerIds == null ? new ArrayList<>() : new ArrayList<>(partnerIds);
    }
}
