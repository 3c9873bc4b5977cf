package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.UUID;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.identity.NewAccount;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.ValidationFailedException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs inside WildFly, against the EAR's own services and the MariaDB test database. */
@ExtendWith(ArquillianExtension.class)
class AuditAtomicityIT {

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.builtEarWithTestClasses(AuditAtomicityIT.class);
    }

    @EJB
    private AccountService accounts;

    @EJB
    private AuditTrail audit;

    @Inject
    private UserTransaction transaction;

    @PersistenceContext(unitName = "preventiefonds")
    private EntityManager em;

    /** The demo world's municipality, which the staff created here work for. */
    private long assen() {
        return em.createQuery("SELECT m.id FROM Municipality m WHERE m.code = 'GM0106'", Long.class).getSingleResult();
    }

    private long auditRowsFor(String email) {
        return em.createQuery("SELECT COUNT(a) FROM AuditEntry a WHERE a.afterSummary LIKE :email", Long.class)
                .setParameter("email", "%" + email + "%").getSingleResult();
    }

    private long accountsWith(String email) {
        return em.createQuery("SELECT COUNT(u) FROM UserAccount u WHERE u.email = :email", Long.class)
                .setParameter("email", email).getSingleResult();
    }

    @Test
    void aCommittedChangeHasExactlyOneAuditRow() throws Exception {
        String email = "committed-" + UUID.randomUUID() + "@example.org";
        transaction.begin();
        accounts.provisionAtStartup(new NewAccount(email, "Vastgelegd", Role.OFFICER, null, "Een lang wachtwoord"),
                assen());
        transaction.commit();
        assertEquals(1, accountsWith(email));
        assertEquals(1, auditRowsFor(email));
    }

    @Test
    void aChangeThatFailsAfterItsAuditRowWasWrittenLeavesNoAuditRow() throws Exception {
        String email = "rolled-back-" + UUID.randomUUID() + "@example.org";
        transaction.begin();
        try {
            accounts.provisionAtStartup(new NewAccount(email, "Teruggedraaid", Role.OFFICER, null,
                    "Een lang wachtwoord"), assen());
            assertEquals(1, auditRowsFor(email), "inside the transaction the audit row is there");
            // The same address again breaks a rule later in the same unit of work.
            assertThrows(ValidationFailedException.class, () -> accounts.provisionAtStartup(
                    new NewAccount(email, "Dubbel", Role.OFFICER, null, "Een lang wachtwoord"), assen()));
        } finally {
            transaction.rollback();
        }
        assertEquals(0, accountsWith(email), "the change is gone");
        assertEquals(0, auditRowsFor(email), "and so is its audit row");
    }

    @Test
    void theAuditTrailRefusesToWriteOutsideATransaction() {
        assertThrows(EJBTransactionRequiredException.class,
                () -> audit.recordAs("test", "NOTHING", "Nothing", 1, null, null));
    }

    @Test
    void onlyAFundManagerMayCreateAccountsWhateverTheCallerBypasses() {
        // No login here: the service itself refuses, not only the page.
        assertThrows(EJBAccessException.class, () -> accounts.createAccount(
                new NewAccount("x-" + UUID.randomUUID() + "@example.org", "X", Role.OFFICER, null,
                        "Een lang wachtwoord"), "http://localhost"));
        assertThrows(EJBAccessException.class, () -> accounts.accounts(0, 10));
    }

    @Test
    void passwordsAreStoredAsSaltedPbkdf2Hashes() throws Exception {
        String email = "hash-" + UUID.randomUUID() + "@example.org";
        String other = "hash-" + UUID.randomUUID() + "@example.org";
        transaction.begin();
        accounts.provisionAtStartup(new NewAccount(email, "Hash Een", Role.OFFICER, null, "Hetzelfde wachtwoord"),
                assen());
        accounts.provisionAtStartup(new NewAccount(other, "Hash Twee", Role.OFFICER, null, "Hetzelfde wachtwoord"),
                assen());
        transaction.commit();
        String first = (String) em.createNativeQuery("SELECT password_hash FROM app_user WHERE email = ?")
                .setParameter(1, email).getSingleResult();
        String second = (String) em.createNativeQuery("SELECT password_hash FROM app_user WHERE email = ?")
                .setParameter(1, other).getSingleResult();
        assertTrue(first.startsWith("PBKDF2WithHmacSHA512:210000:"), first.substring(0, 30));
        assertTrue(!first.equals(second), "same password, different salt, different hash");
        assertTrue(accounts.authenticate(email, "Hetzelfde wachtwoord").isPresent());
    }
}
