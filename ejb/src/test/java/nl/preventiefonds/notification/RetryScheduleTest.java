package nl.preventiefonds.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final Instant QUEUED = Instant.parse("2026-03-06T17:00:00Z");

    @Test
    void thePauseDoublesFromThirtySecondsToAtMostAnHour() {
        assertEquals(Duration.ofSeconds(30), RetrySchedule.delayAfter(1));
        assertEquals(Duration.ofMinutes(1), RetrySchedule.delayAfter(2));
        assertEquals(Duration.ofMinutes(2), RetrySchedule.delayAfter(3));
        assertEquals(Duration.ofMinutes(32), RetrySchedule.delayAfter(7));
        assertEquals(Duration.ofHours(1), RetrySchedule.delayAfter(8), "64 minutes is capped");
        assertEquals(Duration.ofHours(1), RetrySchedule.delayAfter(500), "no overflow after many attempts");
    }

    /** A mail whose every attempt fails, attempted exactly when due: when it is given up, and how often it was tried. */
    @Test
    void aMailThatKeepsFailingIsTriedForSeventyTwoHoursAndThenFailed() {
        OutboundMail mail = new OutboundMail("bewoner@example.org", "Onderwerp", "Tekst", QUEUED, "<id@test>", null);
        List<Instant> attempts = new ArrayList<>();
        Instant now = QUEUED;
        while (mail.getState() != MailState.FAILED) {
            assertFalse(mail.getNextAttemptAt().isAfter(now));
            attempts.add(now);
            mail.markAttemptFailed(now, "Connection refused", false);
            if (mail.getNextAttemptAt() != null) {
                assertTrue(mail.getNextAttemptAt().isAfter(now), "always a pause before the next attempt");
                now = mail.getNextAttemptAt();
            }
            assertTrue(attempts.size() < 1000, "the retries end");
        }
        Instant last = attempts.get(attempts.size() - 1);
        assertEquals(QUEUED.plus(Duration.ofHours(72)), last, "the last attempt is exactly 72 hours after queueing");
        assertEquals(last, mail.getFailedAt());
        assertNull(mail.getNextAttemptAt());
        assertNull(mail.getSentAt(), "failed, never pretended sent");
        assertEquals(attempts.size(), mail.getAttempts());
        // 30 s, 1, 2, 4, 8, 16, 32 min (63.5 min), then hourly to the deadline: 1 + 7 + 70 + 1 attempts.
        assertEquals(79, attempts.size());
        for (int i = 1; i < attempts.size(); i++) {
            Duration pause = Duration.between(attempts.get(i - 1), attempts.get(i));
            assertTrue(pause.compareTo(Duration.ofHours(1)) <= 0, "never more than an hour between attempts: " + pause);
        }
    }

    @Test
    void aPermanentFailureIsFailedAtOnce() {
        OutboundMail mail = new OutboundMail("bestaat-niet@example.org", "Onderwerp", "Tekst", QUEUED, "<id@test>", 7L);
        mail.markAttemptFailed(QUEUED, "550 5.1.1 User unknown", true);
        assertEquals(MailState.FAILED, mail.getState());
        assertEquals(1, mail.getAttempts());
        assertEquals("550 5.1.1 User unknown", mail.getLastError());
        assertNull(mail.getNextAttemptAt());
    }

    @Test
    void aTemporaryFailureRetriesAndASuccessEndsIt() {
        OutboundMail mail = new OutboundMail("bewoner@example.org", "Onderwerp", "Tekst", QUEUED, "<id@test>", null);
        assertEquals(MailState.WAITING, mail.getState());
        assertEquals(QUEUED, mail.getNextAttemptAt(), "due at once");
        mail.markAttemptFailed(QUEUED, "421 try again later", false);
        assertEquals(MailState.RETRYING, mail.getState());
        assertEquals(QUEUED.plusSeconds(30), mail.getNextAttemptAt());
        mail.markSent(QUEUED.plusSeconds(31));
        assertEquals(MailState.SENT, mail.getState());
        assertEquals(2, mail.getAttempts());
        assertNull(mail.getLastError());
        assertNull(mail.getNextAttemptAt(), "a sent mail is never due again");
    }

    @Test
    void aResendGivesAFailedMailANewWindow() {
        OutboundMail mail = new OutboundMail("bewoner@example.org", "Onderwerp", "Tekst", QUEUED, "<id@test>", null);
        mail.markAttemptFailed(QUEUED, "550 mailbox unavailable", true);
        Instant later = QUEUED.plus(Duration.ofDays(5));
        mail.resend(later);
        assertEquals(MailState.WAITING, mail.getState());
        assertEquals(later, mail.getNextAttemptAt());
        assertEquals(later.plus(Duration.ofHours(72)), mail.getRetryUntil());
        assertEquals(0, mail.getAttempts());
        assertEquals("<id@test>", mail.getMessageId(), "the same Message-ID, so copies are recognisable");
    }
}
