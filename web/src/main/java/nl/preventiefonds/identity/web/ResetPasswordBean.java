package nl.preventiefonds.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.preventiefonds.identity.PasswordReset;
import nl.preventiefonds.platform.web.Messages;

/** The page behind the link in the reset mail: an unknown, used or expired link says so and offers a new one. */
@Named
@RequestScoped
public class ResetPasswordBean {

    @Inject
    private PasswordReset reset;

    private String token;
    private String newPassword;
    private String newPasswordRepeat;
    private boolean done;
    /** Asked once per request and token, not per EL evaluation. */
    private Boolean usable;
    /**
     * The token {@link #usable} was asked for: on a postback the view parameter sets the token only when the model
     * is updated, after the form's rendered attribute was read without it.
     */
    private String checkedToken;

    public void reset() {
        if (newPassword == null || !newPassword.equals(newPasswordRepeat)) {
            Messages.error("reset:newPasswordRepeat", "password.mismatch");
            return;
        }
        try {
            reset.reset(token, newPassword);
            done = true;
        } finally {
            newPassword = null;
            newPasswordRepeat = null;
        }
    }

    public boolean isUsable() {
        if (usable == null || !java.util.Objects.equals(checkedToken, token)) {
            checkedToken = token;
            usable = reset.isUsable(token);
        }
        return usable;
    }

    public boolean isDone() {
        return done;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
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
