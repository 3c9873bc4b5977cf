package nl.preventiefonds.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides whether an uploaded file may be stored. The type is read from the content (magic
 * bytes, Apache Tika) without looking at the name; the name's extension must then fit that
 * type, so a renamed executable or "plan.pdf.exe" is refused.
 */
public final class AttachmentPolicy {
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final long MAX_APPLICATION_BYTES = 25L * 1024 * 1024;
    private static final int MAX_NAME = 120;

    /** The detector only sees bytes: Tika's magic database, never the file name. */
    private static final Detector DETECTOR = MimeTypes.getDefaultMimeTypes();

    /** Accepted families: detected media type to the extensions that may carry it. */
    private static final Map<String, Set<String>> FAMILIES = Map.ofEntries(
            Map.entry("application/pdf", Set.of("pdf")),
            Map.entry("image/png", Set.of("png")),
            Map.entry("image/jpeg", Set.of("jpg", "jpeg")),
            Map.entry("image/gif", Set.of("gif")),
            Map.entry("image/webp", Set.of("webp")),
            Map.entry("application/x-tika-ooxml", Set.of("docx", "xlsx", "pptx")),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx")),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx")),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", Set.of("pptx")),
            Map.entry("application/x-tika-msoffice", Set.of("doc", "xls", "ppt")),
            Map.entry("application/msword", Set.of("doc")),
            Map.entry("application/vnd.ms-excel", Set.of("xls")),
            Map.entry("application/vnd.ms-powerpoint", Set.of("ppt")),
            Map.entry("application/vnd.oasis.opendocument.text", Set.of("odt")),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", Set.of("ods")),
            Map.entry("application/vnd.oasis.opendocument.presentation", Set.of("odp")));

    /** The media type stored and served, by extension, once content and extension agree. */
    private static final Map<String, String> SERVED = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("doc", "application/msword"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("odp", "application/vnd.oasis.opendocument.presentation"));

    private AttachmentPolicy() {
    }

    public record Verdict(boolean accepted, String messageKey, String mediaType, String safeFilename) {
        static Verdict refused(String key) {
            return new Verdict(false, key, null, null);
        }
    }

    public static Verdict inspect(String originalFilename, byte[] content, long bytesAlreadyStoredForApplication) {
        if (content == null || content.length == 0) {
            return Verdict.refused("attachment.empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            return Verdict.refused("attachment.tooLarge");
        }
        if (bytesAlreadyStoredForApplication + content.length > MAX_APPLICATION_BYTES) {
            return Verdict.refused("attachment.applicationTooLarge");
        }
        String detected = detect(content);
        Set<String> extensions = FAMILIES.get(detected);
        if (extensions == null) {
            return Verdict.refused("attachment.typeRefused");
        }
        String name = safeFilename(originalFilename);
        String extension = extension(name);
        if (!extensions.contains(extension)) {
            return Verdict.refused("attachment.extensionMismatch");
        }
        return new Verdict(true, null, SERVED.get(extension), name);
    }

    static String detect(byte[] content) {
        try {
            MediaType type = DETECTOR.detect(new ByteArrayInputStream(content), new Metadata());
            return type.getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No path, no control or reserved characters, at most 120 characters with the extension kept. */
    public static String safeFilename(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(cp -> !Character.isISOControl(cp) && "<>:\"|?*".indexOf(cp) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        name = name.replaceAll("\\s+", " ").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > MAX_NAME) {
            String extension = extension(name);
            int keep = MAX_NAME - extension.length() - 1;
            name = extension.isEmpty() || extension.length() > 10 ? name.substring(0, MAX_NAME)
                    : name.substring(0, keep).strip() + "." + extension;
        }
        return name.isEmpty() ? "bijlage" : name;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
