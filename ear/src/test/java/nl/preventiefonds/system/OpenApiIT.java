package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server describes the JSON API as OpenAPI, generated from the JAX-RS resources themselves, and publishes it at
 * /api/v1/openapi.json. The test writes it to target/openapi.json, where the build's Spectral run lints it against
 * the NLGov API Design Rules (src/test/spectral/nlgov-adr.yaml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {
    static final Path WRITTEN = Path.of("target", "openapi.json");

    /**
     * Operations whose success answer has no schema yet (a map built by hand, or a file without a described type).
     * It only shrinks: the test fails for an untyped operation not listed here, and for a listed one that is typed.
     */
    static final Set<String> NOT_YET_TYPED = Set.of();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private HttpResponse<String> anonymousGet(String path) throws Exception {
        // HTTP/1.1: once the client's h2c upgrade read the server's HTTP/1.1 answer as HTTP/2 frames ("Frame
        // type(115) ... exceeds MAX_FRAME_SIZE"), a failure of the upgrade, not of the document.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(base.toURI().resolve(path))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject published() throws Exception {
        HttpResponse<String> response = anonymousGet("/preventiefonds/api/v1/openapi.json");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        Files.createDirectories(WRITTEN.getParent());
        Files.writeString(WRITTEN, response.body(), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void theApiIsDescribedAsOpenApi() throws Exception {
        JsonObject document = published();
        assertTrue(document.getString("openapi").startsWith("3.1"), document.getString("openapi"));
        JsonObject info = document.getJsonObject("info");
        assertEquals("Preventiefonds API", info.getString("title"));
        assertFalse(info.getJsonObject("license").getString("name", "").isBlank(), "a licence needs a name");
        assertTrue(info.getString("version").matches("\\d+\\.\\d+\\.\\d+"), info.getString("version"));
        assertEquals("/preventiefonds/api/v1", document.getJsonArray("servers").getJsonObject(0).getString("url"));
        JsonObject paths = document.getJsonObject("paths");
        for (String path : List.of("/applications/{id}/decision", "/report-requests/{id}/report",
                "/applications/{id}/determination", "/partner/report-upload", "/deadlines", "/calls",
                "/applications", "/awards", "/reports", "/indicators", "/impact/dashboard",
                "/impact/cost-parameters", "/open/register", "/open/360giving", "/equated-days", "/equated-days/{date}")) {
            assertTrue(paths.containsKey(path), path + " in " + paths.keySet());
        }
        assertTrue(paths.getJsonObject("/applications/{id}/determination").containsKey("post"));
        assertTrue(paths.getJsonObject("/impact/cost-parameters").containsKey("put"));
        assertTrue(paths.getJsonObject("/equated-days/{date}").containsKey("put"));
        assertTrue(paths.getJsonObject("/equated-days/{date}").containsKey("delete"));
        assertFalse(paths.containsKey("/openapi.json"), "the document does not describe itself");
        // No file extensions in the API's addresses (/core/path-segments-kebab-case): 360Giving as JSON or CSV is
        // one resource, chosen by Accept.
        assertEquals(Set.of(), paths.keySet().stream().filter(p -> p.matches(".*\\.[A-Za-z0-9]+$"))
                .collect(java.util.stream.Collectors.toSet()), "paths with a file extension");
        Set<String> types = paths.getJsonObject("/open/360giving").getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").keySet().stream()
                .map(t -> t.replaceAll(";.*", "")).collect(java.util.stream.Collectors.toSet());
        assertEquals(Set.of("application/json", "text/csv"), types);
    }

    /** Every success answer has a schema that says its fields: no maps built by hand, no files without a type. */
    @Test
    void everyOperationAnswersATypedBody() throws Exception {
        JsonObject document = published();
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        Set<String> untyped = new TreeSet<>();
        Set<String> operations = new TreeSet<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.keySet()) {
            for (var operation : paths.getJsonObject(path).entrySet()) {
                String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path;
                operations.add(name);
                JsonObject responses = operation.getValue().asJsonObject().getJsonObject("responses");
                for (String status : responses.keySet()) {
                    JsonObject response = responses.getJsonObject(status);
                    if (!status.startsWith("2") || !response.containsKey("content")) {
                        continue;
                    }
                    for (JsonValue media : response.getJsonObject("content").values()) {
                        if (!typed(media.asJsonObject().get("schema"), schemas)) {
                            untyped.add(name);
                        }
                    }
                }
            }
        }
        Set<String> newlyUntyped = new TreeSet<>(untyped);
        newlyUntyped.removeAll(NOT_YET_TYPED);
        assertEquals(Set.of(), newlyUntyped, "operations without a typed answer");
        Set<String> typedNow = new TreeSet<>(NOT_YET_TYPED);
        typedNow.removeAll(untyped);
        if (!typedNow.isEmpty()) {
            System.out.println("OpenApiIT: typed (or gone) now, take them off NOT_YET_TYPED: " + typedNow);
        }
        assertTrue(operations.size() >= 60, operations.toString());
        // Two Java types of one simple name become "Result" and "Result1": a name a client cannot read.
        Set<String> numbered = new TreeSet<>();
        schemas.keySet().stream().filter(name -> name.matches(".*\\d")).forEach(numbered::add);
        assertEquals(Set.of(), numbered, "schema names made unique by a number");
        // Names that said nothing without their Java class around them; renamed with @Schema(name = ...) in web,
        // or, for ejb types, by OpenApiDocument (SchemaNames).
        Set<String> vague = new TreeSet<>(Set.of("Conclusion", "Registered", "Paid", "Run", "Overview", "Section",
                "Item", "Shape", "Verdict", "Filter", "Dashboard", "Portfolio", "Scenario", "YearMeans", "YearValue",
                "Submission", "Spending", "Indicator", "Settlement"));
        vague.retainAll(schemas.keySet());
        assertEquals(Set.of(), vague, "schema names a client cannot read without context");
    }

    /** The ejb types renamed in the document: the new names exist, and references point at them, nested ones too. */
    @Test
    void renamedSchemasAreReferencedByTheirNewNames() throws Exception {
        JsonObject document = published();
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        for (String name : List.of("ImpactDashboard", "ImpactDashboardFilter", "AvoidedCostScenario",
                "ApplicationSubmission", "DeterminationSettlement", "CareDemandCsvShape", "RetentionVerdict")) {
            assertTrue(schemas.containsKey(name), name + " in " + schemas.keySet());
        }
        assertEquals("#/components/schemas/ImpactDashboard", document.getJsonObject("paths")
                .getJsonObject("/impact/dashboard").getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema").getString("$ref"));
        JsonObject dashboard = schemas.getJsonObject("ImpactDashboard").getJsonObject("properties");
        assertEquals("#/components/schemas/ImpactDashboardFilter",
                dashboard.getJsonObject("filter").getString("$ref"));
        assertEquals("#/components/schemas/AvoidedCostScenario",
                dashboard.getJsonObject("scenarios").getJsonObject("items").getString("$ref"));
        // Every reference anywhere resolves: none is left at an old name.
        Set<String> dangling = new TreeSet<>();
        references(document, dangling, schemas);
        assertEquals(Set.of(), dangling, "references to schemas that do not exist");
    }

    private static void references(JsonValue value, Set<String> dangling, JsonObject schemas) {
        if (value instanceof JsonObject object) {
            if (object.get("$ref") instanceof JsonString ref
                    && ref.getString().startsWith("#/components/schemas/")
                    && !schemas.containsKey(ref.getString().substring("#/components/schemas/".length()))) {
                dangling.add(ref.getString());
            }
            object.values().forEach(child -> references(child, dangling, schemas));
        } else if (value instanceof JsonArray array) {
            array.forEach(child -> references(child, dangling, schemas));
        }
    }

    /** A field the API writes as null says so (3.1: "null" among its types); a required id does not. */
    @Test
    void nullableFieldsAllowNull() throws Exception {
        JsonObject schemas = published().getJsonObject("components").getJsonObject("schemas");
        for (String field : List.of("ApplicationSummary.submittedAt", "ApplicationSummary.decisionDueOn",
                "DecisionView.letterId", "DecisionView.replacesId", "DeterminationState.reason", "PaymentView.paidOn",
                "ReviewAssignmentView.advisedAmount")) {
            assertTrue(allowsNull(property(schemas, field)), field + ": " + property(schemas, field));
        }
        for (String field : List.of("ApplicationSummary.id", "ApplicationSummary.reference", "DecisionView.id",
                "PaymentView.amount")) {
            assertFalse(allowsNull(property(schemas, field)), field + ": " + property(schemas, field));
        }
    }

    private static JsonObject property(JsonObject schemas, String field) {
        String[] parts = field.split("\\.");
        assertTrue(schemas.containsKey(parts[0]), parts[0] + " in " + schemas.keySet());
        JsonObject properties = schemas.getJsonObject(parts[0]).getJsonObject("properties");
        assertTrue(properties.containsKey(parts[1]), field + " in " + properties.keySet());
        return properties.getJsonObject(parts[1]);
    }

    /** "null" among the types (OpenAPI 3.1), or a null alternative in anyOf/oneOf, or 3.0's nullable. */
    static boolean allowsNull(JsonObject schema) {
        JsonValue type = schema.get("type");
        if (type != null && type.getValueType() == JsonValue.ValueType.ARRAY) {
            if (type.asJsonArray().contains(Json.createValue("null"))) {
                return true;
            }
        } else if (type != null && type.getValueType() == JsonValue.ValueType.STRING
                && schema.getString("type").equals("null")) {
            return true;
        }
        for (String alternatives : List.of("anyOf", "oneOf")) {
            if (schema.containsKey(alternatives)) {
                for (JsonValue alternative : schema.getJsonArray(alternatives)) {
                    if (alternative.getValueType() == JsonValue.ValueType.OBJECT
                            && allowsNull(alternative.asJsonObject())) {
                        return true;
                    }
                }
            }
        }
        return schema.getBoolean("nullable", false);
    }

    /** A schema with named fields, a scalar, a file, or an array or reference to one of those. */
    static boolean typed(JsonValue value, JsonObject schemas) {
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            return false;
        }
        JsonObject schema = value.asJsonObject();
        if (schema.containsKey("$ref")) {
            String ref = schema.getString("$ref");
            return ref.startsWith("#/components/schemas/")
                    && typed(schemas.get(ref.substring("#/components/schemas/".length())), schemas);
        }
        String type = schema.containsKey("type") && schema.get("type").getValueType() == JsonValue.ValueType.STRING
                ? schema.getString("type") : "";
        return switch (type) {
            case "object" -> schema.containsKey("properties") && !schema.getJsonObject("properties").isEmpty();
            case "array" -> typed(schema.get("items"), schemas);
            case "string", "integer", "number", "boolean" -> true;
            default -> schema.containsKey("enum") || schema.containsKey("allOf") || schema.containsKey("oneOf");
        };
    }

    /** Every answer carries the full API version (NLGov /core/version-header), errors are problem details. */
    @Test
    void answersCarryTheVersionAndErrorsAreProblemDetails() throws Exception {
        String version = published().getJsonObject("info").getString("version");
        HttpResponse<String> open = anonymousGet("/preventiefonds/api/v1/open/register?size=1");
        assertEquals(200, open.statusCode(), open.body());
        assertEquals(version, open.headers().firstValue("API-Version").orElse(""));
        for (String path : List.of("/preventiefonds/api/v1/calls", "/preventiefonds/api/calls")) {
            HttpResponse<String> refused = anonymousGet(path);
            assertEquals(401, refused.statusCode(), path);
            assertEquals(version, refused.headers().firstValue("API-Version").orElse(""), path);
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            JsonObject problem = Json.createReader(new StringReader(refused.body())).readObject();
            assertEquals(401, problem.getInt("status"));
            assertFalse(problem.getString("title").isBlank());
            assertFalse(problem.getString("detail").isBlank(), refused.body());
        }
    }
}
