package nl.preventiefonds.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.platform.TooManyAttemptsException;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * "Forgot password": a single-use link by e-mail, valid for an hour. The answer to a request is the same whether or
 * not the address has an account; requests are throttled per client address and per e-mail address, so nobody
 * floods a mailbox through it.
 */
@Stateless
@PermitAll
public class PasswordReset {
    static final Duration VALIDITY = Duration.ofHours(1);
    private static final String SUBJECT = "UserAccount";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccountService accounts;

    @Inject
    private Throttle throttle;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AuditTrail audit;

    @Inject
    private Outbox outbox;

    @Inject
    private Clock clock;

    /**
     * Sends a reset link when the address belongs to an active account; otherwise nothing happens, and the caller
     * answers the same. Refused with a time to try again after too many requests from this client or for this
     * address (TooManyAttemptsException).
     */
    public void request(String email, String clientAddress, String applicationUrl) {
        TooManyAttemptsException.refuseIf(throttle.count(Throttle.Scope.RESET_ADDRESS, clientAddress));
        if (!EmailAddress.isValid(email)) {
            throw new ValidationFailedException("email.invalid");
        }
        TooManyAttemptsException.refuseIf(throttle.count(Throttle.Scope.RESET_EMAIL,
                UserAccount.normaliseEmail(email)));
        Optional<UserAccount> found = accounts.findByEmail(email);
        if (found.isEmpty() || found.get().getStatus() != AccountStatus.ACTIVE) {
            return;
        }
        UserAccount user = found.get();
        Instant now = clock.instant();
        spendEarlierLinks(user, now);
        String token = AccountService.newToken();
        em.persist(new AccountToken(user, AccountToken.Purpose.PASSWORD_RESET, AccountService.sha256(token),
                now.plus(VALIDITY)));
        outbox.queue(user.getEmail(), user.getPreferredLocale(), "password-reset", user.getDisplayName(),
                applicationUrl + "/reset-password.xhtml?token=" + token);
        audit.recordAs(AuditTrail.ANONYMOUS, "PASSWORD_RESET_REQUESTED", SUBJECT, user.getId(), null, null);
    }

    /** Whether the link may still be used: known, not used, not expired, for an account that may log in. */
    public boolean isUsable(String token) {
        return AccountToken.findUsable(em, token, AccountToken.Purpose.PASSWORD_RESET, clock.instant())
                .filter(t -> t.getUser().getStatus() == AccountStatus.ACTIVE).isPresent();
    }

    /**
     * Sets the new password and spends the link. Sessions logged in before now end at their next request, a lock
     * from guessing is lifted, and the owner gets a mail that it happened. A second factor stays as it is.
     */
    public void reset(String token, String newPassword) {
        AccountToken link = AccountToken.findUsable(em, token, AccountToken.Purpose.PASSWORD_RESET, clock.instant())
                .filter(t -> t.getUser().getStatus() == AccountStatus.ACTIVE)
                .orElseThrow(() -> new ValidationFailedException("reset.invalid"));
        UserAccount user = link.getUser();
        List<String> problems = PasswordPolicy.violations(newPassword, user.getEmail());
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        Instant now = clock.instant();
        spendEarlierLinks(user, now);
        user.resetPassword(hasher.hash(newPassword), now);
        outbox.queue(user.getEmail(), user.getPreferredLocale(), "password-reset-done", user.getDisplayName());
        audit.recordAs(user.getEmail(), "PASSWORD_RESET", SUBJECT, user.getId(), null, null);
    }

    /** Only the newest link works: a new request or a reset spends every earlier one. */
    private void spendEarlierLinks(UserAccount user, Instant now) {
        em.createQuery("SELECT t FROM AccountToken t WHERE t.user = :user AND t.purpose = :purpose"
                        + " AND t.usedAt IS NULL", AccountToken.class)
                .setParameter("user", user).setParameter("purpose", AccountToken.Purpose.PASSWORD_RESET)
                .getResultList().forEach(t -> t.markUsed(now));
    }
}
