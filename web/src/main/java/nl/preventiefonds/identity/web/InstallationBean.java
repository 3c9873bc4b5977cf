package nl.preventiefonds.identity.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.identity.InstallationOverview;
import nl.preventiefonds.identity.InstallationOverview.MunicipalityLine;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityDirectory;
import nl.preventiefonds.platform.web.Messages;

/** Installation administrator: adds municipalities and invites each one's first fund manager. */
@Named
@ViewScoped
public class InstallationBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private InstallationOverview overview;

    @Inject
    private MunicipalityDirectory municipalities;

    @Inject
    private AccountService accounts;

    private List<MunicipalityLine> lines;
    private String newCode;
    private String newName;

    private Long inviteMunicipalityId;
    private String inviteName;
    private String inviteEmail;
    private Role inviteRole = Role.FUND_MANAGER;

    private MunicipalityLine shown;
    private List<UserAccount> staff = List.of();

    @PostConstruct
    void load() {
        lines = overview.municipalities();
    }

    public void createMunicipality() {
        Municipality created = municipalities.create(newCode, newName);
        Messages.info("installation.municipalityCreated", created.getName(), created.getCode());
        newCode = null;
        newName = null;
        inviteMunicipalityId = created.getId();
        load();
    }

    public void invite() {
        UserAccount invited = accounts.inviteStaff(inviteMunicipalityId == null ? -1 : inviteMunicipalityId,
                inviteEmail, inviteName, inviteRole, RegistrationBean.applicationUrl());
        // Staff of another municipality get a role here too, not a second account.
        String municipality = invited.membershipIn(inviteMunicipalityId).map(m -> m.getMunicipality().getName())
                .orElse(invited.getMunicipality().getName());
        Messages.info(invited.getMemberships().size() > 1 ? "installation.joined" : "installation.invited",
                invited.getEmail(), municipality);
        inviteName = null;
        inviteEmail = null;
        load();
        if (shown != null) {
            show(shown.getId());
        }
    }

    /** Shows who works for one municipality, and preselects it for the next invitation. */
    public void show(long municipalityId) {
        shown = lines.stream().filter(line -> line.getId() == municipalityId).findFirst().orElse(null);
        staff = shown == null ? List.of() : accounts.staffOf(municipalityId);
        inviteMunicipalityId = shown == null ? inviteMunicipalityId : shown.getId();
    }

    public List<Role> getStaffRoles() {
        return Arrays.stream(Role.values()).filter(Role::isMunicipalStaff).toList();
    }

    public List<MunicipalityLine> getLines() {
        return lines;
    }

    public MunicipalityLine getShown() {
        return shown;
    }

    public List<UserAccount> getStaff() {
        return staff;
    }

    public String getNewCode() {
        return newCode;
    }

    public void setNewCode(String newCode) {
        this.newCode = newCode;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public Long getInviteMunicipalityId() {
        return inviteMunicipalityId;
    }

    public void setInviteMunicipalityId(Long inviteMunicipalityId) {
        this.inviteMunicipalityId = inviteMunicipalityId;
    }

    public String getInviteName() {
        return inviteName;
    }

    public void setInviteName(String inviteName) {
        this.inviteName = inviteName;
    }

    public String getInviteEmail() {
        return inviteEmail;
    }

    public void setInviteEmail(String inviteEmail) {
        this.inviteEmail = inviteEmail;
    }

    public Role getInviteRole() {
        return inviteRole;
    }

    public void setInviteRole(Role inviteRole) {
        this.inviteRole = inviteRole;
    }
}
