package nl.preventiefonds.identity;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app computes them: a 160-bit secret, HMAC-SHA1,
 * six digits, a new code every 30 seconds. Codes of the step before and after are accepted too (clocks drift).
 */
public final class TotpCodes {
    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private TotpCodes() {
    }

    /** A new secret, Base32 without padding, as the otpauth URI carries it. */
    public static String newSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new Base32().encodeAsString(bytes).replace("=", "");
    }

    /** The 30-second step a moment falls in. */
    static long step(Instant moment) {
        return moment.getEpochSecond() / STEP.getSeconds();
    }

    /** The code of a step, zero-padded to six digits. */
    public static String code(String secret, long step) {
        try {
            TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS);
            SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), generator.getAlgorithm());
            return String.format(java.util.Locale.ROOT, "%0" + DIGITS + "d",
                    generator.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.getSeconds())));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC-SHA1 key of any length is valid", e);
        }
    }

    /** The code an authenticator app shows at this moment. */
    public static String codeAt(String secret, Instant moment) {
        return code(secret, step(moment));
    }

    /** The step (now, the one before or the one after) whose code this is; empty when it is none of them. */
    static OptionalLong matchingStep(String secret, String code, Instant now) {
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (!typed.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if (java.security.MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The otpauth URI an authenticator app reads from the QR code (Key Uri Format). */
    public static String otpauthUri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.getSeconds();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The text as a QR code in SVG, one path of dark modules; scales without blurring. */
    public static String qrSvg(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " "
                    + matrix.getHeight() + "\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\">"
                    + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException("an otpauth URI always fits a QR code", e);
        }
    }

    /** Ten recovery codes of ten characters (xxxxx-xxxxx), each usable once when the phone is lost. */
    static List<String> newRecoveryCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                if (c == 5) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** A recovery code as typed, in the form it was hashed in (lower case, with its dash). */
    static String normaliseRecoveryCode(String typed) {
        String compact = typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(java.util.Locale.ROOT);
        return compact.length() == 10 ? compact.substring(0, 5) + "-" + compact.substring(5) : compact;
    }
}
