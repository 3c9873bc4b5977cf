package nl.preventiefonds.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.platform.web.Messages;

/** The page behind the link in an invitation mail: the invited member of staff chooses a password. */
@Named
@RequestScoped
public class InvitationBean {

    @Inject
    private AccountService accounts;

    private String token;
    private String name;
    private String password;
    private String passwordRepeat;
    private boolean accepted;
    /** Whether the link was looked up in this request: an unknown one is asked about once, not per EL evaluation. */
    private boolean looked;

    public void open() {
        name = accounts.invitedName(token).orElse(null);
        looked = true;
    }

    public void accept() {
        if (password == null || !password.equals(passwordRepeat)) {
            Messages.error("invitation:passwordRepeat", "password.mismatch");
            return;
        }
        accounts.acceptInvitation(token, password);
        accepted = true;
        password = null;
        passwordRepeat = null;
    }

    public boolean isUsable() {
        if (!looked && token != null) {
            open();
        }
        return name != null;
    }

    public boolean isAccepted() {
        return accepted;
    }

    public String getName() {
        return name;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordRepeat() {
        return passwordRepeat;
    }

    public void setPasswordRepeat(String passwordRepeat) {
        this.passwordRepeat = passwordRepeat;
    }
}
