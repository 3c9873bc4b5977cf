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
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.identity.MunicipalLoginService;
import nl.preventiefonds.identity.MunicipalLoginService.Connection;
import nl.preventiefonds.identity.MunicipalLoginService.StaffLogin;
import nl.preventiefonds.platform.web.SecurityHeadersFilter;
import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/**
 * Login of municipal staff through their municipality's identity provider: OpenID Connect's authorisation code
 * flow with PKCE, state and nonce (Nimbus OAuth 2.0 SDK with OpenID Connect extensions). /oidc/login?municipality=
 * GM0106 sends the browser to the provider; /oidc/callback takes the code back once (the pending login leaves the
 * session as it is read, so a replayed callback finds nothing), exchanges it with the client secret, validates the
 * ID token (IdTokenCheck) and lets MunicipalLoginService say who it is. The login itself is then made by the
 * application's one Jakarta Security mechanism with a FederatedCredential, under a new session id. Every refusal is
 * a page that says what happened, never why in a way that leaks (tokens and claims stay out of pages and logs).
 */
@WebServlet(urlPatterns = {OidcLoginServlet.LOGIN, OidcLoginServlet.CALLBACK})
public class OidcLoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OidcLoginServlet.class.getName());
    static final String LOGIN = "/oidc/login";
    static final String CALLBACK = "/oidc/callback";
    /** Session attribute prefix: a login started and not yet returned, by its state. */
    static final String PENDING = "nl.preventiefonds.oidc.pending.";
    /** Session attribute: where logging out also ends the session at the provider (RP-initiated logout). */
    static final String PROVIDER_LOGOUT = "nl.preventiefonds.oidc.logout";
    /** Request attribute: the message key of a refused login, for login-refused.xhtml. */
    static final String REFUSAL = "oidcRefusal";
    private static final Duration PENDING_FOR = Duration.ofMinutes(10);

    /** What the callback must find again: for which municipality, the nonce and the PKCE verifier. */
    record Pending(String municipality, String nonce, String codeVerifier, Instant startedAt) implements Serializable {
    }

    @Inject
    private MunicipalLoginService logins;

    @Inject
    private OidcProviders providers;

    @Inject
    private AccountService accounts;

    @Inject
    private SecurityContext securityContext;

    @Inject
    private Clock clock;

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
        Optional<Connection> connection = logins.connection(request.getParameter("municipality"));
        if (connection.isEmpty()) {
            refuse(request, response, HttpServletResponse.SC_NOT_FOUND, "oidc.refused.notConnected");
            return;
        }
        OidcProviders.Provider provider;
        try {
            provider = providers.provider(connection.get().issuer());
        } catch (IOException unreachable) {
            LOG.warning(() -> "Identity provider of " + connection.get().code() + " not reachable: "
                    + unreachable.getMessage());
            refuse(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "oidc.refused.unavailable");
            return;
        }
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        request.getSession().setAttribute(PENDING + state.getValue(), new Pending(connection.get().code(),
                nonce.getValue(), verifier.getValue(), clock.instant()));
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
            // Not started here, started in another browser, or returned a second time.
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "oidc.refused.state");
            return;
        }
        session.removeAttribute(key);
        if (pending.startedAt().plus(PENDING_FOR).isBefore(clock.instant())) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "oidc.refused.state");
            return;
        }
        if (answer instanceof AuthenticationErrorResponse) {
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "oidc.refused.cancelled");
            return;
        }
        Optional<Connection> connection = logins.connection(pending.municipality());
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
            LOG.warning(() -> "Identity provider of " + pending.municipality() + " not reachable: "
                    + unreachable.getMessage());
            refuse(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "oidc.refused.unavailable");
            return;
        }
        Optional<IDTokenClaimsSet> claims = idToken.flatMap(token -> new IdTokenCheck(connection.get().issuer(),
                connection.get().clientId(), provider.keys()).validate(token, new Nonce(pending.nonce())));
        if (claims.isEmpty()) {
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "oidc.refused.token");
            return;
        }
        StaffLogin who = logins.matchStaff(connection.get().code(), claims.get().getStringClaim("email"),
                !Boolean.FALSE.equals(claims.get().getBooleanClaim("email_verified")),
                groups(claims.get(), connection.get().groupsClaim()), claims.get().getStringClaim("municipality"));
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
        // as the login page does: a later password reset of this account ends sessions from before it
        request.getSession().setAttribute(LoginBean.LOGGED_IN_AT, clock.instant());
        URI endSession = provider.metadata().getEndSessionEndpointURI();
        if (endSession != null) {
            request.getSession().setAttribute(PROVIDER_LOGOUT, new LogoutRequest(endSession, idToken.get(),
                    URI.create(applicationUrl(request) + "/index.xhtml?loggedOut=true"), null).toURI().toString());
            request.getSession().setAttribute(SecurityHeadersFilter.PROVIDER_ORIGIN, endSession.getScheme() + "://"
                    + endSession.getAuthority());
        }
        if (status == AuthenticationStatus.SUCCESS) {
            response.sendRedirect(request.getContextPath() + who.role().startPage());
        }
        // SEND_CONTINUE: the mechanism already sent the browser on, to the page it asked for before the login.
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
                // A code used before, or expired: the provider says which; the visitor gets the plain refusal.
                LOG.warning(() -> "Token request of " + pending.municipality() + " refused: "
                        + tokens.toErrorResponse().getErrorObject().getCode());
                return Optional.empty();
            }
            return Optional.ofNullable(((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken());
        } catch (ParseException unreadable) {
            LOG.warning(() -> "Token response of " + pending.municipality() + " unreadable");
            return Optional.empty();
        }
    }

    private static List<String> groups(IDTokenClaimsSet claims, String claimName) {
        try {
            List<String> groups = claims.getStringListClaim(claimName);
            return groups == null ? List.of() : groups;
        } catch (RuntimeException notAList) {
            String single = claims.getStringClaim(claimName);
            return single == null ? List.of() : List.of(single);
        }
    }

    static String applicationUrl(HttpServletRequest request) {
        return RegistrationBean.applicationUrl(request);
    }

    private static URI callbackUri(HttpServletRequest request) {
        return URI.create(applicationUrl(request) + CALLBACK);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String key)
            throws ServletException, IOException {
        response.setStatus(status);
        request.setAttribute(REFUSAL, key);
        request.getRequestDispatcher("/login-refused.xhtml").forward(request, response);
    }
}
