package nl.preventiefonds.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * Decides whether an uploaded file may be stored. The type comes from the content (magic bytes), never from
 * the name or the browser's Content-Type; the name's extension must then fit that type, so a file is served
 * with the type it really has.
 */
public final class AttachmentPolicy {
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    /** The upload's bytes, at most one past the limit: enough to refuse a file too large without holding it all. */
    public static byte[] readBounded(java.io.InputStream in) throws java.io.IOException {
        return in.readNBytes((int) MAX_FILE_BYTES + 1);
    }
    public static final long MAX_APPLICATION_BYTES = 25L * 1024 * 1024;

    static final int MAX_FILENAME_LENGTH = 120;
    static final String FALLBACK_BASE_NAME = "bijlage";
    // longer "extensions" are just part of the name when shortening it
    private static final int MAX_EXTENSION_LENGTH = 10;

    /**
     * The outcome. {@code messageKey} is null when accepted. {@code mediaType} is the type to store and serve
     * when accepted; on a refusal after detection it is the detected type (for the log), else null.
     * {@code safeFilename} is the cleaned name, also on a refusal.
     */
    public record Verdict(boolean accepted, String messageKey, String mediaType, String safeFilename) {
    }

    private static final String OOXML_CONTAINER = "application/x-tika-ooxml";
    private static final String OLE2_CONTAINER = "application/x-tika-msoffice";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    private static final String DOC = "application/msword";
    private static final String XLS = "application/vnd.ms-excel";
    private static final String PPT = "application/vnd.ms-powerpoint";
    private static final String ODT = "application/vnd.oasis.opendocument.text";
    private static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    private static final String ODP = "application/vnd.oasis.opendocument.presentation";

