package nl.preventiefonds.fund;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;
import nl.preventiefonds.audit.AuditEntry;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.StaffOnDemoDatabase;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityLogo;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.ValidationFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each municipality's profile and logo (issue 18): its fund manager reads and changes its own, audited; staff in other
 * roles read but do not change it; nobody reaches another municipality's; bad input is refused with a key and
 * changes nothing.
 */
class MunicipalityProfileServiceOnDemoDatabaseTest {
    private static DemoDatabase database;
    private static long assen;
    private static long stichtseVecht;

    @BeforeAll
    static void world() {
        database = new DemoDatabase("municipalityprofile");
        assen = StaffOnDemoDatabase.municipality(database, "GM0106", "Assen");
        stichtseVecht = StaffOnDemoDatabase.municipality(database, "GM1904", "Stichtse Vecht");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static <T> T as(Role role, Long municipality, Function<MunicipalityProfileService, T> call) {
        return database.inTransaction(em -> call.apply(service(em, role, municipality)));
    }

    private static MunicipalityProfileService service(EntityManager em, Role role, Long municipality) {
        String email = role.name().toLowerCase() + "-" + municipality + "@example.org";
        MunicipalityProfileService service = new MunicipalityProfileService();
        DemoDatabase.inject(service, "em", em);
        DemoDatabase.inject(service, "access",
                StaffOnDemoDatabase.accessOf(new Caller(1L, email, role, null, municipality)));
        return DemoDatabase.inject(service, "audit", StaffOnDemoDatabase.auditAs(em, email));
    }

    private static Municipality stored(long id) {
        return database.inTransaction(em -> em.find(Municipality.class, id));
    }

    private static List<AuditEntry> audit(long municipality, String action) {
        return database.inTransaction(em -> em.createQuery("SELECT a FROM AuditEntry a WHERE a.subjectType ="
                        + " 'Municipality' AND a.subjectId = :id AND a.action = :action ORDER BY a.id", AuditEntry.class)
                .setParameter("id", String.valueOf(municipality)).setParameter("action", action).getResultList());
    }

    private static MunicipalityProfileForm assenProfile(MunicipalityProfileForm form) {
        form.setStreet("Noordersingel 33");
        form.setPostalCode("9401jw");
        form.setCity("Assen");
        form.setObjectionAddress("Het college van burgemeester en wethouders van Assen, Postbus 30018, 9400 RA Assen");
        form.setAppealCourt("Rechtbank Noord-Nederland, Postbus 150, 9700 AD Groningen");
        form.setPhone("14 0592");
        form.setEmail("Info@Assen.nl");
        form.setWebsite("www.assen.nl");
        form.setReclaimIban("nl91 abna 0417 1643 00");
        form.setFunderId("NL-KVK-01176482");
        form.setGivingPrefix(" 360G-assen ");
        return form;
    }

    @Test
    void theFundManagerChangesTheProfileOfTheirOwnMunicipalityNormalisedAndAudited() {
        MunicipalityProfileForm saved = as(Role.FUND_MANAGER, stichtseVecht,
                s -> s.save(assenProfile(s.load())));
        Municipality vecht = stored(stichtseVecht);
        assertEquals("9401 JW", vecht.getPostalCode());
        assertEquals("info@assen.nl", vecht.getEmail());
        assertEquals("https://www.assen.nl", vecht.getWebsite());
        assertEquals("360G-assen", vecht.profile().givingPrefix(), "stripped");
        assertEquals("NL91ABNA0417164300", vecht.getReclaimIban());
        assertEquals("NL-KVK-01176482", vecht.getFunderId());
        assertEquals(vecht.getVersion(), saved.getVersion(), "the form returned carries the new version");
        assertEquals(vecht.getReclaimIban(), vecht.reclaimIbanOrDefault());
        assertNull(stored(assen).getStreet(), "another municipality's profile is untouched");

        List<AuditEntry> entries = audit(stichtseVecht, "MUNICIPALITY_PROFILE_CHANGED");
        assertEquals(1, entries.size());
        assertEquals("fund_manager-" + stichtseVecht + "@example.org", entries.get(0).getActor());
        assertFalse(entries.get(0).getBeforeSummary().contains("Noordersingel"), entries.get(0).getBeforeSummary());
        assertTrue(entries.get(0).getAfterSummary().contains("adres=Noordersingel 33, 9401 JW Assen"),
                entries.get(0).getAfterSummary());
        assertTrue(entries.get(0).getAfterSummary().contains("IBAN=NL91ABNA0417164300"));

        assertEquals("Noordersingel 33", as(Role.OFFICER, stichtseVecht, s -> s.load().getStreet()),
                "staff of the municipality read its profile");
        assertNull(as(Role.FUND_MANAGER, assen, s -> s.load().getStreet()),
                "each fund manager reads their own municipality's profile only");
    }

    @Test
    void otherRolesAndStaffOfNoMunicipalityChangeNothing() {
        for (Role role : List.of(Role.OFFICER, Role.DECISION_MAKER)) {
            assertThrows(AccessDeniedException.class, () -> as(role, assen, s -> s.save(assenProfile(s.load()))));
            assertThrows(AccessDeniedException.class, () -> as(role, assen, s -> s.removeLogo(0)));
        }
        assertThrows(AccessDeniedException.class, () -> as(Role.FUND_MANAGER, null, MunicipalityProfileService::load));
        assertThrows(AccessDeniedException.class, () -> as(Role.FUND_MANAGER, null,
                s -> s.save(assenProfile(new MunicipalityProfileForm()))));
        assertThrows(AccessDeniedException.class, () -> as(Role.ORGANISER, null, MunicipalityProfileService::load));
        assertNull(stored(assen).getStreet());
        assertTrue(audit(assen, "MUNICIPALITY_PROFILE_CHANGED").isEmpty());
    }

    @Test
    void badInputIsRefusedWithItsKeyAndChangesNothing() {
        long version = stored(assen).getVersion();
        ValidationFailedException refused = assertThrows(ValidationFailedException.class,
                () -> as(Role.FUND_MANAGER, assen, s -> {
                    MunicipalityProfileForm form = assenProfile(s.load());
                    form.setReclaimIban("NL91ABNA0417164301");
                    form.setEmail("info@assen");
                    form.setPostalCode("94011 JW");
                    form.setWebsite("javascript:alert(1)");
                    form.setPhone("bel ons");
                    form.setFunderId("Gemeente Assen");
                    form.setGivingPrefix("360G assen");
                    return s.save(form);
                }));
        assertEquals(List.of("municipality.postalCodeInvalid", "municipality.phoneInvalid",
                "municipality.emailInvalid", "municipality.websiteInvalid", "municipality.ibanInvalid",
                "municipality.funderIdInvalid", "municipality.givingPrefixInvalid"), refused.getMessageKeys());
        ValidationFailedException incomplete = assertThrows(ValidationFailedException.class,
                () -> as(Role.FUND_MANAGER, assen, s -> {
                    MunicipalityProfileForm form = s.load();
                    form.setStreet("Noordersingel 33");
                    return s.save(form);
                }));
        assertEquals(List.of("municipality.addressIncomplete"), incomplete.getMessageKeys());
        assertEquals(version, stored(assen).getVersion(), "nothing stored");
        assertNull(stored(assen).getStreet());
    }

    @Test
    void aChangeOverANewerVersionIsRefused() {
        MunicipalityProfileForm first = as(Role.FUND_MANAGER, assen, MunicipalityProfileService::load);
        MunicipalityProfileForm second = as(Role.FUND_MANAGER, assen, MunicipalityProfileService::load);
        first.setPhone("14 0592");
        as(Role.FUND_MANAGER, assen, s -> s.save(first));
        second.setPhone("0592 000000");
        ValidationFailedException refused = assertThrows(ValidationFailedException.class,
                () -> as(Role.FUND_MANAGER, assen, s -> s.save(second)));
        assertEquals(List.of("municipality.changedElsewhere"), refused.getMessageKeys());
        assertEquals("14 0592", stored(assen).getPhone());
    }

    @Test
    void aLogoIsStoredFlattenedReplacedAndRemovedAuditedAndOnlyRealImagesAreTaken() throws IOException {
        long version = stored(stichtseVecht).getVersion();
        ValidationFailedException text = assertThrows(ValidationFailedException.class, () -> as(Role.FUND_MANAGER,
                stichtseVecht, s -> s.replaceLogo(version, "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of("municipality.logoNotImage"), text.getMessageKeys());
        byte[] truncated = java.util.Arrays.copyOf(transparentPng(), 40);
        assertEquals(List.of("municipality.logoNotImage"), assertThrows(ValidationFailedException.class,
                () -> as(Role.FUND_MANAGER, stichtseVecht, s -> s.replaceLogo(version, truncated))).getMessageKeys());
        byte[] huge = new byte[nl.preventiefonds.municipality.LogoImage.MAX_BYTES + 1];
        huge[0] = (byte) 0x89;
        assertEquals(List.of("municipality.logoTooLarge"), assertThrows(ValidationFailedException.class,
                () -> as(Role.FUND_MANAGER, stichtseVecht, s -> s.replaceLogo(version, huge))).getMessageKeys());
        assertFalse(stored(stichtseVecht).hasLogo());

        byte[] upload = transparentPng();
        long afterLogo = as(Role.FUND_MANAGER, stichtseVecht, s -> s.replaceLogo(version, upload));
        Municipality vecht = stored(stichtseVecht);
        assertTrue(vecht.hasLogo());
        assertEquals(vecht.getVersion(), afterLogo);
        byte[] logo = as(Role.OFFICER, stichtseVecht, s -> s.logo().orElseThrow());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(logo));
        assertFalse(image.getColorModel().hasAlpha(), "flattened: no soft mask in the letters' PDF");
        assertEquals(Color.WHITE.getRGB(), image.getRGB(0, 0), "the transparent corner became white");
        assertEquals(new Color(0, 90, 160).getRGB(), image.getRGB(50, 20));
        assertEquals(1, audit(stichtseVecht, "MUNICIPALITY_LOGO_CHANGED").size());
        boolean assenHasNone = as(Role.FUND_MANAGER, assen, s -> s.logo().isEmpty());
        assertTrue(assenHasNone, "another municipality's logo is not shown");

        assertThrows(ValidationFailedException.class, () -> as(Role.FUND_MANAGER, stichtseVecht,
                s -> s.removeLogo(version)), "removing with an old version");
        as(Role.FUND_MANAGER, stichtseVecht, s -> s.removeLogo(afterLogo));
        assertFalse(stored(stichtseVecht).hasLogo());
        assertNull(database.inTransaction(em -> em.find(MunicipalityLogo.class, stichtseVecht)));
        assertEquals(1, audit(stichtseVecht, "MUNICIPALITY_LOGO_REMOVED").size());
    }

    @Test
    void aLargeJpegIsScaledDownForTheLetterhead() throws IOException {
        BufferedImage big = new BufferedImage(2400, 600, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(big, "jpg", jpeg);
        byte[] png = nl.preventiefonds.municipality.LogoImage.normalise(jpeg.toByteArray());
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(stored);
        assertEquals(800, stored.getWidth());
        assertEquals(200, stored.getHeight());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
    }

    /** 200 by 80, transparent, with an opaque blue block from (40,10): a logo with alpha, as designers send them. */
    static byte[] transparentPng() throws IOException {
        BufferedImage image = new BufferedImage(200, 80, BufferedImage.TYPE_INT_ARGB);
        for (int x = 40; x < 160; x++) {
            for (int y = 10; y < 70; y++) {
                image.setRGB(x, y, new Color(0, 90, 160).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
