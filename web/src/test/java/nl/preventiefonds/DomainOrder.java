package nl.preventiefonds;

import java.util.List;

/**
 * The one direction in which the domain packages may depend on each other (docs/architecture.md, "Package
 * rules"), and the breaches that are known and frozen. A domain {@code d} is {@code nl.preventiefonds.d} in the
 * EJB module together with {@code nl.preventiefonds.d.web} in the web module; it may use its own and every lower
 * domain, never a higher one.
 */
final class DomainOrder {

    static final String ROOT = "nl.preventiefonds.";
    /** Flyway's Java migrations (package db.migration, where Flyway finds them): they may use the platform only. */
    static final String JAVA_MIGRATIONS = "db.migration.";

    /** Lowest first: a later domain builds on the earlier ones. */
    static final List<String> ORDER = List.of(
            "platform", "audit", "municipality", "notification", "partner", "identity", "calendar", "fund", "call",
            "application", "conversation", "template", "decision", "assessment", "payment", "monitoring",
            "determination", "organisation", "impact",
            "opendata", "privacy", "demo");

    /**
     * A known dependency against the order, allowed until it is mended. A new breach is not on this list and fails
     * the build; an entry that no longer occurs fails too, so the list only shrinks.
     *
     * @param origin the class that depends (its nested classes included)
     * @param target a class (nested classes included), a package, or {@code *} for any of ours
     * @param why why it is here, and what would mend it
     */
    record Breach(String origin, String target, String why) {

        boolean covers(String originClass, String targetClass) {
            return coversOrigin(originClass) && coversTarget(targetClass);
        }

        boolean coversOrigin(String originClass) {
            return within(originClass, ROOT + origin);
        }

        boolean coversTarget(String targetClass) {
            return target.equals("*") || within(targetClass, ROOT + target);
        }

        private static boolean within(String name, String prefix) {
            return name.equals(prefix) || name.startsWith(prefix + "$") || name.startsWith(prefix + ".");
        }
    }

    static final List<Breach> FROZEN = List.of(
            new Breach("platform.web.RestApplication", "*",
                    "the JAX-RS application lists every resource class by hand (scanning would also publish the"
                            + " JPA-RS service in EclipseLink's jar): the one composition root of the API"),
            new Breach("platform.web.ApiAuthenticationFilter", "opendata.web.OpenDataResource",
                    "anonymous GETs are let through for the open-data resource only; a marker annotation in"
                            + " platform.web would turn this around"),
            new Breach("platform.web.FormatBean", "application.OrganisationIdentifiers",
                    "#{fmt.iban} formats with the IBAN rules of application; IBAN formatting belongs in platform"),
            new Breach("identity.web.NavigationBean", "fund.web.FundHeader",
                    "the menu shows the fund manager's fund; the header should be read by the layout, not the menu"));

    private DomainOrder() {
    }

    /** The domain of a package or class name under {@link #ROOT}, or null outside it. */
    static String domainOf(String name) {
        if (name.startsWith(JAVA_MIGRATIONS)) {
            return "platform";
        }
        if (!name.startsWith(ROOT)) {
            return null;
        }
        String rest = name.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /**
     * The place of a domain in {@link #ORDER}; an unknown domain ranks above all (and fails its own rule), a class
     * outside ours (null) below all.
     */
    static int rank(String domain) {
        if (domain == null) {
            return -1;
        }
        int rank = ORDER.indexOf(domain);
        return rank < 0 ? ORDER.size() : rank;
    }

    static boolean frozen(String originClass, String targetClass) {
        return FROZEN.stream().anyMatch(breach -> breach.covers(originClass, targetClass));
    }
}
