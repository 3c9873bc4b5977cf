package nl.preventiefonds.platform.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The clamd protocol over TCP (clamd(8)): {@code zINSTREAM}, then the stream in chunks each preceded by its length
 * as 4 bytes big-endian, ended by a zero length; clamd answers {@code stream: OK}, {@code stream: <name> FOUND} or
 * {@code ... ERROR} and closes. One connection per command (no IDSESSION), so nothing is shared between threads.
 */
public final class ClamdClient {
    /** Below clamd's default StreamMaxLength chunk handling and large enough to keep the number of writes small. */
    static final int CHUNK_BYTES = 64 * 1024;
    private static final int MAX_ANSWER_BYTES = 4096;

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public ClamdClient(String host, int port, Duration connectTimeout, Duration readTimeout) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** True when clamd answers PING with PONG. */
    public boolean ping() {
        try {
            return "PONG".equals(command("zPING\0".getBytes(StandardCharsets.US_ASCII), null));
        } catch (IOException e) {
            return false;
        }
    }

    /** Scans the stream; the answer line without its terminator. */
    public ScanVerdict scan(InputStream content) throws ScanUnavailableException {
        String answer;
        try {
            answer = command("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII), content);
        } catch (IOException e) {
            throw new ScanUnavailableException("clamd at " + host + ":" + port + " gave no verdict: " + e, e);
        }
        return verdict(answer);
    }

    /** Reads clamd's answer to INSTREAM; anything but OK or FOUND is no verdict. */
    static ScanVerdict verdict(String answer) throws ScanUnavailableException {
        String result = answer.startsWith("stream: ") ? answer.substring("stream: ".length()) : answer;
        if (result.equals("OK")) {
            return ScanVerdict.CLEAN;
        }
        if (result.endsWith(" FOUND") && !answer.endsWith("ERROR")) {
            return ScanVerdict.found(result.substring(0, result.length() - " FOUND".length()).strip());
        }
        throw new ScanUnavailableException("clamd answered: " + answer);
    }

    private String command(byte[] command, InputStream content) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(command);
            if (content != null) {
                byte[] chunk = new byte[CHUNK_BYTES];
                int read;
                while ((read = content.readNBytes(chunk, 0, chunk.length)) > 0) {
                    out.write(ByteBuffer.allocate(4).putInt(read).array());
                    out.write(chunk, 0, read);
                }
                out.write(new byte[4]);
            }
            out.flush();
            return answer(socket.getInputStream());
        }
    }

    /** Up to the NUL that ends a z-command's answer (or the end of the stream). */
    private static String answer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && answer.size() < MAX_ANSWER_BYTES) {
            answer.write(b);
        }
        if (answer.size() == 0) {
            throw new IOException("clamd closed the connection without an answer");
        }
        return answer.toString(StandardCharsets.US_ASCII).strip();
    }
}
