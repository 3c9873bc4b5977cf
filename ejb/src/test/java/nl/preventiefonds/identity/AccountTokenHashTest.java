package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccountTokenHashTest {

    @Test
    void tokensAreStoredAsSha256Hex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AccountService.sha256("abc"));
    }
}
