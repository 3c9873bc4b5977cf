package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.ValidationFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One person, roles in two municipalities: a fund manager of the second gives a member of staff of the first a role
 * there (no second account), the person switches explicitly, and each municipality administers only its own role.
 */
class MembershipOnDemoDatabaseTest {
    private static DemoDatabase database;
    private static long apeldoorn;
    private static long arnhem;
    private static long ede;
    private static long zutphen;

    @BeforeAll
    static void world() {
        database = new DemoDatabase("membership");
        apeldoorn = StaffOnDemoDatabase.municipality(database, "GM0200", "Apeldoorn");
        arnhem = StaffOnDemoDatabase.municipality(database, "GM0202", "Arnhem");
        ede = StaffOnDemoDatabase.municipality(database, "GM0228", "Ede");
        zutphen = StaffOnDemoDatabase.municipality(database, "GM0301", "Zutphen");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static long account(String email, Role role, Long municipality) {
        return database.inTransaction(em -> {
            UserAccount account = new UserAccount(email, "Naam van " + email, "plain:Een wijk vol buren", role,
                    AccountStatus.ACTIVE, StaffOnDemoDatabase.NOW);
            account.assignMunicipality(municipality == null ? null : em.find(Municipality.class, municipality));
            em.persist(account);
            em.flush();
            return account.getId();
        });
    }

    private static <T> T as(Caller caller, Function<AccountService, T> call) {
        return database.inTransaction(em -> call.apply(StaffOnDemoDatabase.accountsAs(em, caller)));
    }

    private static List<String> problems(Runnable change) {
        return assertThrows(ValidationFailedException.class, change::run).getMessageKeys();
    }

    private static UserAccount reread(long id) {
        return database.inTransaction(em -> {
            UserAccount account = em.find(UserAccount.class, id);
            account.getMemberships();
            return account;
        });
    }

    @Test
    void aColleagueOfAnotherMunicipalityGetsARoleHereAndSwitchesExplicitly() {
        long fmApeldoorn = account("fm@apeldoorn.example", Role.FUND_MANAGER, apeldoorn);
        long fmArnhem = account("fm@arnhem.example", Role.FUND_MANAGER, arnhem);
        long sanne = account("sanne@regio.example", Role.OFFICER, apeldoorn);
        Caller arnhemManager = new Caller(fmArnhem, "fm@arnhem.example", Role.FUND_MANAGER, null, arnhem);
        Caller apeldoornManager = new Caller(fmApeldoorn, "fm@apeldoorn.example", Role.FUND_MANAGER, null, apeldoorn);

        UserAccount joined = as(arnhemManager, s -> s.createAccount(new NewAccount(" Sanne@Regio.example ",
                "Een andere naam", Role.DECISION_MAKER, null, "Een ander wachtwoord hier"), "https://pf.example"));
        assertEquals(sanne, joined.getId(), "one person, one account: no second one");
        UserAccount sanneNow = reread(sanne);
        assertEquals(2, sanneNow.getMemberships().size());
        assertEquals(apeldoorn, sanneNow.getMunicipality().getId(), "she keeps working where she was");
        assertEquals(Role.OFFICER, sanneNow.getRole());
        assertEquals(Role.DECISION_MAKER, sanneNow.membershipIn(arnhem).orElseThrow().getRole());
        assertEquals("Naam van sanne@regio.example", sanneNow.getDisplayName(), "her own name and password stay");
        assertTrue(as(Caller.ANONYMOUS, s -> s.authenticate("sanne@regio.example", "Een wijk vol buren")).isPresent());
        assertEquals(1, database.count("SELECT COUNT(m) FROM OutboundMail m WHERE m.recipient = ?1 AND m.subject LIKE ?2",
                "sanne@regio.example", "%Arnhem%"), "she is told by mail");
        assertEquals(1, database.count("SELECT COUNT(a) FROM AuditEntry a WHERE a.action = 'STAFF_MEMBERSHIP_ADDED'"
                + " AND a.municipalityId = ?1 AND a.actor = ?2", arnhem, "fm@arnhem.example"), "on Arnhem's trail");
        assertEquals(List.of("membership.exists"), problems(() -> as(arnhemManager, s -> s.createAccount(
                new NewAccount("sanne@regio.example", "Sanne", Role.OFFICER, null, ""), "https://pf.example"))));

        assertTrue(as(arnhemManager, s -> s.accounts(0, 200)).stream().anyMatch(u -> u.getId() == sanne),
                "Arnhem's fund manager lists her");
        assertTrue(as(apeldoornManager, s -> s.accounts(0, 200)).stream().anyMatch(u -> u.getId() == sanne),
                "and Apeldoorn's still does");
        as(arnhemManager, s -> { s.changeRole(sanne, Role.OFFICER); return 0; });
        assertEquals(Role.OFFICER, reread(sanne).membershipIn(arnhem).orElseThrow().getRole(),
                "Arnhem's fund manager changes her role in Arnhem");
        as(arnhemManager, s -> { s.changeRole(sanne, Role.FUND_MANAGER); return 0; });
        assertEquals(Role.OFFICER, reread(sanne).getRole(), "not her role in Apeldoorn, where she works now");

        Caller sanneInApeldoorn = new Caller(sanne, "sanne@regio.example", Role.OFFICER, null, apeldoorn);
        List<AccountService.Membership> mine = as(sanneInApeldoorn, AccountService::ownMemberships);
        assertEquals(List.of("Apeldoorn", "Arnhem"), mine.stream().map(AccountService.Membership::municipalityName)
                .toList(), "the current one first");
        assertTrue(mine.get(0).current());
        assertFalse(mine.get(1).current());

        assertEquals(List.of("municipality.notFound"), problems(() -> as(sanneInApeldoorn,
                s -> s.switchMunicipality(ede))), "not a municipality of hers");
        assertEquals(Role.FUND_MANAGER, as(sanneInApeldoorn, s -> s.switchMunicipality(arnhem)));
        sanneNow = reread(sanne);
        assertEquals(arnhem, sanneNow.getMunicipality().getId());
        assertEquals(Role.FUND_MANAGER, sanneNow.getRole());
        assertEquals(2, database.count("SELECT COUNT(a) FROM AuditEntry a WHERE a.action = 'MUNICIPALITY_SWITCHED'"
                + " AND a.municipalityId IN (?1, ?2)", apeldoorn, arnhem), "on the trails of both");

        assertEquals(List.of("account.worksElsewhere"), problems(() -> as(arnhemManager,
                s -> { s.changeStatus(sanne, AccountStatus.DISABLED); return 0; })),
                "blocking her account would lock her out of Apeldoorn too");
        assertEquals(List.of("account.notFound"), problems(() -> as(new Caller(fmApeldoorn, "fm@apeldoorn.example",
                Role.FUND_MANAGER, null, ede), s -> { s.endMembership(sanne); return 0; })),
                "a municipality she does not work for knows nothing of her");
        as(arnhemManager, s -> { s.endMembership(sanne); return 0; });
        sanneNow = reread(sanne);
        assertEquals(1, sanneNow.getMemberships().size());
        assertEquals(apeldoorn, sanneNow.getMunicipality().getId(), "she continues in Apeldoorn");
        assertEquals(Role.OFFICER, sanneNow.getRole(), "in her role there");
        assertFalse(as(arnhemManager, s -> s.accounts(0, 200)).stream().anyMatch(u -> u.getId() == sanne));
        assertEquals(List.of("membership.onlyOne"), problems(() -> as(apeldoornManager,
                s -> { s.endMembership(sanne); return 0; })), "her only municipality: block instead");
        assertEquals(1, database.count("SELECT COUNT(a) FROM AuditEntry a WHERE a.action = 'STAFF_MEMBERSHIP_ENDED'"
                + " AND a.municipalityId = ?1", arnhem));
    }

    @Test
    void organisersAndPartnersDoNotBecomeStaffAndTheLastFundManagerStays() {
        long fmEde = account("fm@ede.example", Role.FUND_MANAGER, ede);
        long resident = account("bewoner@ede.example", Role.ORGANISER, null);
        Caller edeManager = new Caller(fmEde, "fm@ede.example", Role.FUND_MANAGER, null, ede);
        assertFalse(as(edeManager, s -> s.accounts(0, 200)).stream().anyMatch(u -> u.getId() == resident),
                "an organiser who applied nowhere here is not Ede's to list");
        assertEquals(List.of("account.notFound"), problems(() -> as(edeManager,
                s -> { s.changeStatus(resident, AccountStatus.DISABLED); return 0; })), "nor to block");
        assertEquals(List.of("email.taken"), problems(() -> as(edeManager, s -> s.createAccount(
                new NewAccount("bewoner@ede.example", "Bewoner", Role.OFFICER, null, ""), "https://pf.example"))),
                "an organiser's account is not turned into staff");

        long other = account("fm2@apeldoorn.example", Role.FUND_MANAGER, apeldoorn);
        as(edeManager, s -> s.createAccount(new NewAccount("fm2@apeldoorn.example", "X", Role.FUND_MANAGER, null,
                ""), "https://pf.example"));
        Caller otherInApeldoorn = new Caller(other, "fm2@apeldoorn.example", Role.FUND_MANAGER, null, apeldoorn);
        as(otherInApeldoorn, s -> s.switchMunicipality(ede));
        Caller otherInEde = new Caller(other, "fm2@apeldoorn.example", Role.FUND_MANAGER, null, ede);
        as(otherInEde, s -> { s.changeStatus(fmEde, AccountStatus.DISABLED); return 0; });
        assertEquals(AccountStatus.DISABLED, reread(fmEde).getStatus());
        assertEquals(1, database.count("SELECT COUNT(s) FROM StaffMembership s WHERE s.municipality.id = ?1"
                + " AND s.role = ?2 AND s.account.status = ?3", ede, Role.FUND_MANAGER, AccountStatus.ACTIVE),
                "she is Ede's only active fund manager now");
        assertEquals(List.of("account.lastFundManager"), problems(() -> as(edeManager,
                s -> { s.endMembership(other); return 0; })),
                "counted per municipality: she is the only fund manager Ede has left");
    }

    @Test
    void theInstallationAdministratorGivesAMemberOfStaffARoleInAnotherMunicipality() {
        long admin = account("installatie@regio.example", Role.INSTALLATION_ADMIN, null);
        long femke = account("femke@regio.example", Role.DECISION_MAKER, apeldoorn);
        Caller installation = new Caller(admin, "installatie@regio.example", Role.INSTALLATION_ADMIN, null, null);
        UserAccount joined = as(installation, s -> s.inviteStaff(zutphen, "femke@regio.example", "Femke",
                Role.FUND_MANAGER, "https://pf.example"));
        assertEquals(femke, joined.getId());
        assertEquals(AccountStatus.ACTIVE, reread(femke).getStatus(), "no invitation to accept: she has a password");
        assertTrue(as(installation, s -> s.staffOf(zutphen)).stream().anyMatch(u -> u.getId() == femke),
                "Zutphen's staff, as the installation administrator sees them");
        assertEquals(Role.FUND_MANAGER, reread(femke).membershipIn(zutphen).orElseThrow().getRole());
    }
}
