package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.partner.PartnerDirectory;
import nl.preventiefonds.partner.PartnerOrganisation;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Partner organisations belong to one municipality: its fund manager keeps them (KvK number checked, name unique in
 * the municipality, audited), another municipality's answer as unknown, partner accounts link to the own
 * municipality's only, and the account download holds the own municipality's staff and partner accounts.
 */
class PartnerAdministrationOnDemoDatabaseTest {
    private static DemoDatabase database;
    private static long stichtseVecht;
    private static long assen;

    @BeforeAll
    static void world() {
        database = new DemoDatabase("partners");
        stichtseVecht = StaffOnDemoDatabase.municipality(database, "GM1904", "Stichtse Vecht");
        assen = StaffOnDemoDatabase.municipality(database, "GM0106", "Assen");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static <T> T asFundManagerOf(Long municipality, Function<PartnerAdministration, T> call) {
        return database.inTransaction(em -> {
            String email = "beheerder-" + municipality + "@example.org";
            PartnerAdministration service = new PartnerAdministration();
            DemoDatabase.inject(service, "em", em);
            DemoDatabase.inject(service, "access", StaffOnDemoDatabase.accessOf(new Caller(1L, email,
                    Role.FUND_MANAGER, null, municipality)));
            DemoDatabase.inject(service, "audit", StaffOnDemoDatabase.auditAs(em, email));
            return call.apply(service);
        });
    }

    private static AccountService accounts(EntityManager em, long municipality) {
        AccountService service = new AccountService();
        DemoDatabase.inject(service, "em", em);
        DemoDatabase.inject(service, "access", StaffOnDemoDatabase.accessOf(new Caller(1L,
                "beheerder@example.org", Role.FUND_MANAGER, null, municipality)));
        AuditTrail audit = StaffOnDemoDatabase.auditAs(em, "beheerder@example.org");
        return DemoDatabase.inject(service, "audit", audit);
    }

    private static PartnerForm partner(String name, String kvk) {
        PartnerForm form = new PartnerForm();
        form.setName(name);
        form.setKvkNumber(kvk);
        form.setKind("welfare");
        form.setContactName("Sanne de Boer");
        form.setContactEmail("Sanne@Welzijn.example");
        form.setContactPhone("+31 30 123 45 67");
        form.setCoalitionMember(true);
        return form;
    }

    private static List<String> problems(Runnable change) {
        return assertThrows(ValidationFailedException.class, change::run).getProblems().stream().map(Problem::key)
                .toList();
    }

    @Test
    void theKvkNumberIsCheckedAndStoredWithoutSeparators() {
        assertEquals(List.of("partner.kvkInvalid"), problems(() -> asFundManagerOf(stichtseVecht,
                s -> s.save(partner("Leef", "1234567")))));
        assertEquals(List.of("partner.kvkInvalid"), problems(() -> asFundManagerOf(stichtseVecht,
                s -> s.save(partner("Leef", "3012345A")))));
        long leef = asFundManagerOf(stichtseVecht, s -> s.save(partner("Leef", "3012 34.56")));
        PartnerForm stored = asFundManagerOf(stichtseVecht, s -> s.load(leef));
        assertEquals("30123456", stored.getKvkNumber());
        assertEquals("sanne@welzijn.example", stored.getContactEmail());
        assertTrue(stored.isCoalitionMember());
        assertEquals(1L, (long) database.inTransaction(em -> em.createQuery("SELECT COUNT(a) FROM AuditEntry a"
                + " WHERE a.action = 'PARTNER_CREATED' AND a.subjectId = :id", Long.class)
                .setParameter("id", String.valueOf(leef)).getSingleResult()));
        PartnerForm noKvk = partner("Handjehelpen", "  ");
        noKvk.setContactEmail("geen adres");
        noKvk.setContactPhone("bel maar");
        noKvk.setKind("bakery");
        assertEquals(List.of("partner.kindRequired", "partner.contactEmailInvalid", "partner.contactPhoneInvalid"),
                problems(() -> asFundManagerOf(stichtseVecht, s -> s.save(noKvk))));
    }

    @Test
    void namesAreUniquePerMunicipalityAndAnotherMunicipalitysPartnerIsUnknown() {
        long welzijn = asFundManagerOf(stichtseVecht, s -> s.save(partner("Welzijn", null)));
        long welzijnAssen = asFundManagerOf(assen, s -> s.save(partner("Welzijn", null)));
        assertEquals(List.of("partner.nameTaken"), problems(() -> asFundManagerOf(stichtseVecht,
                s -> s.save(partner("welzijn", null)))));
        assertEquals(List.of("partner.notFound"), problems(() -> asFundManagerOf(assen, s -> s.load(welzijn))));
        PartnerForm takeover = asFundManagerOf(stichtseVecht, s -> s.load(welzijn));
        takeover.setName("Overgenomen");
        assertEquals(List.of("partner.notFound"), problems(() -> asFundManagerOf(assen, s -> s.save(takeover))));
        assertTrue(asFundManagerOf(assen, PartnerAdministration::partners).stream()
                .allMatch(p -> p.getMunicipality().getId() == assen));
        assertTrue(asFundManagerOf(assen, PartnerAdministration::partners).stream()
                .anyMatch(p -> p.getId() == welzijnAssen));
        List<Long> offered = database.inTransaction(em -> {
            PartnerDirectory directory = DemoDatabase.inject(new PartnerDirectory(), "em", em);
            return directory.ofMunicipality(assen).stream().map(PartnerOrganisation::getId).toList();
        });
        assertTrue(offered.contains(welzijnAssen) && !offered.contains(welzijn),
                "an application form to Assen offers Assen's partners only");
        assertThrows(AccessDeniedException.class, () -> asFundManagerOf(null, PartnerAdministration::partners));
    }

    @Test
    void aPartnerAccountLinksToTheOwnMunicipalitysPartnersOnlyAndTheDownloadHoldsTheOwnAccounts() {
        long kwadraad = asFundManagerOf(stichtseVecht, s -> s.save(partner("Kwadraad", "30111111")));
        ValidationFailedException refused = assertThrows(ValidationFailedException.class,
                () -> database.inTransaction(em -> accounts(em, assen).createAccount(new NewAccount(
                        "kwadraad@partner.example", "Kwadraad", Role.PARTNER, kwadraad, "Lang-genoeg-wachtwoord-1"),
                        "http://localhost")));
        assertEquals("partner.required", refused.getProblems().get(0).key(), "as unknown as a missing partner");

        database.inTransaction(em -> {
            UserAccount staff = new UserAccount("adviseur@sv.example", "Adviseur", "hash", Role.OFFICER,
                    AccountStatus.ACTIVE, StaffOnDemoDatabase.NOW);
            staff.assignMunicipality(em.find(Municipality.class, stichtseVecht));
            UserAccount partnerAccount = new UserAccount("medewerker@kwadraad.example", "Kwadraad", "hash",
                    Role.PARTNER, AccountStatus.ACTIVE, StaffOnDemoDatabase.NOW);
            partnerAccount.assignPartner(em.find(PartnerOrganisation.class, kwadraad));
            UserAccount elsewhere = new UserAccount("adviseur@assen.example", "Adviseur Assen", "hash", Role.OFFICER,
                    AccountStatus.ACTIVE, StaffOnDemoDatabase.NOW);
            elsewhere.assignMunicipality(em.find(Municipality.class, assen));
            UserAccount organiser = new UserAccount("bewoner@example.org", "Bewoner", "hash", Role.ORGANISER,
                    AccountStatus.ACTIVE, StaffOnDemoDatabase.NOW);
            List.of(staff, partnerAccount, elsewhere, organiser).forEach(em::persist);
            return null;
        });
        List<String> exported = database.inTransaction(em -> accounts(em, stichtseVecht).municipalityAccounts()
                .stream().map(UserAccount::getEmail).toList());
        assertEquals(List.of("adviseur@sv.example", "medewerker@kwadraad.example"), exported,
                "own staff and own partners' accounts; not another municipality's staff, not organisers");
        List<String> listedInAssen = database.inTransaction(em -> accounts(em, assen).accounts(0, 200).stream()
                .map(UserAccount::getEmail).toList());
        assertEquals(List.of("adviseur@assen.example"), listedInAssen, "Assen lists its own staff, not Stichtse"
                + " Vecht's partner accounts, nor an organiser who applied nowhere in Assen");
        long kwadraadAccount = database.inTransaction(em -> em.createQuery("SELECT u.id FROM UserAccount u WHERE"
                + " u.email = 'medewerker@kwadraad.example'", Long.class).getSingleResult());
        assertEquals("account.notFound", assertThrows(ValidationFailedException.class, () -> database.inTransaction(
                em -> {
                    accounts(em, assen).changeStatus(kwadraadAccount, AccountStatus.DISABLED);
                    return null;
                })).getProblems().get(0).key(), "another municipality's partner account is unknown");
    }
}
