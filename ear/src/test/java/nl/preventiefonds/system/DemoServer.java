package nl.preventiefonds.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The run command's server for {@link DemoWalkIT}: the WildFly that the build provisioned under target/server-walk
 * with exactly the run profile's scripts (embedded H2 in MariaDB mode, demo mode, the EAR deployed), started the way
 * the run profile starts it ({@code bin/standalone.sh} with its JAVA_OPTS), on the system tests' port offset + 50 so
 * that neither the test server nor a running demo on 8080 is disturbed.
 */
final class DemoServer implements AutoCloseable {
    private final Path home;
    private final Process process;
    final int httpPort;
    final URI base;

    private DemoServer(Path home, Process process, int httpPort) {
        this.home = home;
        this.process = process;
        this.httpPort = httpPort;
        this.base = URI.create("http://localhost:" + httpPort + "/preventiefonds/");
    }

    static DemoServer start() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("pf.walk.server.dir", "target/server-walk"));
        if (!Files.isExecutable(home.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException("The demo server is not provisioned at " + home.toAbsolutePath()
                    + ": the build provisions it in mvn verify without -Dit.test, or with -Dit.test=DemoWalkIT;"
                    + " with another selection add -Dpf.walk.skip=false");
        }
        int offset = Integer.getInteger("pf.port.offset", 100) + 50;
        Path log = home.resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + offset)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // As the run profile's exec-maven-plugin starts it, nothing more.
        builder.environment().put("JAVA_OPTS", "-Xms256m -Xmx1g -Djava.net.preferIPv4Stack=true");
        builder.environment().put("JBOSS_HOME", home.toAbsolutePath().toString());
        DemoServer server = new DemoServer(home, builder.start(), 8080 + offset);
        try {
            server.awaitApplication(Duration.ofSeconds(Integer.getInteger("pf.walk.startup.seconds", 300)));
        } catch (RuntimeException | IOException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitApplication(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The demo server stopped while starting; see "
                        + home.resolve("console.log").toAbsolutePath());
            }
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(base.resolve("index.xhtml"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The demo server did not answer within " + timeout.toSeconds() + " s; see "
                + home.resolve("console.log").toAbsolutePath());
    }

    /** The lines of the server log that name a database error (H2's or EclipseLink's). */
    List<String> databaseErrors() throws IOException {
        Path log = home.resolve("standalone/log/server.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("org.h2.jdbc") || l.contains("EclipseLink-4002")
                    || l.contains("JdbcSQLSyntaxErrorException")).toList();
        }
    }

    /** Stops WildFly: standalone.sh runs java as its child, so the whole tree gets the signal. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
            }
        }
    }
}
