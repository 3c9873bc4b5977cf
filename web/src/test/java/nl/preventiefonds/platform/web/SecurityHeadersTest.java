package nl.preventiefonds.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HSTS only over TLS (a system test cannot speak TLS to the test server), and the API's origin check. */
class SecurityHeadersTest {

    private static Map<String, String> headersFor(boolean secure) throws Exception {
        Map<String, String> headers = new HashMap<>();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(SecurityHeadersTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) ->
                        "isSecure".equals(method.getName()) ? secure : null);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(SecurityHeadersTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if ("setHeader".equals(method.getName())) {
                        headers.put((String) args[0], (String) args[1]);
                    }
                    return null;
                });
        new SecurityHeadersFilter().doFilter(request, response, (req, res) -> { });
        return headers;
    }

    @Test
    void hstsOnlyOverTls() throws Exception {
        assertEquals("max-age=31536000", headersFor(true).get("Strict-Transport-Security"));
        assertNull(headersFor(false).get("Strict-Transport-Security"));
        Map<String, String> plain = headersFor(false);
        assertEquals("nosniff", plain.get("X-Content-Type-Options"));
        assertEquals("SAMEORIGIN", plain.get("X-Frame-Options"));
        assertEquals("same-origin", plain.get("Referrer-Policy"));
        String csp = plain.get("Content-Security-Policy");
        assertTrue(csp.contains("object-src 'none'") && csp.contains("frame-ancestors 'self'"), csp);
        assertFalse(csp.contains("unsafe-eval"), csp);
    }

    @Test
    void originMustBeTheHostTheRequestWentTo() {
        assertFalse(ApiCsrfFilter.isCrossOrigin(null, "fonds.example:8443", null), "scripts send no Origin");
        assertFalse(ApiCsrfFilter.isCrossOrigin("https://fonds.example:8443", "fonds.example:8443", "same-origin"));
        assertFalse(ApiCsrfFilter.isCrossOrigin("https://fonds.example", "fonds.example", null));
        assertFalse(ApiCsrfFilter.isCrossOrigin("http://localhost:8180", "localhost:8180", null));
        assertTrue(ApiCsrfFilter.isCrossOrigin("https://evil.example", "fonds.example", null));
        assertTrue(ApiCsrfFilter.isCrossOrigin("https://fonds.example.evil.example", "fonds.example", null));
        assertTrue(ApiCsrfFilter.isCrossOrigin("https://fonds.example:444", "fonds.example", null));
        assertTrue(ApiCsrfFilter.isCrossOrigin("null", "fonds.example", null));
        assertTrue(ApiCsrfFilter.isCrossOrigin(null, "fonds.example", "cross-site"));
    }

    private static String policyWithProviderOrigin(Object origin) {
        jakarta.servlet.http.HttpSession session = (jakarta.servlet.http.HttpSession) Proxy.newProxyInstance(
                SecurityHeadersTest.class.getClassLoader(), new Class<?>[] {jakarta.servlet.http.HttpSession.class},
                (proxy, method, args) -> "getAttribute".equals(method.getName())
                        && SecurityHeadersFilter.PROVIDER_ORIGIN.equals(args[0]) ? origin : null);
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                SecurityHeadersTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> "getSession".equals(method.getName()) ? session : null);
        return SecurityHeadersFilter.policyFor(request);
    }

    /** A login through a municipality's provider may post its logout on to that provider, and to nothing else. */
    @Test
    void theProviderOfTheLoginIsTheOneForeignFormTarget() {
        assertTrue(policyWithProviderOrigin("https://sso.assen.example").contains(
                "form-action 'self' https://sso.assen.example;"));
        assertTrue(policyWithProviderOrigin("http://localhost:18180").contains("form-action 'self' http://localhost:18180;"));
        assertEquals(SecurityHeadersFilter.CONTENT_SECURITY_POLICY, policyWithProviderOrigin(null));
        assertEquals(SecurityHeadersFilter.CONTENT_SECURITY_POLICY, policyWithProviderOrigin(
                "https://sso.example; script-src *"), "nothing but an origin gets into the policy");
    }
}
