package nl.preventiefonds.platform.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The clamd client against Debian's real clamd, with a signature database made here from test files. */
class ClamdClientTest {
    private static final long STREAM_MAX = 4L * 1024 * 1024;
    /** Flagged and larger than several chunks: found only if every chunk arrives whole and in order. */
    private static byte[] bigFlagged;
    private static byte[] smallFlagged;
    private static Clamd clamd;

    @BeforeAll
    static void startClamd() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "clamd-unit"));
        smallFlagged = "Preventiefonds scan test: harmless, flagged by a locally made signature.\n"
                .getBytes(StandardCharsets.US_ASCII);
        bigFlagged = new byte[ClamdClient.CHUNK_BYTES * 3 + 1234];
        new Random(75).nextBytes(bigFlagged);
        Path small = Files.write(dir.resolve("small-flagged.bin"), smallFlagged);
        Path big = Files.write(dir.resolve("big-flagged.bin"), bigFlagged);
        clamd = Clamd.start(dir, STREAM_MAX, small, big);
    }

    @AfterAll
    static void stopClamd() throws Exception {
        if (clamd != null) {
            clamd.close();
        }
    }

    private static ClamdClient client(int port) {
        return new ClamdClient("127.0.0.1", port, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    @Test
    void aCleanFileIsOk() throws Exception {
        assertTrue(client(clamd.port()).ping());
        ScanVerdict verdict = client(clamd.port()).scan(new ByteArrayInputStream(
                "%PDF-1.4 an ordinary file\n".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(verdict.infected());
    }

    @Test
    void theTestSignatureIsFound() throws Exception {
        ScanVerdict verdict = client(clamd.port()).scan(new ByteArrayInputStream(smallFlagged));
        assertTrue(verdict.infected());
        assertEquals("small-flagged.bin.UNOFFICIAL", verdict.signature());
    }

    @Test
    void aFlaggedFileOfManyChunksIsFoundAndOneByteLessIsNot() throws Exception {
        assertEquals("big-flagged.bin.UNOFFICIAL",
                client(clamd.port()).scan(new ByteArrayInputStream(bigFlagged)).signature());
        assertFalse(client(clamd.port()).scan(new ByteArrayInputStream(bigFlagged, 0, bigFlagged.length - 1))
                .infected());
    }

    @Test
    void aStreamOverClamdsLimitIsNoVerdict() {
        InputStream huge = new InputStream() {
            private long left = STREAM_MAX + 10 * ClamdClient.CHUNK_BYTES;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        ScanUnavailableException e = assertThrows(ScanUnavailableException.class,
                () -> client(clamd.port()).scan(huge));
        assertTrue(e.getMessage().contains("clamd"), e.getMessage());
    }

    @Test
    void anUnreachableClamdIsNoVerdict() throws IOException {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        assertFalse(client(closed).ping());
        assertThrows(ScanUnavailableException.class,
                () -> client(closed).scan(new ByteArrayInputStream(smallFlagged)));
    }

    @Test
    void answersAreReadStrictly() throws Exception {
        assertFalse(ClamdClient.verdict("stream: OK").infected());
        assertEquals("Eicar-Signature", ClamdClient.verdict("stream: Eicar-Signature FOUND").signature());
        assertThrows(ScanUnavailableException.class,
                () -> ClamdClient.verdict("INSTREAM size limit exceeded. ERROR"));
        assertThrows(ScanUnavailableException.class, () -> ClamdClient.verdict("UNKNOWN COMMAND"));
    }
}
