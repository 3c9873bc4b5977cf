package nl.preventiefonds.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.SecondFactor;
import nl.preventiefonds.identity.Throttle;
import nl.preventiefonds.platform.TooManyAttemptsException;
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

    @Inject
    private nl.preventiefonds.identity.BrokerLoginService brokerLogins;

    private java.util.List<nl.preventiefonds.identity.BrokerLoginService.LoginChoice> brokerChoices;

    /** Session attribute: a login whose password was right and that waits for the second factor's code. */
    static final String PENDING = "nl.preventiefonds.pendingLogin";
    /** Session attribute: when this session logged in (a password reset ends sessions from before it). */
    static final String LOGGED_IN_AT = "nl.preventiefonds.loggedInAt";
    /** Session attribute: the role asks for a second factor the account does not have; only enrolment is open. */
    static final String MUST_ENROL = "nl.preventiefonds.mustEnrol";
    /** How long the code step waits after the password step. */
    static final Duration CODE_STEP_VALIDITY = Duration.ofMinutes(5);

    /** The password step passed for this address until this moment. */
    record PendingLogin(String email, Instant until) implements Serializable {
    }

    @Inject
    private Throttle throttle;

    @Inject
    private SecondFactor secondFactor;

    @Inject
    private Clock clock;

    private String email;
    private String password;
    private String code;

    /** The first step: e-mail address and password. */
    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        String client = request.getRemoteAddr();
        Optional<Instant> blocked = throttle.blocked(Throttle.Scope.LOGIN_ADDRESS, client);
        if (blocked.isPresent()) {
            password = null;
            Messages.error(null, "throttle.wait", TooManyAttemptsException.time(blocked.get()));
            return;
        }
        Optional<AccountService.PasswordAccepted> accepted = accounts.checkPassword(email == null ? "" : email.trim(),
                password == null ? "" : password);
        password = null;
        if (accepted.isEmpty()) {
            throttle.count(Throttle.Scope.LOGIN_ADDRESS, client);
            forgetFailedLogin(request);
            Messages.error(null, "login.failed");
            return;
        }
        if (accepted.get().codeNeeded()) {
            request.getSession().setAttribute(PENDING,
                    new PendingLogin(accepted.get().email(), clock.instant().plus(CODE_STEP_VALIDITY)));
            return;
        }
        complete(accepted.get().email(), accepted.get().enrolmentNeeded());
    }

    /** The second step: the code of the authenticator app, or a recovery code. */
    public void verifyCode() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        Optional<PendingLogin> pending = pending(request);
        String typed = code;
        code = null;
        if (pending.isEmpty()) {
            Messages.error(null, "login.codeStepExpired");
            return;
        }
        String client = request.getRemoteAddr();
        Optional<Instant> blocked = throttle.blocked(Throttle.Scope.LOGIN_ADDRESS, client);
        if (blocked.isPresent()) {
            Messages.error(null, "throttle.wait", TooManyAttemptsException.time(blocked.get()));
            return;
        }
        if (!secondFactor.verifyLogin(pending.get().email(), typed)) {
            throttle.count(Throttle.Scope.LOGIN_ADDRESS, client);
            Messages.error("code:code", "login.codeWrong");
            return;
        }
        request.getSession().removeAttribute(PENDING);
        complete(pending.get().email(), false);
    }

    /** Back to the first step (another account, or the phone is not at hand). */
    public void restart() {
        HttpSession session = ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest()).getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }

    /** Whether the page asks for the code: a login waits for its second step. */
    public boolean isCodeStep() {
        return pending((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .isPresent();
    }

    private Optional<PendingLogin> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof PendingLogin pending)) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(pending.until())) {
            session.removeAttribute(PENDING);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    /**
     * Logs in an account whose credentials were checked. The session gets a new id (no session fixation: an id
     * planted before the login is worthless after it).
     */
    private void complete(String verifiedEmail, boolean enrolmentNeeded) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true).credential(new RenewalCredential(verifiedEmail)));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                request.changeSessionId();
                HttpSession session = request.getSession();
                session.setAttribute(LOGGED_IN_AT, clock.instant());
                if (enrolmentNeeded) {
                    session.setAttribute(MUST_ENROL, Boolean.TRUE);
                } else {
                    session.removeAttribute(MUST_ENROL);
                }
                if (request.getUserPrincipal() != null) {
                    accounts.activeAccount(request.getUserPrincipal().getName())
                            .ifPresent(account -> ActiveAccountFilter.rememberWorkingAs(request, account));
                }
                external.redirect(external.getRequestContextPath()
                        + (enrolmentNeeded ? SecondFactorBean.PAGE : startPageFor(request)));
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

    /** Municipalities whose organisations (eHerkenning) or residents (DigiD) log in through a broker. */
    public java.util.List<nl.preventiefonds.identity.BrokerLoginService.LoginChoice> getBrokerChoices() {
        if (brokerChoices == null) {
            brokerChoices = brokerLogins.choices();
        }
        return brokerChoices;
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

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
