package nl.preventiefonds.identity.web;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.identity.BrokerKind;
import nl.preventiefonds.identity.BrokerLoginService;
import nl.preventiefonds.identity.BrokerLoginService.BrokerClaims;
import nl.preventiefonds.identity.BrokerLoginService.BrokerSignIn;
import nl.preventiefonds.identity.BrokerLoginService.Connection;
import nl.preventiefonds.identity.LoginAssurance;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.web.SecurityHeadersFilter;
import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/**
 * Login of organisations (eHerkenning) and residents (DigiD) through a municipality's broker, the same protocol as
 * OidcLoginServlet (authorisation code with PKCE, state and nonce; the ID token checked by IdTokenCheck): /broker/login
 * ?municipality=GM0106&amp;kind=eherkenning sends the browser to the broker, /broker/callback takes the code back
 * once. BrokerLoginService says who it is (and refuses a missing KvK number or BSN); the login is then made by the
 * application's one Jakarta Security mechanism under a new session id, and the broker's level of assurance, KvK
 * number and organisation stay with the session ({@link #assurance}) for the steps that need a level. Claims and
 * tokens never reach a page or a log line.
 */
@WebServlet(urlPatterns = {BrokerLoginServlet.LOGIN, BrokerLoginServlet.CALLBACK})
public class BrokerLoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BrokerLoginServlet.class.getName());
    static final String LOGIN = "/broker/login";
    static final String CALLBACK = "/broker/callback";
    static final String PENDING = "nl.preventiefonds.broker.pending.";
    /** Session attribute: the {@link LoginAssurance} of this session's broker login. */
    public static final String ASSURANCE = "nl.preventiefonds.broker.assurance";
    private static final Duration PENDING_FOR = Duration.ofMinutes(10);

    record Pending(String municipality, BrokerKind kind, String nonce, String codeVerifier, Instant startedAt)
            implements Serializable {
    }

    @Inject
    private BrokerLoginService brokers;

    @Inject
    private OidcProviders providers;

    @Inject
    private AccountService accounts;

    @Inject
    private SecurityContext securityContext;

    @Inject
    private Clock clock;

    /** The level of assurance and organisation of this session's broker login; null after a password login. */
    public static LoginAssurance assurance(HttpServletRequest request) {
        HttpSession session = request == null ? null : request.getSession(false);
        return session == null ? null : (LoginAssurance) session.getAttribute(ASSURANCE);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        if (LOGIN.equals(request.getServletPath())) {
            start(request, response);
        } else {
            callback(request, response);
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Optional<BrokerKind> kind = BrokerKind.parse(request.getParameter("kind"));
        Optional<Connection> connection = kind.flatMap(k -> brokers.connection(request.getParameter("municipality"),
                k));
        if (connection.isEmpty()) {
            refuse(request, response, HttpServletResponse.SC_NOT_FOUND, "oidc.refused.notConnected");
            return;
        }
        OidcProviders.Provider provider;
        try {
            provider = providers.provider(connection.get().issuer());
        } catch (IOException unreachable) {
            LOG.warning(() -> "Broker " + connection.get() + " not reachable: " + unreachable.getMessage());
            refuse(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "oidc.refused.unavailable");
            return;
        }
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        request.getSession().setAttribute(PENDING + state.getValue(), new Pending(connection.get().code(),
                kind.get(), nonce.getValue(), verifier.getValue(), clock.instant()));
        AuthenticationRequest authentication = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "email", "profile"), new ClientID(connection.get().clientId()),
                callbackUri(request))
                .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        response.sendRedirect(authentication.toURI().toString());
    }

    private void callback(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        AuthenticationResponse answer;
        try {
            answer = AuthenticationResponseParser.parse(URI.create(request.getRequestURL() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString())));
        } catch (ParseException | IllegalArgumentException malformed) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "oidc.refused.state");
            return;
        }
        HttpSession session = request.getSession(false);
        String key = answer.getState() == null ? null : PENDING + answer.getState().getValue();
        Pending pending = session == null || key == null ? null : (Pending) session.getAttribute(key);
        if (pending == null) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "oidc.refused.state");
            return;
        }
        // Taken once: a replayed callback finds nothing.
        session.removeAttribute(key);
        if (pending.startedAt().plus(PENDING_FOR).isBefore(clock.instant())) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "oidc.refused.state");
            return;
        }
        if (answer instanceof AuthenticationErrorResponse) {
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "oidc.refused.cancelled");
            return;
        }
        Optional<Connection> connection = brokers.connection(pending.municipality(), pending.kind());
        if (connection.isEmpty()) {
            refuse(request, response, HttpServletResponse.SC_NOT_FOUND, "oidc.refused.notConnected");
            return;
        }
        AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();
        Optional<JWT> idToken;
        OidcProviders.Provider provider;
        try {
            provider = providers.provider(connection.get().issuer());
            idToken = exchange(provider, connection.get(), code, request, pending);
        } catch (IOException unreachable) {
            LOG.warning(() -> "Broker " + connection.get() + " not reachable: " + unreachable.getMessage());
            refuse(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "oidc.refused.unavailable");
            return;
        }
        Optional<IDTokenClaimsSet> claims = idToken.flatMap(token -> new IdTokenCheck(connection.get().issuer(),
                connection.get().clientId(), provider.keys()).validate(token, new Nonce(pending.nonce())));
        if (claims.isEmpty()) {
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "oidc.refused.token");
            return;
        }
        BrokerSignIn who = brokers.signIn(connection.get().code(), pending.kind(), claimsOf(claims.get()));
        if (!who.accepted()) {
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN, who.refusal());
            return;
        }
        if (request.getUserPrincipal() != null) {
            request.logout();
        }
        // A new session id for the new login: an id planted before it is worth nothing after.
        request.changeSessionId();
        AuthenticationStatus status = securityContext.authenticate(request, response,
                withParams().newAuthentication(true).credential(new FederatedCredential(who.email())));
        if (status != AuthenticationStatus.SUCCESS && status != AuthenticationStatus.SEND_CONTINUE) {
            LoginBean.forgetFailedLogin(request);
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "oidc.refused.unknown");
            return;
        }
        accounts.activeAccount(who.email()).ifPresent(account -> ActiveAccountFilter.rememberWorkingAs(request,
                account));
        HttpSession loggedIn = request.getSession();
        loggedIn.setAttribute(LoginBean.LOGGED_IN_AT, clock.instant());
        loggedIn.setAttribute(ASSURANCE, new LoginAssurance(pending.kind(), who.level(), who.kvk(),
                who.organisationName()));
        URI endSession = provider.metadata().getEndSessionEndpointURI();
        if (endSession != null) {
            loggedIn.setAttribute(OidcLoginServlet.PROVIDER_LOGOUT, new LogoutRequest(endSession, idToken.get(),
                    URI.create(OidcLoginServlet.applicationUrl(request) + "/index.xhtml?loggedOut=true"), null)
                    .toURI().toString());
            loggedIn.setAttribute(SecurityHeadersFilter.PROVIDER_ORIGIN, endSession.getScheme() + "://"
                    + endSession.getAuthority());
        }
        if (status == AuthenticationStatus.SUCCESS) {
            response.sendRedirect(request.getContextPath() + Role.ORGANISER.startPage());
        }
    }

    /** The claims the service needs; the acting person's pseudonym is the subject unless a pseudonym claim is sent. */
    static BrokerClaims claimsOf(IDTokenClaimsSet claims) {
        String pseudonym = claims.getStringClaim("pseudonym");
        String subject = pseudonym == null || pseudonym.isBlank() ? claims.getSubject().getValue() : pseudonym;
        String name = claims.getStringClaim("name");
        if (name == null) {
            String given = claims.getStringClaim("given_name");
            String family = claims.getStringClaim("family_name");
            name = given == null && family == null ? null
                    : ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        String level = claims.getStringClaim("loa");
        if (level == null) {
            level = claims.getStringClaim("acr");
        }
        return new BrokerClaims(claims.getIssuer().getValue(), subject, claims.getStringClaim("email"),
                !Boolean.FALSE.equals(claims.getBooleanClaim("email_verified")) && claims.getStringClaim("email")
                        != null, name, level, claims.getStringClaim("kvk"), claims.getStringClaim("organisation_name"),
                claims.getStringClaim("bsn"));
    }

    private Optional<JWT> exchange(OidcProviders.Provider provider, Connection connection, AuthorizationCode code,
            HttpServletRequest request, Pending pending) throws IOException {
        TokenRequest tokenRequest = new TokenRequest(provider.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(connection.clientId()), new Secret(connection.clientSecret())),
                new AuthorizationCodeGrant(code, callbackUri(request), new CodeVerifier(pending.codeVerifier())));
        HTTPRequest http = tokenRequest.toHTTPRequest();
        http.setConnectTimeout(10_000);
        http.setReadTimeout(10_000);
        try {
            TokenResponse tokens = OIDCTokenResponseParser.parse(http.send());
            if (!tokens.indicatesSuccess()) {
                LOG.warning(() -> "Token request of " + connection + " refused: "
                        + tokens.toErrorResponse().getErrorObject().getCode());
                return Optional.empty();
            }
            return Optional.ofNullable(((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken());
        } catch (ParseException unreadable) {
            LOG.warning(() -> "Token response of " + connection + " unreadable");
            return Optional.empty();
        }
    }

    private static URI callbackUri(HttpServletRequest request) {
        return URI.create(OidcLoginServlet.applicationUrl(request) + CALLBACK);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String key)
            throws ServletException, IOException {
        response.setStatus(status);
        request.setAttribute(OidcLoginServlet.REFUSAL, key);
        request.getRequestDispatcher("/login-refused.xhtml").forward(request, response);
    }
}
