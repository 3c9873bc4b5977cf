package nl.preventiefonds.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.fund.Municipality;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.identity.NewAccount;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.partner.PartnerOrganisation;
import nl.preventiefonds.platform.Amsterdam;

/**
 * The demo world of Assen, loaded at start-up only when the server runs with
 * -Dpreventiefonds.demo=true (the run command and the test server). Never in production.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoWorld {
    private static final Logger LOG = Logger.getLogger(DemoWorld.class.getName());
    public static final String PASSWORD = "Preventie-2026";
    public static final String DEMO_MARK = " (demo)";

    /** One account per role; the e-mail addresses use a reserved demo domain. */
    public static final Map<Role, String> LOGINS = Map.of(
            Role.ORGANISER, "organisator@demo.preventiefonds.nl",
            Role.PARTNER, "partner@demo.preventiefonds.nl",
            Role.OFFICER, "adviseur@demo.preventiefonds.nl",
            Role.DECISION_MAKER, "beslisser@demo.preventiefonds.nl",
            Role.FUND_MANAGER, "beheerder@demo.preventiefonds.nl");

    private static final List<String> ASSEN_NEIGHBOURHOODS = List.of(
            "Centrum", "Assen-Oost", "Pittelo", "Lariks", "Peelo", "Marsdijk", "Kloosterveen",
            "Noorderpark", "Assen-West", "Baggelhuizen", "Vredeveld");

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AccountService accounts;

    @EJB
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @PostConstruct
    void load() {
        if (!Boolean.getBoolean("preventiefonds.demo")) {
            return;
        }
        if (!em.createQuery("SELECT f.id FROM Fund f", Long.class).setMaxResults(1).getResultList().isEmpty()) {
            LOG.info("Demo data already present");
            announce();
            return;
        }
        Municipality assen = new Municipality("GM0106", "Assen");
        em.persist(assen);
        for (int i = 0; i < ASSEN_NEIGHBOURHOODS.size(); i++) {
            em.persist(new Neighbourhood(assen, String.format("WK0106%02d", i), ASSEN_NEIGHBOURHOODS.get(i)));
        }

        Fund fund = new Fund(assen, "Preventiefonds Assen",
                "Geld voor sociale initiatieven in de wijken die informele, vrij toegankelijke steun versterken,"
                        + " zodat de druk op dure zorg echt afneemt." + DEMO_MARK,
                new BigDecimal("1000000.00"));
        int thisYear = Year.now(clock.withZone(Amsterdam.ZONE)).getValue();
        fund.addYearBudget(thisYear, new BigDecimal("500000.00"));
        fund.addYearBudget(thisYear + 1, new BigDecimal("500000.00"));
        em.persist(fund);

        LocalDate today = LocalDate.now(clock.withZone(Amsterdam.ZONE));
        em.persist(new FundingCall(fund, "Ronde " + thisYear + ": sterke sociale basis in de wijk",
                today.minusMonths(1).atStartOfDay(Amsterdam.ZONE).toInstant(),
                today.plusMonths(3).atTime(17, 0).atZone(Amsterdam.ZONE).toInstant(),
                new BigDecimal("50000.00")));

        PartnerOrganisation library = partner("Bibliotheek Assen" + DEMO_MARK, "library");
        partner("Maatschappelijk Werk Assen" + DEMO_MARK, "social-work");
        partner("Vrijwilligerspunt Assen" + DEMO_MARK, "volunteer-help");
        partner("Welzijn Assen" + DEMO_MARK, "welfare");
        partner("Jongerenwerk Assen" + DEMO_MARK, "youth-work");
        em.flush();

        account(Role.ORGANISER, "Anna de Vries (Buurtvereniging Pittelo)", null);
        account(Role.PARTNER, "Joris Bakker (Bibliotheek Assen)", library.getId());
        account(Role.OFFICER, "Fatima El Amrani", null);
        account(Role.DECISION_MAKER, "Henk Jansen", null);
        account(Role.FUND_MANAGER, "Ellen Mulder", null);
        audit.recordAs(AuditTrail.SYSTEM, "DEMO_WORLD_LOADED", "Fund", fund.getId(), null,
                "Assen, " + ASSEN_NEIGHBOURHOODS.size() + " neighbourhoods, budget 1000000.00");
        announce();
    }

    private PartnerOrganisation partner(String name, String kind) {
        PartnerOrganisation partner = new PartnerOrganisation(name, null, kind);
        em.persist(partner);
        return partner;
    }

    private void account(Role role, String name, Long partnerId) {
        accounts.provisionAtStartup(new NewAccount(LOGINS.get(role), name, role, partnerId, PASSWORD));
    }

    private static void announce() {
        int port = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        StringBuilder text = new StringBuilder("\n\n==== Preventiefonds demo is starting ====\n")
                .append("Open  http://localhost:").append(port).append("/preventiefonds/\n")
                .append("Demo logins (password for all: ").append(PASSWORD).append("):\n");
        for (Role role : Role.values()) {
            text.append(String.format("  %-15s %s%n", role.roleName(), LOGINS.get(role)));
        }
        text.append("This is demo data in an in-memory database: it is gone when you stop the server.\n");
        LOG.info(text.toString());
    }
}
