package nl.preventiefonds.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import nl.preventiefonds.platform.RoleNames;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The demo organiser of the tour (Anna de Vries, Buurtvereniging Pittelo), as a demo actor. */
@Stateless
@PermitAll
@RunAs(RoleNames.ORGANISER)
@RunAsPrincipal(AssenOrganiserActor.EMAIL)
public class AssenOrganiserActor extends DemoActor {
    public static final String EMAIL = "organisator@demo.preventiefonds.nl";

    @Override
    public String email() {
        return EMAIL;
    }
}
