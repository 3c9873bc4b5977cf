package nl.preventiefonds.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP session (cookies, JSF view state) for black-box tests of the pages. */
final class WebSession {
    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta.faces.ViewState\" id=\"[^\"]*\" value=\"([^\"]+)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A session logged in through the login form; a login that does not redirect fails the test. */
    static WebSession loggedIn(java.net.URL base, String email) throws Exception {
        WebSession session = new WebSession(base.toURI());
        int status = session.login(email, Fixtures.PASSWORD).statusCode();
        if (status != 302) {
            throw new AssertionError("login of " + email + ": HTTP " + status + " instead of 302");
        }
        return session;
    }

    WebSession(URI base) {
        this.base = base;
    }

    /** The value of this session's cookie of that name, or null. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Plants a cookie, as an attacker would plant a session id in someone's browser. */
    void plantCookie(String name, String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath(base.getPath());
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getWithHeader(String path, String name, String value)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).header(name, value).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Follows redirects within the application (at most five). */
    HttpResponse<String> getFollowing(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        for (int i = 0; i < 5 && response.statusCode() == 302; i++) {
            response = client.send(HttpRequest.newBuilder(
                    URI.create(response.headers().firstValue("Location").orElseThrow())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    /** Loads a page with a JSF form and posts it back with the given field values. */
    HttpResponse<String> submitForm(String path, String formId, String buttonId, Map<String, String> fields)
            throws IOException, InterruptedException {
        HttpResponse<String> page = get(path);
        Matcher matcher = VIEW_STATE.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no JSF form on " + path + " (HTTP " + page.statusCode() + ")");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        fields.forEach((name, value) -> form.put(formId + ":" + name, value));
        form.put(formId + ":" + buttonId, "");
        form.put("jakarta.faces.ViewState", matcher.group(1));
        return postForm(path, form);
    }

    HttpResponse<String> login(String email, String password) throws IOException, InterruptedException {
        return submitForm("login.xhtml", "login", "submit", Map.of("email", email, "password", password));
    }

    /** A JSON API call on this session; state-changing calls carry the API's CSRF header. */
    HttpResponse<String> api(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/" + path))
                .header("Accept", "application/json").header("Accept-Language", "nl");
        if (!"GET".equals(method)) {
            request.header("X-Requested-With", "test");
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Uploads raw bytes as an attachment through the API. */
    HttpResponse<String> upload(long applicationId, String filename, byte[] content)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve("api/applications/" + applicationId
                        + "/attachments?filename=" + URLEncoder.encode(filename, StandardCharsets.UTF_8)))
                .header("X-Requested-With", "test").header("Accept-Language", "nl")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts raw bytes to an API path, e.g. a CSV upload. */
    HttpResponse<String> postBytes(String apiPath, String contentType, byte[] content)
            throws IOException, InterruptedException {
        return postBytes(apiPath, contentType, content, "nl");
    }

    /** As {@link #postBytes(String, String, byte[])}, asking for the answer in the given language. */
    HttpResponse<String> postBytes(String apiPath, String contentType, byte[] content, String language)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve("api/" + apiPath))
                .header("X-Requested-With", "test").header("Accept-Language", language)
                .header("Accept", "application/json").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts raw bytes to an API path without a Content-Length (chunked), as a streaming client sends them. */
    HttpResponse<String> postChunked(String apiPath, String contentType, byte[] content)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve("api/" + apiPath))
                .header("X-Requested-With", "test").header("Accept-Language", "nl")
                .header("Accept", "application/json").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(content)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A bare POST with the session cookie and nothing else, as a cross-site form could send it. */
    HttpResponse<String> rawPost(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Any request on this session; {@code csrfHeader} adds the API's header. The body, when given, is sent with
     * the given content type.
     */
    HttpResponse<String> request(String method, String path, String contentType, byte[] body, boolean csrfHeader)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept-Language", "nl");
        if (path.startsWith("api/")) {
            request.header("Accept", "application/json");
        }
        if (csrfHeader) {
            request.header("X-Requested-With", "test");
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request without a body, with exactly the given extra headers. */
    HttpResponse<String> requestWithHeaders(String method, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
                .header("Accept-Language", "nl");
        headers.forEach(request::header);
        request.method(method, HttpRequest.BodyPublishers.noBody());
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts exactly these form fields (nothing taken from a page first). */
    HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
