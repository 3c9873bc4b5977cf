package nl.preventiefonds.identity;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Per-object authorisation for services: call one of the require-methods before returning or
 * changing an object. Denials throw AccessDeniedException, which rolls the transaction back.
 */
@Stateless
public class AccessPolicy {

    @Resource
    private SessionContext session;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @PersistenceContext
    private EntityManager em;

    /**
     * Who is asking, read once per transaction and principal: a page read that asks several services in one
     * transaction (the application page's case file) asks the database once.
     */
    public Caller caller() {
        Principal principal = session.getCallerPrincipal();
        if (principal == null) {
            return Caller.ANONYMOUS;
        }
        String key = Caller.class.getName() + ":" + principal.getName();
        boolean inTransaction = transactions.getTransactionKey() != null;
        if (inTransaction && transactions.getResource(key) instanceof Caller known) {
            return known;
        }
        Caller caller = read(principal);
        if (inTransaction) {
            transactions.putResource(key, caller);
        }
        return caller;
    }

    private Caller read(Principal principal) {
        // Every service call asks this: the five values only, no account entity (with its password hash) to build.
        List<Caller> found = em.createQuery("SELECT NEW nl.preventiefonds.identity.Caller(u.id, u.email, u.role, p.id,"
                        + " m.id) FROM UserAccount u LEFT JOIN u.partner p LEFT JOIN u.municipality m"
                        + " WHERE u.email = :email AND u.status = :active",
                        Caller.class)
                .setParameter("email", UserAccount.normaliseEmail(principal.getName()))
                .setParameter("active", AccountStatus.ACTIVE)
                .getResultList();
        return found.isEmpty() ? Caller.ANONYMOUS : found.get(0);
    }

    public Caller requireAnyRole(Role... roles) {
        Caller caller = caller();
        if (!AccessRules.hasAnyRole(caller, roles)) {
            throw new AccessDeniedException("role required: " + List.of(roles));
        }
        return caller;
    }

    /**
     * A member of staff in one of these roles, with the municipality they work for: the tenant every read and
     * change of theirs is scoped to. Staff without a municipality may do nothing municipal.
     */
    public Caller requireMunicipalStaff(Role... roles) {
        Caller caller = requireAnyRole(roles);
        if (caller.municipalityId() == null) {
            throw new AccessDeniedException("works for no municipality");
        }
        return caller;
    }

    /**
     * A member of staff in one of these roles who works for the municipality the object belongs to. Staff of
     * another municipality are answered with {@code notFoundKey}, exactly as for an object that does not exist, so
     * nothing about another municipality's objects can be inferred.
     */
    public Caller requireStaffOf(Long municipalityId, String notFoundKey, Role... roles) {
        Caller caller = requireAnyRole(roles);
        requireOwnMunicipality(caller, municipalityId, notFoundKey);
        return caller;
    }

    /**
     * Staff of another municipality (or of none) are answered with {@code notFoundKey}, as for an object that does
     * not exist; organisers, partners and the public pass (their own per-object rules apply).
     */
    public static void requireOwnMunicipality(Caller caller, Long municipalityId, String notFoundKey) {
        if (AccessRules.isOtherMunicipalitysStaff(caller, municipalityId)) {
            throw new ValidationFailedException(notFoundKey);
        }
    }

    public Caller requireMayView(Long ownerUserId, Collection<Long> involvedPartnerIds, Long municipalityId) {
        Caller caller = caller();
        if (!AccessRules.mayView(caller, ownerUserId, involvedPartnerIds, municipalityId)) {
            throw new AccessDeniedException("not allowed to view this object");
        }
        return caller;
    }

    public Caller requireOwner(Long ownerUserId) {
        Caller caller = caller();
        if (!AccessRules.mayEditAsOwner(caller, ownerUserId)) {
            throw new AccessDeniedException("only the owner may change this object");
        }
        return caller;
    }
}
