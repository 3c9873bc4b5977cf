package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server describes the JSON API as OpenAPI, generated from the JAX-RS resources themselves. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    @Test
    void theApiIsDescribedAsOpenApi() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI()
                .resolve("/openapi?format=JSON")).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject document = Json.createReader(new StringReader(response.body())).readObject();
        assertTrue(document.getString("openapi").startsWith("3."), document.getString("openapi"));
        assertEquals("Preventiefonds API", document.getJsonObject("info").getString("title"));
        JsonObject paths = document.getJsonObject("paths");
        for (String path : List.of("/preventiefonds/api/applications/{id}/decision",
                "/preventiefonds/api/report-requests/{id}/report", "/preventiefonds/api/applications/{id}/determination",
                "/preventiefonds/api/partner/report-upload", "/preventiefonds/api/deadlines",
                "/preventiefonds/api/calls", "/preventiefonds/api/applications", "/preventiefonds/api/awards",
                "/preventiefonds/api/reports", "/preventiefonds/api/indicators", "/preventiefonds/api/impact/dashboard",
                "/preventiefonds/api/impact/cost-parameters", "/preventiefonds/api/open/register",
                "/preventiefonds/api/equated-days", "/preventiefonds/api/equated-days/{date}")) {
            assertTrue(paths.containsKey(path), path + " in " + paths.keySet());
        }
        assertTrue(paths.getJsonObject("/preventiefonds/api/applications/{id}/determination").containsKey("post"));
        assertTrue(paths.getJsonObject("/preventiefonds/api/impact/cost-parameters").containsKey("put"));
        assertTrue(paths.getJsonObject("/preventiefonds/api/equated-days/{date}").containsKey("put"));
        assertTrue(paths.getJsonObject("/preventiefonds/api/equated-days/{date}").containsKey("delete"));
    }
}
