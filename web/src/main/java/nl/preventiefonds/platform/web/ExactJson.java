package nl.preventiefonds.platform.web;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonPatch;
import jakarta.json.JsonPatchBuilder;
import jakarta.json.JsonPointer;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The API reads JSON exactly. JSON-P hands JSON-B an {@code int} as {@code BigDecimal.intValue()}, which wraps:
 * a score of 4294967303 arrived as 7, a participant count of 2^32 + 10 as 10. Here a number that does not fit its
 * {@code int} or {@code long} exactly (too big, or with a fraction) and a {@code null} inside an array (a list of
 * ids or rows has no empty places) make the body unreadable, which {@link ProblemResponses} answers with a 400 that
 * names the reason. Everything else is the server's own JSON-P and JSON-B.
 */
public final class ExactJson {

    private ExactJson() {
    }

    /** Why a body was refused while it was read; its key is a message of the UI bundle. */
    public static final class RefusedJsonException extends JsonParsingException {
        private static final long serialVersionUID = 1L;
        private final String key;

        RefusedJsonException(String key, JsonLocation location) {
            super(key, location);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** The API's JSON-B: the server's, reading through {@link ExactParser}. */
    @Provider
    public static class JsonbResolver implements ContextResolver<Jsonb> {
        private static final Jsonb JSONB = JsonbBuilder.newBuilder()
                .withProvider(new ExactProvider(JsonProvider.provider())).build();

        @Override
        public Jsonb getContext(Class<?> type) {
            return JSONB;
        }
    }

    /** A JSON parser that refuses inexact numbers and nulls in arrays; everything else is the wrapped parser's. */
    public static final class ExactParser implements JsonParser {
        private final JsonParser parser;
        /** For every open structure: true for an array, false for an object. */
        private final Deque<Boolean> open = new ArrayDeque<>();
        private Event current;

        public ExactParser(JsonParser parser) {
            this.parser = parser;
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            current = parser.next();
            switch (current) {
                case START_ARRAY -> open.push(Boolean.TRUE);
                case START_OBJECT -> open.push(Boolean.FALSE);
                case END_ARRAY, END_OBJECT -> open.poll();
                case VALUE_NULL -> {
                    if (Boolean.TRUE.equals(open.peek())) {
                        throw new RefusedJsonException("api.nullInArray", parser.getLocation());
                    }
                }
                default -> {
                }
            }
            return current;
        }

        @Override
        public Event currentEvent() {
            return parser.currentEvent();
        }

        @Override
        public String getString() {
            return parser.getString();
        }

        @Override
        public boolean isIntegralNumber() {
            return parser.isIntegralNumber();
        }

        @Override
        public int getInt() {
            try {
                return parser.getBigDecimal().intValueExact();
            } catch (ArithmeticException e) {
                throw new RefusedJsonException("api.numberOutOfRange", parser.getLocation());
            }
        }

        @Override
        public long getLong() {
            try {
                return parser.getBigDecimal().longValueExact();
            } catch (ArithmeticException e) {
                throw new RefusedJsonException("api.numberOutOfRange", parser.getLocation());
            }
        }

        @Override
        public BigDecimal getBigDecimal() {
            return parser.getBigDecimal();
        }

        @Override
        public JsonLocation getLocation() {
            return parser.getLocation();
        }

        @Override
        public JsonObject getObject() {
            return checked(parser.getObject());
        }

        @Override
        public JsonValue getValue() {
            return checked(parser.getValue());
        }

        @Override
        public JsonArray getArray() {
            return checked(parser.getArray());
        }

        @Override
        public Stream<JsonValue> getArrayStream() {
            closed();
            return parser.getArrayStream().map(this::checkedElement);
        }

        @Override
        public Stream<Map.Entry<String, JsonValue>> getObjectStream() {
            closed();
            return parser.getObjectStream();
        }

        @Override
        public Stream<JsonValue> getValueStream() {
            return parser.getValueStream();
        }

        @Override
        public void skipArray() {
            if (Boolean.TRUE.equals(open.peek())) {
                open.pop();
            }
            parser.skipArray();
        }

        @Override
        public void skipObject() {
            if (Boolean.FALSE.equals(open.peek())) {
                open.pop();
            }
            parser.skipObject();
        }

        @Override
        public void close() {
            parser.close();
        }

        /** A structure read whole at its start event is closed again for this parser's count. */
        private void closed() {
            if (current == Event.START_ARRAY || current == Event.START_OBJECT) {
                open.poll();
                current = current == Event.START_ARRAY ? Event.END_ARRAY : Event.END_OBJECT;
            }
        }

        private <T extends JsonValue> T checked(T value) {
            closed();
            refuseNullsInArrays(value);
            return value;
        }

        private JsonValue checkedElement(JsonValue value) {
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                throw new RefusedJsonException("api.nullInArray", parser.getLocation());
            }
            refuseNullsInArrays(value);
            return value;
        }

        private void refuseNullsInArrays(JsonValue value) {
            if (value instanceof JsonArray array) {
                array.forEach(this::checkedElement);
            } else if (value instanceof JsonObject object) {
                object.values().forEach(this::refuseNullsInArrays);
            }
        }
    }

