import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import org.duet.eval.Limits;
import org.duet.lang.DuetException;
import org.duet.svg.Renderer;

/**
 * toString of a tree whose two branches are one shared value ((t n) has 2^n leaves but n lists): how long one render
 * takes to reach the string-length limit (after loading the prelude), and the peak heap. Usage: StringLimitsBench DEPTH [RUNS]. Prints one line
 * per run, then the peak heap used (all heap pools' peaks) of this JVM. Run each depth in a JVM of its own
 * (bench/string-limits.sh does), so that the peak belongs to that depth.
 */
public class StringLimitsBench {
    static final String TREE = "(defrec t (\\n (if (= n 0) 1 (let s (t (- n 1)) [s s]))))\n";

    public static void main(String[] args) {
        int depth = Integer.parseInt(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String program = TREE + "(toString (t " + depth + "))";
        long w0 = System.nanoTime();
        Renderer.render("warm-up.little", "(svg [(rect 'red' 1 2 3 4)])", Limits.DEFAULT, Renderer.Frame.FIRST);
        System.out.printf(
                Locale.ROOT,
                "start: prelude loaded and a small program rendered in %.1f ms%n",
                (System.nanoTime() - w0) / 1e6);
        for (int i = 1; i <= runs; i++) {
            long t0 = System.nanoTime();
            String outcome;
            try {
                Renderer.render("tree.little", program, Limits.DEFAULT, Renderer.Frame.FIRST);
                outcome = "no error";
            } catch (DuetException e) {
                outcome = e.getMessage();
            } catch (OutOfMemoryError e) {
                outcome = "OutOfMemoryError";
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "depth %d run %d: %.1f ms: %s%n", depth, i, ms, outcome);
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null)
                peak += p.getPeakUsage().getUsed();
        System.out.printf(Locale.ROOT, "depth %d: peak heap used %.0f MB%n", depth, peak / 1048576.0);
    }
}
