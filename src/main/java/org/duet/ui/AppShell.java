package org.duet.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import org.duet.app.SecurityHeaders;
import org.jsoup.nodes.Element;

/** Application-wide settings: WebSocket push (drag traffic and background renders), page title, icon. */
@Push(value = PushMode.AUTOMATIC, transport = Transport.WEBSOCKET)
public class AppShell implements AppShellConfigurator {
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Duet");
        settings.addFavIcon("icon", "icons/duet.svg", "any");
        settings.addMetaTag("description", "Duet: a drawing is a program.");
    }

    /**
     * Writes the response's Content-Security-Policy nonce (made by {@code duet serve}'s access handler, see
     * {@link SecurityHeaders}) on the inline scripts of Vaadin's bootstrap page, so that they run and no other
     * inline script does. Registered in {@code META-INF/services}.
     */
    public static final class CspNonce implements VaadinServiceInitListener {
        @Override
        public void serviceInit(ServiceInitEvent event) {
            event.addIndexHtmlRequestListener(response -> {
                Object nonce = response.getVaadinRequest().getAttribute(SecurityHeaders.NONCE_ATTRIBUTE);
                if (!(nonce instanceof String n)) return;
                for (Element e : response.getDocument().select("script:not([src])")) e.attr("nonce", n);
            });
        }
    }
}
