package nl.preventiefonds.identity.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.identity.AccountStatus;
import nl.preventiefonds.identity.NewAccount;
import nl.preventiefonds.identity.PartnerAdministration;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.StaffMembership;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.partner.PartnerOrganisation;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.platform.web.TableDownload;

/** Fund manager: accounts for partners and staff, and blocking or unblocking accounts. */
@Named
@ViewScoped
public class UserAdminBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;

    /** The partners a partner account may be linked to: those of the fund manager's own municipality. */
    @Inject
    private PartnerAdministration partners;

    private final LazyDataModel<UserAccount> users = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, accounts.countAccounts());
        }

        @Override
        public List<UserAccount> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                      Map<String, FilterMeta> filterBy) {
            List<UserAccount> page = accounts.accounts(first, pageSize);
            page.forEach(user -> newRoles.putIfAbsent(user.getId(), roleHere(user).name()));
            return page;
        }

        @Override
        public String getRowKey(UserAccount user) {
            return String.valueOf(user.getId());
        }
    };
    private List<PartnerOrganisation> partnerOptions;
    /** The role chosen per account row, by account id (the account's own role until someone picks another). */
    private final Map<Long, String> newRoles = new HashMap<>();

    private String email;
    private String displayName;
    private Role role = Role.OFFICER;
    private Long partnerId;
    private String password;

    @PostConstruct
    void load() {
        partnerOptions = partners.partners();
    }

    public void create() {
        NewAccount request = new NewAccount(email, displayName, role, role == Role.PARTNER ? partnerId : null,
                password == null ? "" : password);
        UserAccount created = accounts.createAccount(request, RegistrationBean.applicationUrl());
        // A new account has at most one municipality; more means a colleague of another municipality joined ours.
        Messages.info(created.getMemberships().size() > 1 ? "users.joined"
                : request.isInvitation() ? "users.invited" : "users.created", created.getEmail());
        email = null;
        displayName = null;
        partnerId = null;
        password = null;
    }

    /** Gives a colleague the staff role chosen in their row. */
    public void changeRole(UserAccount user) {
        String chosen = newRoles.get(user.getId());
        Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(chosen)).findFirst().orElse(null);
        accounts.changeRole(user.getId(), role);
        Messages.info("users.roleChanged", user.getEmail());
    }

    /** Their role in this municipality: a colleague may work in another of theirs right now, in another role. */
    public Role roleHere(UserAccount user) {
        Object here = FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                .get(ActiveAccountFilter.MUNICIPALITY_ID);
        return user.membershipIn(here instanceof Long id ? id : null).map(StaffMembership::getRole)
                .orElse(user.getRole());
    }

    /** Staff of more than one municipality: blocking their account would lock them out elsewhere too. */
    public boolean worksElsewhere(UserAccount user) {
        return user.getMemberships().size() > 1;
    }

    /** Ends the role here of a colleague who also works for another municipality. */
    public void endMembership(UserAccount user) {
        accounts.endMembership(user.getId());
        newRoles.remove(user.getId());
        Messages.info("users.membershipEnded", user.getEmail());
    }

    /** The roles a member of a municipality's staff may be given. */
    public List<Role> getStaffRoles() {
        return Arrays.stream(Role.values()).filter(Role::isMunicipalStaff).toList();
    }

    public Map<Long, String> getNewRoles() {
        return newRoles;
    }

    public void block(UserAccount user) {
        changeStatus(user, AccountStatus.DISABLED);
    }

    public void unblock(UserAccount user) {
        changeStatus(user, AccountStatus.ACTIVE);
    }

    private void changeStatus(UserAccount user, AccountStatus status) {
        accounts.changeStatus(user.getId(), status);
        Messages.info("users.statusChanged", user.getEmail());
    }

    /** The municipality's staff and partner accounts, as the downloads give them. */
    private TableDownload.Table table() {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (UserAccount u : accounts.municipalityAccounts()) {
            rows.add(Arrays.asList(u.getDisplayName(), u.getEmail(), Messages.text("role." + roleHere(u).name()),
                    u.getPartner() == null ? null : u.getPartner().getName(),
                    Messages.text("status." + u.getStatus().name())));
        }
        return new TableDownload.Table(Messages.text("users.title"), List.of(Messages.text("field.name"),
                Messages.text("field.email"), Messages.text("field.role"), Messages.text("field.partner"),
                Messages.text("field.status")), rows);
    }

    public StreamedContent getCsvFile() {
        return TableDownload.csvFile("medewerkers", table());
    }

    public StreamedContent getXlsxFile() {
        return TableDownload.xlsxFile("medewerkers", table());
    }

    /** Organisers register themselves; everyone else is created here. */
    public List<Role> getCreatableRoles() {
        return Arrays.stream(Role.values()).filter(Role::isCreatedByAdmin).toList();
    }

    public long getTotal() {
        return accounts.countAccounts();
    }

    public LazyDataModel<UserAccount> getUsers() {
        return users;
    }

    public List<PartnerOrganisation> getPartnerOptions() {
        return partnerOptions;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Long getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(Long partnerId) {
        this.partnerId = partnerId;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
