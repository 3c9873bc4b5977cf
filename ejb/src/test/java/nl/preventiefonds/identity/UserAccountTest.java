package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserAccountTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static UserAccount account() {
        return new UserAccount(" Anna@Example.ORG ", "Anna", "hash", Role.ORGANISER, AccountStatus.ACTIVE, NOW);
    }

    @Test
    void emailIsStoredNormalised() {
        assertEquals("anna@example.org", account().getEmail());
    }

    @Test
    void fiveFailuresInARowLockForAQuarterOfAnHour() {
        UserAccount user = account();
        for (int i = 0; i < 4; i++) {
            user.registerFailedLogin(NOW);
        }
        assertFalse(user.isLockedAt(NOW));
        user.registerFailedLogin(NOW);
        assertTrue(user.isLockedAt(NOW));
        assertTrue(user.isLockedAt(NOW.plusSeconds(14 * 60 + 59)));
        assertFalse(user.isLockedAt(NOW.plusSeconds(15 * 60)));
    }

    @Test
    void aSuccessfulLoginResetsTheCount() {
        UserAccount user = account();
        for (int i = 0; i < 4; i++) {
            user.registerFailedLogin(NOW);
        }
        user.registerSuccessfulLogin(NOW);
        user.registerFailedLogin(NOW);
        assertFalse(user.isLockedAt(NOW));
        assertEquals(NOW, user.getLastLoginAt());
    }

    @Test
    void theAuditSummaryNeverContainsThePasswordHash() {
        assertFalse(account().auditSummary().contains("hash"));
    }
}
