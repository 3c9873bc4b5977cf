package nl.preventiefonds.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.inject.Inject;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityDirectory;
import nl.preventiefonds.platform.Settings;

/**
 * A new production install has nobody to create accounts. When started with
 * -Dpreventiefonds.admin.email and -Dpreventiefonds.admin.password, the municipality's
 * -Dpreventiefonds.admin.municipality.code and .name, and no fund manager exists yet, that fund manager is created
 * for that municipality (created too when missing; see docs/admin-guide.md).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdministrator {
    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    private AccountService accounts;

    @Inject
    private MunicipalityDirectory municipalities;

    @PostConstruct
    void createIfMissing() {
        String email = Settings.text(Settings.ADMIN_EMAIL).orElse(null);
        String password = Settings.text(Settings.ADMIN_PASSWORD).orElse(null);
        if (email == null || password == null || accounts.anyAccountWithRole(Role.FUND_MANAGER)) {
            return;
        }
        String code = Settings.text(Settings.ADMIN_MUNICIPALITY_CODE).orElse(null);
        String name = Settings.text(Settings.ADMIN_MUNICIPALITY_NAME).orElse(null);
        if (code == null || name == null) {
            // A fund manager of no municipality could do nothing: say what is missing instead.
            LOG.severe(() -> "No first fund manager created: set " + Settings.ADMIN_MUNICIPALITY_CODE + " and "
                    + Settings.ADMIN_MUNICIPALITY_NAME + " (the municipality's CBS code and name) as well");
            return;
        }
        Municipality municipality = municipalities.provisionAtStartup(code, name);
        accounts.provisionAtStartup(new NewAccount(email, "Beheerder", Role.FUND_MANAGER, null, password),
                municipality.getId());
        LOG.info(() -> "Created the first fund manager account " + email + " for " + municipality.getName());
    }
}
