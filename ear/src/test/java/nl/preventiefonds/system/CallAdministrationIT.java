package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import nl.preventiefonds.call.CallAdministration;
import nl.preventiefonds.call.CallForm;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.demo.DemoWorld;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.fund.FundAdministration;
import nl.preventiefonds.fund.FundDirectory;
import nl.preventiefonds.fund.FundForm;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The fund manager's administration of calls: every rule is enforced by the service itself
 * (in-container, with the run-as roles of {@link AsFundManager}, {@link AsOfficer} and
 * {@link AsOrganiser}), every change is audited, and other roles are refused by the service and
 * by the pages (over HTTP).
 */
@ExtendWith(ArquillianExtension.class)
class CallAdministrationIT {

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.builtEarWithTestClasses(CallAdministrationIT.class, AsFundManager.class,
                AsOfficer.class, AsOrganiser.class, WebSession.class);
    }

    @EJB
    private CallAdministration calls;

    @EJB
    private FundAdministration funds;

    @EJB
    private FundDirectory directory;

    @EJB
    private AsFundManager asFundManager;

    @EJB
    private AsOfficer asOfficer;

    @EJB
    private AsOrganiser asOrganiser;

    @PersistenceContext(unitName = "preventiefonds")
    private EntityManager em;

    @Inject
    private UserTransaction transaction;

    @jakarta.annotation.Resource(lookup = "java:jboss/datasources/PreventiefondsDS")
    private javax.sql.DataSource dataSource;

    @jakarta.annotation.Resource
    private jakarta.enterprise.concurrent.ManagedExecutorService executor;

    @ArquillianResource
    private URL base;

    /** The demo world's fund of Assen (other tests may add funds beside it). */
    private Fund demoFund() {
        long assen = em.createQuery("SELECT m.id FROM Municipality m WHERE m.code = 'GM0106'", Long.class)
                .getSingleResult();
        return directory.fundsOf(assen).stream().filter(f -> f.getName().equals("Preventiefonds Assen")).findFirst()
                .orElseThrow();
    }

    /** A call that meets every rule, in the demo fund's first budget year. */
    private CallForm validCall() {
        Fund fund = demoFund();
        int year = fund.getYearBudgets().get(0).getBudgetYear();
        CallForm form = CallForm.withDefaults(fund.getId());
        form.setTitle("Testronde " + UUID.randomUUID());
        form.setDescription("Voor de systeemtest");
        form.setOpensAt(LocalDateTime.of(year, 3, 1, 9, 0));
        form.setClosesAt(LocalDateTime.of(year, 6, 30, 17, 0));
        form.setMinAmount(new BigDecimal("500.00"));
        form.setMaxAmount(new BigDecimal("25000.00"));
        form.setDecisionTermWeeks(8);
        form.setBudgetYear(year);
        form.setThemes(EnumSet.of(Theme.LONELINESS, Theme.MEETING_PLACE));
        return form;
    }

    private long save(CallForm form) throws Exception {
        return asFundManager.call(() -> calls.save(form));
    }

    /** The problems the service reports; it must refuse the form. */
    private List<Problem> problemsOf(CallForm form) {
        Exception refused = assertThrows(Exception.class, () -> save(form), "the service must refuse this call");
        Throwable cause = refused;
        while (cause != null && !(cause instanceof ValidationFailedException)) {
            cause = cause.getCause();
        }
        assertInstanceOf(ValidationFailedException.class, cause, "refused by a rule, not by an error: " + refused);
        return ((ValidationFailedException) cause).getProblems();
    }

    private long callsTitled(String title) {
        return em.createQuery("SELECT COUNT(c) FROM FundingCall c WHERE c.title = :title", Long.class)
                .setParameter("title", title).getSingleResult();
    }

    private long auditRows(String action, long callId) {
        return em.createQuery("SELECT COUNT(a) FROM AuditEntry a WHERE a.action = :action"
                        + " AND a.subjectType = 'FundingCall' AND a.subjectId = :id", Long.class)
                .setParameter("action", action).setParameter("id", String.valueOf(callId)).getSingleResult();
    }

    @Test
    void aCallThatClosesBeforeItOpensIsRefused() {
        CallForm form = validCall();
        form.setClosesAt(form.getOpensAt().minusDays(1));
        assertEquals(List.of(Problem.of("call.closesBeforeOpens")), problemsOf(form));
        assertEquals(0, callsTitled(form.getTitle()), "nothing saved");

        form.setClosesAt(form.getOpensAt());
        assertEquals(List.of(Problem.of("call.closesBeforeOpens")), problemsOf(form), "closing as it opens neither");
    }

    @Test
    void weightsThatDoNotAddUpTo100AreRefusedWithTheActualSum() {
        CallForm form = validCall();
        form.getCriteria().get(0).setWeightPercent(35);
        assertEquals(95, form.weightTotal());
        List<Problem> problems = problemsOf(form);
        assertEquals(List.of(Problem.of("call.weightsSum", 95)), problems);
        assertEquals(List.of(95), problems.get(0).args(), "the problem names the actual total");
        assertEquals(0, callsTitled(form.getTitle()));
    }

    @Test
    void tiersThatDoNotAscendAreRefused() {
        CallForm form = validCall();
        form.setTiers(new ArrayList<>(List.of(
                new CallForm.TierRow(new BigDecimal("5000.00"), ReportKind.NONE),
                new CallForm.TierRow(new BigDecimal("3000.00"), ReportKind.ACTIVITY_REPORT),
                new CallForm.TierRow(null, ReportKind.ACCOUNTANT_STATEMENT))));
        assertEquals(List.of(Problem.of("call.tiersAscending", 2)), problemsOf(form));

        form.getTiers().get(1).setUpToAmount(new BigDecimal("5000.00"));
        assertEquals(List.of(Problem.of("call.tiersAscending", 2)), problemsOf(form), "an equal bound neither");
        assertEquals(0, callsTitled(form.getTitle()));
    }

    @Test
    void aLastTierWithAnUpperBoundIsRefused() {
        CallForm form = validCall();
        form.getTiers().get(form.getTiers().size() - 1).setUpToAmount(new BigDecimal("500000.00"));
        assertEquals(List.of(Problem.of("call.tierLastOpen")), problemsOf(form));
        assertEquals(0, callsTitled(form.getTitle()));
    }

    @Test
    void aBudgetYearTheFundDoesNotHaveIsRefused() {
        CallForm form = validCall();
        form.setBudgetYear(1999);
        assertEquals(List.of(Problem.of("call.budgetYearUnknown", "1999")), problemsOf(form));
        assertEquals(0, callsTitled(form.getTitle()));
    }

    /**
     * A second municipality on the same installation: Assen's fund manager neither sees nor opens its fund, and
     * cannot put a call into it; the fund is answered as unknown, as one that does not exist.
     */
    @Test
    void anotherMunicipalitysFundIsUnknownToAssensFundManager() throws Exception {
        transaction.begin();
        Municipality stichtseVecht = em.createQuery("SELECT m FROM Municipality m WHERE m.code = 'GM1904'",
                Municipality.class).getResultStream().findFirst().orElse(null);
        if (stichtseVecht == null) {
            stichtseVecht = new Municipality("GM1904", "Stichtse Vecht");
            em.persist(stichtseVecht);
        }
        Fund vitaleCoalitie = new Fund(stichtseVecht, "Vitale Coalitie " + UUID.randomUUID(), null,
                new BigDecimal("400000.00"));
        em.persist(vitaleCoalitie);
        transaction.commit();
        long otherFund = vitaleCoalitie.getId();

        assertTrue(asFundManager.call(() -> funds.funds()).stream().noneMatch(f -> f.getId() == otherFund),
                "not listed");
        assertTrue(asFundManager.call(() -> funds.funds()).stream()
                .anyMatch(f -> f.getName().equals("Preventiefonds Assen")), "Assen's own fund is");
        Exception opened = assertThrows(Exception.class, () -> asFundManager.call(() -> funds.load(otherFund)));
        assertEquals(List.of("fund.notFound"), problemKeys(opened));
        CallForm intoOther = validCall();
        intoOther.setFundId(otherFund);
        assertTrue(problemsOf(intoOther).stream().anyMatch(p -> p.key().equals("call.fundRequired")),
                "a call cannot be put into another municipality's fund");
        assertEquals(0, callsTitled(intoOther.getTitle()), "nothing saved");
    }

    private static List<String> problemKeys(Throwable refused) {
        Throwable cause = refused;
        while (cause != null && !(cause instanceof ValidationFailedException)) {
            cause = cause.getCause();
        }
        assertInstanceOf(ValidationFailedException.class, cause, "refused as a validation problem: " + refused);
        return ((ValidationFailedException) cause).getProblems().stream().map(Problem::key).toList();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        CallForm form = validCall();
        form.setTitle(" ");
        form.setClosesAt(form.getOpensAt().minusHours(1));
        form.getCriteria().get(0).setWeightPercent(35);
        form.getTiers().get(form.getTiers().size() - 1).setUpToAmount(new BigDecimal("500000.00"));
        form.setThemes(EnumSet.noneOf(Theme.class));
        List<String> keys = problemsOf(form).stream().map(Problem::key).toList();
        assertEquals(List.of("call.titleRequired", "call.closesBeforeOpens", "call.themeRequired",
                "call.weightsSum", "call.tierLastOpen"), keys);
    }

    @Test
    void aValidCallIsSavedAndAuditedAndSoIsEveryChange() throws Exception {
        CallForm form = validCall();
        long id = save(form);
        assertEquals(1, callsTitled(form.getTitle()));
        assertEquals(1, auditRows("CALL_CREATED", id), "creation audited");
        assertEquals(0, auditRows("CALL_CHANGED", id));

        CallForm loaded = asFundManager.call(() -> calls.load(id));
        assertEquals(form.getTitle(), loaded.getTitle());
        assertEquals(form.getOpensAt(), loaded.getOpensAt(), "Amsterdam wall time survives the round trip");
        assertEquals(form.getClosesAt(), loaded.getClosesAt());
        assertEquals(0, new BigDecimal("25000.00").compareTo(loaded.getMaxAmount()));
        assertEquals(EnumSet.of(Theme.LONELINESS, Theme.MEETING_PLACE), loaded.getThemes());
        assertEquals(List.of(40, 25, 20, 15), loaded.getCriteria().stream().map(CallForm.CriterionRow::getWeightPercent).toList());
        assertEquals(4, loaded.getTiers().size());
        assertEquals(null, loaded.getTiers().get(3).getUpToAmount(), "the last tier stays open-ended");

        loaded.setTitle(form.getTitle() + " (gewijzigd)");
        loaded.getCriteria().remove(3);
        loaded.getCriteria().get(0).setWeightPercent(55);
        loaded.setNeighbourhoodIds(List.of(directory.neighbourhoodsOf(demoFund().getMunicipality().getId()).get(0)
                .getId()));
        assertEquals(id, save(loaded), "editing keeps the call");
        assertEquals(1, auditRows("CALL_CHANGED", id), "the change is audited");
        assertEquals(1, auditRows("CALL_CREATED", id), "and still one creation");
        String before = em.createQuery("SELECT a.beforeSummary FROM AuditEntry a WHERE a.action = 'CALL_CHANGED'"
                + " AND a.subjectId = :id", String.class).setParameter("id", String.valueOf(id)).getSingleResult();
        assertTrue(before.contains("criteria=4"), before);

        CallForm reloaded = asFundManager.call(() -> calls.load(id));
        assertEquals(3, reloaded.getCriteria().size());
        assertEquals(1, reloaded.getNeighbourhoodIds().size());
        assertTrue(asFundManager.call(() -> calls.calls()).stream().anyMatch(c -> c.getId() == id), "listed");

        // A second save of the form loaded before the change would overwrite it: refused instead.
        loaded.setTitle("Verouderd venster");
        assertEquals(List.of("call.changedElsewhere"), problemsOf(loaded).stream().map(Problem::key).toList());
        assertEquals(3, asFundManager.call(() -> calls.load(id)).getCriteria().size(), "the newer change stays");
    }

    /** An application in assessment on the call with one completed review that scored every criterion. */
    private long scoredApplication(long callId) throws Exception {
        String reference = "T-" + UUID.randomUUID().toString().substring(0, 13);
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        java.time.LocalDate today = java.time.LocalDate.now();
        transaction.begin();
        try {
            Number owner = (Number) em.createNativeQuery("SELECT id FROM app_user WHERE email = ?")
                    .setParameter(1, DemoWorld.LOGINS.get(Role.ORGANISER)).getSingleResult();
            Number reviewer = (Number) em.createNativeQuery("SELECT id FROM app_user WHERE email = ?")
                    .setParameter(1, DemoWorld.LOGINS.get(Role.OFFICER)).getSingleResult();
            em.createNativeQuery("INSERT INTO application (reference, call_id, owner_id, status, org_name,"
                            + " org_legal_form, org_kvk_number, org_iban, org_account_holder, contact_name,"
                            + " contact_email, title, summary, start_date, end_date, total_costs, co_funding,"
                            + " requested_amount, created_at, updated_at, submitted_at, received_on, decision_due_on,"
                            + " intake_completed_at, version, municipality_id) VALUES (?, ?, ?, 'IN_ASSESSMENT', 'Stichting Test',"
                            + " 'FOUNDATION', '40012345', 'NL91ABNA0417164300', 'Stichting Test', 'Anna de Vries',"
                            + " 'anna@example.org', 'Gescoorde aanvraag', 'Samenvatting', ?, ?, 10000, 0, 10000,"
                            + " ?, ?, ?, ?, ?, ?, 0, " + Fixtures.MUNICIPALITY_OF_CALL + ")")
                    .setParameter(1, reference).setParameter(2, callId).setParameter(3, owner.longValue())
                    .setParameter(4, today.plusMonths(1)).setParameter(5, today.plusMonths(11))
                    .setParameter(6, now).setParameter(7, now).setParameter(8, now).setParameter(9, today)
                    .setParameter(10, today.plusWeeks(8)).setParameter(11, now).setParameter(12, callId).executeUpdate();
            long applicationId = ((Number) em.createNativeQuery("SELECT id FROM application WHERE reference = ?")
                    .setParameter(1, reference).getSingleResult()).longValue();
            em.createNativeQuery("INSERT INTO review_assignment (application_id, reviewer_id, assigned_at,"
                            + " assigned_by, conflict_of_interest, declared_at, advice, advised_amount, weighted_score,"
                            + " completed_at, version) VALUES (?, ?, ?, 'test', FALSE, ?, 'AWARD', 10000, 7.00, ?, 0)")
                    .setParameter(1, applicationId).setParameter(2, reviewer.longValue()).setParameter(3, now)
                    .setParameter(4, now).setParameter(5, now).executeUpdate();
            em.createNativeQuery("INSERT INTO review_score (assignment_id, criterion_id, score, rationale)"
                            + " SELECT r.id, c.id, 7, 'Goed onderbouwd' FROM review_assignment r, call_criterion c"
                            + " WHERE r.application_id = ? AND c.call_id = ?")
                    .setParameter(1, applicationId).setParameter(2, callId).executeUpdate();
            transaction.commit();
            return applicationId;
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
    }

    private List<Long> scoredCriterionIds(long applicationId) {
        return em.createQuery("SELECT s.criterion.id FROM ReviewScore s WHERE s.assignment.application.id = :app"
                + " ORDER BY s.criterion.id", Long.class).setParameter("app", applicationId).getResultList();
    }

    @Test
    void aCallWithScoredReviewsKeepsItsScoresAndRefusesWhatScoringFixed() throws Exception {
        long id = save(validCall());
        long application = scoredApplication(id);
        List<Long> scored = scoredCriterionIds(application);
        assertEquals(4, scored.size(), "every criterion scored");

        // Wording and everything outside the criteria may still change; the scores stay where they were.
        CallForm form = asFundManager.call(() -> calls.load(id));
        form.setTitle(form.getTitle() + " (verduidelijkt)");
        form.getCriteria().get(1).setName("Bereik in de buurt");
        form.getCriteria().get(1).setDescription("Hoeveel bewoners doen mee");
        form.setMaxAmount(new BigDecimal("30000.00"));
        assertEquals(id, save(form), "saved, not an error page");
        CallForm reloaded = asFundManager.call(() -> calls.load(id));
        assertEquals("Bereik in de buurt", reloaded.getCriteria().get(1).getName());
        assertEquals(List.of(40, 25, 20, 15), reloaded.getCriteria().stream()
                .map(CallForm.CriterionRow::getWeightPercent).toList());
        assertEquals(scored, scoredCriterionIds(application), "the scores keep their criteria");
        assertEquals(scored, reloaded.getCriteria().stream().map(CallForm.CriterionRow::getId).sorted().toList(),
                "the criteria keep their ids");
        assertEquals(1, auditRows("CALL_CHANGED", id));

        // Removing, adding or reweighting a scored criterion is refused with what cannot change, nothing saved.
        CallForm removing = asFundManager.call(() -> calls.load(id));
        removing.getCriteria().remove(3);
        removing.getCriteria().get(0).setWeightPercent(55);
        List<Problem> problems = problemsOf(removing);
        assertEquals(List.of(Problem.of("call.criterionWeightAfterScoring", "Bijdrage aan preventie", 40),
                Problem.of("call.criterionRemovedAfterScoring", "Haalbaarheid en begroting")), problems);

        CallForm adding = asFundManager.call(() -> calls.load(id));
        adding.getCriteria().get(0).setWeightPercent(30);
        adding.getCriteria().add(new CallForm.CriterionRow("Duurzaamheid", null, 10));
        assertEquals(List.of("call.criterionWeightAfterScoring", "call.criterionAddedAfterScoring"),
                problemsOf(adding).stream().map(Problem::key).toList());

        assertEquals(4, asFundManager.call(() -> calls.load(id)).getCriteria().size(), "nothing changed");
        assertEquals(scored, scoredCriterionIds(application));
        assertEquals(1, auditRows("CALL_CHANGED", id), "a refused change is not audited");
    }

    @Test
    void withoutScoresCriteriaAreEditedInPlace() throws Exception {
        long id = save(validCall());
        CallForm form = asFundManager.call(() -> calls.load(id));
        List<Long> before = form.getCriteria().stream().map(CallForm.CriterionRow::getId).toList();
        form.getCriteria().remove(0);
        form.getCriteria().get(0).setWeightPercent(55);
        form.getCriteria().add(new CallForm.CriterionRow("Duurzaamheid", null, 10));
        save(form);
        CallForm reloaded = asFundManager.call(() -> calls.load(id));
        assertEquals(before.subList(1, 4), reloaded.getCriteria().stream().map(CallForm.CriterionRow::getId).toList()
                .subList(0, 3), "the remaining criteria keep their ids and order");
        assertTrue(!before.contains(reloaded.getCriteria().get(3).getId()), "the new one is new");
        assertEquals(List.of("Bereik in de wijk", "Samenwerking met partners", "Haalbaarheid en begroting",
                "Duurzaamheid"), reloaded.getCriteria().stream().map(CallForm.CriterionRow::getName).toList());
        assertEquals(List.of(55, 20, 15, 10), reloaded.getCriteria().stream()
                .map(CallForm.CriterionRow::getWeightPercent).toList());
    }

    private long fundWithYear(int year, String budget) throws Exception {
        FundForm form = new FundForm();
        form.setName("Testfonds " + UUID.randomUUID());
        form.setTotalBudget(new BigDecimal(budget));
        form.getYears().add(new FundForm.YearRow(year, new BigDecimal(budget)));
        return asFundManager.call(() -> funds.save(form));
    }

    private BigDecimal yearBudget(long fundId, int year) {
        return new BigDecimal(em.createNativeQuery("SELECT budget FROM fund_year_budget WHERE fund_id = ?"
                + " AND budget_year = ?").setParameter(1, fundId).setParameter(2, year).getSingleResult().toString());
    }

    private static List<String> refusalKeys(Object outcome) {
        Throwable cause = outcome instanceof Throwable t ? t : null;
        while (cause != null && !(cause instanceof ValidationFailedException)) {
            cause = cause.getCause();
        }
        assertInstanceOf(ValidationFailedException.class, cause, "refused by a rule, not an error: " + outcome);
        return ((ValidationFailedException) cause).getMessageKeys();
    }

    @Test
    void aYearBudgetIsNeverLoweredBelowWhatIsCommitted() throws Exception {
        long fundId = fundWithYear(2031, "100000.00");
        try (java.sql.Connection decision = dataSource.getConnection();
             java.sql.PreparedStatement commit = decision.prepareStatement("UPDATE fund_year_budget"
                     + " SET committed = committed + 60000 WHERE fund_id = ? AND budget_year = 2031")) {
            commit.setLong(1, fundId);
            commit.executeUpdate();
        }
        FundForm lower = asFundManager.call(() -> funds.load(fundId));
        lower.getYears().get(0).setBudget(new BigDecimal("59999.99"));
        Object refused;
        try {
            refused = asFundManager.call(() -> funds.save(lower));
        } catch (Exception e) {
            refused = e;
        }
        assertEquals(List.of("fund.yearBelowCommitted"), refusalKeys(refused));
        assertEquals(0, new BigDecimal("100000.00").compareTo(yearBudget(fundId, 2031)), "nothing saved");

        FundForm exact = asFundManager.call(() -> funds.load(fundId));
        exact.getYears().get(0).setBudget(new BigDecimal("60000.00"));
        asFundManager.call(() -> funds.save(exact));
        assertEquals(0, new BigDecimal("60000.00").compareTo(yearBudget(fundId, 2031)), "down to exactly committed");
    }

    /**
     * A decision commits money while the fund manager lowers the year: the lowering waits for the decision and is
     * then refused with its message (it read the committed total before and failed on the CHECK: an error page).
     */
    @Test
    void aYearBudgetLoweredWhileADecisionCommitsIsRefusedNotAnError() throws Exception {
        long fundId = fundWithYear(2032, "100000.00");
        FundForm lower = asFundManager.call(() -> funds.load(fundId));
        lower.getYears().get(0).setBudget(new BigDecimal("50000.00"));
        try (java.sql.Connection decision = dataSource.getConnection()) {
            decision.setAutoCommit(false);
            try (java.sql.PreparedStatement commit = decision.prepareStatement("UPDATE fund_year_budget"
                    + " SET committed = committed + 60000 WHERE fund_id = ? AND budget_year = 2032")) {
                commit.setLong(1, fundId);
                commit.executeUpdate();
            }
            java.util.concurrent.Future<Object> save = executor.submit(() -> {
                try {
                    return asFundManager.call(() -> funds.save(lower));
                } catch (Exception e) {
                    return e;
                }
            });
            waitForStatementOn("fund_year_budget");
            decision.commit();
            assertEquals(List.of("fund.yearBelowCommitted"),
                    refusalKeys(save.get(120, java.util.concurrent.TimeUnit.SECONDS)));
        }
        assertEquals(0, new BigDecimal("100000.00").compareTo(yearBudget(fundId, 2032)), "nothing saved");
    }

    /** A fund with 100,000 in each of two years, and a valid call in its first year with the given budget. */
    private CallForm callInOwnFund(int year, String budget) throws Exception {
        FundForm fund = new FundForm();
        fund.setName("Testfonds " + UUID.randomUUID());
        fund.setTotalBudget(new BigDecimal("200000.00"));
        fund.getYears().add(new FundForm.YearRow(year, new BigDecimal("100000.00")));
        fund.getYears().add(new FundForm.YearRow(year + 1, new BigDecimal("100000.00")));
        long fundId = asFundManager.call(() -> funds.save(fund));
        CallForm form = validCall();
        form.setFundId(fundId);
        form.setBudgetYear(year);
        form.setBudget(budget == null ? null : new BigDecimal(budget));
        return form;
    }

    private void commitOnCall(long callId, String amount) throws Exception {
        try (java.sql.Connection decision = dataSource.getConnection();
             java.sql.PreparedStatement commit = decision.prepareStatement("UPDATE funding_call"
                     + " SET committed = committed + ? WHERE id = ?")) {
            commit.setBigDecimal(1, new BigDecimal(amount));
            commit.setLong(2, callId);
            commit.executeUpdate();
        }
    }

    private BigDecimal callBudget(long callId) {
        Object budget = em.createNativeQuery("SELECT budget FROM funding_call WHERE id = ?").setParameter(1, callId)
                .getSingleResult();
        return budget == null ? null : new BigDecimal(budget.toString());
    }

    @Test
    void aCallBudgetStaysInsideItsYearAndNeverBelowWhatItsAwardsCommitted() throws Exception {
        CallForm form = callInOwnFund(2035, "100000.01");
        assertEquals(List.of("call.budgetAboveYear"), problemsOf(form).stream().map(Problem::key).toList());
        form.setBudget(new BigDecimal("-0.01"));
        assertEquals(List.of("call.budgetNegative"), problemsOf(form).stream().map(Problem::key).toList());
        form.setBudget(new BigDecimal("100000.00"));
        long id = save(form);
        assertEquals(0, new BigDecimal("100000.00").compareTo(callBudget(id)), "exactly the year's budget");
        assertTrue(em.createQuery("SELECT a.afterSummary FROM AuditEntry a WHERE a.action = 'CALL_CREATED'"
                        + " AND a.subjectId = :id", String.class).setParameter("id", String.valueOf(id))
                .getSingleResult().contains("budget=100000.00"), "the budget is in the audit trail");

        commitOnCall(id, "40000.00");
        CallForm lower = asFundManager.call(() -> calls.load(id));
        assertEquals(0, new BigDecimal("40000.00").compareTo(lower.getCommitted()), "the form shows what is committed");
        lower.setBudget(new BigDecimal("39999.99"));
        List<Problem> below = problemsOf(lower);
        assertEquals(List.of("call.budgetBelowCommitted"), below.stream().map(Problem::key).toList());
        assertEquals(0, new BigDecimal("40000.00").compareTo((BigDecimal) below.get(0).args().get(1)));
        lower.setBudgetYear(2036);
        lower.setBudget(new BigDecimal("40000.00"));
        assertEquals(List.of("call.budgetYearAfterAwards"), problemsOf(lower).stream().map(Problem::key).toList(),
                "the money is booked on its year");
        lower.setBudgetYear(2035);
        save(lower);
        assertEquals(0, new BigDecimal("40000.00").compareTo(callBudget(id)), "down to exactly what is committed");
        assertEquals(1, auditRows("CALL_CHANGED", id));
        CallForm none = asFundManager.call(() -> calls.load(id));
        none.setBudget(null);
        save(none);
        assertEquals(null, callBudget(id), "none of its own: only the year's budget limits the call");
    }

    /**
     * A decision commits money on the call while the fund manager lowers the call's budget: the save waits for the
     * decision and is then refused with its message, not the CHECK's error.
     */
    @Test
    void aCallBudgetLoweredWhileADecisionCommitsIsRefusedNotAnError() throws Exception {
        long id = save(callInOwnFund(2037, "100000.00"));
        CallForm lower = asFundManager.call(() -> calls.load(id));
        lower.setBudget(new BigDecimal("50000.00"));
        try (java.sql.Connection decision = dataSource.getConnection()) {
            decision.setAutoCommit(false);
            try (java.sql.PreparedStatement commit = decision.prepareStatement("UPDATE funding_call"
                    + " SET committed = committed + 60000 WHERE id = ?")) {
                commit.setLong(1, id);
                commit.executeUpdate();
            }
            java.util.concurrent.Future<Object> save = executor.submit(() -> {
                try {
                    return asFundManager.call(() -> calls.save(lower));
                } catch (Exception e) {
                    return e;
                }
            });
            waitForStatementOn("funding_call");
            decision.commit();
            assertEquals(List.of("call.budgetBelowCommitted"),
                    refusalKeys(save.get(120, java.util.concurrent.TimeUnit.SECONDS)));
        }
        assertEquals(0, new BigDecimal("100000.00").compareTo(callBudget(id)), "nothing saved");
    }

    /** Until another session's statement on the table runs (waits for a lock), at most a minute. */
    private void waitForStatementOn(String table) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (java.sql.Connection watcher = dataSource.getConnection();
                 java.sql.PreparedStatement count = watcher.prepareStatement("SELECT COUNT(*) FROM"
                         + " information_schema.PROCESSLIST WHERE COMMAND = 'Query' AND ID <> CONNECTION_ID()"
                         + " AND INFO LIKE ?")) {
                count.setString(1, "%" + table + "%");
                try (java.sql.ResultSet rows = count.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
    }

    @Test
    void noOtherRoleMayChangeOrReadCallsAndFunds() throws Exception {
        CallForm form = validCall();
        for (Object runner : List.of(asOfficer, asOrganiser)) {
            Object saved = run(runner, () -> {
                try {
                    return calls.save(form);
                } catch (EJBAccessException e) {
                    return e;
                }
            });
            assertInstanceOf(EJBAccessException.class, saved, runner.getClass().getSimpleName() + " saved a call");
            Object listed = run(runner, () -> {
                try {
                    return calls.calls();
                } catch (EJBAccessException e) {
                    return e;
                }
            });
            assertInstanceOf(EJBAccessException.class, listed);
            Object fundSaved = run(runner, () -> {
                try {
                    FundForm fund = new FundForm();
                    fund.setName("Niet toegestaan");
                    fund.setTotalBudget(BigDecimal.TEN);
                    return funds.save(fund);
                } catch (EJBAccessException e) {
                    return e;
                }
            });
            assertInstanceOf(EJBAccessException.class, fundSaved);
        }
        // Without any role at all (no login) the service refuses too.
        assertThrows(EJBAccessException.class, () -> calls.save(form));
        assertEquals(0, callsTitled(form.getTitle()), "nothing saved");
    }

    private Object run(Object runner, Callable<Object> work) throws Exception {
        if (runner instanceof AsOfficer officer) {
            return officer.call(work);
        }
        return ((AsOrganiser) runner).call(work);
    }

    @Test
    @RunAsClient
    void onlyAFundManagerOpensTheFundAndCallPages() throws Exception {
        for (Role role : List.of(Role.OFFICER, Role.ORGANISER)) {
            WebSession other = new WebSession(base.toURI());
            other.login(DemoWorld.LOGINS.get(role), DemoWorld.PASSWORD);
            for (String page : List.of("admin/calls.xhtml", "admin/call.xhtml", "admin/funds.xhtml")) {
                assertEquals(403, other.get(page).statusCode(), role + " must not open " + page);
            }
        }
        WebSession anonymous = new WebSession(base.toURI());
        assertEquals(302, anonymous.get("admin/calls.xhtml").statusCode(), "anonymous visitors go to login");

        WebSession manager = new WebSession(base.toURI());
        manager.login(DemoWorld.LOGINS.get(Role.FUND_MANAGER), DemoWorld.PASSWORD);
        HttpResponse<String> list = manager.get("admin/calls.xhtml");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("id=\"menuCalls\"") && list.body().contains("id=\"menuFunds\""), "menu entries");
        // The list pages by 25, latest opening first; other tests add calls, so the demo call may
        // be on a later page: the first row must be the call that opens last.
        // Assen's calls only: other municipalities' calls (the demo's Stichtse Vecht, other tests') are not listed.
        String assens = " FROM funding_call c JOIN fund f ON f.id = c.fund_id JOIN municipality m ON m.id = f.municipality_id"
                + " WHERE m.code = 'GM0106'";
        List<List<Object>> latest = TestDatabase.query("SELECT c.id" + assens
                + " AND c.opens_at = (SELECT MAX(c.opens_at)" + assens + ")");
        assertTrue(latest.stream().anyMatch(row -> list.body().contains("call.xhtml?id=" + row.get(0) + "\"")),
                "the latest call heads the list");
        long demoCall = TestDatabase.count("SELECT MIN(id) FROM funding_call WHERE title LIKE ?",
                "%sterke sociale basis in de wijk");
        assertTrue(manager.get("admin/call.xhtml?id=" + demoCall).body().contains("sterke sociale basis in de wijk"),
                "the demo call opens");
        HttpResponse<String> editor = manager.get("admin/call.xhtml");
        assertEquals(200, editor.statusCode());
        assertTrue(editor.body().contains("Bijdrage aan preventie"), "a new call starts with the default criteria");
        HttpResponse<String> fundsPage = manager.get("admin/funds.xhtml");
        assertEquals(200, fundsPage.statusCode());
        assertTrue(fundsPage.body().contains("Preventiefonds Assen"), fundsPage.body());
        assertTrue(manager.get("admin/call.xhtml?id=999999").body().contains("id=\"callNotFound\""));
    }
}
