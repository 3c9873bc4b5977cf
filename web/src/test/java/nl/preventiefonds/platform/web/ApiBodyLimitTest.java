package nl.preventiefonds.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ApiBodyLimitTest {

    @Test
    void aBodyUpToTheLimitIsReadAndOneByteMoreIsRefused() throws IOException {
        try (InputStream exact = new ApiBodyLimit.Limited(new ByteArrayInputStream(new byte[100]), 100)) {
            assertEquals(100, exact.readAllBytes().length);
        }
        try (InputStream over = new ApiBodyLimit.Limited(new ByteArrayInputStream(new byte[101]), 100)) {
            assertThrows(ApiBodyLimit.TooLargeException.class, over::readAllBytes);
        }
        try (InputStream single = new ApiBodyLimit.Limited(new ByteArrayInputStream(new byte[2]), 1)) {
            assertEquals(0, single.read());
            assertThrows(ApiBodyLimit.TooLargeException.class, single::read);
        }
    }
}
