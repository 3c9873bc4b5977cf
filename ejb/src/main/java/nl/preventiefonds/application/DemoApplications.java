package nl.preventiefonds.application;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.calendar.StatutoryCalendar;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.partner.PartnerOrganisation;
import nl.preventiefonds.platform.Amsterdam;

/** Puts demo applications in a given state directly, for the demo world only (never production). */
public final class DemoApplications {
    private DemoApplications() {
    }

    public static Application seed(EntityManager em, FundingCall call, UserAccount owner, ApplicationForm form,
                                   List<Neighbourhood> neighbourhoods, List<PartnerOrganisation> partners,
                                   ApplicationStatus target, Instant submittedAt) {
        Application application = new Application(call, owner, submittedAt);
        em.persist(application);
        em.flush();
        application.assignReference(LocalDate.ofInstant(submittedAt, Amsterdam.ZONE).getYear());
        application.apply(form, neighbourhoods, partners, submittedAt);
        if (target == ApplicationStatus.DRAFT) {
            return application;
        }
        LocalDate receivedOn = LocalDate.ofInstant(submittedAt, Amsterdam.ZONE);
        application.markSubmitted(submittedAt, receivedOn);
        application.setDecisionDueOn(DecisionTerm.dueDate(receivedOn, call.getDecisionTermWeeks(), List.of(),
                receivedOn, StatutoryCalendar.read(em)));
        em.persist(new IssuedDocument(application, IssuedDocument.Kind.RECEIPT, ReceiptLetter.filename(application),
                submittedAt, ReceiptLetter.render(application, List.of(), submittedAt, application.getDecisionDueOn())));
        Instant later = submittedAt.plusSeconds(3 * 24 * 3600);
        switch (target) {
            case INFORMATION_REQUESTED -> {
                LocalDate requestedOn = LocalDate.ofInstant(later, Amsterdam.ZONE);
                em.persist(new InformationRequest(application, later, requestedOn, "adviseur@demo.preventiefonds.nl",
                        "Wilt u een offerte meesturen voor de huur van de ruimte, en aangeven welke vrijwilligers"
                                + " de activiteiten begeleiden?", requestedOn.plusWeeks(3)));
                application.requestInformation(later);
            }
            case IN_ASSESSMENT -> application.completeIntake(later);
            case WITHDRAWN -> application.withdraw("Wij hebben ander geld gevonden voor dit initiatief.", later);
            default -> {
            }
        }
        return application;
    }
}
