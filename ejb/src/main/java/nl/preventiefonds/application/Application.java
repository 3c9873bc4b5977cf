package nl.preventiefonds.application;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.partner.PartnerOrganisation;
import nl.preventiefonds.platform.DutchPostalCode;
import nl.preventiefonds.platform.Money;

/** An application (aanvraag) for a grant from one call, from draft to intake. */
@Entity
@Table(name = "application")
public class Application implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(length = 20, unique = true)
    private String reference;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "call_id", nullable = false)
    private FundingCall call;

    /**
     * The municipality (tenant) the application belongs to: its call's fund's, set once at creation. Staff see and
     * change only their own municipality's applications, and every staff list filters on it (V18).
     */
    @Column(name = "municipality_id", nullable = false, updatable = false)
    private Long municipalityId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "owner_id", nullable = false)
    private UserAccount owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ApplicationStatus status = ApplicationStatus.DRAFT;

    @Column(name = "current_step", nullable = false)
    private int currentStep;

    @Column(name = "org_name", length = 200)
    private String organisationName;

    @Enumerated(EnumType.STRING)
    @Column(name = "org_legal_form", length = 30)
    private LegalForm legalForm;

    /** Set from an eHerkenning login when the draft was started: the organiser cannot change it (V90). */
    @Column(name = "kvk_from_broker", nullable = false)
    private boolean kvkFromBroker;

    @Column(name = "org_kvk_number", length = 20)
    private String kvkNumber;

    @Column(name = "org_iban", length = 42)
    private String iban;

    @Column(name = "org_account_holder", length = 200)
    private String accountHolder;

    @Column(name = "org_is_undertaking", nullable = false)
    private boolean undertaking;

    @Column(name = "contact_name", length = 120)
    private String contactName;

    @Column(name = "contact_email", length = 254)
    private String contactEmail;

    @Column(name = "contact_phone", length = 30)
    private String contactPhone;

    /** The applicant's postal address, printed in the address block of the letters; required at submit. */
    @Column(name = "postal_street", length = 200)
    private String postalStreet;

    @Column(name = "postal_code", length = 7)
    private String postalCode;

    @Column(name = "postal_town", length = 120)
    private String postalTown;

    @Column(name = "de_minimis_declared", nullable = false)
    private boolean deMinimisDeclared;

    @Column(name = "de_minimis_prior_amount", precision = 15, scale = 2)
    private BigDecimal deMinimisPriorAmount;

    @Column(length = 200)
    private String title;

    @Column(length = 500)
    private String summary;

    @Column(length = 5000)
    private String description;

    @Column(name = "theory_of_change", length = 2000)
    private String theoryOfChange;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "total_costs", nullable = false, precision = 15, scale = 2)
    private BigDecimal totalCosts = Money.ZERO.amount();

    @Column(name = "co_funding", nullable = false, precision = 15, scale = 2)
    private BigDecimal coFunding = Money.ZERO.amount();

    @Column(name = "requested_amount", nullable = false, precision = 15, scale = 2)
    private BigDecimal requestedAmount = Money.ZERO.amount();

    @ManyToMany(fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @JoinTable(name = "application_neighbourhood", joinColumns = @JoinColumn(name = "application_id"),
            inverseJoinColumns = @JoinColumn(name = "neighbourhood_id"))
    private Set<Neighbourhood> neighbourhoods = new HashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "application_theme", joinColumns = @JoinColumn(name = "application_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "theme", length = 40)
    private Set<Theme> themes = new HashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "application_target_group", joinColumns = @JoinColumn(name = "application_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "target_group", length = 40)
    private Set<TargetGroup> targetGroups = new HashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "application_care_domain", joinColumns = @JoinColumn(name = "application_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "care_domain", length = 40)
    private Set<CareDomain> careDomains = new HashSet<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @JoinTable(name = "application_partner", joinColumns = @JoinColumn(name = "application_id"),
            inverseJoinColumns = @JoinColumn(name = "partner_id"))
    private Set<PartnerOrganisation> partners = new HashSet<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Activity> activities = new ArrayList<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<BudgetLine> budgetLines = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    /** The day of receipt: the decision term runs from here (Awb 4:13). */
    @Column(name = "received_on")
    private LocalDate receivedOn;

    @Column(name = "decision_due_on")
    private LocalDate decisionDueOn;

    @Column(name = "intake_completed_at")
    private Instant intakeCompletedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawal_reason", length = 1000)
    private String withdrawalReason;

    @Version
    private long version;

    protected Application() {
    }

    public Application(FundingCall call, UserAccount owner, Instant now) {
        this.call = call;
        this.municipalityId = call == null ? null : call.getFund().getMunicipality().getId();
        this.owner = owner;
        this.createdAt = now;
        this.updatedAt = now;
        this.contactName = owner.getDisplayName();
        this.contactEmail = owner.getEmail();
    }

    /** The organisation an eHerkenning login acts for: its KvK number, fixed for this application. */
    void actForBrokerOrganisation(String kvk, String name) {
        kvkNumber = kvk;
        kvkFromBroker = true;
        if (organisationName == null && name != null) {
            organisationName = Texts.clean(name, 200);
        }
    }

    public boolean isKvkFromBroker() {
        return kvkFromBroker;
    }

    /** Reference numbers follow the database id, so they are unique without a counter table. */
    void assignReference(int year) {
        reference = String.format("PF-%d-%05d", year, id);
    }

    /** Copies the form's content; neighbourhoods and partners were resolved by the service. */
    void apply(ApplicationForm form, Collection<Neighbourhood> chosenNeighbourhoods,
               Collection<PartnerOrganisation> chosenPartners, Instant now) {
        currentStep = Math.max(0, form.getCurrentStep());
        organisationName = Texts.clean(form.getOrganisationName(), 200);
        legalForm = form.getLegalForm();
        if (!kvkFromBroker) {
            kvkNumber = OrganisationIdentifiers.normaliseKvk(form.getKvkNumber());
        }
        iban = OrganisationIdentifiers.normaliseIban(form.getIban());
        accountHolder = Texts.clean(form.getAccountHolder(), 200);
        undertaking = form.isUndertaking();
        contactName = Texts.clean(form.getContactName(), 120);
        contactEmail = Texts.clean(form.getContactEmail(), 254);
        contactPhone = Texts.clean(form.getContactPhone(), 30);
        postalStreet = Texts.clean(form.getPostalStreet(), 200);
        String typedCode = Texts.clean(form.getPostalCode(), 7);
        // a draft keeps what was typed; checkStorable refused a malformed code before this
        postalCode = typedCode == null ? null : DutchPostalCode.normalise(typedCode).orElse(typedCode);
        postalTown = Texts.clean(form.getPostalTown(), 120);
        deMinimisDeclared = form.isDeMinimisDeclared();
        deMinimisPriorAmount = form.getDeMinimisPriorAmount() == null ? null
                : Money.exact(form.getDeMinimisPriorAmount()).amount();
        title = Texts.clean(form.getTitle(), 200);
        summary = Texts.clean(form.getSummary(), 500);
        description = Texts.clean(form.getDescription(), 5000);
        theoryOfChange = Texts.clean(form.getTheoryOfChange(), 2000);
        startDate = form.getStartDate();
        endDate = form.getEndDate();
        replace(neighbourhoods, chosenNeighbourhoods);
        replace(themes, form.getThemes());
        replace(targetGroups, form.getTargetGroups());
        replace(careDomains, form.getCareDomains());
        replace(partners, chosenPartners);
        activities.clear();
        for (ApplicationForm.ActivityRow row : form.getActivities()) {
            if (!isEmpty(row)) {
                // Only a named partner can deliver an activity; any other id is ignored.
                PartnerOrganisation deliveredBy = chosenPartners.stream()
                        .filter(p -> p.getId().equals(row.getDeliveredByPartnerId())).findFirst().orElse(null);
                activities.add(new Activity(this, activities.size() + 1, row, deliveredBy));
            }
        }
        budgetLines.clear();
        for (ApplicationForm.BudgetRow row : form.getBudgetLines()) {
            if (!isEmpty(row)) {
                budgetLines.add(new BudgetLine(this, budgetLines.size() + 1, row));
            }
        }
        Budget budget = Budget.of(form.getBudgetLines());
        totalCosts = budget.costs();
        coFunding = budget.coFunding();
        requestedAmount = budget.requested();
        updatedAt = now;
    }

    private static <T> void replace(Set<T> target, Collection<T> source) {
        // Only touch the collection when it changed, so EclipseLink writes no needless rows.
        if (!target.equals(new HashSet<>(source))) {
            target.clear();
            target.addAll(source);
        }
    }

    private static boolean isEmpty(ApplicationForm.ActivityRow row) {
        return Texts.clean(row.getName(), 200) == null && Texts.clean(row.getDescription(), 1000) == null
                && row.getPlannedParticipants() == null && row.getPlannedSessions() == null
                && row.getPlannedVolunteers() == null;
    }

    private static boolean isEmpty(ApplicationForm.BudgetRow row) {
        return Texts.clean(row.getDescription(), 300) == null && row.getAmount() == null && row.getHours() == null;
    }

    public ApplicationForm toForm() {
        ApplicationForm form = new ApplicationForm();
        form.setId(id);
        form.setVersion(version);
        form.setCurrentStep(currentStep);
        form.setOrganisationName(organisationName);
        form.setLegalForm(legalForm);
        form.setKvkNumber(kvkNumber);
        form.setKvkFromBroker(kvkFromBroker);
        form.setIban(OrganisationIdentifiers.formatIban(iban));
        form.setAccountHolder(accountHolder);
        form.setUndertaking(undertaking);
        form.setContactName(contactName);
        form.setContactEmail(contactEmail);
        form.setContactPhone(contactPhone);
        form.setPostalStreet(postalStreet);
        form.setPostalCode(postalCode);
        form.setPostalTown(postalTown);
        form.setDeMinimisDeclared(deMinimisDeclared);
        form.setDeMinimisPriorAmount(deMinimisPriorAmount);
        form.setTitle(title);
        form.setSummary(summary);
        form.setDescription(description);
        form.setTheoryOfChange(theoryOfChange);
        form.setStartDate(startDate);
        form.setEndDate(endDate);
        form.setNeighbourhoodIds(neighbourhoods.stream().map(Neighbourhood::getId).sorted().toList());
        form.setThemes(themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes));
        form.setTargetGroups(targetGroups.isEmpty() ? EnumSet.noneOf(TargetGroup.class) : EnumSet.copyOf(targetGroups));
        form.setCareDomains(careDomains.isEmpty() ? EnumSet.noneOf(CareDomain.class) : EnumSet.copyOf(careDomains));
        form.setPartnerIds(partners.stream().map(PartnerOrganisation::getId).sorted().toList());
        activities.forEach(a -> form.getActivities().add(a.toRow()));
        budgetLines.forEach(b -> form.getBudgetLines().add(b.toRow()));
        return form;
    }

    void markSubmitted(Instant now, LocalDate today) {
        status = ApplicationStatus.SUBMITTED;
        submittedAt = now;
        receivedOn = today;
        updatedAt = now;
    }

    void requestInformation(Instant now) {
        status = ApplicationStatus.INFORMATION_REQUESTED;
        decisionDueOn = null;
        updatedAt = now;
    }

    void resume(Instant now) {
        status = ApplicationStatus.SUBMITTED;
        updatedAt = now;
    }

    void completeIntake(Instant now) {
        status = ApplicationStatus.IN_ASSESSMENT;
        intakeCompletedAt = now;
        updatedAt = now;
    }

    void withdraw(String reason, Instant now) {
        status = ApplicationStatus.WITHDRAWN;
        withdrawalReason = Texts.clean(reason, 1000);
        withdrawnAt = now;
        updatedAt = now;
    }

    /** Called by the decision service when the decision is taken. */
    public void decided(ApplicationStatus outcomeStatus, Instant now) {
        if (!outcomeStatus.isDecided() || status != ApplicationStatus.IN_ASSESSMENT) {
            throw new IllegalStateException("only an application in assessment can be decided");
        }
        status = outcomeStatus;
        updatedAt = now;
    }

    /** A new decision replaced the one in force after an upheld objection (Awb 7:11); not after determination. */
    public void redecided(ApplicationStatus outcomeStatus, Instant now) {
        if (!outcomeStatus.isDecided() || !status.isDecided()) {
            throw new IllegalStateException("only a decided application can be decided anew");
        }
        status = outcomeStatus;
        updatedAt = now;
    }

    /** Called by the determination service when the final amount is fixed. */
    public void determined(Instant now) {
        if (!status.isRunningGrant()) {
            throw new IllegalStateException("only a running grant can be determined");
        }
        status = ApplicationStatus.DETERMINED;
        updatedAt = now;
    }

    void setDecisionDueOn(LocalDate decisionDueOn) {
        this.decisionDueOn = decisionDueOn;
    }

    public List<Long> partnerIds() {
        return partners.stream().map(PartnerOrganisation::getId).toList();
    }

    public List<PartnerOrganisation> sortedPartners() {
        return partners.stream().sorted(Comparator.comparing(PartnerOrganisation::getName)).toList();
    }

    public List<Neighbourhood> sortedNeighbourhoods() {
        return neighbourhoods.stream().sorted(Comparator.comparing(Neighbourhood::getName)).toList();
    }

    public String auditSummary() {
        return "status=" + status + ", title=" + title + ", requested=" + requestedAmount + ", costs=" + totalCosts
                + ", coFunding=" + coFunding + ", neighbourhoods=" + neighbourhoods.size() + ", activities="
                + activities.size() + ", budgetLines=" + budgetLines.size() + ", partners=" + partners.size();
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public FundingCall getCall() {
        return call;
    }

    /** The municipality the application belongs to (its call's fund's). */
    public Long getMunicipalityId() {
        return municipalityId;
    }

    public UserAccount getOwner() {
        return owner;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public int getCurrentStep() {
        return currentStep;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public LegalForm getLegalForm() {
        return legalForm;
    }

    public String getKvkNumber() {
        return kvkNumber;
    }

    public String getIban() {
        return iban;
    }

    public String getAccountHolder() {
        return accountHolder;
    }

    public boolean isUndertaking() {
        return undertaking;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getPostalStreet() {
        return postalStreet;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getPostalTown() {
        return postalTown;
    }

    /** "Stationsstraat 12\n9401 AB Assen" for a letter's address block; null while incomplete. */
    public String postalAddress() {
        if (postalStreet == null || postalCode == null || postalTown == null) {
            return null;
        }
        return postalStreet + "\n" + postalCode + " " + postalTown;
    }

    public boolean isDeMinimisDeclared() {
        return deMinimisDeclared;
    }

    public BigDecimal getDeMinimisPriorAmount() {
        return deMinimisPriorAmount;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getDescription() {
        return description;
    }

    public String getTheoryOfChange() {
        return theoryOfChange;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public BigDecimal getTotalCosts() {
        return totalCosts;
    }

    public BigDecimal getCoFunding() {
        return coFunding;
    }

    public BigDecimal getRequestedAmount() {
        return requestedAmount;
    }

    public Set<Neighbourhood> getNeighbourhoods() {
        return Set.copyOf(neighbourhoods);
    }

    public Set<Theme> getThemes() {
        return Set.copyOf(themes);
    }

    public Set<TargetGroup> getTargetGroups() {
        return Set.copyOf(targetGroups);
    }

    public Set<CareDomain> getCareDomains() {
        return Set.copyOf(careDomains);
    }

    public Set<PartnerOrganisation> getPartners() {
        return Set.copyOf(partners);
    }

    public List<Activity> getActivities() {
        return List.copyOf(activities);
    }

    public List<BudgetLine> getBudgetLines() {
        return List.copyOf(budgetLines);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public LocalDate getDecisionDueOn() {
        return decisionDueOn;
    }

    public Instant getIntakeCompletedAt() {
        return intakeCompletedAt;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public String getWithdrawalReason() {
        return withdrawalReason;
    }

    public long getVersion() {
        return version;
    }
}
