package org.duet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The access decision: token (query, cookie, header), Host (DNS rebinding), Origin, and the loopback rule. */
class AccessTest {
    static final String T = "Zq3x9_Kd-2vB7yLmN0pQrStUvWxYz012345678ABCDE";
    static final Access LOCAL = new Access(T, "localhost", 8080, List.of());

    static Access.Request get(String path, String query, String host) {
        return new Access.Request("GET", path, query, host, null, List.of(), null, false);
    }

    static Access.Request withCookie(String host, String cookie) {
        return new Access.Request("GET", "/", null, host, null, List.of(cookie), null, false);
    }

    static Access.Request post(String host, String origin, String cookie) {
        return new Access.Request(
                "POST",
                "/",
                "v-r=uidl&v-uiId=0",
                host,
                origin,
                cookie == null ? List.of() : List.of(cookie),
                null,
                false);
    }

    static Access.Request upgrade(String host, String origin, String cookie) {
        return new Access.Request(
                "GET",
                "/VAADIN/push",
                "v-r=push",
                host,
                origin,
                cookie == null ? List.of() : List.of(cookie),
                null,
                true);
    }

    static int status(Access.Decision d) {
        return d instanceof Access.Refuse r ? r.status() : d instanceof Access.Redirect ? 303 : 200;
    }

    // ------------------------------------------------------------------------------------------------ the token

    @Test
    void withoutAnyCredentialEveryRequestIsRefusedWith401AndAPageThatSaysHowToGetIn() {
        for (Access.Request r : List.of(
                get("/", null, "localhost:8080"),
                get("/doc/welcome", null, "localhost:8080"),
                get("/VAADIN/build/indexhtml.js", null, "localhost:8080"),
                post("localhost:8080", null, null),
                upgrade("localhost:8080", null, null))) {
            Access.Decision d = LOCAL.decide(r);
            assertThat(d).as(r.path()).isInstanceOf(Access.Refuse.class);
            Access.Refuse refuse = (Access.Refuse) d;
            assertThat(refuse.status()).isEqualTo(401);
            assertThat(refuse.page())
                    .contains("duet serve")
                    .contains("http://localhost:8080/?token=")
                    .contains(AccessToken.FILE)
                    .contains("Authorization: Bearer")
                    .doesNotContain(T);
        }
    }

    @Test
    void theTokenInTheQuerySetsAStrictHttpOnlyCookieAndRedirectsToTheUrlWithoutIt() {
        Access.Decision d = LOCAL.decide(get("/", "token=" + T, "localhost:8080"));
        assertThat(d).isInstanceOf(Access.Redirect.class);
        Access.Redirect r = (Access.Redirect) d;
        assertThat(r.location()).isEqualTo("/");
        assertThat(r.setCookie())
                .isEqualTo("duet-token-8080=" + T + "; Path=/; Max-Age=31536000; HttpOnly; " + "SameSite=Strict");
        // other parameters stay, in their order
        Access.Redirect kept = (Access.Redirect)
                LOCAL.decide(get("/doc/My%20drawing", "a=1&token=" + T + "&b=x%20y", "localhost:8080"));
        assertThat(kept.location()).isEqualTo("/doc/My%20drawing?a=1&b=x%20y");
    }

    @Test
    void aTokenLinkFollowedFromAnotherSiteGoesOnThroughAPageOfThisServer() {
        for (String site : new String[] {null, "none", "same-origin", "same-site"}) {
            Access.Redirect r = (Access.Redirect) LOCAL.decide(
                    new Access.Request("GET", "/", "token=" + T, "localhost:8080", null, List.of(), null, false, site));
            assertThat(r.viaPage()).as(site).isFalse();
        }
        Access.Redirect r = (Access.Redirect) LOCAL.decide(new Access.Request(
                "GET", "/doc/a", "token=" + T + "&x=1", "localhost:8080", null, List.of(), null, false, "cross-site"));
        assertThat(r.viaPage()).isTrue();
        assertThat(r.location()).isEqualTo("/doc/a?x=1");
        assertThat(r.setCookie()).contains("SameSite=Strict");
        String page = Access.redirectPage(r.location());
        assertThat(page)
                .contains("<meta http-equiv=\"refresh\" content=\"0; url=/doc/a?x=1\">")
                .doesNotContain("<script")
                .doesNotContain(T);
        assertThat(Access.redirectPage("/a\"><script>x</script>&b"))
                .doesNotContain("<script>")
                .contains("/a&quot;&gt;&lt;script&gt;x&lt;/script&gt;&amp;b");
    }

