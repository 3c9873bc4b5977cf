package nl.preventiefonds.demo;

import jakarta.annotation.security.PermitAll;
import java.util.function.Supplier;

/**
 * One demo account at work: each subclass is a bean that runs as that account ({@code @RunAs} its role,
 * {@code @RunAsPrincipal} its e-mail address), so a step the demo loader hands it calls the services as that user
 * does on the screens: their role and per-municipality checks decide, and the audit trail names that user.
 * Elytron's programmatic run-as cannot serve here: the EJBs' security domain is WildFly's ApplicationDomain, which
 * does not know the application's own accounts (the pages log in through Jakarta Security).
 */
@PermitAll
public abstract class DemoActor {

    /** Runs the step as this actor; it joins the caller's transaction. */
    public <T> T act(Supplier<T> step) {
        return step.get();
    }

    /** The account this actor is: its e-mail address. */
    public abstract String email();
}
