package nl.preventiefonds.monitoring;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.partner.PartnerOrganisation;

/** The report requests of a demo award, for the demo world only (never production). */
public final class DemoReports {
    private DemoReports() {
    }

    public static void schedule(EntityManager em, GrantDecision decision, Instant now) {
        Application application = decision.getApplication();
        List<PartnerOrganisation> partners = application.sortedPartners();
        for (ReportSchedule.Planned planned : ReportSchedule.plan(decision.getReportKind(), application.getStartDate(),
                application.getEndDate(), decision.getReportDueOn(), partners.stream().map(PartnerOrganisation::getId)
                        .toList(), decision.getDecidedOn())) {
            em.persist(new ReportRequest(application, decision, planned.partnerId() == null ? null
                    : partners.stream().filter(p -> p.getId().equals(planned.partnerId())).findFirst().orElseThrow(),
                    planned.purpose(), decision.getReportKind(), planned.dueOn(), now));
        }
    }
}
