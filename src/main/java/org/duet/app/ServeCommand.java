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
            PngExport.warmUp();
        }, "duet-warm-up");
        warm.setDaemon(true);
        warm.start();

        System.setProperty("vaadin.productionMode", "true");
        VaadinBoot boot = new VaadinBoot().withPort(port).listenOn(host);
        boot.openBrowserInDevMode(false);
        try {
            boot.start();
        } catch (Exception e) {
            err.println("duet serve: cannot start the server on " + host + ":" + port + ": " + rootMessage(e));
            return 1;
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

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
