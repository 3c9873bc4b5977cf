package nl.preventiefonds.assessment;

import java.io.Serializable;

/** A review the officer still owes, as the start page lists it: read as a projection, no entities. */
public final class OpenReview implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long applicationId;
    private final String reference;
    private final String title;
    private final boolean declared;

    /** {@code conflictOfInterest} is null until the reviewer declared whether there is one. */
    public OpenReview(long applicationId, String reference, String title, Boolean conflictOfInterest) {
        this.applicationId = applicationId;
        this.reference = reference;
        this.title = title;
        this.declared = conflictOfInterest != null;
    }

    public long getApplicationId() {
        return applicationId;
    }

    public String getReference() {
        return reference;
    }

    public String getTitle() {
        return title;
    }

    /** Whether the reviewer declared (no) conflict of interest, so only the scores are left. */
    public boolean isDeclared() {
        return declared;
    }
}
