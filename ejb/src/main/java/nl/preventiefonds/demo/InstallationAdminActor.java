package nl.preventiefonds.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import nl.preventiefonds.platform.RoleNames;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The installation's demo administrator (both municipalities), as a demo actor: creates Assen. */
@Stateless
@PermitAll
@RunAs(RoleNames.INSTALLATION_ADMIN)
@RunAsPrincipal(InstallationAdminActor.EMAIL)
public class InstallationAdminActor extends DemoActor {
    public static final String EMAIL = "installatie@demo.preventiefonds.nl";

    @Override
    public String email() {
        return EMAIL;
    }
}
