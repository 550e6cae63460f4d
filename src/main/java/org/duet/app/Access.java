package org.duet.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who may use a running {@code duet serve}: the decision for one HTTP request, from its method, URL and headers
 * alone (no Jetty, no Vaadin: the server's handler only gathers these and carries the decision out).
 *
 * <p>In order: the {@code Host} header must name this server (a name or address it was told about, so that a
 * web page whose DNS name was rebound to 127.0.0.1 is refused); an {@code Origin} header, if there is one, must
 * be this server's own (a page of another site may not drive the editor through XHR, a form or a WebSocket);
 * then the request must carry the access token: in the query ({@code ?token=}, which sets a cookie and is
 * redirected away so that it stays out of the history and of Referer headers), in that cookie, or in an
 * {@code Authorization: Bearer …} (or {@code token …}) header. Without a token configured ({@code --no-token},
 * allowed only on a loopback address) the first two checks still apply.
 */
public final class Access {
    /** The query parameter that carries the token in the URL that {@code duet serve} prints. */
    public static final String PARAM = "token";
    /** The cookie lives one year; a new token (see {@link AccessToken}) invalidates it at once. */
    static final int COOKIE_MAX_AGE_S = 365 * 24 * 3600;

    private final String token; // null: no token required
    private final byte[] tokenDigest;
    private final Set<String> names; // lower-case host names and addresses allowed in Host
    private final Set<String> proxyNames; // the --allow-host names (also allowed in Origin)
    private final boolean anyAddress; // listening on every interface: any IP literal is allowed
    private final String cookieName;
    private final int port;

    /**
     * @param token      the access token, or null for none ({@link #checkNoToken} must have allowed that)
     * @param listenHost the address the server listens on ({@code --host})
     * @param port       the port it listens on (it names the cookie: cookies do not tell ports apart)
     * @param allowHosts further host names allowed in {@code Host} and {@code Origin} (reverse proxies)
     */
    public Access(String token, String listenHost, int port, Collection<String> allowHosts) {
        this.token = token;
        this.tokenDigest = token == null ? null : digest(token);
        this.port = port;
        Set<String> n = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        String lh = hostName(listenHost);
        this.anyAddress = isWildcard(lh);
        if (!anyAddress && !lh.isEmpty()) n.add(lh);
        Set<String> p = new LinkedHashSet<>();
        for (String h : allowHosts) p.add(hostName(h));
        n.addAll(p);
        this.names = Set.copyOf(n);
        this.proxyNames = Set.copyOf(p);
        this.cookieName = "duet-token-" + port;
    }

    /** The facts about one request that the decision depends on (null where a header is absent). */
    public record Request(
            String method,
            String path,
            String query,
            String host,
            String origin,
            List<String> cookies,
            String authorization,
            boolean upgrade,
            String fetchSite) {
        public Request {
            cookies = cookies == null ? List.of() : List.copyOf(cookies);
        }

        /** A request without a {@code Sec-Fetch-Site} header (not from a browser that sends one). */
        public Request(
                String method,
                String path,
                String query,
                String host,
                String origin,
                List<String> cookies,
                String authorization,
                boolean upgrade) {
            this(method, path, query, host, origin, cookies, authorization, upgrade, null);
        }
    }

    /** What to do with a request. */
    public sealed interface Decision permits Allow, Redirect, Refuse {}

    /** Let it through. */
    public record Allow() implements Decision {}

    /**
     * Answer {@code 303 See Other} to {@code location} (same path, the token removed), setting {@code cookie}; or,
     * {@code viaPage}, a small page of this server that goes on to {@code location} itself. That is for a
     * navigation that came from another site (a link in a chat, {@code Sec-Fetch-Site: cross-site}): a browser does
     * not send a {@code SameSite=Strict} cookie on a redirect of it, but does on a navigation this server's page
     * starts.
     */
    public record Redirect(String location, String setCookie, boolean viaPage) implements Decision {}

    /** Answer {@code status} (401 or 403) with a short plain-text page. */
    public record Refuse(int status, String page) implements Decision {}

    public String cookieName() {
        return cookieName;
    }

    public boolean tokenRequired() {
        return tokenDigest != null;
    }

    /** The decision for one request. */
    public Decision decide(Request r) {
        // 1. DNS rebinding: the Host must be one of ours
        if (r.host() == null || r.host().isBlank())
            return new Refuse(403, "Duet: this request has no Host header; it is refused.\n");
        String host = hostName(r.host());
        if (!hostAllowed(host))
            return new Refuse(
                    403,
                    "Duet: requests for the host name \"" + shown(r.host()) + "\" are refused "
                            + "(a page whose DNS name points at this machine could otherwise use the editor).\n\n"
                            + "Open Duet at http://localhost:" + port
                            + "/ on this machine, or, if this name is yours (a reverse "
                            + "proxy), start it with: duet serve --allow-host " + shown(host) + "\n");
        // 2. cross-site requests: XHR, form posts, WebSocket upgrades from another site's page
        if (r.origin() != null && !originAllowed(r.origin(), r.host()))
            return new Refuse(
                    403,
                    "Duet: a request from another site (Origin: " + shown(r.origin()) + ") is " + "refused"
                            + (r.upgrade() ? " (WebSocket)" : "") + ".\n");
        if (tokenDigest == null) return new Allow();
        // 3. the token: in the URL, a header or the cookie
        String fromQuery = queryParam(r.query(), PARAM);
        if (fromQuery != null) {
            if (!matches(fromQuery))
                return new Refuse(
                        401,
                        "Duet: the token in this URL is not this server's (it may have been " + "changed since).\n\n"
                                + howToGetIn());
            if (isNavigation(r.method()) && !r.upgrade())
                return new Redirect(
                        withoutToken(r.path(), r.query()), setCookie(), "cross-site".equalsIgnoreCase(r.fetchSite()));
            return new Allow();
        }
        String fromHeader = bearer(r.authorization());
        if (r.authorization() != null && fromHeader != null) {
            return matches(fromHeader)
                    ? new Allow()
                    : new Refuse(401, "Duet: the token in the Authorization header is not this server's.\n");
        }
        for (String c : r.cookies()) {
            if (matches(c)) return new Allow();
        }
        return new Refuse(401, "Duet: this server needs its access token.\n\n" + howToGetIn());
    }

    private String howToGetIn() {
        return "Open the URL that \"duet serve\" printed when it started, with the token in it:\n"
                + "    Duet is running at http://localhost:" + port + "/?token=...\n"
                + "The token is kept in the workspace folder, in the file " + AccessToken.FILE + ". Opening that URL "
                + "once lets this browser in (it keeps a cookie); the token is then taken out of the address bar.\n"
                + "Scripts can send the header \"Authorization: Bearer TOKEN\" instead.\n";
    }

    /** The page of a {@link Redirect#viaPage}: it goes to {@code location} at once (no script: the CSP allows none). */
    public static String redirectPage(String location) {
        String l = location.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + l + "\"><title>Duet</title></head>\n"
                + "<body><p>Opening <a href=\"" + l + "\">Duet</a>…</p></body></html>\n";
    }

    /** The cookie that carries the token after {@code ?token=}: not readable by scripts, never sent cross-site. */
    String setCookie() {
        return cookieName + "=" + tokenValueForCookie() + "; Path=/; Max-Age=" + COOKIE_MAX_AGE_S
                + "; HttpOnly; SameSite=Strict";
    }

    /** The token itself: its characters are all cookie-safe (see {@link AccessToken#problem}). */
    private String tokenValueForCookie() {
        return token;
    }

    /** Whether a Host header's name is one of this server's. */
    boolean hostAllowed(String name) {
        if (names.contains(name)) return true;
        // an IP literal cannot be a rebound DNS name; when listening on every interface, the machine's own
        // addresses are how other machines reach it
        return anyAddress && isIpLiteral(name);
    }

    /** The Origin is this server's own (the same authority as the Host), or one of the proxy names. */
    boolean originAllowed(String origin, String hostHeader) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        int scheme = o.indexOf("://");
        if (scheme < 0 || o.equals("null")) return false;
        String authority = o.substring(scheme + 3);
        int slash = authority.indexOf('/');
        if (slash >= 0) authority = authority.substring(0, slash);
        if (authority.equals(hostHeader.trim().toLowerCase(Locale.ROOT))) return true;
        return proxyNames.contains(hostName(authority));
    }

    /** Constant-time comparison: both sides are hashed first, so neither their contents nor lengths leak. */
    boolean matches(String candidate) {
        return tokenDigest != null && MessageDigest.isEqual(tokenDigest, digest(candidate));
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static boolean isNavigation(String method) {
        return "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method);
    }

    /** The token of {@code Authorization: Bearer T} or {@code Authorization: token T}; null for other schemes. */
    static String bearer(String authorization) {
        if (authorization == null) return null;
        String a = authorization.trim();
        int sp = a.indexOf(' ');
        if (sp < 0) return null;
        String scheme = a.substring(0, sp);
        if (!scheme.equalsIgnoreCase("Bearer") && !scheme.equalsIgnoreCase("token")) return null;
        return a.substring(sp + 1).trim();
    }

    /** The (percent-decoded) value of a query parameter, or null. */
    static String queryParam(String query, String name) {
        if (query == null || query.isEmpty()) return null;
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            if (k.equals(name)) return decode(eq < 0 ? "" : part.substring(eq + 1));
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * The same URL without the token parameter: a path of this server (leading slashes collapsed, so that
     * {@code //evil.example/} cannot become a redirect to another site) and the other parameters as they were.
     */
    static String withoutToken(String path, String query) {
        String p = path == null || path.isEmpty() ? "/" : path;
        if (!p.startsWith("/")) p = "/" + p;
        p = p.replaceFirst("^/+", "/").replace("\\", "%5C");
        List<String> kept = new ArrayList<>();
        if (query != null) {
            for (String part : query.split("&")) {
                if (part.isEmpty()) continue;
                int eq = part.indexOf('=');
                String k = eq < 0 ? part : part.substring(0, eq);
                if (!k.equals(PARAM)) kept.add(part);
            }
        }
        return kept.isEmpty() ? p : p + "?" + String.join("&", kept);
    }

    /** The host name of a {@code Host} value or address: lower case, without port, brackets or final dot. */
    static String hostName(String hostHeader) {
        if (hostHeader == null) return "";
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && h.indexOf(':', colon + 1) < 0) h = h.substring(0, colon); // name:port (not bare IPv6)
        while (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        return h;
    }

    static boolean isWildcard(String name) {
        return name.equals("0.0.0.0") || name.equals("::") || name.equals("0:0:0:0:0:0:0:0") || name.equals("*");
    }

    static boolean isIpLiteral(String name) {
        if (name.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            for (String part : name.split("\\.")) if (Integer.parseInt(part) > 255) return false;
            return true;
        }
        return name.contains(":") && name.matches("[0-9a-f:.]+");
    }

    /**
     * Whether {@code --no-token} may be used with this listening address: only a loopback address (localhost,
     * 127.0.0.0/8, ::1, or a name all of whose addresses are loopback), which no other machine can reach.
     * Returns null when allowed, else the message to print.
     */
    public static String checkNoToken(String listenHost) {
        String h = hostName(listenHost);
        if (h.equals("localhost") || isLoopback(h)) return null;
        return "duet serve: --no-token is allowed only on a loopback address (localhost, 127.0.0.1, ::1); "
                + "on " + listenHost + " anyone who can reach this machine could use the editor. Keep the token "
                + "(it is printed in the URL), or listen on localhost.";
    }

    static boolean isLoopback(String name) {
        if (name.isEmpty() || isWildcard(name)) return false;
        try {
            InetAddress[] all = InetAddress.getAllByName(name);
            if (all.length == 0) return false;
            for (InetAddress a : all) if (!a.isLoopbackAddress()) return false;
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A header value as it may be shown in a refusal: printable, and not too long. */
    private static String shown(String s) {
        String t = s.replaceAll("[^\\x20-\\x7e]", "?");
        return t.length() > 100 ? t.substring(0, 100) + "…" : t;
    }
}
