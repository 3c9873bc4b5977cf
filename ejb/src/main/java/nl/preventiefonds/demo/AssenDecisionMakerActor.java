package nl.preventiefonds.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import nl.preventiefonds.platform.RoleNames;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Assen's demo decision maker (Henk Jansen), as a demo actor: signs the decisions. */
@Stateless
@PermitAll
@RunAs(RoleNames.DECISION_MAKER)
@RunAsPrincipal(AssenDecisionMakerActor.EMAIL)
public class AssenDecisionMakerActor extends DemoActor {
    public static final String EMAIL = "beslisser@demo.preventiefonds.nl";

    @Override
    public String email() {
        return EMAIL;
    }
}