    @Test
    void theRedirectNeverLeavesTheServer() {
        assertThat(Access.withoutToken("//evil.example/x", "token=t")).isEqualTo("/evil.example/x");
        assertThat(Access.withoutToken("///evil.example", "token=t")).isEqualTo("/evil.example");
        assertThat(Access.withoutToken("/\\evil.example", "token=t")).isEqualTo("/%5Cevil.example");
        assertThat(Access.withoutToken("", null)).isEqualTo("/");
        Access.Redirect r = (Access.Redirect) LOCAL.decide(get("//evil.example", "token=" + T, "localhost:8080"));
        assertThat(r.location()).startsWith("/").doesNotStartWith("//");
    }

    @Test
    void aWrongTokenIsRefusedWhereverItIsGiven() {
        String wrong = T.substring(0, T.length() - 1) + "F";
        assertThat(status(LOCAL.decide(get("/", "token=" + wrong, "localhost:8080"))))
                .isEqualTo(401);
        assertThat(status(LOCAL.decide(get("/", "token=", "localhost:8080")))).isEqualTo(401);
        assertThat(status(LOCAL.decide(withCookie("localhost:8080", wrong)))).isEqualTo(401);
        assertThat(status(LOCAL.decide(withCookie("localhost:8080", "")))).isEqualTo(401);
        assertThat(status(LOCAL.decide(header("Bearer " + wrong)))).isEqualTo(401);
        // a prefix, or the token with more after it, is not the token
        assertThat(status(LOCAL.decide(withCookie("localhost:8080", T.substring(0, 20)))))
                .isEqualTo(401);
        assertThat(status(LOCAL.decide(withCookie("localhost:8080", T + "x")))).isEqualTo(401);
    }

    static Access.Request header(String authorization) {
        return new Access.Request("GET", "/", null, "localhost:8080", null, List.of(), authorization, false);
    }

    @Test
    void theCookieOrAnAuthorizationHeaderLetsARequestIn() {
        assertThat(LOCAL.decide(withCookie("localhost:8080", T))).isInstanceOf(Access.Allow.class);
        // among several cookies of that name (other paths), one right one is enough
        assertThat(LOCAL.decide(
                        new Access.Request("GET", "/", null, "localhost:8080", null, List.of("old", T), null, false)))
                .isInstanceOf(Access.Allow.class);
        assertThat(LOCAL.decide(header("Bearer " + T))).isInstanceOf(Access.Allow.class);
        assertThat(LOCAL.decide(header("bearer  " + T + " "))).isInstanceOf(Access.Allow.class);
        assertThat(LOCAL.decide(header("token " + T))).isInstanceOf(Access.Allow.class);
        // another scheme is not a token; then the cookie decides
        assertThat(status(LOCAL.decide(header("Basic " + T)))).isEqualTo(401);
        assertThat(LOCAL.decide(new Access.Request(
                        "GET", "/", null, "localhost:8080", null, List.of(T), "Basic dXNlcjpwYXNz", false)))
                .isInstanceOf(Access.Allow.class);
        assertThat(LOCAL.cookieName()).isEqualTo("duet-token-8080");
    }

