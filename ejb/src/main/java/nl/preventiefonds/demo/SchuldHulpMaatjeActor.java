package nl.preventiefonds.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import nl.preventiefonds.platform.RoleNames;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The contact of Stichting SchuldHulpMaatje Assen, an organiser of Assen's demo history, as a demo actor. */
@Stateless
@PermitAll
@RunAs(RoleNames.ORGANISER)
@RunAsPrincipal(SchuldHulpMaatjeActor.EMAIL)
public class SchuldHulpMaatjeActor extends DemoActor {
    public static final String EMAIL = "coordinator@schuldhulpmaatje-assen.demo.preventiefonds.nl";

    @Override
    public String email() {
        return EMAIL;
    }
}
