package org.duet.app;

import com.github.mvysny.vaadinboot.VaadinBoot;
import org.duet.doc.Workspace;
import org.duet.eval.Prelude;
import org.duet.svg.PngExport;
import org.duet.ui.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the Duet editor: embedded Jetty with the Vaadin application.")
final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port = 8080;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host = "localhost";

    @Option(names = "--workspace", paramLabel = "DIR", description = "folder of documents (default: ${DEFAULT-VALUE})")
    Path workspace = Path.of("duet-workspace");

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("duet serve: the port must be between 0 and 65535");
            return 1;
        }
        Workspace ws;
        try {
            ws = new Workspace(workspace);
        } catch (IOException e) {
            err.println(workspace + ": cannot use this folder as the workspace: " + e.getMessage());
            return 1;
        }
        Services.setWorkspace(ws);
        // load the prelude and warm up Batik in the background, off the first request's path
        Thread warm = new Thread(() -> {
            Prelude.get();
            try {
                // the first document shown is usually an example: run one once, so its classes are loaded
                org.duet.svg.Renderer.render("warm-up", org.duet.doc.Examples.welcome()).canvas.toCanvasSvg(false);
            } catch (RuntimeException ignored) {
                // only a warm-up
            }
            try {
                // Batik's first transcode is slow: do it once, but after the first page has been served
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                return;
            }
            PngExport.warmUp();
        }, "duet-warm-up");
        warm.setDaemon(true);
        warm.start();

        System.setProperty("vaadin.productionMode", "true");
        VaadinBoot boot = fasterScanning(new VaadinBoot()).withPort(port).listenOn(host);
        boot.openBrowserInDevMode(false);
        java.io.PrintStream console = System.out;
        try {
            // Vaadin Boot prints a banner meant for developers; Duet prints its own one line below
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            boot.start();
        } catch (Exception e) {
            err.println("duet serve: cannot start the server on " + host + ":" + port + ": " + rootMessage(e));
            return 1;
        } finally {
            System.setOut(console);
        }
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        out.println("Duet is running at http://" + shown + ":" + port + "/  (workspace: " + ws.dir() + ")");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            boot.stop("shutdown");
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /**
     * Jetty scans every jar on the class path for annotated classes, which is most of Duet's start-up time; only
     * Duet's own classes and Vaadin's jars hold what the servlet initializers look for. Vaadin Boot offers no
     * setting for this, so its Jetty server is replaced (through its one private field) by one that narrows the
     * scan. If that ever fails, the default full scan is kept: slower, never wrong.
     */
    static VaadinBoot fasterScanning(VaadinBoot boot) {
        try {
            java.lang.reflect.Field f = com.github.mvysny.vaadinboot.common.VaadinBootBase.class.getDeclaredField("server");
            f.setAccessible(true);
            f.set(boot, new com.github.mvysny.vaadinboot.common.JettyWebServer() {
                @Override protected org.eclipse.jetty.ee10.webapp.WebAppContext createWebAppContext(VaadinBoot b)
                        throws IOException {
                    org.eclipse.jetty.ee10.webapp.WebAppContext ctx = super.createWebAppContext(b);
                    ctx.setAttribute("org.eclipse.jetty.server.webapp.ContainerIncludeJarPattern", SCANNED_JARS);
                    return ctx;
                }
            });
        } catch (ReflectiveOperationException | RuntimeException e) {
            // keep Vaadin Boot's own server
        }
        return boot;
    }

    /** The jars whose classes Jetty scans: Duet's own, and Vaadin's (Flow, components, push). */
    static final String SCANNED_JARS = ".*/duet[^/]*\\.jar$|.*/classes/.*|.*/flow-[^/]*\\.jar$|.*/vaadin-[^/]*\\.jar$";

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
