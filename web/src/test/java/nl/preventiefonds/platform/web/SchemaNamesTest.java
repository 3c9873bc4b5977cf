package nl.preventiefonds.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaNamesTest {
    private static final Map<String, String> NAMES = Map.of("Shape", "CareDemandCsvShape");

    @Test
    void renamesTheMappedSchemasAndKeepsTheOthersInOrder() {
        Map<String, Integer> schemas = new LinkedHashMap<>();
        schemas.put("Award", 1);
        schemas.put("Shape", 2);
        schemas.put("Theme", 3);
        Map<String, Integer> renamed = SchemaNames.rename(schemas, NAMES);
        assertEquals(List.of("Award", "CareDemandCsvShape", "Theme"), List.copyOf(renamed.keySet()));
        assertEquals(2, renamed.get("CareDemandCsvShape"));
    }

    @Test
    void aMappedNameThatIsNotGeneratedFailsLoudly() {
        IllegalStateException stale = assertThrows(IllegalStateException.class,
                () -> SchemaNames.rename(Map.of("Award", 1), NAMES));
        assertTrue(stale.getMessage().contains("Shape"), stale.getMessage());
    }

    @Test
    void aNewNameThatIsAlreadyTakenFails() {
        assertThrows(IllegalStateException.class,
                () -> SchemaNames.rename(Map.of("Shape", 1, "CareDemandCsvShape", 2), NAMES));
    }

    @Test
    void referencesToRenamedSchemasFollowAndOthersStay() {
        assertEquals("#/components/schemas/CareDemandCsvShape",
                SchemaNames.ref("#/components/schemas/Shape", NAMES));
        assertEquals("#/components/schemas/Award", SchemaNames.ref("#/components/schemas/Award", NAMES));
        assertEquals("#/components/responses/Shape", SchemaNames.ref("#/components/responses/Shape", NAMES));
        assertEquals(null, SchemaNames.ref(null, NAMES));
    }

    @Test
    void everyClearNameIsDistinctAndNoneIsRenamedAgain() {
        assertEquals(SchemaNames.CLEAR.size(), Map.copyOf(SchemaNames.CLEAR).values().stream().distinct().count());
        SchemaNames.CLEAR.values().forEach(name -> assertTrue(!SchemaNames.CLEAR.containsKey(name), name));
    }
}
