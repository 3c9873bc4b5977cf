package nl.preventiefonds.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.RoleNames;

/** What the installation administrator sees: every municipality, with how far its staff got in. */
@Stateless
@RolesAllowed(RoleNames.INSTALLATION_ADMIN)
public class InstallationOverview {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    /**
     * One line per municipality: active fund managers, other active staff, invitations not yet accepted. A class
     * with getters, not a record: Faces pages read it through Expression Language 5, which knows no record
     * accessors.
     */
    public static final class MunicipalityLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String code;
        private final String name;
        private final long activeFundManagers;
        private final long activeStaff;
        private final long openInvitations;

        MunicipalityLine(long id, String code, String name, long activeFundManagers, long activeStaff,
                         long openInvitations) {
            this.id = id;
            this.code = code;
            this.name = name;
            this.activeFundManagers = activeFundManagers;
            this.activeStaff = activeStaff;
            this.openInvitations = openInvitations;
        }

        public long getId() {
            return id;
        }

        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }

        public long getActiveFundManagers() {
            return activeFundManagers;
        }

        public long getActiveStaff() {
            return activeStaff;
        }

        public long getOpenInvitations() {
            return openInvitations;
        }

        /** A municipality nobody can administer yet: it needs its first fund manager. */
        public boolean isNeedsFundManager() {
            return activeFundManagers == 0;
        }
    }

    public List<MunicipalityLine> municipalities() {
        access.requireAnyRole(Role.INSTALLATION_ADMIN);
        Map<Long, long[]> counts = new HashMap<>();
        // By membership: someone working in another of their municipalities right now still counts here.
        for (Object[] row : em.createQuery("SELECT s.municipality.id, s.role, u.status, COUNT(s) FROM StaffMembership s"
                + " JOIN s.account u GROUP BY s.municipality.id, s.role, u.status", Object[].class)
                .getResultList()) {
            long[] count = counts.computeIfAbsent((Long) row[0], id -> new long[3]);
            long number = ((Number) row[3]).longValue();
            if (row[2] == AccountStatus.PENDING) {
                count[2] += number;
            } else if (row[2] == AccountStatus.ACTIVE) {
                count[row[1] == Role.FUND_MANAGER ? 0 : 1] += number;
            }
        }
        return em.createQuery("SELECT m FROM Municipality m ORDER BY m.name, m.id", Municipality.class)
                .getResultList().stream().map(m -> {
                    long[] count = counts.getOrDefault(m.getId(), new long[3]);
                    return new MunicipalityLine(m.getId(), m.getCode(), m.getName(), count[0], count[1], count[2]);
                }).toList();
    }
}
