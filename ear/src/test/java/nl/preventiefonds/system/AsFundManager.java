package nl.preventiefonds.system;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;
import nl.preventiefonds.platform.RoleNames;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * In-container tests only: runs work with the role FUND_MANAGER (EJB run-as) as the demo world's fund manager of
 * Assen (run-as principal, so the services scope to that account's municipality), so the services'
 * own @RolesAllowed checks are what is tested. No transaction of its own: every service call
 * inside runs in its own transaction, as it does when a page calls it.
 */
@Stateless
@PermitAll
@RunAs(RoleNames.FUND_MANAGER)
@RunAsPrincipal("beheerder@demo.preventiefonds.nl")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AsFundManager {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
