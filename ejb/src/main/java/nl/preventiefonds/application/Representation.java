package nl.preventiefonds.application;

import java.util.List;

/**
 * Who acts for which organisation (KvK number), as the organisation registry keeps it (nl.preventiefonds.organisation
 * implements this). An active representative shares the organisation's applications: sees them all and edits its
 * drafts; the author of an application keeps access whatever the registry says.
 */
public interface Representation {
    /** Whether the account acts for the organisation now (an active, unrevoked representation). */
    boolean actsFor(long userId, String kvkNumber);

    /** The KvK numbers the account acts for now. */
    List<String> organisationsOf(long userId);
}
