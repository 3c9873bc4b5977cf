package nl.preventiefonds.application;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Real, minimal files built in memory, so detection is tested on what programs actually write. */
final class SampleFiles {

    private SampleFiles() {
    }

    static byte[] pdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png() {
        return image("png");
    }

    static byte[] jpeg() {
        return image("jpeg");
    }

    static byte[] gif() {
        return image("gif");
    }

    /** A 1x1 lossless WebP (the image Modernizr uses to probe support); the JDK cannot write WebP. */
    static byte[] webp() {
        return Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, Color.ORANGE.getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A Word document as Word writes it: [Content_Types].xml is the first entry. */
    static byte[] docx() {
        return zip(false, ooxmlParts("word/document.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        + "<w:body><w:p><w:r><w:t>Begroting</w:t></w:r></w:p></w:body></w:document>"));
    }

    static byte[] xlsx() {
        return zip(false, ooxmlParts("xl/workbook.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>"));
    }

    static byte[] pptx() {
        return zip(false, ooxmlParts("ppt/presentation.xml",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
                "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>"));
    }

    /** A spreadsheet as some script libraries write it: [Content_Types].xml is the last entry. */
    static byte[] xlsxWithContentTypesLast() {
        Map<String, String> parts = ooxmlParts("xl/workbook.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>");
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("docProps/app.xml", "<Properties/>");
        parts.forEach((name, text) -> {
            if (!name.equals("[Content_Types].xml")) {
                reordered.put(name, text);
            }
        });
        reordered.put("[Content_Types].xml", parts.get("[Content_Types].xml"));
        return zip(false, reordered);
    }

    private static Map<String, String> ooxmlParts(String mainPart, String mainType, String mainXml) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/" + mainPart + "\" ContentType=\"" + mainType + "\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"" + mainPart + "\"/></Relationships>");
        parts.put(mainPart, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + mainXml);
        return parts;
    }

    static byte[] odt() {
        return odf("application/vnd.oasis.opendocument.text");
    }

    static byte[] ods() {
        return odf("application/vnd.oasis.opendocument.spreadsheet");
    }

    static byte[] odp() {
        return odf("application/vnd.oasis.opendocument.presentation");
    }

    /** ODF requires "mimetype" as the first entry, stored uncompressed, so its text sits at offset 38. */
    private static byte[] odf(String mediaType) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("mimetype", mediaType);
        parts.put("META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                + " manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\""
                + mediaType + "\"/><manifest:file-entry manifest:full-path=\"content.xml\""
                + " manifest:media-type=\"text/xml\"/></manifest:manifest>");
        parts.put("content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" office:version=\"1.3\">"
                + "<office:body/></office:document-content>");
        return zip(true, parts);
    }

    static byte[] plainZip() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("begroting.txt", "Huur zaal: 250 euro");
        parts.put("planning.txt", "Mei: start");
        return zip(false, parts);
    }

    private static byte[] zip(boolean firstStored, Map<String, String> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            boolean first = true;
            for (Map.Entry<String, String> part : parts.entrySet()) {
                byte[] data = part.getValue().getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(part.getKey());
                if (first && firstStored) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(data.length);
                    entry.setCompressedSize(data.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
                first = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * An empty but valid OLE2 compound file (the container of .doc, .xls and .ppt): header, one FAT sector,
     * one directory sector holding only the root entry.
     */
    static byte[] ole2() {
        final int sector = 512;
        final int free = 0xFFFFFFFF;
        final int endOfChain = 0xFFFFFFFE;
        ByteBuffer file = ByteBuffer.allocate(3 * sector).order(ByteOrder.LITTLE_ENDIAN);
        file.put(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        file.position(24);
        file.putShort((short) 0x003E).putShort((short) 3).putShort((short) 0xFFFE); // version 3, little-endian
        file.putShort((short) 9).putShort((short) 6);                            // 512-byte sectors, 64-byte mini
        file.position(44);
        file.putInt(1);              // FAT sectors
        file.putInt(1);              // first directory sector
        file.putInt(0);              // transaction signature
        file.putInt(4096);           // mini stream cutoff
        file.putInt(endOfChain);     // first mini FAT sector
        file.putInt(0);              // mini FAT sectors
        file.putInt(endOfChain);     // first DIFAT sector
        file.putInt(0);              // DIFAT sectors
        file.putInt(0);              // DIFAT[0]: the FAT is sector 0
        for (int i = 1; i < 109; i++) {
            file.putInt(free);
        }
        // sector 0 (file offset 512): the FAT
        file.putInt(0xFFFFFFFD);     // sector 0 is a FAT sector
        file.putInt(endOfChain);     // sector 1, the directory, is one sector long
        for (int i = 2; i < sector / 4; i++) {
            file.putInt(free);
        }
        // sector 1 (file offset 1024): the root entry, then three unused entries
        int root = 2 * sector;
        byte[] name = "Root Entry".getBytes(StandardCharsets.UTF_16LE);
        file.put(root, name);
        file.putShort(root + 64, (short) (name.length + 2));
        file.put(root + 66, (byte) 5);   // root storage
        file.put(root + 67, (byte) 1);   // black
        for (int entry = 0; entry < 4; entry++) {
            int at = root + entry * 128;
            file.putInt(at + 68, free).putInt(at + 72, free).putInt(at + 76, free); // no siblings, no child
        }
        file.putInt(root + 116, endOfChain); // root has no mini stream
        return file.array();
    }

    /** A DOS/PE header stub as every Windows .exe begins: "MZ", e_lfanew at 0x3C, "PE\0\0" and a COFF header. */
    static byte[] windowsExecutable() {
        ByteBuffer file = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        file.put((byte) 'M').put((byte) 'Z');
        file.putInt(0x3C, 0x80);
        file.position(0x80);
        file.put(new byte[] {'P', 'E', 0, 0});
        file.putShort((short) 0x014C);   // i386
        file.putShort((short) 0);        // sections
        file.putInt(0).putInt(0).putInt(0);
        file.putShort((short) 0xE0);     // optional header size
        file.putShort((short) 0x0102);   // executable, 32-bit
        return file.array();
    }

    static byte[] html() {
        return ("<!DOCTYPE html>\n<html><head><title>Begroting</title></head>"
                + "<body><script>alert(document.cookie)</script></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] shellScript() {
        return "#!/bin/sh\nrm -rf /tmp/x\n".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] svg() {
        return ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\">"
                + "<script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] plainText() {
        return "Begroting 2026\nHuur zaal: 250 euro\n".getBytes(StandardCharsets.UTF_8);
    }
}
