package nl.preventiefonds.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The OpenAPI document where the NLGov API Design Rules look for it: /api/v1/openapi.json, public, readable from any
 * origin (/core/publish-openapi), with the versioned server /api/v1 and paths relative to it (/core/uri-version).
 * It is WildFly's own document of this deployment (/openapi, completed by {@link OpenApiDocument}) with the paths
 * moved under that server: WildFly always writes them from the context root and adds no server.
 */
@Path("openapi.json")
public class OpenApiResource {
    static final String JSON_UTF8 = "application/json; charset=UTF-8";
    private static final String GENERATED = "/openapi?format=JSON";

    /** The document changes only with a deployment, which loads this class anew. */
    private static volatile String published;

    @Context
    private HttpServletRequest request;

    @GET
    @Produces(JSON_UTF8)
    @Operation(hidden = true)
    public Response document() throws IOException, InterruptedException {
        String document = published;
        if (document == null) {
            document = relativeToServer(generated(), request.getContextPath());
            published = document;
        }
        return Response.ok(document, JSON_UTF8).header("Access-Control-Allow-Origin", "*").build();
    }

    /** WildFly serves the generated document on the same host and port, outside this deployment. */
    private String generated() throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + request.getLocalPort() + GENERATED);
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("OpenAPI document: " + uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    static String relativeToServer(String generated, String contextPath) {
        JsonObject document = Json.createReader(new StringReader(generated)).readObject();
        String api = contextPath + "/api";
        JsonObjectBuilder result = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> entry : document.entrySet()) {
            if (entry.getKey().equals("paths")) {
                JsonObjectBuilder paths = Json.createObjectBuilder();
                entry.getValue().asJsonObject().forEach((path, item) -> paths.add(
                        path.startsWith(api + "/") ? path.substring(api.length()) : path, item));
                result.add("servers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("url", api + "/v1")
                        .add("description", "This server. The pages' own links use the same API without /v1.")));
                result.add("paths", paths);
            } else if (entry.getKey().equals("externalDocs")
                    && !entry.getValue().asJsonObject().containsKey("url")) {
                continue; // WildFly writes an empty one, which is invalid OpenAPI
            } else if (!entry.getKey().equals("servers")) {
                result.add(entry.getKey(), entry.getValue());
            }
        }
        return result.build().toString();
    }
}
