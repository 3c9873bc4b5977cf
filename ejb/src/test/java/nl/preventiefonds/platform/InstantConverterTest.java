package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class InstantConverterTest {
    private final InstantConverter converter = new InstantConverter();

    @Test
    void storesUtcWallClockAlsoAcrossTheDutchClockChange() {
        // 2026-03-29 02:30 does not exist in Amsterdam; in UTC it is an ordinary moment.
        Instant instant = Instant.parse("2026-03-29T02:30:00Z");
        assertEquals(LocalDateTime.parse("2026-03-29T02:30:00"), converter.convertToDatabaseColumn(instant));
        assertEquals(instant, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(instant)));
    }

    @Test
    void keepsMicrosecondsAndNulls() {
        Instant instant = Instant.parse("2026-11-23T09:15:30.123456Z");
        assertEquals(instant, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(instant)));
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
