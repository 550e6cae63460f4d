package org.duet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Map;
import java.util.function.Consumer;
import org.duet.lang.JsNumber;
import org.duet.sync.Provenance;

/**
 * Beside the canvas, for the selected shapes: each number of the last selected shape ("Why is it here?" opens its
 * provenance: the operators that computed it, the functions they ran in, and the program's constants, each linked to
 * its place in the code), plus room for the selection's tools (relate, delete).
 */
final class InspectorPanel extends Div {
    private final Div numbers = new Div();
    private final Div why = new Div();
    private final Div tools = new Div();
    private final Span title = new Span();

    InspectorPanel(Runnable close) {
        addClassName("duet-inspector");
        setId("inspector");
        title.addClassName("duet-inspector-title");
        Button x = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> close.run());
        x.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        x.getElement().setAttribute("title", "Clear the selection (Esc)");
        Div head = new Div(title, x);
        head.addClassName("duet-inspector-head");
        numbers.addClassName("duet-inspector-numbers");
        why.addClassName("duet-why");
        why.setId("why");
        tools.addClassName("duet-inspector-tools");
        add(head, tools, numbers, why);
        setVisible(false);
    }

    /** The area for the selection's tools (filled by the editor). */
    Div tools() {
        return tools;
    }

    void hide() {
        numbers.removeAll();
        why.removeAll();
        setVisible(false);
    }

    /**
     * Shows a shape's numbers; clicking one asks {@code onWhy} for its provenance. {@code heading} names the selection
     * ("rect 2", "3 shapes selected · rect 5").
     */
    void show(String heading, Map<String, Double> values, Consumer<String> onWhy) {
        title.setText(heading);
        numbers.removeAll();
        why.removeAll();
        Span hint = new Span("Why is it here? Click a number.");
        hint.addClassName("duet-inspector-hint");
        numbers.add(hint);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            Div row = new Div();
            row.addClassName("duet-number");
            row.getElement().setAttribute("data-key", e.getKey());
            row.getElement()
                    .setAttribute("title", "Why is " + e.getKey() + " " + JsNumber.toString(e.getValue()) + "?");
            Span k = new Span(e.getKey());
            k.addClassName("duet-number-key");
            Span v = new Span(brief(e.getValue()));
            v.addClassName("duet-number-value");
            row.add(k, v);
            row.addClickListener(ev -> {
                numbers.getChildren().forEach(c -> c.getElement().getClassList().remove("duet-current"));
                row.addClassName("duet-current");
                onWhy.accept(e.getKey());
            });
            numbers.add(row);
        }
        setVisible(true);
    }

    /** Only features are selected (no shape): the relate tools, no numbers. */
    void showFeaturesOnly(String heading) {
        title.setText(heading);
        numbers.removeAll();
        why.removeAll();
        setVisible(true);
    }

    /** Shows a provenance tree; clicking a node with a place in the program calls {@code reveal} with it. */
    void showWhy(Provenance.Step root, Consumer<Provenance.Step> reveal) {
        why.removeAll();
        Span h = new Span("Why is " + root.label() + " " + brief(root.value()) + "?");
        h.addClassName("duet-why-title");
        why.add(h);
        for (Provenance.Step c : root.children()) why.add(node(c, reveal));
    }

    void showWhyError(String message) {
        why.removeAll();
        Span m = new Span(message);
        m.addClassName("duet-inspector-hint");
        why.add(m);
    }

    private Div node(Provenance.Step s, Consumer<Provenance.Step> reveal) {
        Div n = new Div();
        n.addClassName("duet-why-node");
        Div line = new Div();
        line.addClassName("duet-why-line");
        line.addClassName(s.constant() ? "duet-why-constant" : "duet-why-op");
        if (s.frozen()) line.addClassName("duet-why-frozen");
        Span label = new Span(s.label());
        label.addClassName("duet-why-label");
        line.add(label);
        if (!Double.isNaN(s.value())) {
            Span v = new Span("= " + brief(s.value()));
            v.addClassName("duet-why-value");
            line.add(v);
        }
        if (!s.detail().isEmpty()) {
            Span d = new Span(s.detail());
            d.addClassName("duet-why-detail");
            line.add(d);
        }
        if (s.start() >= 0) {
            line.addClassName("duet-why-linked");
            line.getElement().setAttribute("title", "Show it in the code (line " + s.line() + ")");
            line.addClickListener(e -> reveal.accept(s));
        }
        n.add(line);
        for (Provenance.Step c : s.children()) n.add(node(c, reveal));
        return n;
    }

    /** A number as the code would show it, cut to a readable length. */
    static String brief(double v) {
        if (Double.isNaN(v)) return "NaN";
        String s = JsNumber.toString(v);
        if (s.length() > 10 && Double.isFinite(v) && Math.abs(v) < 1e9) {
            String r = JsNumber.toString(Math.round(v * 1000) / 1000.0);
            return r.length() < s.length() ? "≈" + r : s;
        }
        return s;
    }
}
