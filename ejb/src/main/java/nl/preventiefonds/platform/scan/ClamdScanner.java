package nl.preventiefonds.platform.scan;

import java.io.ByteArrayInputStream;
import java.time.Duration;

/** Scans through a clamd daemon over TCP. */
public final class ClamdScanner implements MalwareScanner {
    private final ClamdClient client;

    public ClamdScanner(String host, int port, Duration connectTimeout, Duration readTimeout) {
        this.client = new ClamdClient(host, port, connectTimeout, readTimeout);
    }

    @Override
    public ScanVerdict scan(byte[] content) throws ScanUnavailableException {
        return client.scan(new ByteArrayInputStream(content));
    }

    public boolean ping() {
        return client.ping();
    }
}
