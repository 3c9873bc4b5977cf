package nl.preventiefonds.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's clamd for a test, on 127.0.0.1 with a signature database of its own: only the MD5 signatures sigtool makes
 * of the given files, so no download (freshclam) is ever needed and a flagged file is a harmless test file. Not
 * installed is a failure, never a skip: the scan is part of what the build proves. Started only by the test class
 * that scans (MalwareScanIT), on 3310 plus the build's pf.port.offset so parallel builds do not collide.
 */
final class Clamd implements AutoCloseable {
    static final Path CLAMD = Path.of("/usr/sbin/clamd");
    static final Path SIGTOOL = Path.of("/usr/bin/sigtool");

    private final Process process;
    private final int port;
    private final Duration startTime;

    private Clamd(Process process, int port, Duration startTime) {
        this.process = process;
        this.port = port;
        this.startTime = startTime;
    }

    /** clamd's port for this build: 3310 plus the test server's port offset. */
    static int portForThisBuild() {
        return 3310 + Integer.parseInt(System.getProperty("pf.port.offset", "100"));
    }

    /** Starts clamd in {@code dir} (its config, database and log) on that port; returns once it answers PONG. */
    static Clamd start(Path dir, int port, long streamMaxBytes, Path... flagged)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(CLAMD) || !Files.isExecutable(SIGTOOL)) {
            throw new IllegalStateException("The malware scan tests need Debian's clamd and sigtool (" + CLAMD + ", "
                    + SIGTOOL + "): install them with `DEBIAN_FRONTEND=noninteractive apt-get install -y"
                    + " clamav-daemon clamav` (no signature download is needed).");
        }
        Path database = dir.resolve("clamd-db");
        Files.createDirectories(database);
        List<String> signatures = new ArrayList<>();
        for (Path file : flagged) {
            Process sigtool = new ProcessBuilder(SIGTOOL.toString(), "--md5", file.toString())
                    .redirectErrorStream(true).start();
            String line = new String(sigtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (sigtool.waitFor() != 0 || line.split(":").length != 3) {
                throw new IllegalStateException("sigtool --md5 " + file + " failed: " + line);
            }
            signatures.add(line);
        }
        Files.write(database.resolve("preventiefonds-test.hdb"), signatures);
        Path log = dir.resolve("clamd.log");
        Path conf = dir.resolve("clamd.conf");
        Files.writeString(conf, String.join("\n",
                "TCPSocket " + port,
                "TCPAddr 127.0.0.1",
                "DatabaseDirectory " + database.toAbsolutePath(),
                "TemporaryDirectory " + dir.toAbsolutePath(),
                "PidFile " + dir.resolve("clamd.pid").toAbsolutePath(),
                "LogFile " + log.toAbsolutePath(),
                "Foreground yes",
                "StreamMaxLength " + streamMaxBytes,
                "SelfCheck 0",
                ""));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(CLAMD.toString(), "-c", conf.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("clamd.out").toFile()).start();
        Clamd clamd = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("clamd stopped at start (exit " + process.exitValue() + "): "
                        + Files.readString(dir.resolve("clamd.out")));
            }
            if (ping(port)) {
                clamd = new Clamd(process, port, Duration.ofNanos(System.nanoTime() - started));
                break;
            }
            Thread.sleep(100);
        }
        if (clamd == null) {
            process.destroyForcibly();
            throw new IllegalStateException("clamd did not answer PING within 90 s; see " + log);
        }
        System.out.println("clamd answered PONG on 127.0.0.1:" + port + " after " + clamd.startTime.toMillis()
                + " ms");
        return clamd;
    }

    private static boolean ping(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    int port() {
        return port;
    }

    Duration startTime() {
        return startTime;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
