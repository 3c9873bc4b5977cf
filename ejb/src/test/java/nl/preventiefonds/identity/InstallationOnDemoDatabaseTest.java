package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityDirectory;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.impact.StandardIndicators;
import nl.preventiefonds.municipality.CreatedEvents;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.ValidationFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An installation is set up by people: the installation administrator adds municipalities (CBS code and name, each
 * once) and invites their first fund manager, who chooses a password through the link in the mail; a fund manager
 * invites colleagues and changes their roles, never an installation administrator.
 */
class InstallationOnDemoDatabaseTest {
    private static final String ADMIN = "installatie@example.org";
    private static DemoDatabase database;
    private static long admin;

    @BeforeAll
    static void world() {
        database = new DemoDatabase("installation");
        admin = database.inTransaction(em -> {
            UserAccount account = new UserAccount(ADMIN, "Installatie", "plain:Geheim-wachtwoord",
                    Role.INSTALLATION_ADMIN, AccountStatus.ACTIVE, StaffOnDemoDatabase.NOW);
            em.persist(account);
            em.flush();
            return account.getId();
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static Caller installationAdmin() {
        return new Caller(admin, ADMIN, Role.INSTALLATION_ADMIN, null, null);
    }

    private static <T> T as(Caller caller, Function<Services, T> call) {
        return database.inTransaction(em -> call.apply(new Services(em, caller)));
    }

    /** The services as the container would give them to this caller. */
    private record Services(AccountService accounts, MunicipalityDirectory municipalities,
                            InstallationOverview overview) {
        Services(EntityManager em, Caller caller) {
            this(accounts(em, caller), municipalities(em, caller), overview(em, caller));
        }

        private static AccountService accounts(EntityManager em, Caller caller) {
            return StaffOnDemoDatabase.accountsAs(em, caller);
        }

        private static MunicipalityDirectory municipalities(EntityManager em, Caller caller) {
            MunicipalityDirectory directory = DemoDatabase.inject(new MunicipalityDirectory(), "em", em);
            // As in the container: the impact package gives the new municipality its six standard indicators.
            StandardIndicators indicators = DemoDatabase.inject(new StandardIndicators(), "em", em);
            DemoDatabase.inject(directory, "createdEvent", new CreatedEvents(indicators::onCreated));
            return DemoDatabase.inject(directory, "audit", StaffOnDemoDatabase.auditAs(em, caller.email()));
        }

        private static InstallationOverview overview(EntityManager em, Caller caller) {
            InstallationOverview overview = DemoDatabase.inject(new InstallationOverview(), "em", em);
            return DemoDatabase.inject(overview, "access", StaffOnDemoDatabase.accessOf(caller));
        }
    }

    private static List<String> problems(Runnable change) {
        return assertThrows(ValidationFailedException.class, change::run).getMessageKeys();
    }

    private static String invitationLink(String email) {
        String body = database.inTransaction(em -> em.createQuery("SELECT m.body FROM OutboundMail m"
                        + " WHERE m.recipient = :to ORDER BY m.id DESC", String.class)
                .setParameter("to", email).setMaxResults(1).getSingleResult());
        Matcher link = Pattern.compile("invitation\\.xhtml\\?token=([A-Za-z0-9_-]+)").matcher(body);
        assertTrue(link.find(), "the mail holds the invitation link: " + body);
        return link.group(1);
    }

    @Test
    void aMunicipalityIsAddedOnceByItsCbsCodeAndName() {
        Municipality meppel = as(installationAdmin(), s -> s.municipalities().create(" gm0119 ", " Meppel "));
        assertEquals("GM0119", meppel.getCode());
        assertEquals("Meppel", meppel.getName());
        assertEquals("GM0109", as(installationAdmin(), s -> s.municipalities().create("0109", "Coevorden")).getCode(),
                "the four digits alone are the code too");
        assertEquals(1, database.count("SELECT COUNT(a) FROM AuditEntry a WHERE a.action = 'MUNICIPALITY_CREATED'"
                + " AND a.actor = ?1 AND a.afterSummary LIKE '%GM0119%'", ADMIN), "audited, by whom");
        assertEquals(6, database.count("SELECT COUNT(d) FROM CareIndicatorDefinition d WHERE d.municipality.id = ?1"
                + " AND d.active = TRUE", meppel.getId()), "it starts with the six standard care indicators");

        assertEquals(List.of("municipality.codeTaken"),
                problems(() -> as(installationAdmin(), s -> s.municipalities().create("GM0119", "Meppel (2)"))));
        assertEquals(List.of("municipality.nameTaken"),
                problems(() -> as(installationAdmin(), s -> s.municipalities().create("GM0118", "MEPPEL"))));
        assertEquals(List.of("municipality.codeInvalid", "municipality.nameRequired"),
                problems(() -> as(installationAdmin(), s -> s.municipalities().create("GM12", "  "))));
        assertEquals(2, database.count("SELECT COUNT(m) FROM Municipality m WHERE m.code IN ('GM0119', 'GM0109')"),
                "nothing of the refused ones was written");

        Municipality renamed = as(installationAdmin(), s -> s.municipalities().rename(meppel.getId(), "Gemeente Meppel"));
        assertEquals("Gemeente Meppel", renamed.getName());
        assertEquals("GM0119", renamed.getCode(), "the CBS code stays");
    }

    @Test
    void theFirstFundManagerIsInvitedAndChoosesAPassword() {
        long hoogeveen = as(installationAdmin(), s -> s.municipalities().create("GM0118", "Hoogeveen")).getId();
        String email = "beheer@hoogeveen.example";
        UserAccount invited = as(installationAdmin(),
                s -> s.accounts().inviteStaff(hoogeveen, email, "Ilse Hoekstra", Role.FUND_MANAGER, "https://pf.example"));
        assertEquals(AccountStatus.PENDING, invited.getStatus(), "nobody can log in until the invitation is accepted");
        assertEquals(hoogeveen, invited.getMunicipality().getId());
        InstallationOverview.MunicipalityLine line = as(installationAdmin(), s -> s.overview().municipalities())
                .stream().filter(l -> l.getId() == hoogeveen).findFirst().orElseThrow();
        assertEquals(1, line.getOpenInvitations());
        assertTrue(line.isNeedsFundManager());

        String token = invitationLink(email);
        assertEquals("Ilse Hoekstra", as(installationAdmin(), s -> s.accounts().invitedName(token)).orElseThrow());
        assertTrue(problems(() -> as(Caller.ANONYMOUS, s -> { s.accounts().acceptInvitation(token, "kort"); return 0; }))
                .contains("password.tooShort"), "the password rules hold");
        assertEquals(AccountStatus.PENDING, as(installationAdmin(),
                s -> s.accounts().findByEmail(email).orElseThrow().getStatus()), "a refused password activates nothing");

        as(Caller.ANONYMOUS, s -> { s.accounts().acceptInvitation(token, "Een wijk vol buren"); return 0; });
        assertTrue(as(Caller.ANONYMOUS, s -> s.accounts().authenticate(email, "Een wijk vol buren")).isPresent(),
                "the invited fund manager logs in with the password they chose");
        assertEquals(List.of("invitation.invalid"), problems(() -> as(Caller.ANONYMOUS,
                s -> { s.accounts().acceptInvitation(token, "Nog een andere zin"); return 0; })), "a link works once");
        assertFalse(as(installationAdmin(), s -> s.accounts().invitedName(token)).isPresent());
        assertEquals(1, database.count("SELECT COUNT(a) FROM AuditEntry a WHERE a.action = 'INVITATION_ACCEPTED' AND a.actor = ?1",
                email));
        assertFalse(as(installationAdmin(), s -> s.overview().municipalities()).stream()
                .filter(l -> l.getId() == hoogeveen).findFirst().orElseThrow().isNeedsFundManager());
    }

    @Test
    void onlyMunicipalStaffRolesAreInvitedIntoAnExistingMunicipality() {
        long emmen = as(installationAdmin(), s -> s.municipalities().create("GM0114", "Emmen")).getId();
        assertEquals(List.of("role.notGiven"), problems(() -> as(installationAdmin(),
                s -> s.accounts().inviteStaff(emmen, "x@emmen.example", "X", Role.ORGANISER, "https://pf.example"))));
        assertEquals(List.of("role.notGiven"), problems(() -> as(installationAdmin(), s -> s.accounts()
                .inviteStaff(emmen, "x@emmen.example", "X", Role.INSTALLATION_ADMIN, "https://pf.example"))));
        assertEquals(List.of("municipality.notFound"), problems(() -> as(installationAdmin(), s -> s.accounts()
                .inviteStaff(987_654L, "x@emmen.example", "X", Role.FUND_MANAGER, "https://pf.example"))));
        assertEquals(List.of("email.invalid"), problems(() -> as(installationAdmin(), s -> s.accounts()
                .inviteStaff(emmen, "geen adres", "X", Role.FUND_MANAGER, "https://pf.example"))));
        assertEquals(0, database.count("SELECT COUNT(u) FROM UserAccount u WHERE u.municipality.id = ?1", emmen));
        Caller officer = new Caller(admin + 1000, "adviseur@emmen.example", Role.OFFICER, null, emmen);
        assertThrows(AccessDeniedException.class, () -> as(officer, s -> s.overview().municipalities()),
                "municipal staff do not see the installation's municipalities");
    }

    @Test
    void aFundManagerInvitesColleaguesAndChangesTheirRolesButNeverTouchesTheInstallationAdministrator() {
        long zwolle = as(installationAdmin(), s -> s.municipalities().create("GM0193", "Zwolle")).getId();
        as(installationAdmin(), s -> s.accounts().inviteStaff(zwolle, "fm@zwolle.example", "Femke", Role.FUND_MANAGER,
                "https://pf.example"));
        as(Caller.ANONYMOUS, s -> { s.accounts().acceptInvitation(invitationLink("fm@zwolle.example"),
                "Een wijk vol buren"); return 0; });
        long fmId = as(installationAdmin(), s -> s.accounts().findByEmail("fm@zwolle.example").orElseThrow().getId());
        Caller fundManager = new Caller(fmId, "fm@zwolle.example", Role.FUND_MANAGER, null, zwolle);

        UserAccount officer = as(fundManager, s -> s.accounts().createAccount(
                new NewAccount("adviseur@zwolle.example", "Omar", Role.OFFICER, null, ""), "https://pf.example"));
        assertEquals(AccountStatus.PENDING, officer.getStatus(), "without a password: an invitation");
        invitationLink("adviseur@zwolle.example");

        as(fundManager, s -> { s.accounts().changeRole(officer.getId(), Role.DECISION_MAKER); return 0; });
        assertEquals(Role.DECISION_MAKER,
                as(fundManager, s -> s.accounts().findByEmail("adviseur@zwolle.example").orElseThrow().getRole()));
        assertEquals(List.of("account.notYourself"), problems(() -> as(fundManager,
                s -> { s.accounts().changeRole(fmId, Role.OFFICER); return 0; })));
        assertEquals(List.of("role.notGiven"), problems(() -> as(fundManager,
                s -> { s.accounts().changeRole(officer.getId(), Role.INSTALLATION_ADMIN); return 0; })));
        assertEquals(List.of("role.notGiven"), problems(() -> as(fundManager, s -> s.accounts().createAccount(
                new NewAccount("nog@zwolle.example", "Nog", Role.INSTALLATION_ADMIN, null, ""), "https://pf.example"))));

        assertEquals(List.of("account.notFound"), problems(() -> as(fundManager,
                s -> { s.accounts().changeStatus(admin, AccountStatus.DISABLED); return 0; })));
        assertTrue(as(fundManager, s -> s.accounts().accounts(0, 200)).stream()
                .noneMatch(u -> u.getRole() == Role.INSTALLATION_ADMIN), "the account list does not show them");
        assertEquals(AccountStatus.ACTIVE, as(installationAdmin(),
                s -> s.accounts().findByEmail(ADMIN).orElseThrow().getStatus()));
    }
}
