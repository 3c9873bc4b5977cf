package nl.preventiefonds.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import nl.preventiefonds.fund.NeighbourhoodAdministration;
import nl.preventiefonds.platform.RoleNames;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * Assen's demo fund manager (Ellen Mulder), as a demo actor: what the fund manager does on the screens, through the
 * services the pages use (their checks, scoping and audit trail included), such as importing the wijken with their
 * residents from a CBS Kerncijfers file.
 */
@Stateless
@PermitAll
@RunAs(RoleNames.FUND_MANAGER)
@RunAsPrincipal(AssenDemo.FUND_MANAGER)
public class AssenDemo extends DemoActor {
    public static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";
    /** Shaped like CBS's Kerncijfers wijken en buurten; the figures are made up (the file says so). */
    static final String NEIGHBOURHOODS_CSV = "kerncijfers-wijken-assen-demo.csv";

    @Inject
    private NeighbourhoodAdministration neighbourhoods;

    @Override
    public String email() {
        return FUND_MANAGER;
    }

    /** Imports the demo wijken as a fund manager imports CBS's file; answers how many were created. */
    public int importNeighbourhoods() {
        NeighbourhoodAdministration.ImportResult result = neighbourhoods.importCsv(
                DemoWorld.resource(NEIGHBOURHOODS_CSV), false);
        return DemoWorld.requireStored(result, NEIGHBOURHOODS_CSV);
    }
}
