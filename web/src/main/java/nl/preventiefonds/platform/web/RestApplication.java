package nl.preventiefonds.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The JSON API under /api; the same services and per-object checks as the pages.
 * <p>
 * The resources and providers are listed, not scanned: WildFly's scanning also sees the EAR's lib jars, and the
 * EclipseLink jar there carries JPA-RS, a generic REST service over every entity (and MOXy's JSON provider). Listed,
 * nothing but our own code answers under /api. {@code RestApplicationTest} fails when a class of ours is missing.
 */
@ApplicationPath("api")
public class RestApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                nl.preventiefonds.application.web.ApplicationResource.class,
                nl.preventiefonds.application.web.AttachmentResource.class,
                nl.preventiefonds.application.web.CallApplicationResource.class,
                nl.preventiefonds.application.web.QuarantineResource.class,
                nl.preventiefonds.assessment.web.ApplicationReviewResource.class,
                nl.preventiefonds.assessment.web.RankingResource.class,
                nl.preventiefonds.assessment.web.ReviewResource.class,
                nl.preventiefonds.assessment.web.ReviewerAssignmentResource.class,
                nl.preventiefonds.calendar.web.EquatedDayResource.class,
                nl.preventiefonds.call.web.CallBudgetResource.class,
                nl.preventiefonds.call.web.CallResource.class,
                nl.preventiefonds.decision.web.AwardResource.class,
                nl.preventiefonds.decision.web.ApplicationDecisionResource.class,
                nl.preventiefonds.decision.web.DecisionResource.class,
                nl.preventiefonds.decision.web.ObjectionResource.class,
                nl.preventiefonds.determination.web.DeterminationResource.class,
                nl.preventiefonds.fund.web.MunicipalityLogoResource.class,
                nl.preventiefonds.fund.web.MunicipalityProfileResource.class,
                nl.preventiefonds.fund.web.FundResource.class,
                nl.preventiefonds.fund.web.NeighbourhoodResource.class,
                nl.preventiefonds.identity.web.MunicipalityResource.class,
                nl.preventiefonds.identity.web.PartnerResource.class,
                nl.preventiefonds.organisation.web.OrganisationResource.class,
                nl.preventiefonds.organisation.web.MyOrganisationResource.class,
                nl.preventiefonds.identity.web.UserResource.class,
                nl.preventiefonds.impact.web.ImpactResource.class,
                nl.preventiefonds.impact.web.IndicatorResource.class,
                nl.preventiefonds.impact.web.IndicatorDefinitionResource.class,
                nl.preventiefonds.monitoring.web.ApplicationReportsResource.class,
                nl.preventiefonds.monitoring.web.DeadlineResource.class,
                nl.preventiefonds.monitoring.web.PartnerUploadResource.class,
                nl.preventiefonds.monitoring.web.ReminderResource.class,
                nl.preventiefonds.monitoring.web.ReportRequestResource.class,
                nl.preventiefonds.monitoring.web.ReportResource.class,
                nl.preventiefonds.notification.web.TestMailDeliveryResource.class,
                nl.preventiefonds.opendata.web.OpenDataResource.class,
                nl.preventiefonds.payment.web.PaymentResource.class,
                nl.preventiefonds.payment.web.ReclaimResource.class,
                nl.preventiefonds.privacy.web.AccountPrivacyResource.class,
                nl.preventiefonds.privacy.web.AnonymisationResource.class,
                nl.preventiefonds.privacy.web.PersonalDataResource.class,
                TestClockResource.class,
                OpenApiResource.class,
                ApiAuthenticationFilter.class,
                ApiCsrfFilter.class,
                ApiBodyLimit.class,
                NoStore.Filter.class,
                ExactJson.JsonbResolver.class,
                ApiVersion.class,
                PaginationLinks.class,
                ProblemResponses.ValidationMapper.class,
                ProblemResponses.ConstraintMapper.class,
                ProblemResponses.AccessDeniedMapper.class,
                ProblemResponses.UnexpectedMapper.class,
                ProblemResponses.EjbAccessMapper.class);
    }
}
