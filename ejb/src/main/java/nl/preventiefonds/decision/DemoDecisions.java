package nl.preventiefonds.decision;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.application.IssuedDocument;
import nl.preventiefonds.calendar.StatutoryCalendar;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.municipality.MunicipalityLogo;
import nl.preventiefonds.platform.Amsterdam;

/** An award taken in the past, for the demo world only (never production): decision, letter and commitment. */
public final class DemoDecisions {
    private DemoDecisions() {
    }

    public static GrantDecision award(EntityManager em, Application application, String decidedBy, Instant decidedAt,
                                      int advancePercent) {
        FundingCall call = application.getCall();
        LocalDate decidedOn = LocalDate.ofInstant(decidedAt, Amsterdam.ZONE);
        BigDecimal amount = application.getRequestedAmount();
        ReportKind kind = call.reportRequiredFor(amount).orElse(ReportKind.ACTIVITY_REPORT);
        LocalDate reportDue = kind == ReportKind.NONE ? null
                : application.getEndDate().plusWeeks(DecisionService.REPORT_WEEKS_AFTER_END);
        GrantDecision decision = new GrantDecision(application, call.getFund(), call.getBudgetYear(),
                DecisionOutcome.AWARD, amount, "Het initiatief past goed bij de doelen van het fonds.",
                "Vermeld de steun van de gemeente in uw communicatie.", advancePercent, kind, reportDue, decidedAt,
                decidedOn, decidedBy, ObjectionTerms.objectionDeadline(decidedOn, StatutoryCalendar.read(em)));
        decision.addTranche("Voorschot", decidedOn.plusDays(DecisionService.ADVANCE_DUE_DAYS),
                DecisionRules.advance(amount, advancePercent));
        em.createNativeQuery("UPDATE fund_year_budget SET committed = committed + ? WHERE fund_id = ?"
                + " AND budget_year = ?").setParameter(1, amount).setParameter(2, call.getFund().getId())
                .setParameter(3, call.getBudgetYear()).executeUpdate();
        em.createNativeQuery("UPDATE funding_call SET committed = committed + ? WHERE id = ?")
                .setParameter(1, amount).setParameter(2, call.getId()).executeUpdate();
        em.persist(decision);
        application.decided(ApplicationStatus.AWARDED, decidedAt);
        IssuedDocument letter = new IssuedDocument(application, IssuedDocument.Kind.DECISION_LETTER,
                DecisionLetter.filename(application.getReference()), decidedAt,
                DecisionLetter.render(DecisionService.letterData(application, decision, "Henk Jansen"),
                        MunicipalityLogo.letterhead(em, call.getFund().getMunicipality())));
        em.persist(letter);
        decision.attachLetter(letter);
        return decision;
    }
}
