package nl.preventiefonds.notification;

/** Where a mail in the outbox is: waiting for its first attempt, retrying after failures, sent, or given up. */
public enum MailState {
    WAITING, RETRYING, SENT, FAILED
}
