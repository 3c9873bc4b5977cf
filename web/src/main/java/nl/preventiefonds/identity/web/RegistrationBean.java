package nl.preventiefonds.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.identity.Throttle;
import nl.preventiefonds.platform.TooManyAttemptsException;
import nl.preventiefonds.platform.Settings;
import nl.preventiefonds.platform.web.LocaleBean;
import nl.preventiefonds.platform.web.Messages;

/** Self-registration of organisers. */
@Named
@RequestScoped
public class RegistrationBean {

    @Inject
    private AccountService accounts;

    @Inject
    private LocaleBean locale;

    @Inject
    private Throttle throttle;

    private String displayName;
    private String email;
    private String password;
    private String passwordRepeat;
    private boolean submitted;

    public void register() {
        if (password == null || !password.equals(passwordRepeat)) {
            Messages.error("registration:passwordRepeat", "password.mismatch");
            return;
        }
        // Each registration sends a mail: limited per client address and per address mailed (no mail bombing).
        String client = ((jakarta.servlet.http.HttpServletRequest) FacesContext.getCurrentInstance()
                .getExternalContext().getRequest()).getRemoteAddr();
        TooManyAttemptsException.refuseIf(throttle.count(Throttle.Scope.REGISTER_ADDRESS, client));
        if (email != null && !email.isBlank()) {
            TooManyAttemptsException.refuseIf(throttle.count(Throttle.Scope.REGISTER_EMAIL, email));
        }
        accounts.registerOrganiser(email, displayName, password, locale.getLanguage(), applicationUrl());
        submitted = true;
        password = null;
        passwordRepeat = null;
    }

    static String applicationUrl() {
        return applicationUrl((jakarta.servlet.http.HttpServletRequest) FacesContext.getCurrentInstance()
                .getExternalContext().getRequest());
    }

    /** The address links in mails start with: the configured public one, else the address of this request. */
    static String applicationUrl(jakarta.servlet.http.HttpServletRequest request) {
        String base = Settings.text(Settings.PUBLIC_URL).orElse(null);
        if (base != null) {
            return base.replaceAll("/+$", "");
        }
        return request.getRequestURL().toString().replace(request.getRequestURI(), "") + request.getContextPath();
    }

    public boolean isSubmitted() {
        return submitted;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
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
