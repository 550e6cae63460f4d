package org.duet.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.duet.lang.DuetException;
import org.duet.svg.Renderer;
import org.duet.synth.FeatureCatalog;
import org.duet.synth.FeatureInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "features",
        mixinStandardHelpOptions = true,
        description = "List the features of the shapes of a drawing (names for 'duet relate --features').")
final class FeaturesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the program (.little)")
    Path file;

    @Option(names = "--shape", paramLabel = "N", description = "only this shape (default: every shape)")
    Integer shape;

    @Option(
            names = "--json",
            description = "print JSON: {\"shapes\":[{\"shape\":N,\"kind\":K,\"features\":[{\"name\":…,"
                    + "\"ref\":\"N.NAME\",\"kind\":\"X|Y|DISTANCE|OTHER\",\"value\":…,\"formula\":…,\"point\":…,\"x\":…,\"y\":…}]}],"
                    + "\"sliders\":[{\"ref\":\"slider1\",\"value\":…,\"formula\":…}]} (sliders without --shape)")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String text = Cli.read(file, err);
            Renderer.Result r = Renderer.render(file.toString(), text);
            int n = r.canvas.elements().size();
            int from = shape == null ? 0 : shape, to = shape == null ? n : shape + 1;
            if (shape != null) FeatureCatalog.of(r, shape); // checks the number
            Json j = new Json().beginObject().key("shapes").beginArray();
            StringBuilder sb = new StringBuilder();
            for (int s = from; s < to; s++) {
                List<FeatureInfo> fs = FeatureCatalog.of(r, s);
                if (fs.isEmpty() && shape == null) continue;
                String kind = FeatureCatalog.kindOf(r.canvas.elements().get(s));
                j.beginObject()
                        .key("shape")
                        .value(s)
                        .key("kind")
                        .value(kind)
                        .key("features")
                        .beginArray();
                sb.append("shape ").append(s).append(" (").append(kind).append(")\n");
                for (FeatureInfo f : fs) {
                    j.beginObject()
                            .key("name")
                            .value(f.name)
                            .key("ref")
                            .value(f.ref())
                            .key("kind")
                            .value(f.kind.name())
                            .key("value")
                            .value(f.value)
                            .key("formula")
                            .value(f.formula);
                    if (f.point != null)
                        j.key("point")
                                .value(f.point)
                                .key("x")
                                .value(f.x)
                                .key("y")
                                .value(f.y);
                    if (f.kind == FeatureInfo.Kind.DISTANCE && !Double.isNaN(f.x1))
                        j.key("x1")
                                .value(f.x1)
                                .key("y1")
                                .value(f.y1)
                                .key("x2")
                                .value(f.x2)
                                .key("y2")
                                .value(f.y2);
                    j.endObject();
                    sb.append(String.format(
                            Locale.ROOT,
                            "  %-18s %-9s %s = %s%n",
                            f.ref(),
                            f.kind.name().toLowerCase(Locale.ROOT),
                            f.formula,
                            org.duet.lang.JsNumber.toString(f.value)));
                }
                j.endArray().endObject();
            }
            j.endArray();
            if (shape == null) {
                // the values of the range sliders are features too (slider1, slider2, … in the order of the text)
                List<FeatureInfo> ss = FeatureCatalog.sliders(r);
                j.key("sliders").beginArray();
                if (!ss.isEmpty()) sb.append("sliders\n");
                for (FeatureInfo f : ss) {
                    j.beginObject()
                            .key("ref")
                            .value(f.ref())
                            .key("value")
                            .value(f.value)
                            .key("formula")
                            .value(f.formula)
                            .endObject();
                    sb.append(String.format(
                            Locale.ROOT,
                            "  %-18s %-9s %s = %s%n",
                            f.ref(),
                            "other",
                            f.formula,
                            org.duet.lang.JsNumber.toString(f.value)));
                }
                j.endArray();
            }
            j.endObject();
            out.print(json ? j + "\n" : sb.toString());
            out.flush();
            return 0;
        } catch (Cli.Failed f) {
            return 1;
        } catch (DuetException e) {
            Cli.report(file, e, err);
            return 1;
        }
    }
}
