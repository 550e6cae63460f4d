import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A loopback TCP proxy that delays every chunk of bytes by a fixed time in each direction (order kept), for
 * measuring the editor with network latency: Chromium's Network.emulateNetworkConditions does not delay WebSocket
 * frames, this does (HTTP and WebSocket alike). Usage: new DelayProxy(listenPort, targetPort, delayMs).start().
 */
public final class DelayProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final long delayNanos;

    public DelayProxy(int listenPort, int targetPort, long delayMs) throws IOException {
        this.server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
        this.target = targetPort;
        this.delayNanos = delayMs * 1_000_000L;
    }

    public int port() {
        return server.getLocalPort();
    }

    public DelayProxy start() {
        Thread t = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            Socket in = server.accept();
                            in.setTcpNoDelay(true);
                            Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
                            out.setTcpNoDelay(true);
                            pipe(in, out);
                            pipe(out, in);
                        } catch (IOException e) {
                            if (server.isClosed()) return;
                        }
                    }
                },
                "delay-proxy-accept");
        t.setDaemon(true);
        t.start();
        return this;
    }

    private record Chunk(long due, byte[] bytes) {}

    /** Reads from a, and writes each chunk to b once its delay has passed. */
    private void pipe(Socket a, Socket b) {
        LinkedBlockingQueue<Chunk> q = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    byte[] buf = new byte[65536];
                    try (InputStream in = a.getInputStream()) {
                        int n;
                        while ((n = in.read(buf)) > 0)
                            q.put(new Chunk(System.nanoTime() + delayNanos, java.util.Arrays.copyOf(buf, n)));
                    } catch (IOException | InterruptedException e) {
                        // closed
                    }
                    q.add(new Chunk(System.nanoTime() + delayNanos, null));
                },
                "delay-proxy-read");
        Thread writer = new Thread(
                () -> {
                    try {
                        OutputStream out = b.getOutputStream();
                        while (true) {
                            Chunk c = q.take();
                            long wait = c.due - System.nanoTime();
                            if (wait > 0) Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                            if (c.bytes == null) {
                                b.shutdownOutput();
                                return;
                            }
                            out.write(c.bytes);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        try {
                            a.close();
                            b.close();
                        } catch (IOException ignored) {
                        }
                    }
                },
                "delay-proxy-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
