package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Broker connections from the installation's start-up settings, read in one tested place. */
class BrokerLoginProvisioningTest {

    @Test
    void eachListedMunicipalitysBrokersFromTheirSettings() {
        Map<String, String> settings = Map.of(
                "preventiefonds.broker.municipalities", " gm0106, GM0106 ,GM1904",
                "preventiefonds.broker.GM0106.eherkenning.issuer", "https://makelaar.example/eh",
                "preventiefonds.broker.GM0106.eherkenning.client-id", "pf-assen",
                "preventiefonds.broker.GM0106.eherkenning.client-secret", "geheim",
                "preventiefonds.broker.GM0106.eherkenning.required-level", "urn:etoegang:core:assurance-class:loa4",
                "preventiefonds.broker.GM0106.digid.issuer", "https://makelaar.example/digid",
                "preventiefonds.broker.GM0106.digid.enabled", "false");
        List<BrokerLoginProvisioning.Provisioned> wanted = BrokerLoginProvisioning.fromSettings(
                name -> Optional.ofNullable(settings.get(name)));
        assertEquals(2, wanted.size(), "GM1904 names no broker, GM0106 is listed once: " + wanted);
        BrokerLoginProvisioning.Provisioned eh = wanted.get(0);
        assertEquals(BrokerKind.EHERKENNING, eh.kind());
        assertEquals(LevelOfAssurance.EH4, eh.settings().requiredSubmitLevel());
        assertEquals("pf-assen", eh.settings().clientId());
        assertTrue(eh.settings().enabled());
        assertEquals("geheim", eh.secret());
        assertFalse(eh.toString().contains("geheim"), "never in a log line");
        BrokerLoginProvisioning.Provisioned digid = wanted.get(1);
        assertEquals(BrokerKind.DIGID, digid.kind());
        assertFalse(digid.settings().enabled());
        assertNull(digid.settings().requiredSubmitLevel(), "the service's default applies");
    }
}
