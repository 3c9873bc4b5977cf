package nl.preventiefonds.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import nl.preventiefonds.platform.Problem;

/**
 * JSON bodies of the API are at most {@value #MAX_MIB} MiB (a batch of 1,000 decisions with long reasons fits):
 * a larger one is a 413 before it is read, also when it comes without a length (chunked). Uploads (attachments,
 * CSV) keep their own limits, and every body Undertow's max-post-size.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class ApiBodyLimit implements ContainerRequestFilter {
    public static final int MAX_MIB = 8;
    static final long MAX_BYTES = MAX_MIB * 1024L * 1024L;

    /** The body went past the limit while it was read. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super("body larger than " + MAX_MIB + " MiB");
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (!request.hasEntity() || type == null || !(type.getSubtype().equals("json")
                || type.getSubtype().endsWith("+json"))) {
            return;
        }
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(ProblemResponses.of(413, List.of(Problem.of("api.bodyTooLarge", MAX_MIB)),
                    ProblemResponses.locale(request.getAcceptableLanguages())));
            return;
        }
        request.setEntityStream(new Limited(request.getEntityStream(), MAX_BYTES));
    }

    /** Counts what is read and refuses the byte past the limit. */
    static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws TooLargeException {
            left -= n;
            if (left < 0) {
                throw new TooLargeException();
            }
        }
    }
}
