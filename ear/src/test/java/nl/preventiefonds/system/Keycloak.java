package nl.preventiefonds.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real Keycloak the login tests go through (org.keycloak:keycloak-quarkus-dist from Maven Central, unpacked by
 * the build under target/keycloak). The build starts it with {@code start} in pre-integration-test, without waiting,
 * so it boots while the test server does, and stops it with {@code stop} in post-integration-test; a test that needs
 * it waits with {@link #awaitReady()}. Dev mode (H2 in its own data folder, http only), the realms of
 * src/test/keycloak imported fresh on every start. Its ports follow the test server's offset (18080 + offset for
 * http, 19080 + offset for its management interface) so parallel builds with their own offsets do not meet.
 */
public final class Keycloak {
    private static final Duration READY_WITHIN = Duration.ofSeconds(240);
    /** What {@code kc.sh build} fixes for the optimized start: the dev-file database of start-dev, health. */
    static final String BUILD_OPTIONS = "--db=dev-file --health-enabled=true";

    private Keycloak() {
    }

    static int offset() {
        return Integer.parseInt(System.getProperty("pf.port.offset", "100"));
    }

    static int httpPort() {
        return 18080 + offset();
    }

    /** Keycloak as the browser and the application server reach it. */
    static String url() {
        return "http://localhost:" + httpPort();
    }

    static String issuer(String realm) {
        return url() + "/realms/" + realm;
    }

    private static Path home() {
        return Path.of(System.getProperty("pf.keycloak.home", "target/keycloak/keycloak-26.7.3"));
    }

    private static Path pidFile() {
        return home().resolve("preventiefonds-test.pid");
    }

