package nl.preventiefonds.identity.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import nl.preventiefonds.identity.AccountService;

/** The page behind the link in the confirmation mail. */
@Named
@RequestScoped
public class ActivationBean {

    @Inject
    private AccountService accounts;

    private String token;
    private Boolean activated;

    public void activate() {
        if (activated == null) {
            activated = accounts.activate(token);
        }
    }

    public boolean isActivated() {
        return Boolean.TRUE.equals(activated);
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
