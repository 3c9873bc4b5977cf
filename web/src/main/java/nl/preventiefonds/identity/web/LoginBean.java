package nl.preventiefonds.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.web.Messages;
import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

@Named
@RequestScoped
public class LoginBean {
    /** Where Soteria (Jakarta Security in WildFly) keeps the state of a login dialog in the session. */
    static final String SOTERIA_SESSION_PREFIX = "org.glassfish.soteria.";

    @Inject
    private SecurityContext securityContext;

    @Inject
    private NavigationBean navigation;

    @Inject
    private AccountService accounts;

    @Inject
    private nl.preventiefonds.identity.MunicipalLoginService municipalLogins;

    private java.util.List<nl.preventiefonds.identity.MunicipalLoginService.LoginChoice> municipalChoices;

    private String email;
    private String password;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(email == null ? "" : email.trim(),
                                new Password(password == null ? "" : password))));
        password = null;
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                request.changeSessionId();
                if (request.getUserPrincipal() != null) {
                    accounts.activeAccount(request.getUserPrincipal().getName())
                            .ifPresent(account -> ActiveAccountFilter.rememberWorkingAs(request, account));
                }
                external.redirect(external.getRequestContextPath() + startPageFor(request));
            }
            default -> {
                forgetFailedLogin(request);
                Messages.error(null, "login.failed");
            }
        }
    }

    /**
     * Soteria marks the session when the caller starts a login and clears the mark only on success; while it is
     * there every protected page answers an empty 200 instead of sending the visitor to this page. So a failed
     * login leaves nothing of Soteria's behind (the saved page to return to included: it was cleared already).
     */
    static void forgetFailedLogin(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        for (String name : java.util.Collections.list(session.getAttributeNames())) {
            if (name.startsWith(SOTERIA_SESSION_PREFIX)) {
                session.removeAttribute(name);
            }
        }
    }

    private String startPageFor(HttpServletRequest request) {
        for (Role role : Role.values()) {
            if (request.isUserInRole(role.roleName())) {
                return role.startPage();
            }
        }
        return "/index.xhtml";
    }

    public void redirectIfLoggedIn() throws IOException {
        if (navigation.isLoggedIn()) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + navigation.getStartPage());
        }
    }

    /** Municipalities whose staff log in through their own identity provider (login.xhtml offers each). */
    public java.util.List<nl.preventiefonds.identity.MunicipalLoginService.LoginChoice> getMunicipalChoices() {
        if (municipalChoices == null) {
            municipalChoices = municipalLogins.choices();
        }
        return municipalChoices;
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
}
