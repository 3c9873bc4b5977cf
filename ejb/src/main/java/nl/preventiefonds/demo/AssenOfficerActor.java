package nl.preventiefonds.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import nl.preventiefonds.platform.RoleNames;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Assen's demo officer (Fatima El Amrani), as a demo actor: intake, reviews, reports, determinations. */
@Stateless
@PermitAll
@RunAs(RoleNames.OFFICER)
@RunAsPrincipal(AssenOfficerActor.EMAIL)
public class AssenOfficerActor extends DemoActor {
    public static final String EMAIL = "adviseur@demo.preventiefonds.nl";

    @Override
    public String email() {
        return EMAIL;
    }
}
