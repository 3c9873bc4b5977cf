package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an installer's settings (preventiefonds.oidc.*) ask for at start; the saving is MunicipalLoginService's. */
class MunicipalLoginProvisioningTest {

    @Test
    void eachListedMunicipalityWithItsOwnSettingsAndTheDefaults() {
        Map<String, String> settings = Map.of(
                "preventiefonds.oidc.municipalities", " gm0106, GM1904,,GM0106 ",
                "preventiefonds.oidc.GM0106.issuer", "https://sso.assen.example/realms/medewerkers",
                "preventiefonds.oidc.GM0106.client-id", "preventiefonds",
                "preventiefonds.oidc.GM0106.client-secret", "geheim-van-assen",
                "preventiefonds.oidc.GM0106.groups.officer", "subsidieadviseurs",
                "preventiefonds.oidc.GM1904.groups-claim", "roles",
                "preventiefonds.oidc.GM1904.enabled", "FALSE");
        List<MunicipalLoginProvisioning.Provisioned> wanted = MunicipalLoginProvisioning.fromSettings(
                name -> Optional.ofNullable(settings.get(name)));

        assertEquals(List.of("GM0106", "GM1904"), wanted.stream().map(MunicipalLoginProvisioning.Provisioned::code)
                .toList(), "codes in any case, each once");
        MunicipalLoginProvisioning.Provisioned assen = wanted.get(0);
        assertEquals(new MunicipalLoginSettings("https://sso.assen.example/realms/medewerkers", "preventiefonds",
                "groups", "subsidieadviseurs", "", "", true), assen.settings());
        assertEquals("geheim-van-assen", assen.secret());
        assertFalse(assen.toString().contains("geheim"), "a log line of it holds no secret");
        MunicipalLoginProvisioning.Provisioned stichtseVecht = wanted.get(1);
        assertEquals("roles", stichtseVecht.settings().groupsClaim());
        assertFalse(stichtseVecht.settings().enabled());
        assertEquals(null, stichtseVecht.secret());
    }

    @Test
    void nothingListedNothingWanted() {
        assertTrue(MunicipalLoginProvisioning.fromSettings(name -> Optional.empty()).isEmpty());
    }
}
