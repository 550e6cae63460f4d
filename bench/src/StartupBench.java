import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Start-up benchmark: from launching `duet serve` (a fresh JVM) to the first page with its drawing rendered in
 * headless Chromium. Prints one line per run and the median.
 */
public class StartupBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1400,900");
        ChromeDriverService s = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        WebDriver d = new ChromeDriver(s, o); // the browser is started before the clock: we time Duet, not Chromium
        double[] ready = new double[runs], page = new double[runs];
        try {
            for (int r = 0; r < runs; r++) {
                Path ws = Files.createTempDirectory("duet-bench-ws");
                int port = 18080 + r;
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(
                                "java",
                                "-cp",
                                "target/duet.jar:target/lib/*",
                                "org.duet.app.Main",
                                "serve",
                                "--port",
                                String.valueOf(port),
                                "--workspace",
                                ws.toString())
                        .redirectErrorStream(true)
                        .start();
                BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream()));
                String line;
                while ((line = in.readLine()) != null && !line.contains("Duet is running")) {}
                long t1 = System.nanoTime();
                // the printed URL, with the access token (the server sets its cookie and redirects)
                d.get(line.replaceFirst(".*Duet is running at (\\S+).*", "$1"));
                new WebDriverWait(d, Duration.ofSeconds(30))
                        .until(x -> !x.findElements(By.cssSelector("duet-canvas .duet-stage > svg *"))
                                .isEmpty());
                long t2 = System.nanoTime();
                ready[r] = (t1 - t0) / 1e6;
                page[r] = (t2 - t0) / 1e6;
                System.out.printf(
                        Locale.ROOT,
                        "run %d: server ready %.0f ms, first page with its drawing %.0f ms%n",
                        r + 1,
                        ready[r],
                        page[r]);
                p.destroy();
                p.waitFor();
            }
        } finally {
            d.quit();
        }
        Arrays.sort(ready);
        Arrays.sort(page);
        System.out.printf(
                Locale.ROOT,
                "median: server ready %.0f ms, first rendered page %.0f ms (max %.0f ms)%n",
                ready[runs / 2],
                page[runs / 2],
                page[runs - 1]);
    }
}
