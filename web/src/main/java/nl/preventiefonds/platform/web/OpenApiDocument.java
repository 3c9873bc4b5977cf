package nl.preventiefonds.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document WildFly generates from the resources with what every operation shares, so that
 * it follows the NLGov API Design Rules (rule ids in brackets; checked by ear/src/test/spectral/nlgov-adr.yaml):
 * info.version (/core/semver), the API-Version header on every success (/core/version-header), and the error
 * answers as RFC 9457 problem details (/core/error-handling/problem-details), 400 wherever input is read
 * (/core/error-handling/invalid-input). Schemas generated from ejb types whose name needs their class for context
 * get a clear one ({@link SchemaNames}), references included. Registered by mp.openapi.filter in
 * META-INF/microprofile-config.properties.
 * WildFly serves the result at /openapi with paths under the context root; {@link OpenApiResource} publishes it at
 * the API's own versioned address, relative to its server.
 */
public class OpenApiDocument implements OASFilter {
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String API = "/api";

    /** The error answers the API gives, by status: who may meet them is said per operation below. */
    private static final Map<String, String> ERRORS = errors();

    private static Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Bad request: a parameter or the body cannot be read, is out of range or breaks a "
                + "constraint of its type (every violation is listed).");
        errors.put("401", "Not logged in: the API runs on the session cookie of a logged-in user.");
        errors.put("403", "Not allowed: the caller's role has no access, or the header X-Requested-With is missing.");
        errors.put("404", "Does not exist, or is not the caller's (the same answer, so nothing leaks).");
        errors.put("422", "Understood but refused by a rule; the problems say which, in the caller's language.");
        errors.put("503", "The database, or a service the step needs (the malware scanner of uploads), is"
                + " unavailable; nothing was changed, try again after Retry-After seconds.");
        return errors;
    }

    /** Called for every schema in the document, nested ones included: references follow the renamed schemas. */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null) {
            schema.setRef(SchemaNames.ref(schema.getRef(), SchemaNames.CLEAR));
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getInfo() == null) {
            api.setInfo(OASFactory.createInfo());
        }
        api.getInfo().setVersion(ApiVersion.CURRENT);
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        if (components.getSchemas() != null) {
            components.setSchemas(SchemaNames.rename(components.getSchemas(), SchemaNames.CLEAR));
        }
        components.addSchema(PROBLEM, problemSchema());
        components.addHeader(ApiVersion.HEADER, OASFactory.createHeader()
                .description("The API's full version (semantic versioning); the major version is in the address.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of(
                        ApiVersion.CURRENT))));
        ERRORS.forEach((status, description) -> components.addResponse(name(status), OASFactory.createAPIResponse()
                .description(description).content(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))))));

        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                complete(method, operation, path.contains(API + "/open/"))));
    }

    private static void complete(PathItem.HttpMethod method, Operation operation, boolean open) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2") || status.startsWith("3")) {
                    response.addHeader(ApiVersion.HEADER, OASFactory.createHeader().ref(ApiVersion.HEADER));
                }
                if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
                    // A download (CSV, PDF, ZIP) is a file: say so instead of leaving its schema out.
                    response.getContent().getMediaTypes().forEach((type, media) -> {
                        if (media.getSchema() == null && !type.contains("json")) {
                            media.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                    .format("binary"));
                        }
                    });
                }
            });
        }
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean hasPathParameter = hasParameters && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() != null && "path".equals(p.getIn().toString()));
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
        boolean readsInput = hasParameters || changes || operation.getRequestBody() != null;
        if (readsInput) {
            add(responses, "400");
        }
        if (!open) {
            add(responses, "401");
            add(responses, "403");
        }
        if (hasPathParameter || !open) {
            add(responses, "404");
        }
        if (readsInput && !open) {
            add(responses, "422");
        }
        add(responses, "503");
    }

    private static void add(APIResponses responses, String status) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(name(status)));
        }
    }

    private static String name(String status) {
        return "Problem" + status;
    }

    /** RFC 9457 problem details as ProblemResponses writes them, with our extension member {@code problems}. */
    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema line = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("key", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The rule that was broken, stable for programs (e.g. api.pageInvalid)."))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The same in the caller's language (Accept-Language, Dutch by default)."))
                .addProperty("line", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("For an uploaded file: the line the problem is in (1 is the header)."))
                .required(List.of("key", "message"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An error, as RFC 9457 problem details.")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")
                        .description("about:blank: the status says what kind of problem it is."))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What went wrong this time, in the caller's language."))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .format("uri-reference"))
                .addProperty("problems", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(line)
                        .description("Every rule the request broke, when there are any."))
                .required(List.of("type", "title", "status", "detail"));
    }
}
