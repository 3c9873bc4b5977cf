package nl.preventiefonds.system;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;
import nl.preventiefonds.platform.RoleNames;

/**
 * In-container tests only: runs work with the role ORGANISER (EJB run-as), so the services'
 * own @RolesAllowed checks are what is tested. No transaction of its own: every service call
 * inside runs in its own transaction, as it does when a page calls it.
 */
@Stateless
@PermitAll
@RunAs(RoleNames.ORGANISER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AsOrganiser {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
