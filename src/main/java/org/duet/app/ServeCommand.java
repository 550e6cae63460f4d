package org.duet.app;

import com.github.mvysny.vaadinboot.VaadinBoot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.duet.doc.Workspace;
import org.duet.eval.Prelude;
import org.duet.svg.PngExport;
import org.duet.ui.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the Duet editor: embedded Jetty with the Vaadin application.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port = 8080;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host = "localhost";

    @Option(names = "--workspace", paramLabel = "DIR", description = "folder of documents (default: ${DEFAULT-VALUE})")
    Path workspace = Path.of("duet-workspace");

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "the access token (kept in the workspace for the next starts; default: the kept one, or a "
                    + "new random one)")
    String token;

    @Option(names = "--new-token", description = "replace the kept access token by a new random one")
    boolean newToken;

    @Option(names = "--no-token", description = "no access token (allowed only on a loopback address)")
    boolean noToken;

    @Option(
            names = "--allow-host",
            paramLabel = "NAME",
            description = "also accept requests for this host name (a reverse proxy's); repeatable")
    List<String> allowHosts = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("duet serve: the port must be between 0 and 65535");
            return 1;
        }
        if (noToken && (token != null || newToken)) {
            err.println("duet serve: --no-token cannot be combined with --token or --new-token");
            return 1;
        }
        if (noToken) {
            String refused = Access.checkNoToken(host);
            if (refused != null) {
                err.println(refused);
                return 1;
            }
        }
        for (String a : allowHosts) {
            if (Access.hostName(a).isEmpty() || !Access.hostName(a).matches("[a-z0-9.:-]+")) {
                err.println("duet serve: --allow-host " + a + ": not a host name");
                return 1;
            }
        }
        Workspace ws;
        try {
            ws = new Workspace(workspace);
        } catch (IOException e) {
            err.println(workspace + ": cannot use this folder as the workspace: " + e.getMessage());
            return 1;
        }
        String secret = null;
        if (!noToken) {
            try {
                secret = AccessToken.forWorkspace(ws.dir(), token, newToken);
            } catch (AccessToken.Invalid e) {
                err.println("duet serve: " + e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println(ws.dir().resolve(AccessToken.FILE) + ": cannot keep the access token: " + e.getMessage());
                return 1;
            }
        }
        Access access = new Access(secret, host, port, allowHosts);
        Services.setWorkspace(ws);
        // load the prelude and warm up Batik in the background, off the first request's path
        Thread warm = new Thread(
                () -> {
                    Prelude.get();
                    try {
                        // the first document shown is usually an example: run one once, so its classes are loaded
                        org.duet.svg.Renderer.render("warm-up", org.duet.doc.Examples.welcome())
                                .canvas
                                .toCanvasSvg(false);
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
                },
                "duet-warm-up");
        warm.setDaemon(true);
        warm.start();

        System.setProperty("vaadin.productionMode", "true");
        VaadinBoot boot;
        try {
            boot = guarded(new VaadinBoot(), access).withPort(port).listenOn(host);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // never serve the editor without its access checks
            err.println("duet serve: cannot install the access checks in Vaadin Boot's server: " + e);
            return 1;
        }
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
        if (shown.contains(":")) shown = "[" + shown + "]";
        String url = "http://" + shown + ":" + port + "/" + (secret == null ? "" : "?" + Access.PARAM + "=" + secret);
        out.println("Duet is running at " + url + "  (workspace: " + ws.dir() + ")");
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
     * Vaadin Boot's Jetty server, changed in two ways. Jetty scans every jar on the class path for annotated classes,
     * which is most of Duet's start-up time; only Duet's own classes and Vaadin's jars hold what the servlet
     * initializers look for, so the scan is narrowed. And the web application is wrapped in the {@link AccessHandler}
     * (token, Host, Origin, security headers) and a request size limit. Vaadin Boot offers no setting for either,
     * so its server is replaced through its one private field; if that fails, the server does not start.
     */
    static VaadinBoot guarded(VaadinBoot boot, Access access) throws ReflectiveOperationException {
        java.lang.reflect.Field f = com.github.mvysny.vaadinboot.common.VaadinBootBase.class.getDeclaredField("server");
        f.setAccessible(true);
        f.set(boot, new com.github.mvysny.vaadinboot.common.JettyWebServer() {
            @Override
            protected org.eclipse.jetty.ee10.webapp.WebAppContext createWebAppContext(VaadinBoot b) throws IOException {
                org.eclipse.jetty.ee10.webapp.WebAppContext ctx = super.createWebAppContext(b);
                ctx.setAttribute("org.eclipse.jetty.server.webapp.ContainerIncludeJarPattern", SCANNED_JARS);
                return ctx;
            }

            @Override
            public void configure(com.github.mvysny.vaadinboot.common.VaadinBootBase<?> b) throws Exception {
                super.configure(b);
                org.eclipse.jetty.ee10.webapp.WebAppContext ctx = getContext();
                org.eclipse.jetty.server.Server server = ctx.getServer();
                if (server == null || server.getHandler() != ctx)
                    throw new IllegalStateException("Vaadin Boot's server is not laid out as expected");
                Limits.configure(server, ctx);
                org.eclipse.jetty.server.handler.SizeLimitHandler sized =
                        new org.eclipse.jetty.server.handler.SizeLimitHandler(Limits.MAX_REQUEST_BYTES, -1);
                server.setHandler(new AccessHandler(access, sized));
                sized.setHandler(ctx);
            }
        });
        return boot;
    }

    /** The jars whose classes Jetty scans: Duet's own, and Vaadin's (Flow, components, push). */
    static final String SCANNED_JARS = ".*/duet[^/]*\\.jar$|.*/classes/.*|.*/flow-[^/]*\\.jar$|.*/vaadin-[^/]*\\.jar$";

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
