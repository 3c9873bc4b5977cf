package nl.preventiefonds.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityDirectory;
import nl.preventiefonds.platform.Settings;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Installers connect municipalities to their eHerkenning and DigiD brokers without the screen, as for the staff
 * provider (MunicipalLoginProvisioning): at start, for each CBS code in preventiefonds.broker.municipalities, the
 * settings preventiefonds.broker.CODE.KIND.* (KIND eherkenning or digid; issuer, client-id, client-secret,
 * required-level, enabled) are saved, audited. After a key rotation (preventiefonds.secret.key.previous set) every
 * encrypted value is encrypted again under the current key. Secrets are never logged.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoWorld"})
public class BrokerLoginProvisioning {
    private static final Logger LOG = Logger.getLogger(BrokerLoginProvisioning.class.getName());
    static final String MUNICIPALITIES = "preventiefonds.broker.municipalities";

    /** One broker connection as the settings give it; the secret apart, as it never goes out again. */
    record Provisioned(String code, BrokerKind kind, BrokerLoginSettings settings, String secret) {
        @Override
        public String toString() {
            return "Provisioned[" + code + ", " + kind + ", " + settings + "]";
        }
    }

    @Inject
    private BrokerLoginService brokers;

    @Inject
    private MunicipalityDirectory municipalities;

    /** What the settings ask for, read through {@code setting} (Settings.text in the server). */
    static List<Provisioned> fromSettings(Function<String, Optional<String>> setting) {
        String codes = setting.apply(MUNICIPALITIES).orElse("");
        return Arrays.stream(codes.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                .map(c -> c.toUpperCase(Locale.ROOT)).distinct()
                .flatMap(code -> Arrays.stream(BrokerKind.values()).map(kind -> {
                    String prefix = "preventiefonds.broker." + code + "." + kind.urlName() + ".";
                    Optional<String> issuer = setting.apply(prefix + "issuer");
                    if (issuer.isEmpty()) {
                        return null;
                    }
                    LevelOfAssurance level = setting.apply(prefix + "required-level")
                            .flatMap(l -> LevelOfAssurance.fromClaim(kind, l)).orElse(null);
                    return new Provisioned(code, kind, new BrokerLoginSettings(issuer.get(),
                            setting.apply(prefix + "client-id").orElse(null), level,
                            !setting.apply(prefix + "enabled").map("false"::equalsIgnoreCase).orElse(false)),
                            setting.apply(prefix + "client-secret").orElse(null));
                }).filter(p -> p != null)).toList();
    }

    @PostConstruct
    void apply() {
        for (Provisioned wanted : fromSettings(Settings::text)) {
            Optional<Municipality> municipality = municipalities.byCode(wanted.code());
            if (municipality.isEmpty()) {
                LOG.warning(() -> "No broker login for " + wanted.code() + ": no such municipality here (yet)");
                continue;
            }
            try {
                brokers.provisionAtStartup(municipality.get().getId(), wanted.kind(), wanted.settings(),
                        wanted.secret());
                LOG.info(() -> wanted.kind() + " through " + wanted.settings().issuer() + " set for " + wanted.code());
            } catch (ValidationFailedException e) {
                LOG.severe(() -> "Broker login for " + wanted.code() + " not set from preventiefonds.broker."
                        + wanted.code() + "." + wanted.kind().urlName() + ".*: " + e.getMessageKeys());
            }
        }
        if (Settings.text("preventiefonds.secret.key.previous").isPresent()) {
            int changed = brokers.reencryptUnderCurrentKey();
            LOG.info(() -> changed + " encrypted values encrypted again under the current key");
        }
    }
}