    private static Path startedFile() {
        return home().resolve("preventiefonds-test.started");
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 1 ? args[0] : "") {
            case "start" -> start();
            case "stop" -> stop();
            case "await" -> awaitReady();
            default -> throw new IllegalArgumentException("usage: Keycloak start|stop|await");
        }
    }

    static void start() throws IOException {
        stop(); // one left over from a build that was killed
        Path home = home();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak unpacked at " + home.toAbsolutePath());
        }
        Path data = home.resolve("data");
        deleteTree(data);
        Path imports = Files.createDirectories(data.resolve("import"));
        Path realms = Path.of(System.getProperty("pf.keycloak.realms", "src/test/keycloak"));
        try (Stream<Path> files = Files.list(realms)) {
            for (Path realm : files.filter(f -> f.toString().endsWith("-realm.json")).toList()) {
                // The clients' redirect and logout URIs name the test server, whose port follows the offset.
                Files.writeString(imports.resolve(realm.getFileName()),
                        Files.readString(realm).replace("@APP_PORT@", Integer.toString(8080 + offset())));
            }
        }
        String javaHome = System.getProperty("pf.keycloak.java.home", "/usr/lib/jvm/temurin-25-jdk-amd64");
        if (!Files.isExecutable(Path.of(javaHome, "bin/java"))) {
            throw new IllegalStateException("Keycloak needs a Java 21+ JDK; none at " + javaHome
                    + " (-Dpf.keycloak.java.home=...)");
        }
        String kc = home.resolve("bin/kc.sh").toAbsolutePath().toString();
        String ports = " --http-port=" + httpPort() + " --http-management-port=" + (19080 + offset())
                + " --hostname-strict=false";
        String command;
        if (Boolean.parseBoolean(System.getProperty("pf.keycloak.optimized", "true"))) {
            // Built once per unpacked Keycloak (the build options in a marker file), then started --optimized: no
            // dev-mode augmentation on each fresh target, no relaunch of the JVM. Build and start run in one
            // background shell, so Keycloak still boots while WildFly does.
            Path marker = home.resolve("preventiefonds-built.options");
            boolean built = Files.isRegularFile(marker) && Files.readString(marker).strip().equals(BUILD_OPTIONS);
            command = (built ? "" : "'" + kc + "' build " + BUILD_OPTIONS + " && echo '" + BUILD_OPTIONS + "' > '"
                    + marker.toAbsolutePath() + "' && ")
                    + "exec '" + kc + "' start --optimized --import-realm --http-enabled=true --cache=local" + ports;
        } else {
            command = "exec '" + kc + "' start-dev --import-realm" + ports + " --health-enabled=true --cache=local";
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("preventiefonds-test.log").toFile());
        builder.environment().put("JAVA_HOME", javaHome);
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        Instant startedAt = Instant.now();
        Process process = builder.start();
        Files.writeString(pidFile(), Long.toString(process.pid()));
        Files.writeString(startedFile(), startedAt.toString());
        System.out.println("Keycloak: starting on " + url() + " (pid " + process.pid() + ", log "
                + home.resolve("preventiefonds-test.log") + ")");
    }

    /**
     * Stops the Keycloak this launcher started, and only that one: the process of the pid file and everything under
     * it (the shell, kc.sh and its java child; after kc.sh relaunched itself the pid is the java process itself, so
     * the check is on this Keycloak's folder in the command line, not on "kc.sh"). A Keycloak of another build
     * (another folder, another port) is never touched.
     */
    static void stop() throws IOException {
        Path pidFile = pidFile();
        String home = home().toAbsolutePath().normalize().toString();
        List<ProcessHandle> ours = new java.util.ArrayList<>();
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            // After a reboot the number may belong to another process: only one whose command line names this folder.
            ProcessHandle.of(pid).filter(p -> isOurs(p, home)).ifPresent(root -> {
                ours.addAll(root.descendants().toList());
                ours.add(root);
            });
        }
        // A java child that outlived its shell (the shell killed, the child re-parented): found by folder and port.
        String port = "--http-port=" + httpPort();
        ProcessHandle.allProcesses().filter(p -> !ours.contains(p) && isOurs(p, home)
                && p.info().commandLine().map(line -> line.contains(port)).orElse(false)).forEach(ours::add);
        if (!ours.isEmpty()) {
            ours.forEach(ProcessHandle::destroy);
            for (ProcessHandle handle : ours) {
                try {
                    handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception notYet) {
                    handle.destroyForcibly();
                }
            }
            System.out.println("Keycloak: stopped " + ours.stream().map(p -> Long.toString(p.pid())).toList());
        }
        Files.deleteIfExists(pidFile);
    }

    private static boolean isOurs(ProcessHandle process, String home) {
        return process.isAlive() && process.pid() != ProcessHandle.current().pid()
                && process.info().commandLine().map(line -> line.contains(home)).orElse(false);
    }

    /**
     * Waits until every realm answers its discovery document, and says how long after the start that was and how
     * long this test waited for it (the time Keycloak adds to the run when it is not ready in time).
     */
    static synchronized void awaitReady() {
        if (Boolean.getBoolean("pf.keycloak.skip")) {
            throw new IllegalStateException("Keycloak was not started for this selection of tests: add"
                    + " -Dpf.keycloak.skip=false (it starts by itself in a plain mvn verify and with"
                    + " -Dit.test=OidcLoginBrowserIT)");
        }
        Instant waitFrom = Instant.now();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> realms = List.of("gemeente-assen", "eherkenning", "digid");
        Instant deadline = waitFrom.plus(READY_WITHIN);
        for (String realm : realms) {
            URI discovery = URI.create(issuer(realm) + "/.well-known/openid-configuration");
            while (true) {
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery)
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Keycloak did not serve realm " + realm + " within "
                            + READY_WITHIN.toSeconds() + " s; see " + home().resolve("preventiefonds-test.log"));
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        Instant ready = Instant.now();
        String since = "";
        try {
            Instant started = Instant.parse(Files.readString(startedFile()).trim());
            since = ", " + Duration.between(started, ready).toMillis() / 1000.0 + " s after its start";
        } catch (IOException | RuntimeException unknown) {
            // started by hand: only the wait is known
        }
        System.out.println("Keycloak: ready" + since + "; this test waited "
                + Duration.between(waitFrom, ready).toMillis() / 1000.0 + " s for it");
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
