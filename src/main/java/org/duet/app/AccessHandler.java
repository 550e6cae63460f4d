package org.duet.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost Jetty handler of {@code duet serve}: it runs before anything else (the Vaadin servlet, static files,
 * downloads, the WebSocket upgrade of push), puts the security headers on every response, and carries out
 * {@link Access#decide}: refusals get a short plain-text page, {@code ?token=} a cookie and a redirect.
 */
final class AccessHandler extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(AccessHandler.class);

    private final Access access;

    AccessHandler(Access access, Handler next) {
        super(next);
        this.access = access;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields h = request.getHeaders();
        List<String> cookies = new ArrayList<>();
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(access.cookieName())) cookies.add(c.getValue());
        }
        Access.Request facts = new Access.Request(
                request.getMethod(),
                request.getHttpURI().getPath(),
                request.getHttpURI().getQuery(),
                h.get(HttpHeader.HOST),
                h.get(HttpHeader.ORIGIN),
                cookies,
                h.get(HttpHeader.AUTHORIZATION),
                h.get(HttpHeader.UPGRADE) != null,
                h.get("Sec-Fetch-Site"));
        Access.Decision d = access.decide(facts);
        String nonce = SecurityHeaders.nonce();
        String checkedHost = d instanceof Access.Refuse && ((Access.Refuse) d).status() == 403 ? null : facts.host();
        for (Map.Entry<String, String> e :
                SecurityHeaders.all(nonce, checkedHost).entrySet())
            response.getHeaders().put(e.getKey(), e.getValue());
        if (d instanceof Access.Refuse r) {
            LOG.info(
                    "refused ({}) {} {} from {}: {}",
                    r.status(),
                    request.getMethod(),
                    request.getHttpURI().getPath(),
                    Request.getRemoteAddr(request),
                    r.page().lines().findFirst().orElse(""));
            response.setStatus(r.status());
            if (r.status() == 401) response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"Duet\"");
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            Content.Sink.write(response, true, r.page(), callback);
            return true;
        }
        if (d instanceof Access.Redirect r && r.viaPage()) {
            response.setStatus(200);
            response.getHeaders().add(HttpHeader.SET_COOKIE, r.setCookie());
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            Content.Sink.write(response, true, Access.redirectPage(r.location()), callback);
            return true;
        }
        if (d instanceof Access.Redirect r) {
            response.setStatus(303);
            response.getHeaders().put(HttpHeader.LOCATION, r.location());
            response.getHeaders().add(HttpHeader.SET_COOKIE, r.setCookie());
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, null, callback);
            return true;
        }
        request.setAttribute(SecurityHeaders.NONCE_ATTRIBUTE, nonce);
        return super.handle(request, response, callback);
    }
}
