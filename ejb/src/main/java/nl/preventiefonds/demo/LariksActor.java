package nl.preventiefonds.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import nl.preventiefonds.platform.RoleNames;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The contact of Eetcafé De Lariks V.O.F., an organiser of Assen's demo history, as a demo actor. */
@Stateless
@PermitAll
@RunAs(RoleNames.ORGANISER)
@RunAsPrincipal(LariksActor.EMAIL)
public class LariksActor extends DemoActor {
    public static final String EMAIL = "info@eetcafedelariks.demo.preventiefonds.nl";

    @Override
    public String email() {
        return EMAIL;
    }
}