    @Test
    void theTokenInTheQueryOfAWebSocketOrPostIsAcceptedWithoutARedirect() {
        assertThat(LOCAL.decide(new Access.Request(
                        "GET", "/VAADIN/push", "token=" + T, "localhost:8080", null, List.of(), null, true)))
                .isInstanceOf(Access.Allow.class);
        assertThat(LOCAL.decide(
                        new Access.Request("POST", "/", "token=" + T, "localhost:8080", null, List.of(), null, false)))
                .isInstanceOf(Access.Allow.class);
        assertThat(LOCAL.decide(
                        new Access.Request("HEAD", "/", "token=" + T, "localhost:8080", null, List.of(), null, false)))
                .isInstanceOf(Access.Redirect.class);
    }

    @Test
    void tokensAreComparedByTheirWholeValue() {
        assertThat(LOCAL.matches(T)).isTrue();
        assertThat(LOCAL.matches(new String(T.toCharArray()))).isTrue();
        assertThat(LOCAL.matches(T.toUpperCase())).isFalse();
        assertThat(LOCAL.matches("")).isFalse();
        assertThat(new Access(null, "localhost", 8080, List.of()).matches(T)).isFalse();
    }

    // ------------------------------------------------------------------------------------------------ Host

    @Test
    void theHostMustBeThisServersAnyOtherNameIsRefusedEvenWithTheToken() {
        for (String ok : List.of(
                "localhost:8080",
                "localhost",
                "LocalHost:8080",
                "localhost.:8080",
                "127.0.0.1:8080",
                "127.0.0.1",
                "[::1]:8080",
                "[::1]",
                "localhost:9000")) {
            assertThat(LOCAL.decide(withCookie(ok, T))).as(ok).isInstanceOf(Access.Allow.class);
        }
        for (String bad : List.of(
                "evil.example:8080",
                "evil.example",
                "localhost.evil.example:8080",
                "127.0.0.1.nip.example",
                "192.168.1.20:8080",
                "[fe80::1]:8080",
                "10.0.0.1",
                "")) {
            Access.Decision d = LOCAL.decide(withCookie(bad, T));
            assertThat(status(d)).as(bad).isEqualTo(403);
        }
        assertThat(status(LOCAL.decide(withCookie(null, T)))).isEqualTo(403);
        // the refusal names the way out, and is refused before the token is even looked at
        Access.Refuse r = (Access.Refuse) LOCAL.decide(get("/", "token=" + T, "evil.example:8080"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.page()).contains("--allow-host evil.example").contains("http://localhost:8080/");
    }

    @Test
    void aRefusedHostIsShownHarmlessly() {
        Access.Refuse r = (Access.Refuse) LOCAL.decide(withCookie("evil\r\nX-Injected: 1\u0000" + "a".repeat(500), T));
        assertThat(r.page()).doesNotContain("\r").doesNotContain("\u0000").hasSizeLessThan(700);
    }

    @Test
    void theConfiguredHostAndAllowedHostsAreAccepted() {
        Access a = new Access(T, "duet.lan", 8080, List.of("duet.example.com", "Proxy.Example:443"));
        for (String ok : List.of(
                "duet.lan:8080", "duet.example.com", "DUET.example.com:443", "proxy.example", "localhost:8080")) {
            assertThat(a.decide(withCookie(ok, T))).as(ok).isInstanceOf(Access.Allow.class);
        }
        assertThat(status(a.decide(withCookie("other.example.com", T)))).isEqualTo(403);
        assertThat(status(a.decide(withCookie("sub.duet.example.com", T)))).isEqualTo(403);
    }

    @Test
    void onEveryInterfaceAnAddressIsAcceptedButAnUnknownNameIsNot() {
        Access all = new Access(T, "0.0.0.0", 8080, List.of());
        for (String ok : List.of("192.168.1.20:8080", "10.0.0.5", "[fe80::1]:8080", "localhost:8080")) {
            assertThat(all.decide(withCookie(ok, T))).as(ok).isInstanceOf(Access.Allow.class);
        }
        for (String bad : List.of("evil.example:8080", "my-laptop:8080", "999.1.1.1", "1.2.3.4.evil.example")) {
            assertThat(status(all.decide(withCookie(bad, T)))).as(bad).isEqualTo(403);
        }
        // and the token is still needed there
        assertThat(status(all.decide(get("/", null, "192.168.1.20:8080")))).isEqualTo(401);
        assertThat(new Access(T, "::", 8080, List.of()).decide(withCookie("[2001:db8::1]:8080", T)))
                .isInstanceOf(Access.Allow.class);
    }

    @Test
    void hostNamesAreReadWithoutPortBracketsOrFinalDot() {
        assertThat(Access.hostName("LocalHost:8080")).isEqualTo("localhost");
        assertThat(Access.hostName("[::1]:8080")).isEqualTo("::1");
        assertThat(Access.hostName("::1")).isEqualTo("::1");
        assertThat(Access.hostName("example.com.")).isEqualTo("example.com");
        assertThat(Access.hostName(" example.com ")).isEqualTo("example.com");
        assertThat(Access.hostName(null)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ Origin

    @Test
    void aCrossSiteOriginIsRefusedForXhrPostsAndWebSocketsEvenWithTheCookie() {
        for (String origin : List.of(
                "http://evil.example",
                "http://localhost:8081",
                "https://localhost.evil.example",
                "null",
                "file://",
                "http://127.0.0.1:8081",
                "garbage")) {
            assertThat(status(LOCAL.decide(post("localhost:8080", origin, T))))
                    .as(origin)
                    .isEqualTo(403);
            Access.Decision ws = LOCAL.decide(upgrade("localhost:8080", origin, T));
            assertThat(status(ws)).as(origin + " (WebSocket)").isEqualTo(403);
            assertThat(((Access.Refuse) ws).page()).contains("another site").contains("WebSocket");
        }
        // the server's own origin, and requests without one (same-origin GETs, scripts)
        assertThat(LOCAL.decide(post("localhost:8080", "http://localhost:8080", T)))
                .isInstanceOf(Access.Allow.class);
        assertThat(LOCAL.decide(post("localhost:8080", "HTTP://LOCALHOST:8080", T)))
                .isInstanceOf(Access.Allow.class);
        assertThat(LOCAL.decide(upgrade("127.0.0.1:8080", "http://127.0.0.1:8080", T)))
                .isInstanceOf(Access.Allow.class);
        assertThat(LOCAL.decide(post("localhost:8080", null, T))).isInstanceOf(Access.Allow.class);
        // another host's origin, even a name of ours, is another site: localhost vs 127.0.0.1
        assertThat(status(LOCAL.decide(post("localhost:8080", "http://127.0.0.1:8080", T))))
                .isEqualTo(403);
    }

    @Test
    void behindAProxyTheAllowedHostIsAnOriginOfOursToo() {
        Access a = new Access(T, "localhost", 8080, List.of("duet.example.com"));
        // the proxy passes Host: localhost:8080, the browser sends its own origin
        assertThat(a.decide(post("localhost:8080", "https://duet.example.com", T)))
                .isInstanceOf(Access.Allow.class);
        assertThat(status(a.decide(post("localhost:8080", "https://evil.example", T))))
                .isEqualTo(403);
    }

    // ------------------------------------------------------------------------------------------------ no token

    @Test
    void withoutATokenHostAndOriginAreStillChecked() {
        Access open = new Access(null, "localhost", 8080, List.of());
        assertThat(open.tokenRequired()).isFalse();
        assertThat(open.decide(get("/", null, "localhost:8080"))).isInstanceOf(Access.Allow.class);
        assertThat(status(open.decide(get("/", null, "evil.example:8080")))).isEqualTo(403);
        assertThat(status(open.decide(post("localhost:8080", "http://evil.example", null))))
                .isEqualTo(403);
    }

    @Test
    void noTokenIsAllowedOnlyOnALoopbackAddress() {
        for (String loop : List.of("localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]")) {
            assertThat(Access.checkNoToken(loop)).as(loop).isNull();
        }
        for (String open : List.of("0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "fe80::1", "")) {
            String m = Access.checkNoToken(open);
            assertThat(m).as(open).isNotNull().contains("--no-token").contains("loopback");
        }
    }
}
