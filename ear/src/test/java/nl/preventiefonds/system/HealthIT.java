package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Operations ask WildFly's management interface whether a node lives and may take users, and read its metrics; the
 * public port answers none of that, only the application's own health with the database. /health/ready includes the
 * database too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static URI management(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty("pf.management.port", "10090") + path);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> name.equals(c.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    @Test
    void readySaysTheServerAndTheDeploymentAreUp() throws Exception {
        HttpResponse<String> ready = get(management("/health/ready"));
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject health = Json.createReader(new StringReader(ready.body())).readObject();
        assertEquals("UP", health.getString("status"), ready.body());
        assertEquals("running", check(health, "server-state").getJsonObject("data").getString("value"), ready.body());
        assertEquals("OK", check(health, "deployments-status").getJsonObject("data").getString("preventiefonds.ear"),
                ready.body());
    }

    /** The EAR's own readiness check (platform/health/DatabaseReadiness, in the EAR's lib/) is in WildFly's answer. */
    @Test
    void readyIncludesTheDatabase() throws Exception {
        HttpResponse<String> ready = get(management("/health/ready"));
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject database = check(Json.createReader(new StringReader(ready.body())).readObject(), "database");
        assertEquals("UP", database.getString("status"), ready.body());
        // nothing about the connection (host, user, driver text) leaks into the probe's answer
        assertEquals(Set.of("timeoutSeconds"), database.getJsonObject("data").keySet(), ready.body());
    }

    /** The database is also checked by the application's own endpoint on the public port, for a load balancer. */
    @Test
    void theApplicationsHealthIncludesTheDatabase() throws Exception {
        HttpResponse<String> health = get(base.toURI().resolve("health"));
        assertEquals(200, health.statusCode(), health.body());
        JsonObject answer = Json.createReader(new StringReader(health.body())).readObject();
        assertEquals("UP", check(answer, "database").getString("status"), health.body());
    }

    @Test
    void liveAndStartedAnswerUp() throws Exception {
        for (String path : new String[] {"/health/live", "/health/started", "/health"}) {
            HttpResponse<String> answer = get(management(path));
            assertEquals(200, answer.statusCode(), path + ": " + answer.body());
            assertEquals("UP", Json.createReader(new StringReader(answer.body())).readObject().getString("status"),
                    path);
        }
    }

    @Test
    void metricsAreInPrometheusText() throws Exception {
        HttpResponse<String> metrics = get(management("/metrics"));
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.body().contains("# TYPE "), "Prometheus text format");
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("base_memory_used_heap_bytes")
                || l.startsWith("base_memory_usedHeap_bytes")), "heap in use");
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("wildfly_undertow_request_count_total")),
                "request counts of the web server");
    }

    @Test
    void thePublicPortServesNoHealthOrMetrics() throws Exception {
        URI root = base.toURI().resolve("/");
        for (String path : new String[] {"health", "health/ready", "metrics"}) {
            assertEquals(404, get(root.resolve(path)).statusCode(), path);
        }
    }
}
