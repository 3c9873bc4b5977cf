package nl.preventiefonds.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpFailuresTest {

    /** Shaped like the provider's SMTPSendFailedException / SMTPAddressFailedException: a public getReturnCode(). */
    public static class ReplyException extends SendFailedException {
        private static final long serialVersionUID = 1L;
        private final int code;

        public ReplyException(int code, String text) {
            super(code + " " + text);
            this.code = code;
        }

        public int getReturnCode() {
            return code;
        }
    }

    @Test
    void fiveHundredRepliesArePermanent() {
        assertTrue(SmtpFailures.isPermanent(new ReplyException(550, "5.1.1 User unknown")));
        MessagingException wrapped = new SendFailedException("Invalid Addresses");
        wrapped.setNextException(new ReplyException(553, "mailbox name not allowed"));
        assertTrue(SmtpFailures.isPermanent(wrapped), "the code is found down the chain");
    }

    @Test
    void fourHundredRepliesAndConnectionProblemsAreTemporary() {
        assertFalse(SmtpFailures.isPermanent(new ReplyException(421, "service not available")));
        assertFalse(SmtpFailures.isPermanent(new ReplyException(452, "insufficient storage")));
        assertFalse(SmtpFailures.isPermanent(new MessagingException("Couldn't connect to host",
                new ConnectException("Connection refused"))));
        assertFalse(SmtpFailures.isPermanent(new MessagingException("Exception reading response",
                new SocketTimeoutException("Read timed out"))));
        assertFalse(SmtpFailures.isPermanent(new IllegalStateException("anything unknown")), "unknown: retry");
    }

    @Test
    void anAddressThatCannotBeAnAddressIsPermanent() throws Exception {
        assertTrue(SmtpFailures.isPermanent(new AddressException("Missing final '@domain'", "geen-adres")));
        SendFailedException allRefused = new SendFailedException("Invalid Addresses", null,
                new Address[0], new Address[0], new Address[] {new InternetAddress("weg@example.org")});
        assertTrue(SmtpFailures.isPermanent(allRefused));
    }

    @Test
    void theDescriptionNamesEachCauseOnce() {
        MessagingException failure = new MessagingException("Couldn't connect to host, port: localhost, 3025",
                new ConnectException("Connection refused"));
        assertEquals("Couldn't connect to host, port: localhost, 3025; Connection refused",
                SmtpFailures.describe(failure));
    }

    @Test
    void aSessionWithoutTimeoutsGetsThem() {
        Properties session = new Properties();
        session.setProperty("mail.smtp.timeout", "5000");
        MailAttempt.ensureTimeouts(session);
        assertEquals("5000", session.getProperty("mail.smtp.timeout"), "a configured timeout is kept");
        assertEquals("10000", session.getProperty("mail.smtp.connectiontimeout"));
        assertEquals("30000", session.getProperty("mail.smtp.writetimeout"));
    }
}