    /** The server's JSON-P with every parser it makes wrapped in an {@link ExactParser}. */
    static final class ExactProvider extends JsonProvider {
        private final JsonProvider provider;

        ExactProvider(JsonProvider provider) {
            this.provider = provider;
        }

        @Override
        public JsonParser createParser(Reader reader) {
            return new ExactParser(provider.createParser(reader));
        }

        @Override
        public JsonParser createParser(InputStream in) {
            return new ExactParser(provider.createParser(in));
        }

        @Override
        public JsonParserFactory createParserFactory(Map<String, ?> config) {
            JsonParserFactory factory = provider.createParserFactory(config);
            return new JsonParserFactory() {
                @Override
                public JsonParser createParser(Reader reader) {
                    return new ExactParser(factory.createParser(reader));
                }

                @Override
                public JsonParser createParser(InputStream in) {
                    return new ExactParser(factory.createParser(in));
                }

                @Override
                public JsonParser createParser(InputStream in, Charset charset) {
                    return new ExactParser(factory.createParser(in, charset));
                }

                @Override
                public JsonParser createParser(JsonObject obj) {
                    return new ExactParser(factory.createParser(obj));
                }

                @Override
                public JsonParser createParser(JsonArray array) {
                    return new ExactParser(factory.createParser(array));
                }

                @Override
                public Map<String, ?> getConfigInUse() {
                    return factory.getConfigInUse();
                }
            };
        }

        @Override
        public JsonGenerator createGenerator(Writer writer) {
            return provider.createGenerator(writer);
        }

        @Override
        public JsonGenerator createGenerator(OutputStream out) {
            return provider.createGenerator(out);
        }

        @Override
        public JsonGeneratorFactory createGeneratorFactory(Map<String, ?> config) {
            return provider.createGeneratorFactory(config);
        }

        @Override
        public JsonReader createReader(Reader reader) {
            return provider.createReader(reader);
        }

        @Override
        public JsonReader createReader(InputStream in) {
            return provider.createReader(in);
        }

        @Override
        public JsonWriter createWriter(Writer writer) {
            return provider.createWriter(writer);
        }

        @Override
        public JsonWriter createWriter(OutputStream out) {
            return provider.createWriter(out);
        }

        @Override
        public JsonWriterFactory createWriterFactory(Map<String, ?> config) {
            return provider.createWriterFactory(config);
        }

        @Override
        public JsonReaderFactory createReaderFactory(Map<String, ?> config) {
            return provider.createReaderFactory(config);
        }

        @Override
        public JsonObjectBuilder createObjectBuilder() {
            return provider.createObjectBuilder();
        }

        @Override
        public JsonObjectBuilder createObjectBuilder(JsonObject object) {
            return provider.createObjectBuilder(object);
        }

        @Override
        public JsonObjectBuilder createObjectBuilder(Map<String, ?> map) {
            return provider.createObjectBuilder(map);
        }

        @Override
        public JsonArrayBuilder createArrayBuilder() {
            return provider.createArrayBuilder();
        }

        @Override
        public JsonArrayBuilder createArrayBuilder(JsonArray array) {
            return provider.createArrayBuilder(array);
        }

        @Override
        public JsonArrayBuilder createArrayBuilder(Collection<?> collection) {
            return provider.createArrayBuilder(collection);
        }

        @Override
        public JsonPointer createPointer(String jsonPointer) {
            return provider.createPointer(jsonPointer);
        }

        @Override
        public JsonPatchBuilder createPatchBuilder() {
            return provider.createPatchBuilder();
        }

        @Override
        public JsonPatchBuilder createPatchBuilder(JsonArray array) {
            return provider.createPatchBuilder(array);
        }

        @Override
        public JsonPatch createPatch(JsonArray array) {
            return provider.createPatch(array);
        }

        @Override
        public JsonPatch createDiff(JsonStructure source, JsonStructure target) {
            return provider.createDiff(source, target);
        }

        @Override
        public JsonMergePatch createMergePatch(JsonValue patch) {
            return provider.createMergePatch(patch);
        }

        @Override
        public JsonMergePatch createMergeDiff(JsonValue source, JsonValue target) {
            return provider.createMergeDiff(source, target);
        }

        @Override
        public JsonBuilderFactory createBuilderFactory(Map<String, ?> config) {
            return provider.createBuilderFactory(config);
        }

        @Override
        public JsonString createValue(String value) {
            return provider.createValue(value);
        }

        @Override
        public JsonNumber createValue(int value) {
            return provider.createValue(value);
        }

        @Override
        public JsonNumber createValue(long value) {
            return provider.createValue(value);
        }

        @Override
        public JsonNumber createValue(double value) {
            return provider.createValue(value);
        }

        @Override
        public JsonNumber createValue(BigDecimal value) {
            return provider.createValue(value);
        }

        @Override
        public JsonNumber createValue(BigInteger value) {
            return provider.createValue(value);
        }

        @Override
        public JsonNumber createValue(Number number) {
            return provider.createValue(number);
        }
    }
}
