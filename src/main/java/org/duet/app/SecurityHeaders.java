package org.duet.app;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every response of {@code duet serve} carries, and its Content-Security-Policy. The policy is as strict
 * as Vaadin Flow 24.9 in production mode allows (each relaxation was found by running the editor in Chromium
 * under the strict policy and reading the console's violations; see README, "Security"):
 * <ul>
 * <li>{@code script-src 'self' 'nonce-…' 'unsafe-eval'}: Vaadin's bootstrap page has inline scripts, which get a
 *     fresh nonce per response ({@code org.duet.ui.AppShell.CspNonce} writes it on them); no other inline script
 *     or event-handler attribute runs. {@code 'unsafe-eval'} because Flow's client runs every
 *     {@code executeJs} and every {@code @EventData} expression through {@code new Function}.</li>
 * <li>{@code style-src 'self' 'unsafe-inline'}: Vaadin's components and its client add {@code <style>} elements
 *     and style attributes at run time, which a nonce cannot cover.</li>
 * <li>{@code img-src 'self' data:}: Lumo's icons and the examples' thumbnails are {@code data:} images;
 *     {@code font-src 'self' data:}: Lumo's icon fonts are {@code data:} URLs.</li>
 * <li>{@code connect-src 'self'} plus the WebSocket URL of the same host (push).</li>
 * </ul>
 */
public final class SecurityHeaders {
    private SecurityHeaders() {}

    /** The request attribute that holds the response's script nonce (read by the bootstrap page listener). */
    public static final String NONCE_ATTRIBUTE = "org.duet.csp.nonce";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh nonce: 128 random bits, base64. */
    public static String nonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /**
     * The Content-Security-Policy of a response.
     *
     * @param nonce the script nonce of this response
     * @param host  the request's (checked) Host header, for the push WebSocket's URL; null if it was refused
     */
    public static String csp(String nonce, String host) {
        String ws = host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]+") ? "" : " ws://" + host + " wss://" + host;
        return "default-src 'self'; "
                + "script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; "
                + "font-src 'self' data:; "
                + "connect-src 'self'" + ws + "; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    /** Every header of a response, in order. */
    public static Map<String, String> all(String nonce, String host) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", csp(nonce, host));
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        return h;
    }
}
