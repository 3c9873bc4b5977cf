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
 * Installers connect municipalities to their identity providers without the screen: at start, for each CBS code in
 * preventiefonds.oidc.municipalities, the settings preventiefonds.oidc.CODE.* (system properties, e.g. from a CLI
 * script, or environment variables PREVENTIEFONDS_OIDC_CODE_*) are saved as that municipality's login, audited.
 * The names are in docs/admin-guide.md, section 4b. The secret is never logged.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoWorld"})
public class MunicipalLoginProvisioning {
    private static final Logger LOG = Logger.getLogger(MunicipalLoginProvisioning.class.getName());
    static final String MUNICIPALITIES = "preventiefonds.oidc.municipalities";

    /** One municipality's login as the settings give it; the secret apart, as it never goes out again. */
    record Provisioned(String code, MunicipalLoginSettings settings, String secret) {
        @Override
        public String toString() {
            return "Provisioned[" + code + ", " + settings + "]";
        }
    }

    @Inject
    private MunicipalLoginService logins;

    @Inject
    private MunicipalityDirectory municipalities;

    /** What the settings ask for, read through {@code setting} (Settings.text in the server). */
    static List<Provisioned> fromSettings(Function<String, Optional<String>> setting) {
        String codes = setting.apply(MUNICIPALITIES).orElse("");
        return Arrays.stream(codes.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                .map(c -> c.toUpperCase(Locale.ROOT)).distinct().map(code -> {
                    String prefix = "preventiefonds.oidc." + code + ".";
                    MunicipalLoginSettings settings = new MunicipalLoginSettings(
                            setting.apply(prefix + "issuer").orElse(null),
                            setting.apply(prefix + "client-id").orElse(null),
                            setting.apply(prefix + "groups-claim").orElse("groups"),
                            setting.apply(prefix + "groups.officer").orElse(""),
                            setting.apply(prefix + "groups.decision-maker").orElse(""),
                            setting.apply(prefix + "groups.fund-manager").orElse(""),
                            !setting.apply(prefix + "enabled").map("false"::equalsIgnoreCase).orElse(false));
                    return new Provisioned(code, settings, setting.apply(prefix + "client-secret").orElse(null));
                }).toList();
    }

    @PostConstruct
    void apply() {
        for (Provisioned wanted : fromSettings(Settings::text)) {
            Optional<Municipality> municipality = municipalities.byCode(wanted.code());
            if (municipality.isEmpty()) {
                LOG.warning(() -> "No login through an identity provider for " + wanted.code()
                        + ": no such municipality in this installation (yet)");
                continue;
            }
            try {
                logins.provisionAtStartup(municipality.get().getId(), wanted.settings(), wanted.secret());
                LOG.info(() -> "Login through " + wanted.settings().issuer() + " set for " + wanted.code());
            } catch (ValidationFailedException e) {
                // Which rule, never the values (one is a secret).
                LOG.severe(() -> "Login for " + wanted.code() + " not set from preventiefonds.oidc." + wanted.code()
                        + ".*: " + e.getMessageKeys());
            }
        }
    }
}
