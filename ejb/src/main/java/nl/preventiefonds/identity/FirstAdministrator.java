package nl.preventiefonds.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.inject.Inject;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;
import nl.preventiefonds.platform.Settings;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * A new installation has nobody to log in. When started with -Dpreventiefonds.admin.email and
 * -Dpreventiefonds.admin.password (or PREVENTIEFONDS_ADMIN_EMAIL / _PASSWORD) and no installation administrator
 * exists yet, that installation administrator is created: they add the municipalities and invite each one's first
 * fund manager (see docs/admin-guide.md). No municipality, fund or demo data is involved.
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
        if (email == null || password == null || accounts.anyAccountWithRole(Role.INSTALLATION_ADMIN)) {
            return;
        }
        try {
            accounts.provisionAtStartup(new NewAccount(email, "Installatiebeheerder", Role.INSTALLATION_ADMIN, null,
                    password), null);
            LOG.info(() -> "Created the first installation administrator " + email);
        } catch (ValidationFailedException e) {
            // A weak password or a bad address: say which rule, never the password itself.
            LOG.severe(() -> "No installation administrator created from " + Settings.ADMIN_EMAIL + ": "
                    + e.getMessageKeys());
        }
    }
}
