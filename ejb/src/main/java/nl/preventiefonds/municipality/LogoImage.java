package nl.preventiefonds.municipality;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * A logo as uploaded, checked and made fit for letters: a PNG or JPEG (by its content, not its name) of at most
 * {@link #MAX_BYTES}, decoded (so it is really an image), flattened onto white (no transparency: a letter's image
 * needs no soft mask, which PDF/A-1 forbids) and scaled down to at most {@link #MAX_WIDTH} by {@link #MAX_HEIGHT}
 * pixels. What is stored is always that PNG: no metadata, no script, nothing of the upload but its pixels.
 */
public final class LogoImage {
    public static final int MAX_BYTES = 1024 * 1024;
    public static final String CONTENT_TYPE = "image/png";
    static final int MAX_WIDTH = 800;
    static final int MAX_HEIGHT = 400;
    /** Larger images are refused before they are decoded: a small file can declare a huge canvas. */
    static final int MAX_SOURCE_SIDE = 6000;

    private LogoImage() {
    }

    /** The stored PNG for these uploaded bytes; municipality.logoTooLarge or municipality.logoNotImage. */
    public static byte[] normalise(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new ValidationFailedException("municipality.logoNotImage");
        }
        if (upload.length > MAX_BYTES) {
            throw ValidationFailedException.of("municipality.logoTooLarge", MAX_BYTES / 1024);
        }
        if (!isPng(upload) && !isJpeg(upload)) {
            throw new ValidationFailedException("municipality.logoNotImage");
        }
        BufferedImage source = decode(upload);
        return png(flattenAndFit(source));
    }

    static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }

    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ValidationFailedException("municipality.logoNotImage");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > MAX_SOURCE_SIDE || height > MAX_SOURCE_SIDE) {
                    throw new ValidationFailedException("municipality.logoNotImage");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationFailedException refused) {
                throw refused;
            }
            // truncated, corrupt, or a format ImageIO names but cannot read
            throw new ValidationFailedException("municipality.logoNotImage");
        }
    }

    private static BufferedImage flattenAndFit(BufferedImage source) {
        double scale = Math.min(1, Math.min((double) MAX_WIDTH / source.getWidth(),
                (double) MAX_HEIGHT / source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage flat = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return flat;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
