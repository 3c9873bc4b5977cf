package nl.preventiefonds.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityDirectory;
import nl.preventiefonds.platform.Settings;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Installers connect municipalities to their identity providers without the screen: at start, for each CBS code in
 * preventiefonds.oidc.municipalities, the settings preventiefonds.oidc.CODE.* (system properties, e.g. from a CLI
 * script, or environment variables PREVENTIEFONDS_OIDC_CODE_*) are saved as that municipality's login, audited.
 * The names are in docs/admin-guide.md. The secret is never logged.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoWorld"})
public class MunicipalLoginProvisioning {
    private static final Logger LOG = Logger.getLogger(MunicipalLoginProvisioning.class.getName());
    static final String MUNICIPALITIES = "preventiefonds.oidc.municipalities";

    @Inject
    private MunicipalLoginService logins;

    @Inject
    private MunicipalityDirectory municipalities;

    @PostConstruct
    void apply() {
        String codes = Settings.text(MUNICIPALITIES).orElse("");
        for (String raw : Arrays.stream(codes.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList()) {
            String code = raw.toUpperCase(Locale.ROOT);
            Optional<Municipality> municipality = municipalities.byCode(code);
            if (municipality.isEmpty()) {
                LOG.warning(() -> "No login through an identity provider for " + code
                        + ": no such municipality in this installation (yet)");
                continue;
            }
            String prefix = "preventiefonds.oidc." + code + ".";
            MunicipalLoginSettings settings = new MunicipalLoginSettings(
                    Settings.text(prefix + "issuer").orElse(null),
                    Settings.text(prefix + "client-id").orElse(null),
                    Settings.text(prefix + "groups-claim", "groups"),
                    Settings.text(prefix + "groups.officer", ""),
                    Settings.text(prefix + "groups.decision-maker", ""),
                    Settings.text(prefix + "groups.fund-manager", ""),
                    Settings.flag(prefix + "enabled", true));
            try {
                logins.provisionAtStartup(municipality.get().getId(), settings,
                        Settings.text(prefix + "client-secret").orElse(null));
                LOG.info(() -> "Login through " + settings.issuer() + " set for " + code);
            } catch (ValidationFailedException e) {
                // Which rule, never the values (one is a secret).
                LOG.severe(() -> "Login for " + code + " not set from " + prefix + "*: " + e.getMessageKeys());
            }
        }
    }
}
