package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encryption at rest: values round-trip, never appear in what is stored, tampering is refused, keys rotate. */
class SecretBoxTest {
    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void encryptsWithAFreshIvAndDecryptsBack() {
        SecretBox box = new SecretBox(key(1), null, key(9));
        String first = box.encrypt("999993653");
        String second = box.encrypt("999993653");
        assertTrue(first.startsWith(SecretBox.PREFIX + box.keyId() + ":"));
        assertFalse(first.contains("999993653"));
        assertNotEquals(first, second, "the same value encrypts differently each time");
        assertEquals("999993653", box.decrypt(first));
        assertEquals("999993653", box.decrypt(second));
    }

    @Test
    void aChangedByteIsRefused() {
        SecretBox box = new SecretBox(key(1), null, key(9));
        String stored = box.encrypt("geheim");
        byte[] raw = Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
        raw[raw.length - 1] ^= 1;
        String tampered = stored.substring(0, stored.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> box.decrypt(tampered));
    }

    @Test
    void anotherKeyCannotRead() {
        String stored = new SecretBox(key(1), null, key(9)).encrypt("geheim");
        assertThrows(IllegalStateException.class, () -> new SecretBox(key(2), null, key(9)).decrypt(stored));
    }

    @Test
    void aRotatedKeyStaysReadableAsThePreviousOne() {
        SecretBox old = new SecretBox(key(1), null, key(9));
        String stored = old.encrypt("geheim");
        SecretBox rotated = new SecretBox(key(2), key(1), key(9));
        assertEquals("geheim", rotated.decrypt(stored));
        assertTrue(rotated.needsReencryption(stored));
        String again = rotated.encrypt(rotated.decrypt(stored));
        assertFalse(rotated.needsReencryption(again));
        assertThrows(IllegalStateException.class, () -> old.decrypt(again));
    }

    @Test
    void plainValuesFromBeforeEncryptionReadAsTheyAreAndNeedEncrypting() {
        SecretBox box = new SecretBox(key(1), null, key(9));
        assertEquals("oud-geheim", box.decrypt("oud-geheim"));
        assertTrue(box.needsReencryption("oud-geheim"));
    }

    @Test
    void theLookupHashIsKeyedAndStable() {
        SecretBox box = new SecretBox(key(1), null, key(9));
        assertEquals(box.lookupHash("999993653"), new SecretBox(key(3), null, key(9)).lookupHash("999993653"),
                "the encryption key rotates, the lookup key does not: the same person is found again");
        assertNotEquals(box.lookupHash("999993653"), new SecretBox(key(1), null, key(8)).lookupHash("999993653"));
        assertNotEquals(box.lookupHash("999993653"), box.lookupHash("999993641"));
        assertEquals(64, box.lookupHash("999993653").length());
        assertFalse(box.toString().contains(Base64.getEncoder().encodeToString(key(1))));
    }

    @Test
    void aKeyFileIsCreatedOnceOwnerOnlyAndReadAfterwards(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/secret.key");
        byte[] created = SecretBox.keyFile(file);
        assertEquals(32, created.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Arrays.equals(created, SecretBox.keyFile(file)));
    }

    @Test
    void keysOfAWrongLengthAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16], null, key(9)));
    }
}
