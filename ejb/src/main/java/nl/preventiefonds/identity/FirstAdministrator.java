package nl.preventiefonds.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.inject.Inject;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;
import nl.preventiefonds.platform.Settings;

/**
 * A new production install has nobody to create accounts. When started with
 * -Dpreventiefonds.admin.email and -Dpreventiefonds.admin.password and no fund manager exists
 * yet, that fund manager is created (see docs/admin-guide.md).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdministrator {
    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    private AccountService accounts;

    @PostConstruct
    void createIfMissing() {
        String email = Settings.text(Settings.ADMIN_EMAIL).orElse(null);
        String password = Settings.text(Settings.ADMIN_PASSWORD).orElse(null);
        if (email == null || password == null || accounts.anyAccountWithRole(Role.FUND_MANAGER)) {
            return;
        }
        accounts.provisionAtStartup(new NewAccount(email, "Beheerder", Role.FUND_MANAGER, null, password));
        LOG.info(() -> "Created the first fund manager account " + email);
    }
}
