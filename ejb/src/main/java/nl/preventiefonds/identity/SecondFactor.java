package nl.preventiefonds.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The second factor of staff: a TOTP authenticator app (RFC 6238), with single-use recovery codes. Required for
 * decision makers, fund managers and installation administrators, optional for officers. A code is accepted once
 * (never again within its window), and a wrong code counts toward the account's lock like a wrong password.
 */
@Stateless
public class SecondFactor {
    static final String ISSUER = "Preventiefonds";
    private static final String SUBJECT = "UserAccount";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** What the enrolment page shows of the caller's second factor. */
    public record Status(boolean enrolled, boolean required, boolean waived, long recoveryCodesLeft) {
        // Bean-style names as well: Jakarta EL 5 (Jakarta EE 10) does not read record components.
        public boolean isEnrolled() {
            return enrolled;
        }

        public boolean isRequired() {
            return required;
        }

        public boolean isWaived() {
            return waived;
        }

        public long getRecoveryCodesLeft() {
            return recoveryCodesLeft;
        }
    }

    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER,
            RoleNames.INSTALLATION_ADMIN})
    public Status status() {
        UserAccount user = self();
        return new Status(user.hasSecondFactor(), user.requiresSecondFactor(), user.isSecondFactorWaived(),
                recoveryCodesLeft(user));
    }

    /** The otpauth URI for a new secret, for the caller's own account: what the QR code carries. */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER,
            RoleNames.INSTALLATION_ADMIN})
    public String otpauthUri(String secret) {
        return TotpCodes.otpauthUri(ISSUER, self().getEmail(), secret);
    }

    /**
     * Enrols the caller with the secret their app was given, once a code of it proves the app has it. Returns the
     * ten recovery codes, shown this once; the secret is never shown again.
     */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER,
            RoleNames.INSTALLATION_ADMIN})
    public List<String> enrol(String secret, String code) {
        UserAccount user = self();
        em.lock(user, LockModeType.PESSIMISTIC_WRITE);
        if (user.hasSecondFactor()) {
            throw new ValidationFailedException("secondFactor.alreadyEnrolled");
        }
        if (secret == null || !secret.matches("[A-Z2-7]{32}")) {
            throw new ValidationFailedException("secondFactor.codeWrong");
        }
        OptionalLong step = TotpCodes.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            throw new ValidationFailedException("secondFactor.codeWrong");
        }
        user.enrolSecondFactor(secret, step.getAsLong(), clock.instant());
        List<String> codes = replaceRecoveryCodes(user);
        audit.recordAs(user.getEmail(), "SECOND_FACTOR_ENROLLED", SUBJECT, user.getId(), null, null);
        return codes;
    }

    /** New recovery codes for the caller (the old ones stop working), proven with a current code. */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER,
            RoleNames.INSTALLATION_ADMIN})
    public List<String> renewRecoveryCodes(String code) {
        UserAccount user = self();
        em.lock(user, LockModeType.PESSIMISTIC_WRITE);
        if (!user.hasSecondFactor() || !acceptCode(user, code)) {
            throw new ValidationFailedException("secondFactor.codeWrong");
        }
        List<String> codes = replaceRecoveryCodes(user);
        audit.recordAs(user.getEmail(), "RECOVERY_CODES_RENEWED", SUBJECT, user.getId(), null, null);
        return codes;
    }

    /** An officer (for whom it is optional) stops using a second factor, proven with a current code. */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER,
            RoleNames.INSTALLATION_ADMIN})
    public void remove(String code) {
        UserAccount user = self();
        em.lock(user, LockModeType.PESSIMISTIC_WRITE);
        if (user.requiresSecondFactor()) {
            throw new ValidationFailedException("secondFactor.required");
        }
        if (!user.hasSecondFactor() || !acceptCode(user, code)) {
            throw new ValidationFailedException("secondFactor.codeWrong");
        }
        user.removeSecondFactor();
        deleteRecoveryCodes(user);
        audit.recordAs(user.getEmail(), "SECOND_FACTOR_REMOVED", SUBJECT, user.getId(), null, null);
    }

    /**
     * The second step of a login whose password was right (the web layer keeps that in the session, for a few
     * minutes): true when the code (or an unused recovery code) is right. A wrong one counts toward the lock; a
     * locked account is refused whatever the code.
     */
    @PermitAll
    public boolean verifyLogin(String email, String code) {
        Instant now = clock.instant();
        Optional<UserAccount> found = em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :email",
                        UserAccount.class).setParameter("email", UserAccount.normaliseEmail(email))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
        if (found.isEmpty() || !found.get().hasSecondFactor() || found.get().getStatus() != AccountStatus.ACTIVE) {
            return false;
        }
        UserAccount user = found.get();
        if (user.isLockedAt(now)) {
            return false;
        }
        if (acceptCode(user, code)) {
            user.registerSuccessfulLogin(now);
            audit.recordAs(user.getEmail(), "LOGIN", SUBJECT, user.getId(), null, null);
            return true;
        }
        if (useRecoveryCode(user, code, now)) {
            user.registerSuccessfulLogin(now);
            audit.recordAs(user.getEmail(), "LOGIN_WITH_RECOVERY_CODE", SUBJECT, user.getId(), null, null);
            return true;
        }
        user.registerFailedLogin(now);
        audit.recordAs(user.getEmail(), user.isLockedAt(now) ? "ACCOUNT_LOCKED" : "SECOND_FACTOR_FAILED", SUBJECT,
                user.getId(), null, null);
        return false;
    }

    private boolean acceptCode(UserAccount user, String code) {
        OptionalLong step = TotpCodes.matchingStep(user.getTotpSecret(), code, clock.instant());
        return step.isPresent() && user.acceptStep(step.getAsLong());
    }

    private boolean useRecoveryCode(UserAccount user, String typed, Instant now) {
        String normalised = TotpCodes.normaliseRecoveryCode(typed);
        if (!normalised.matches("[a-z0-9]{5}-[a-z0-9]{5}")) {
            return false;
        }
        Optional<RecoveryCode> code = em.createQuery("SELECT c FROM RecoveryCode c WHERE c.user = :user"
                        + " AND c.codeHash = :hash AND c.usedAt IS NULL", RecoveryCode.class)
                .setParameter("user", user).setParameter("hash", AccountService.sha256(normalised))
                .getResultStream().findFirst();
        code.ifPresent(c -> c.markUsed(now));
        return code.isPresent();
    }

    private List<String> replaceRecoveryCodes(UserAccount user) {
        deleteRecoveryCodes(user);
        List<String> codes = TotpCodes.newRecoveryCodes();
        for (String code : codes) {
            em.persist(new RecoveryCode(user, AccountService.sha256(code)));
        }
        return codes;
    }

    private void deleteRecoveryCodes(UserAccount user) {
        em.createQuery("DELETE FROM RecoveryCode c WHERE c.user = :user").setParameter("user", user).executeUpdate();
    }

    private long recoveryCodesLeft(UserAccount user) {
        return em.createQuery("SELECT COUNT(c) FROM RecoveryCode c WHERE c.user = :user AND c.usedAt IS NULL",
                Long.class).setParameter("user", user).getSingleResult();
    }

    private UserAccount self() {
        Caller caller = access.caller();
        UserAccount user = caller.userId() == null ? null : em.find(UserAccount.class, caller.userId());
        if (user == null) {
            throw new AccessDeniedException("no account for the caller");
        }
        return user;
    }
}
