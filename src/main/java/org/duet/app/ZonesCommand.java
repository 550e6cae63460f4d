package org.duet.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.duet.lang.DuetException;
import org.duet.lang.JsNumber;
import org.duet.lang.Loc;
import org.duet.lang.Program;
import org.duet.sync.Heuristics;
import org.duet.sync.ShapeZones;
import org.duet.sync.SyncTable;
import org.duet.sync.TriggerElement;
import org.duet.sync.Zone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "zones",
        mixinStandardHelpOptions = true,
        description = "List the drag zones of every shape (shapes numbered from 0 in document order, ghosts "
                + "included, as in render --ghosts) with the locations each zone changes.")
final class ZonesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the program (.little)")
    Path file;

    @Option(names = "--heuristics", paramLabel = "H", description = "biased (default), fair or none")
    String heuristics = "biased";

    @Option(names = "--json", description = "print JSON: {\"shapes\":[{\"shape\":N,\"kind\":K,\"zones\":[…]}]}")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Heuristics h = Cli.heuristics(heuristics, "zones", err);
            SyncTable t = Cli.table(file, h, err);
            out.print(json ? json(t) : text(t));
            out.flush();
            return 0;
        } catch (Cli.Failed f) {
            return 1;
        } catch (DuetException e) {
            Cli.report(file, e, err);
            return 1;
        }
    }

    static String json(SyncTable t) {
        Json j = new Json().beginObject().key("shapes").beginArray();
        for (ShapeZones s : t.shapes()) {
            j.beginObject()
                    .key("shape")
                    .value(s.shape)
                    .key("kind")
                    .value(s.kind)
                    .key("zones")
                    .beginArray();
            for (Zone z : s.zones) zone(j, t.program(), z);
            j.endArray().endObject();
        }
        j.endArray();
        if (!t.widgets().isEmpty()) {
            j.key("sliders").beginArray();
            for (Zone z : t.widgets()) zone(j, t.program(), z);
            j.endArray();
        }
        return j.endObject().toString() + "\n";
    }

    private static void zone(Json j, Program p, Zone z) {
        j.beginObject().key("zone").value(z.name).key("active").value(z.active());
        if (!z.active()) j.key("reason").value(z.reason());
        j.key("changes").beginArray();
        for (TriggerElement e : z.trigger()) {
            Loc l = e.loc;
            j.beginObject()
                    .key("attribute")
                    .value(e.attribute)
                    .key("location")
                    .beginObject()
                    .key("name")
                    .value(name(l))
                    .key("line")
                    .value(p.source().line(l.numStart))
                    .key("col")
                    .value(p.source().column(l.numStart))
                    .key("value")
                    .value(l.value)
                    .endObject()
                    .endObject();
        }
        j.endArray().endObject();
    }

    static String name(Loc l) {
        return l.name().isEmpty() ? "loc_" + l.id() : l.name();
    }

    /** One line per zone: {@code 3 rect Interior ACTIVE [dx] x0(40) [dy] y0(28)}. */
    static String text(SyncTable t) {
        StringBuilder sb = new StringBuilder();
        for (ShapeZones s : t.shapes()) for (Zone z : s.zones) line(sb, z, s.shape + " " + s.kind + " ");
        for (Zone z : t.widgets()) line(sb, z, "");
        return sb.toString();
    }

    private static void line(StringBuilder sb, Zone z, String prefix) {
        sb.append(prefix).append(z.name).append(z.active() ? " ACTIVE" : " INACTIVE");
        if (!z.active()) {
            sb.append(" (").append(z.reason()).append(")\n");
            return;
        }
        for (String axis : new String[] {"dx", "dy", "dxy"}) {
            StringBuilder part = new StringBuilder();
            java.util.Set<Loc> shown = new java.util.HashSet<>();
            for (TriggerElement e : z.trigger()) {
                if (!e.axis.equals(axis) || !shown.add(e.loc)) continue;
                part.append(' ')
                        .append(name(e.loc))
                        .append('(')
                        .append(JsNumber.toString(e.loc.value))
                        .append(')');
            }
            if (part.length() > 0) sb.append(" [").append(axis).append(']').append(part);
        }
        sb.append('\n');
    }
}
