package nl.preventiefonds.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Values kept encrypted at rest (a BSN, a client secret): AES-256-GCM with a fresh 96-bit IV per value, stored as
 * {@code enc:v1:<key id>:<base64 iv+ciphertext+tag>}, and a keyed hash (HMAC-SHA256) to find a value again without
 * decrypting. The key id (first 8 hex digits of a SHA-256 of the key) says which key encrypted a value, so a rotated
 * key stays readable as the previous key until every value was encrypted again.
 *
 * <p>Keys (base64, 32 bytes each): {@code preventiefonds.secret.key} (encrypts), {@code preventiefonds.secret.key
 * .previous} (decrypts only, during a rotation) and {@code preventiefonds.lookup.key} (the keyed hash; not rotated
 * routinely, see docs/security.md). Without them (the embedded demo) the keys are read from, or created on first
 * start in, {@code <jboss.server.data.dir>/preventiefonds/keys} with owner-only permissions.
 */
public final class SecretBox {
    private static final Logger LOG = Logger.getLogger(SecretBox.class.getName());
    public static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile SecretBox installation;

    private final byte[] key;
    private final String keyId;
    private final Map<String, byte[]> readable = new LinkedHashMap<>();
    private final byte[] lookupKey;

    public SecretBox(byte[] key, byte[] previousKey, byte[] lookupKey) {
        if (key == null || key.length != 32 || lookupKey == null || lookupKey.length != 32) {
            throw new IllegalArgumentException("keys must be 32 bytes");
        }
        this.key = key.clone();
        this.keyId = idOf(key);
        this.lookupKey = lookupKey.clone();
        readable.put(keyId, this.key);
        if (previousKey != null) {
            if (previousKey.length != 32) {
                throw new IllegalArgumentException("keys must be 32 bytes");
            }
            readable.putIfAbsent(idOf(previousKey), previousKey.clone());
        }
    }

    /** The installation's box, from its settings or its key files (read once). */
    public static SecretBox installation() {
        SecretBox box = installation;
        if (box == null) {
            synchronized (SecretBox.class) {
                box = installation;
                if (box == null) {
                    box = fromSettings();
                    installation = box;
                }
            }
        }
        return box;
    }

    /** Tests and a rotation at runtime: read the settings again on next use. */
    public static synchronized void forgetInstallation() {
        installation = null;
    }

    private static SecretBox fromSettings() {
        String configured = System.getProperty("preventiefonds.secret.key");
        String previous = System.getProperty("preventiefonds.secret.key.previous");
        String lookup = System.getProperty("preventiefonds.lookup.key");
        Path dir = keyDirectory();
        byte[] key = configured != null && !configured.isBlank() ? decodeKey(configured, "preventiefonds.secret.key")
                : keyFile(dir.resolve("secret.key"));
        byte[] lookupKey = lookup != null && !lookup.isBlank() ? decodeKey(lookup, "preventiefonds.lookup.key")
                : keyFile(dir.resolve("lookup.key"));
        byte[] previousKey = previous == null || previous.isBlank() ? null
                : decodeKey(previous, "preventiefonds.secret.key.previous");
        return new SecretBox(key, previousKey, lookupKey);
    }

    private static Path keyDirectory() {
        String explicit = System.getProperty("preventiefonds.keys.dir");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String data = System.getProperty("jboss.server.data.dir");
        if (data != null) {
            return Path.of(data, "preventiefonds", "keys");
        }
        // Unit tests and tools outside the server: the user's own folder, never a shared one.
        return Path.of(System.getProperty("user.home"), ".preventiefonds", "keys");
    }

    private static byte[] decodeKey(String base64, String name) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            if (key.length != 32) {
                throw new IllegalStateException(name + " must be 32 bytes, base64");
            }
            return key;
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(name + " must be 32 bytes, base64", notBase64);
        }
    }

    /** Reads a key file, or creates it (owner read/write only) when there is none yet. */
    static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException noPosix) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException raced) {
                    return decodeKey(Files.readString(file), file.toString());
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.TRUNCATE_EXISTING);
                LOG.warning(() -> "Created a new key file " + file + ": keep it with the database backups");
                return key;
            }
            return decodeKey(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("key file " + file + " not readable", e);
        }
    }

    private static String idOf(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            // The key id is authenticated too: a value cannot be moved under another key's name.
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** The plain value; a value stored before encryption was introduced (no prefix) comes back as it is. */
    public String decrypt(String stored) {
        if (stored == null || !isEncrypted(stored)) {
            return stored;
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new IllegalStateException("malformed encrypted value");
        }
        String id = rest.substring(0, colon);
        byte[] withKey = readable.get(id);
        if (withKey == null) {
            throw new IllegalStateException("encrypted with key " + id + ", which this installation does not have");
        }
        try {
            byte[] in = Base64.getDecoder().decode(rest.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(withKey, "AES"),
                    new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(id.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A changed byte fails the tag: never return a value that was tampered with.
            throw new IllegalStateException("encrypted value does not verify", e);
        }
    }

    /** Whether this value should be encrypted again: plain, or under a key other than the current one. */
    public boolean needsReencryption(String stored) {
        return stored != null && !stored.startsWith(PREFIX + keyId + ":");
    }

    /** The keyed hash (hex) to find a value again: equal values give equal hashes, nobody without the key can
     * compute one (a BSN has only a billion candidates, so a plain hash would be reversible). */
    public String lookupHash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(lookupKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return keyId;
    }

    @Override
    public String toString() {
        return "SecretBox[key " + keyId + "]";
    }
}
