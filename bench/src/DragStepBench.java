import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.duet.sync.Heuristics;
import org.duet.sync.ShapeZones;
import org.duet.sync.Sync;
import org.duet.sync.SyncTable;
import org.duet.sync.Zone;

/**
 * Server-side cost of one drag step (solve + write back the numerals) once the program version's zone table is
 * built: a generated 500-shape program, and any programs given as arguments. Prints median and p95 per program.
 */
public class DragStepBench {
    /** 250 rects with their own offsets and colour numbers, 250 circles spaced by a shared sep, and a slider. */
    static String generated() {
        StringBuilder sb =
                new StringBuilder("(def [x0 y0 w h sep] [10 10 20 20 25])\n(def k 1{0-5})\n(svg (concat [\n");
        for (int i = 0; i < 250; i++)
            sb.append("  [(rect ")
                    .append(i % 360)
                    .append(" (+ x0 ")
                    .append(i % 20 * 30)
                    .append(") (+ y0 ")
                    .append(i / 20 * 30)
                    .append(") (* k w) h)]\n");
        sb.append("  (map (\\i (circle 200 (+ x0 (* i sep)) (+ y0 400) 8)) (range 0! 249!))\n]))\n");
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        List<String[]> programs = new ArrayList<>();
        programs.add(new String[] {"generated500", generated()});
        for (String a : args)
            programs.add(new String[] {Path.of(a).getFileName().toString(), Files.readString(Path.of(a))});
        for (String[] p : programs) {
            String text = p[1];
            SyncTable t = Sync.table(text, Heuristics.BIASED);
            List<Zone> zones = new ArrayList<>();
            for (ShapeZones s : t.shapes()) for (Zone z : s.zones) if (z.active()) zones.add(z);
            if (zones.isEmpty()) continue;
            for (int i = 0; i < 2000; i++) {
                Zone z = zones.get(i * 7919 % zones.size());
                Sync.drag(text, z.shape, z.name, i % 13 - 6, i % 7 - 3, Heuristics.BIASED);
            }
            long[] ns = new long[1000];
            for (int i = 0; i < ns.length; i++) {
                Zone z = zones.get(i * 104729 % zones.size());
                long start = System.nanoTime();
                Sync.drag(text, z.shape, z.name, 7 + i % 5, -5 + i % 3, Heuristics.BIASED);
                ns[i] = System.nanoTime() - start;
            }
            Arrays.sort(ns);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d shapes, %d active zones, drag step median %.3f ms, p95 %.3f ms%n",
                    p[0],
                    t.canvas().elements().size(),
                    zones.size(),
                    ns[ns.length / 2] / 1e6,
                    ns[ns.length * 95 / 100] / 1e6);
        }
    }
}
