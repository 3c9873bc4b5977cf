package nl.preventiefonds.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExactJsonTest {
    private static final JsonProvider EXACT = new ExactJson.ExactProvider(JsonProvider.provider());

    private static JsonParser at(String json, JsonParser.Event wanted, int occurrence) {
        JsonParser parser = EXACT.createParserFactory(java.util.Map.of()).createParser(new StringReader(json));
        int seen = 0;
        while (parser.hasNext()) {
            if (parser.next() == wanted && ++seen == occurrence) {
                return parser;
            }
        }
        throw new AssertionError("no " + wanted + " in " + json);
    }

    private static String key(Runnable reading) {
        return assertThrows(ExactJson.RefusedJsonException.class, reading::run).key();
    }

    @Test
    void intsAndLongsAreReadExactlyOrRefused() {
        assertEquals(7, at("{\"score\":7}", JsonParser.Event.VALUE_NUMBER, 1).getInt());
        assertEquals(7, at("{\"score\":7.0}", JsonParser.Event.VALUE_NUMBER, 1).getInt());
        assertEquals(Integer.MAX_VALUE, at("[2147483647]", JsonParser.Event.VALUE_NUMBER, 1).getInt());
        assertEquals(Integer.MIN_VALUE, at("[-2147483648]", JsonParser.Event.VALUE_NUMBER, 1).getInt());
        // 2^32 + 7 wraps to 7 in JSON-P's own getInt()
        assertEquals("api.numberOutOfRange", key(() -> at("{\"score\":4294967303}",
                JsonParser.Event.VALUE_NUMBER, 1).getInt()));
        assertEquals("api.numberOutOfRange", key(() -> at("[2147483648]", JsonParser.Event.VALUE_NUMBER, 1)
                .getInt()));
        assertEquals("api.numberOutOfRange", key(() -> at("[7.9]", JsonParser.Event.VALUE_NUMBER, 1).getInt()));
        assertEquals(4294967303L, at("[4294967303]", JsonParser.Event.VALUE_NUMBER, 1).getLong());
        assertEquals("api.numberOutOfRange", key(() -> at("[9223372036854775808]", JsonParser.Event.VALUE_NUMBER,
                1).getLong()));
        assertEquals("api.numberOutOfRange", key(() -> at("[1e30]", JsonParser.Event.VALUE_NUMBER, 1).getLong()));
    }

    @Test
    void aNullInAnArrayIsRefusedAndANullFieldIsNot() {
        assertEquals(JsonParser.Event.VALUE_NULL, at("{\"a\":null,\"b\":[1]}", JsonParser.Event.VALUE_NULL, 1)
                .currentEvent());
        assertEquals("api.nullInArray", key(() -> at("{\"ids\":[1,null]}", JsonParser.Event.VALUE_NUMBER, 2)
                .next()));
        // Back in an object after a nested array closed: a null field is fine again.
        List<JsonParser.Event> events = new ArrayList<>();
        JsonParser parser = EXACT.createParser(new StringReader("{\"ids\":[[1],{\"x\":null}],\"y\":null}"));
        while (parser.hasNext()) {
            events.add(parser.next());
        }
        assertEquals(2, events.stream().filter(e -> e == JsonParser.Event.VALUE_NULL).count());
    }

    @Test
    void structuresReadWholeAreCheckedAndKeepTheCount() {
        JsonParser parser = at("{\"rows\":[{\"a\":[1,null]}]}", JsonParser.Event.START_ARRAY, 1);
        assertEquals("api.nullInArray", key(parser::getArray));
        JsonParser whole = at("{\"rows\":[{\"a\":[1]}],\"after\":null}", JsonParser.Event.START_ARRAY, 1);
        whole.getArray();
        // The array was read whole, so the parser is back in the object, where a null field is fine.
        assertEquals(JsonParser.Event.KEY_NAME, whole.next());
        assertEquals(JsonParser.Event.VALUE_NULL, whole.next());
        JsonParser skipped = at("{\"rows\":[null],\"after\":null}", JsonParser.Event.START_ARRAY, 1);
        skipped.skipArray();
        assertEquals(JsonParser.Event.KEY_NAME, skipped.next());
        assertEquals(JsonParser.Event.VALUE_NULL, skipped.next());
    }
}
