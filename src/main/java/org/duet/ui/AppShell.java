package org.duet.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;

/** Application-wide settings: WebSocket push (drag traffic and background renders), page title, icon. */
@Push(value = PushMode.AUTOMATIC, transport = Transport.WEBSOCKET)
public class AppShell implements AppShellConfigurator {
    @Override public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Duet");
        settings.addFavIcon("icon", "icons/duet.svg", "any");
        settings.addMetaTag("description", "Duet: a drawing is a program.");
    }
}
