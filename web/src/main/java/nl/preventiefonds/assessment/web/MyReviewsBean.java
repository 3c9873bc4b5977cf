package nl.preventiefonds.assessment.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import nl.preventiefonds.assessment.AssessmentService;
import nl.preventiefonds.assessment.OpenReview;

/** The logged-in officer's or decision maker's open reviews, for the start page. */
@Named("myReviews")
@RequestScoped
public class MyReviewsBean {
    @Inject
    private AssessmentService assessment;

    private List<OpenReview> open;

    public List<OpenReview> getOpen() {
        if (open == null) {
            open = assessment.myOpenReviews();
        }
        return open;
    }
}