    /** The type each accepted extension is stored and served as. */
    private static final Map<String, String> TYPE_BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("docx", DOCX),
            Map.entry("xlsx", XLSX),
            Map.entry("pptx", PPTX),
            Map.entry("doc", DOC),
            Map.entry("xls", XLS),
            Map.entry("ppt", PPT),
            Map.entry("odt", ODT),
            Map.entry("ods", ODS),
            Map.entry("odp", ODP));

    /**
     * Detected type to the extensions that fit it. tika-core alone recognises Office files only by their
     * container, so the generic OOXML and OLE2 types admit each member of their family.
     */
    private static final Map<String, Set<String>> EXTENSIONS_BY_DETECTED_TYPE = Map.ofEntries(
            Map.entry("application/pdf", Set.of("pdf")),
            Map.entry("image/png", Set.of("png")),
            Map.entry("image/jpeg", Set.of("jpg", "jpeg")),
            Map.entry("image/gif", Set.of("gif")),
            Map.entry("image/webp", Set.of("webp")),
            Map.entry(OOXML_CONTAINER, Set.of("docx", "xlsx", "pptx")),
            Map.entry(DOCX, Set.of("docx")),
            Map.entry(XLSX, Set.of("xlsx")),
            Map.entry(PPTX, Set.of("pptx")),
            Map.entry(OLE2_CONTAINER, Set.of("doc", "xls", "ppt")),
            Map.entry(DOC, Set.of("doc")),
            Map.entry(XLS, Set.of("xls")),
            Map.entry(PPT, Set.of("ppt")),
            Map.entry(ODT, Set.of("odt")),
            Map.entry(ODS, Set.of("ods")),
            Map.entry(ODP, Set.of("odp")));

    // The default detector is thread-safe; loading it reads Tika's type registry once.
    private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

    private AttachmentPolicy() {
    }

    /**
     * Checks in this order: empty, file size, total size of the application, type by content, extension.
     *
     * @param bytesAlreadyStoredForApplication sum of the sizes of the application's stored attachments
     */
    public static Verdict inspect(String originalFilename, byte[] content, long bytesAlreadyStoredForApplication) {
        if (bytesAlreadyStoredForApplication < 0) {
            throw new IllegalArgumentException("bytes already stored must not be negative");
        }
        String cleanName = cleanFilename(originalFilename);
        if (content == null || content.length == 0) {
            return refused("attachment.empty", null, cleanName);
        }
        if (content.length > MAX_FILE_BYTES) {
            return refused("attachment.tooLarge", null, cleanName);
        }
        if (bytesAlreadyStoredForApplication + content.length > MAX_APPLICATION_BYTES) {
            return refused("attachment.applicationTooLarge", null, cleanName);
        }
        String detected = detect(content);
        Set<String> fitting = EXTENSIONS_BY_DETECTED_TYPE.get(detected);
        if (fitting == null) {
            return refused("attachment.typeRefused", detected, cleanName);
        }
        String extension = extension(cleanName);
        if (extension == null || !fitting.contains(extension)) {
            return refused("attachment.extensionMismatch", detected, cleanName);
        }
        return new Verdict(true, null, TYPE_BY_EXTENSION.get(extension), cleanName);
    }

    private static Verdict refused(String key, String detected, String cleanName) {
        // an accepted name always has a base and an extension; a refused one may have been all rubbish
        return new Verdict(false, key, detected, cleanName.isEmpty() ? FALLBACK_BASE_NAME : cleanName);
    }

    /** Base type (no parameters) from the content alone: no file name goes in, so a name cannot steer it. */
    static String detect(byte[] content) {
        String type = tikaType(content);
        // tika-core sees OOXML only when [Content_Types].xml or _rels/.rels is the first entry; some writers
        // (e.g. spreadsheet exports from scripts) put it last, so look the part up in the zip directory.
        if ("application/zip".equals(type) && hasZipEntry(content, "[Content_Types].xml")) {
            return OOXML_CONTAINER;
        }
        return type;
    }

    static String tikaType(byte[] content) {
        try (TikaInputStream in = TikaInputStream.get(content)) {
            return DETECTOR.detect(in, new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads only the zip's central directory, so nothing is inflated (no zip bomb risk). */
    static boolean hasZipEntry(byte[] zip, String name) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int endRecord = -1;
        // the end-of-central-directory record is 22 bytes plus a comment of at most 65535 bytes
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
            if (buffer.getInt(i) == 0x06054b50) {
                endRecord = i;
                break;
            }
        }
        if (endRecord < 0) {
            return false;
        }
        int entries = Short.toUnsignedInt(buffer.getShort(endRecord + 10));
        long position = Integer.toUnsignedLong(buffer.getInt(endRecord + 16));
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int n = 0; n < entries; n++) {
            if (position + 46 > zip.length || buffer.getInt((int) position) != 0x02014b50) {
                return false;
            }
            int p = (int) position;
            int nameLength = Short.toUnsignedInt(buffer.getShort(p + 28));
            int extraLength = Short.toUnsignedInt(buffer.getShort(p + 30));
            int commentLength = Short.toUnsignedInt(buffer.getShort(p + 32));
            if (p + 46 + nameLength > zip.length) {
                return false;
            }
            if (nameLength == wanted.length
                    && Arrays.equals(zip, p + 46, p + 46 + nameLength, wanted, 0, wanted.length)) {
                return true;
            }
            position = (long) p + 46 + nameLength + extraLength + commentLength;
        }
        return false;
    }

    /**
     * The name without any path, control or format characters (bidi overrides can disguise "exe" as "pdf")
     * or characters Windows forbids, whitespace collapsed, at most {@value #MAX_FILENAME_LENGTH} characters
     * with the extension kept. "bijlage" replaces a base name of which nothing is left; empty when nothing
     * usable remains at all.
     */
    static String cleanFilename(String original) {
        if (original == null) {
            return "";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        // browsers on macOS send decomposed accents
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                clean.append(' ');
            } else if (!isUnsafe(cp)) {
                clean.appendCodePoint(cp);
            }
        });
        // Windows drops trailing dots and spaces, so "plan.pdf." would be served as "plan.pdf"
        name = stripDotsAndSpaces(clean.toString().replaceAll(" {2,}", " "), false);
        int dot = name.lastIndexOf('.');
        String suffix = dot < 0 || name.length() - dot > MAX_EXTENSION_LENGTH + 1 ? "" : name.substring(dot);
        // leading dots would hide the file on Unix
        String base = stripDotsAndSpaces(name.substring(0, name.length() - suffix.length()), true);
        if (base.isEmpty()) {
            return suffix.isEmpty() ? "" : FALLBACK_BASE_NAME + suffix;
        }
        return stripDotsAndSpaces(cut(base, MAX_FILENAME_LENGTH - suffix.length()), false) + suffix;
    }

    private static boolean isUnsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || "<>:\"|?*/\\".indexOf(cp) >= 0;
    }

    /** At most {@code length} chars, not splitting a surrogate pair. */
    private static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    private static String stripDotsAndSpaces(String text, boolean alsoLeading) {
        int start = 0;
        int end = text.length();
        while (alsoLeading && start < end && (text.charAt(start) == '.' || text.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ' ')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Lower-case text after the last dot, or null when there is none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return null;
        }
        return name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
