package nl.preventiefonds.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import nl.preventiefonds.platform.ServiceUnavailableException;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.scan.MalwareScanner;
import nl.preventiefonds.platform.scan.MalwareScanning;
import nl.preventiefonds.platform.scan.ScanUnavailableException;
import nl.preventiefonds.platform.scan.ScanVerdict;

/**
 * Scans an upload the policy accepted, before it is stored. Clean (or scanning off): the outcome to store with the
 * file. Flagged: the file goes to quarantine and the upload is refused. No verdict: refused, try again later (fail
 * closed; an unscanned file is never let through while scanning is on).
 */
@Dependent
public class UploadScan {
    private static final Logger LOG = Logger.getLogger(UploadScan.class.getName());

    @Inject
    private MalwareScanning scanning;

    @Inject
    private Quarantine quarantine;

    public record Outcome(ScanStatus status, Instant scannedAt) {
    }

    public Outcome screen(Application application, Long reportRequestId, AttachmentPolicy.Verdict accepted,
                         byte[] content, Instant now, String uploadedBy) {
        Optional<MalwareScanner> scanner = scanning.scanner();
        if (scanner.isEmpty()) {
            return new Outcome(ScanStatus.NOT_SCANNED, null);
        }
        ScanVerdict verdict;
        try {
            verdict = scanner.get().scan(content);
        } catch (ScanUnavailableException e) {
            LOG.warning(() -> "Upload refused, no malware scan: " + e.getMessage());
            throw new ServiceUnavailableException("attachment.scanUnavailable");
        }
        if (verdict.infected()) {
            long id = quarantine.keep(application.getId(), application.getMunicipalityId(), reportRequestId,
                    accepted.safeFilename(), accepted.mediaType(), content, verdict.signature(), now, uploadedBy);
            LOG.warning(() -> "Upload quarantined as " + id + " (" + verdict.signature() + ") for application "
                    + application.getId() + " by " + uploadedBy);
            throw ValidationFailedException.of("attachment.quarantined", accepted.safeFilename());
        }
        return new Outcome(ScanStatus.CLEAN, now);
    }
}
