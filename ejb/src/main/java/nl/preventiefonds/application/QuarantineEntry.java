package nl.preventiefonds.application;

import java.time.Instant;

/** A quarantined upload's facts for the administrators' list, read without its bytes. */
public record QuarantineEntry(Long id, long applicationId, Long reportRequestId, String filename, String mediaType,
                              long sizeBytes, String sha256, String signature, Instant uploadedAt,
                              String uploadedBy) {
}
