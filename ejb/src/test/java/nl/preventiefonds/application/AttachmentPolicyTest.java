package nl.preventiefonds.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nl.preventiefonds.application.AttachmentPolicy.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttachmentPolicyTest {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    static Stream<Arguments> acceptedFiles() {
        return Stream.of(
                Arguments.of("begroting.pdf", (Supplier<byte[]>) SampleFiles::pdf, "application/pdf"),
                Arguments.of("Begroting.PDF", (Supplier<byte[]>) SampleFiles::pdf, "application/pdf"),
                Arguments.of("logo.png", (Supplier<byte[]>) SampleFiles::png, "image/png"),
                Arguments.of("foto.jpg", (Supplier<byte[]>) SampleFiles::jpeg, "image/jpeg"),
                Arguments.of("foto.jpeg", (Supplier<byte[]>) SampleFiles::jpeg, "image/jpeg"),
                Arguments.of("animatie.gif", (Supplier<byte[]>) SampleFiles::gif, "image/gif"),
                Arguments.of("foto.webp", (Supplier<byte[]>) SampleFiles::webp, "image/webp"),
                Arguments.of("plan.docx", (Supplier<byte[]>) SampleFiles::docx, DOCX),
                Arguments.of("begroting.xlsx", (Supplier<byte[]>) SampleFiles::xlsx, XLSX),
                Arguments.of("export.xlsx", (Supplier<byte[]>) SampleFiles::xlsxWithContentTypesLast, XLSX),
                Arguments.of("pitch.pptx", (Supplier<byte[]>) SampleFiles::pptx, PPTX),
                Arguments.of("plan.doc", (Supplier<byte[]>) SampleFiles::ole2, "application/msword"),
                Arguments.of("begroting.xls", (Supplier<byte[]>) SampleFiles::ole2, "application/vnd.ms-excel"),
                Arguments.of("pitch.ppt", (Supplier<byte[]>) SampleFiles::ole2, "application/vnd.ms-powerpoint"),
                Arguments.of("plan.odt", (Supplier<byte[]>) SampleFiles::odt, "application/vnd.oasis.opendocument.text"),
                Arguments.of("begroting.ods", (Supplier<byte[]>) SampleFiles::ods,
                        "application/vnd.oasis.opendocument.spreadsheet"),
                Arguments.of("pitch.odp", (Supplier<byte[]>) SampleFiles::odp,
                        "application/vnd.oasis.opendocument.presentation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedFiles")
    void acceptedTypesAreStoredWithTheirOwnMediaType(String name, Supplier<byte[]> file, String mediaType) {
        Verdict verdict = AttachmentPolicy.inspect(name, file.get(), 0);
        assertTrue(verdict.accepted(), () -> verdict.toString());
        assertNull(verdict.messageKey());
        assertEquals(mediaType, verdict.mediaType());
        assertEquals(name, verdict.safeFilename());
    }

    @Test
    void whatTikaCoreDetectsWithoutAFileName() {
        // tika-core knows Office files by their container only; the extension picks the exact type
        assertEquals("application/x-tika-ooxml", AttachmentPolicy.detect(SampleFiles.docx()));
        assertEquals("application/x-tika-msoffice", AttachmentPolicy.detect(SampleFiles.ole2()));
        assertEquals("application/vnd.oasis.opendocument.text", AttachmentPolicy.detect(SampleFiles.odt()));
        // the "format=pe" parameter is dropped
        assertEquals("application/x-msdownload", AttachmentPolicy.detect(SampleFiles.windowsExecutable()));
        assertEquals("application/zip", AttachmentPolicy.detect(SampleFiles.plainZip()));
    }

    @Test
    void anOfficeFileWithItsContentTypesPartLastIsStillFoundInTheZipDirectory() {
        assertEquals("application/zip", AttachmentPolicy.tikaType(SampleFiles.xlsxWithContentTypesLast()));
        assertEquals("application/x-tika-ooxml", AttachmentPolicy.detect(SampleFiles.xlsxWithContentTypesLast()));
        assertTrue(AttachmentPolicy.hasZipEntry(SampleFiles.xlsxWithContentTypesLast(), "[Content_Types].xml"));
        assertFalse(AttachmentPolicy.hasZipEntry(SampleFiles.plainZip(), "[Content_Types].xml"));
        assertFalse(AttachmentPolicy.hasZipEntry(SampleFiles.pdf(), "[Content_Types].xml"));
        byte[] truncated = Arrays.copyOf(SampleFiles.xlsxWithContentTypesLast(), 200);
        assertFalse(AttachmentPolicy.hasZipEntry(truncated, "[Content_Types].xml"));
    }

    static Stream<Arguments> refusedContent() {
        return Stream.of(
                Arguments.of("begroting.pdf", (Supplier<byte[]>) SampleFiles::windowsExecutable, "application/x-msdownload"),
                Arguments.of("setup.exe", (Supplier<byte[]>) SampleFiles::windowsExecutable, "application/x-msdownload"),
                Arguments.of("bijlagen.zip", (Supplier<byte[]>) SampleFiles::plainZip, "application/zip"),
                Arguments.of("plan.docx", (Supplier<byte[]>) SampleFiles::plainZip, "application/zip"),
                Arguments.of("begroting.pdf", (Supplier<byte[]>) SampleFiles::html, "text/html"),
                Arguments.of("script.pdf", (Supplier<byte[]>) SampleFiles::shellScript, "application/x-sh"),
                Arguments.of("logo.png", (Supplier<byte[]>) SampleFiles::svg, "image/svg+xml"),
                Arguments.of("notitie.txt", (Supplier<byte[]>) SampleFiles::plainText, "text/plain"));
    }

    @ParameterizedTest(name = "{0} holding {2}")
    @MethodSource("refusedContent")
    void contentOutsideTheAcceptedTypesIsRefusedWhateverItsName(String name, Supplier<byte[]> file, String detected) {
        Verdict verdict = AttachmentPolicy.inspect(name, file.get(), 0);
        assertFalse(verdict.accepted());
        assertEquals("attachment.typeRefused", verdict.messageKey());
        assertEquals(detected, verdict.mediaType());
    }

    @Test
    void aRealPdfWithADoubleExtensionIsAMismatch() {
        Verdict verdict = AttachmentPolicy.inspect("begroting.pdf.exe", SampleFiles.pdf(), 0);
        assertFalse(verdict.accepted());
        assertEquals("attachment.extensionMismatch", verdict.messageKey());
        assertEquals("application/pdf", verdict.mediaType());
        assertEquals("begroting.pdf.exe", verdict.safeFilename());
    }

    @Test
    void aNameThatDoesNotFitTheContentIsAMismatch() {
        assertMismatch("logo.pdf", SampleFiles.png());
        assertMismatch("foto.png", SampleFiles.jpeg());
        assertMismatch("plan.odt", SampleFiles.docx());
        assertMismatch("plan.docx", SampleFiles.odt());
        assertMismatch("plan.doc", SampleFiles.docx());
        assertMismatch("plan.xlsx", SampleFiles.ole2());
        assertMismatch("begroting.ods", SampleFiles.odt());
    }

    @Test
    void aMissingExtensionIsAMismatch() {
        assertMismatch("begroting", SampleFiles.pdf());
        assertMismatch("begroting.", SampleFiles.pdf());
        assertMismatch(null, SampleFiles.pdf());
        assertMismatch("", SampleFiles.pdf());
    }

    private static void assertMismatch(String name, byte[] content) {
        Verdict verdict = AttachmentPolicy.inspect(name, content, 0);
        assertFalse(verdict.accepted(), name);
        assertEquals("attachment.extensionMismatch", verdict.messageKey(), name);
    }

    @Test
    void anEmptyFileIsRefused() {
        Verdict verdict = AttachmentPolicy.inspect("leeg.pdf", new byte[0], 0);
        assertFalse(verdict.accepted());
        assertEquals("attachment.empty", verdict.messageKey());
        assertNull(verdict.mediaType());
        assertEquals("attachment.empty", AttachmentPolicy.inspect("leeg.pdf", null, 0).messageKey());
    }

    @Test
    void aFileOverTheLimitIsRefusedAndOneAtTheLimitIsNot() {
        byte[] tooLarge = paddedPdf(AttachmentPolicy.MAX_FILE_BYTES + 1);
        Verdict verdict = AttachmentPolicy.inspect("groot.pdf", tooLarge, 0);
        assertFalse(verdict.accepted());
        assertEquals("attachment.tooLarge", verdict.messageKey());

        Verdict atLimit = AttachmentPolicy.inspect("groot.pdf", paddedPdf(AttachmentPolicy.MAX_FILE_BYTES), 0);
        assertTrue(atLimit.accepted(), atLimit::toString);
    }

    @Test
    void theApplicationTotalIsLimited() {
        byte[] pdf = SampleFiles.pdf();
        long room = AttachmentPolicy.MAX_APPLICATION_BYTES - pdf.length;
        assertTrue(AttachmentPolicy.inspect("plan.pdf", pdf, room).accepted());
        Verdict verdict = AttachmentPolicy.inspect("plan.pdf", pdf, room + 1);
        assertFalse(verdict.accepted());
        assertEquals("attachment.applicationTooLarge", verdict.messageKey());
        assertThrows(IllegalArgumentException.class, () -> AttachmentPolicy.inspect("plan.pdf", pdf, -1));
    }

    /** A PDF header followed by zeros: detection only reads the start. */
    private static byte[] paddedPdf(long size) {
        byte[] pdf = SampleFiles.pdf();
        byte[] padded = new byte[Math.toIntExact(size)];
        System.arraycopy(pdf, 0, padded, 0, pdf.length);
        return padded;
    }

    @Test
    void pathsAreStripped() {
        assertEquals("passwd.pdf", safeName("../../etc/passwd.pdf"));
        assertEquals("plan.pdf", safeName("C:\\Users\\x\\plan.pdf"));
        assertEquals("plan.pdf", safeName("\\\\server\\share\\plan.pdf"));
    }

    @Test
    void controlAndForbiddenCharactersAreRemovedAndWhitespaceCollapsed() {
        assertEquals("plan B.pdf", safeName("plan\tB\u0000.pdf"));
        assertEquals("plan B.pdf", safeName("  plan \r\n  B .pdf"));
        assertEquals("ab.pdf", safeName("a<>:\"|?*b.pdf"));
        assertEquals("plan begroting.pdf", safeName("plan\u00a0begroting.pdf"));
        // U+202E would show "begroting\u202Efdp.exe" as "begrotingexe.pdf"
        Verdict disguised = AttachmentPolicy.inspect("begroting\u202Efdp.exe", SampleFiles.pdf(), 0);
        assertEquals("begrotingfdp.exe", disguised.safeFilename());
        assertEquals("attachment.extensionMismatch", disguised.messageKey());
    }

    @Test
    void dotsThatWouldHideOrLoseTheNameAreStripped() {
        assertEquals("plan.pdf", safeName("plan.pdf."));
        assertEquals("plan.pdf", safeName("..plan.pdf"));
        assertEquals("bijlage.pdf", safeName(".pdf"));
        assertEquals("bijlage.pdf", safeName("<>.pdf"));
        assertEquals("bijlage.pdf", safeName("../.pdf"));
    }

    @Test
    void decomposedAccentsAreComposed() {
        assertEquals("ide\u0301e.pdf".length() - 1, safeName("ide\u0301e.pdf").length());
        assertEquals("id\u00e9e.pdf", safeName("ide\u0301e.pdf"));
    }

    @Test
    void longNamesAreShortenedKeepingTheExtension() {
        String name = safeName("begroting ".repeat(30) + "definitief.pdf");
        assertEquals(AttachmentPolicy.MAX_FILENAME_LENGTH, name.length(), name);
        assertTrue(name.startsWith("begroting begroting"));
        assertTrue(name.endsWith(".pdf"));
        Verdict verdict = AttachmentPolicy.inspect("x".repeat(500) + ".pdf", SampleFiles.pdf(), 0);
        assertTrue(verdict.accepted());
        assertEquals("x".repeat(AttachmentPolicy.MAX_FILENAME_LENGTH - 4) + ".pdf", verdict.safeFilename());
    }

    @Test
    void shorteningNeverSplitsACharacterNorEndsInASpace() {
        String emoji = "\uD83D\uDCC4"; // one character, two chars in Java
        String name = safeName("a" + emoji.repeat(100) + ".pdf");
        assertTrue(name.length() <= AttachmentPolicy.MAX_FILENAME_LENGTH);
        assertTrue(name.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE), name);
        assertTrue(name.endsWith(".pdf"));

        String spaced = safeName("x".repeat(115) + " a.pdf");
        assertEquals("x".repeat(115) + ".pdf", spaced);
    }

    @Test
    void aNameOfNothingButRubbishStillGivesAName() {
        Verdict verdict = AttachmentPolicy.inspect("\u0000\u0001 ...", SampleFiles.pdf(), 0);
        assertEquals("attachment.extensionMismatch", verdict.messageKey());
        assertEquals(AttachmentPolicy.FALLBACK_BASE_NAME, verdict.safeFilename());
        assertEquals(AttachmentPolicy.FALLBACK_BASE_NAME, AttachmentPolicy.inspect(null, new byte[0], 0).safeFilename());
    }

    private static String safeName(String original) {
        return AttachmentPolicy.inspect(original, SampleFiles.pdf(), 0).safeFilename();
    }
}
