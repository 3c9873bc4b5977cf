package nl.preventiefonds.identity.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.platform.web.Messages;

@Named
@RequestScoped
public class PasswordChangeBean {

    @Inject
    private AccountService accounts;

    private String currentPassword;
    private String newPassword;
    private String newPasswordRepeat;
    private boolean changed;

    public void change() {
        if (newPassword == null || !newPassword.equals(newPasswordRepeat)) {
            Messages.error("password:newPasswordRepeat", "password.mismatch");
            return;
        }
        try {
            accounts.changeOwnPassword(currentPassword, newPassword);
            changed = true;
            Messages.info("password.changed");
        } finally {
            currentPassword = null;
            newPassword = null;
            newPasswordRepeat = null;
        }
    }

    public boolean isChanged() {
        return changed;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewPasswordRepeat() {
        return newPasswordRepeat;
    }

    public void setNewPasswordRepeat(String newPasswordRepeat) {
        this.newPasswordRepeat = newPasswordRepeat;
    }
}
