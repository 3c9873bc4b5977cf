package nl.preventiefonds.fund;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.municipality.LogoImage;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityLogo;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The profile of the caller's own municipality (issue 18): its staff read it, its fund managers (the municipal
 * administrators) change it and its logo. Here and not in package municipality, because the authorisation
 * ({@link AccessPolicy}, package identity) ranks above municipality. Every change is audited in its transaction;
 * a change saved over a newer version is refused ({@code municipality.changedElsewhere}).
 */
@Stateless
@RolesAllowed({RoleNames.FUND_MANAGER, RoleNames.OFFICER, RoleNames.DECISION_MAKER})
public class MunicipalityProfileService {
    static final String SUBJECT = "Municipality";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private AccessPolicy access;

    /** Name, code and profile of the caller's municipality. */
    public Municipality own() {
        long id = access.requireMunicipalStaff(Role.FUND_MANAGER, Role.OFFICER, Role.DECISION_MAKER)
                .municipalityId();
        return em.find(Municipality.class, id);
    }

    public MunicipalityProfileForm load() {
        return MunicipalityProfileForm.of(own());
    }

    /** The logo of the caller's municipality (PNG), if it has one. */
    public Optional<byte[]> logo() {
        return Optional.ofNullable(MunicipalityLogo.of(em, own()));
    }

    /** Checks and stores the profile; returns it as stored, with its new version. Fund managers only. */
    @RolesAllowed(RoleNames.FUND_MANAGER)
    public MunicipalityProfileForm save(MunicipalityProfileForm form) {
        access.requireMunicipalStaff(Role.FUND_MANAGER);
        List<Problem> problems = form.check();
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        Municipality municipality = lockOwn(form.getVersion());
        String before = municipality.profileAuditSummary();
        municipality.changeProfile(form.normalised());
        em.flush();
        audit.record("MUNICIPALITY_PROFILE_CHANGED", SUBJECT, municipality.getId(), before,
                municipality.profileAuditSummary());
        return MunicipalityProfileForm.of(municipality);
    }

    /**
     * Stores a PNG or JPEG upload as the logo (checked, flattened and scaled by {@link LogoImage}), replacing any
     * earlier one; returns the profile's new version. Fund managers only.
     */
    @RolesAllowed(RoleNames.FUND_MANAGER)
    public long replaceLogo(long version, byte[] upload) {
        access.requireMunicipalStaff(Role.FUND_MANAGER);
        byte[] png = LogoImage.normalise(upload);
        Municipality municipality = lockOwn(version);
        String before = municipality.profileAuditSummary();
        MunicipalityLogo logo = em.find(MunicipalityLogo.class, municipality.getId());
        if (logo == null) {
            em.persist(new MunicipalityLogo(municipality.getId(), LogoImage.CONTENT_TYPE, png));
        } else {
            logo.replace(LogoImage.CONTENT_TYPE, png);
        }
        municipality.logoChanged(sha256(png));
        em.flush();
        audit.record("MUNICIPALITY_LOGO_CHANGED", SUBJECT, municipality.getId(), before,
                municipality.profileAuditSummary());
        return municipality.getVersion();
    }

    /** Removes the logo; letters then show the name and address only. Returns the new version. Fund managers only. */
    @RolesAllowed(RoleNames.FUND_MANAGER)
    public long removeLogo(long version) {
        Municipality municipality = lockOwn(version);
        if (!municipality.hasLogo()) {
            return municipality.getVersion();
        }
        String before = municipality.profileAuditSummary();
        MunicipalityLogo logo = em.find(MunicipalityLogo.class, municipality.getId());
        if (logo != null) {
            em.remove(logo);
        }
        municipality.logoChanged(null);
        em.flush();
        audit.record("MUNICIPALITY_LOGO_REMOVED", SUBJECT, municipality.getId(), before,
                municipality.profileAuditSummary());
        return municipality.getVersion();
    }

    /**
     * The fund manager's own municipality, locked for this change: a second change at the same moment waits, then
     * finds the version moved and is refused instead of overwriting what its author never saw.
     */
    private Municipality lockOwn(long version) {
        long id = access.requireMunicipalStaff(Role.FUND_MANAGER).municipalityId();
        Municipality municipality = em.find(Municipality.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (municipality.getVersion() != version) {
            throw new ValidationFailedException("municipality.changedElsewhere");
        }
        return municipality;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
