package nl.preventiefonds.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AttachmentPolicyTest {

    private static void accepted(String name, byte[] content, String mediaType) {
        AttachmentPolicy.Verdict verdict = AttachmentPolicy.inspect(name, content, 0);
        assertTrue(verdict.accepted(), name + ": " + verdict.messageKey() + " (detected "
                + AttachmentPolicy.detect(content) + ")");
        assertEquals(mediaType, verdict.mediaType());
    }

    private static void refused(String name, byte[] content, long already, String key) {
        AttachmentPolicy.Verdict verdict = AttachmentPolicy.inspect(name, content, already);
        assertFalse(verdict.accepted(), name);
        assertEquals(key, verdict.messageKey(), name);
    }

    @Test
    void acceptsPdfImagesAndOfficeDocumentsByTheirContent() throws IOException {
        accepted("begroting.pdf", SampleFiles.pdf(), "application/pdf");
        accepted("foto.PNG", SampleFiles.image("png"), "image/png");
        accepted("foto.jpeg", SampleFiles.image("jpg"), "image/jpeg");
        accepted("logo.gif", SampleFiles.image("gif"), "image/gif");
        accepted("plan.docx", SampleFiles.docx(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        accepted("plan.odt", SampleFiles.odt(), "application/vnd.oasis.opendocument.text");
    }

    @Test
    void refusesExecutablesArchivesAndPagesWhateverTheirName() throws IOException {
        refused("begroting.pdf", SampleFiles.windowsExecutable(), 0, "attachment.typeRefused");
        refused("setup.exe", SampleFiles.windowsExecutable(), 0, "attachment.typeRefused");
        refused("bijlagen.zip", SampleFiles.plainZip(), 0, "attachment.typeRefused");
        refused("plan.docx", SampleFiles.plainZip(), 0, "attachment.typeRefused");
        refused("pagina.pdf", SampleFiles.html(), 0, "attachment.typeRefused");
    }

    @Test
    void theExtensionMustFitTheContent() throws IOException {
        refused("begroting.pdf.exe", SampleFiles.pdf(), 0, "attachment.extensionMismatch");
        refused("foto.pdf", SampleFiles.image("png"), 0, "attachment.extensionMismatch");
        refused("begroting", SampleFiles.pdf(), 0, "attachment.extensionMismatch");
        refused("plan.xlsx.pdf", SampleFiles.docx(), 0, "attachment.extensionMismatch");
    }

    @Test
    void sizeLimitsPerFileAndPerApplication() throws IOException {
        refused("leeg.pdf", new byte[0], 0, "attachment.empty");
        byte[] pdf = SampleFiles.pdf();
        refused("groot.pdf", Arrays.copyOf(pdf, (int) AttachmentPolicy.MAX_FILE_BYTES + 1), 0, "attachment.tooLarge");
        assertTrue(AttachmentPolicy.inspect("net.pdf", Arrays.copyOf(pdf, (int) AttachmentPolicy.MAX_FILE_BYTES), 0)
                .accepted());
        refused("teveel.pdf", pdf, AttachmentPolicy.MAX_APPLICATION_BYTES - pdf.length + 1,
                "attachment.applicationTooLarge");
        assertTrue(AttachmentPolicy.inspect("past.pdf", pdf, AttachmentPolicy.MAX_APPLICATION_BYTES - pdf.length)
                .accepted());
    }

    @Test
    void filenamesAreMadeSafe() {
        assertEquals("passwd.pdf", AttachmentPolicy.safeFilename("../../etc/passwd.pdf"));
        assertEquals("plan.pdf", AttachmentPolicy.safeFilename("C:\\Users\\x\\plan.pdf"));
        assertEquals("a b.pdf", AttachmentPolicy.safeFilename("a\u0000\n  b<>|.pdf"));
        assertEquals("bijlage", AttachmentPolicy.safeFilename("  "));
        assertEquals("bijlage", AttachmentPolicy.safeFilename(null));
        String longName = "x".repeat(300) + ".pdf";
        String safe = AttachmentPolicy.safeFilename(longName);
        assertEquals(120, safe.length());
        assertTrue(safe.endsWith(".pdf"));
    }
}
