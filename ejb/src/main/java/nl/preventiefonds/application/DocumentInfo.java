package nl.preventiefonds.application;

import java.io.Serializable;
import java.time.Instant;

/** An issued document's facts, for lists (without the bytes). */
public record DocumentInfo(Long id, IssuedDocument.Kind kind, String filename, Instant createdAt, String sha256)
        implements Serializable {
}
