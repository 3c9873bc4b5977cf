package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pages keep entities in view-scoped beans, which live in the HTTP session; on a cluster the session is copied to
 * another node, and one entity that cannot be serialised stops a joining node's state transfer altogether.
 */
class EntitiesSerializableTest {

    @Test
    void everyEntityOfThePersistenceUnitIsSerializable() throws Exception {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/persistence.xml")) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Matcher matcher = Pattern.compile("<class>([^<]+)</class>").matcher(xml);
        List<String> notSerializable = new ArrayList<>();
        int entities = 0;
        while (matcher.find()) {
            Class<?> type = Class.forName(matcher.group(1).trim());
            if (jakarta.persistence.AttributeConverter.class.isAssignableFrom(type)) {
                continue; // converters are listed too, but never stored in a session
            }
            entities++;
            if (!Serializable.class.isAssignableFrom(type)) {
                notSerializable.add(type.getSimpleName());
            }
        }
        assertTrue(entities > 30, "the persistence unit lists its entities");
        assertEquals(List.of(), notSerializable);
    }
}
