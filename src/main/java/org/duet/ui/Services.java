package org.duet.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.duet.doc.Workspace;

/** What the views share: the workspace folder (set by {@code duet serve} before the server starts). */
public final class Services {
    private Services() {}

    private static volatile Workspace workspace;

    public static void setWorkspace(Workspace w) {
        workspace = w;
    }

    public static Workspace workspace() {
        Workspace w = workspace;
        if (w == null) {
            synchronized (Services.class) {
                if (workspace == null) {
                    try {
                        workspace = new Workspace(Path.of(System.getProperty("duet.workspace", "duet-workspace")));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                w = workspace;
            }
        }
        return w;
    }
}
