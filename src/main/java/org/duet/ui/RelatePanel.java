package org.duet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import java.util.List;
import org.duet.synth.Candidate;

/**
 * The relate tools of the selection, in the inspector: the selected features (each removable), the tools — Make
 * equal, Relate, Indexed relate, Dig hole on features; Align, Distribute, Same size, Keep spacing, Keep inside on
 * shapes — and the ranked candidates of the last request: hover one to preview it, click it to apply it.
 */
final class RelatePanel extends Div {
    /** What the editor does for the panel. */
    interface Actions {
        void run(String tool, String label);

        void removeFeature(String ref);

        void addFeature(String ref);

        void preview(Candidate c);

        void endPreview();

        void apply(Candidate c);
    }

    private final Actions actions;
    private final Div chips = new Div();
    private final Div others = new Div();
    private final Div results = new Div();
    private final Button makeEqual, relate, indexed, dig, spacing, inside;
    private final MenuItem align, distribute, size;

    RelatePanel(Actions actions) {
        this.actions = actions;
        addClassName("duet-relate");
        setId("relate");
        chips.addClassName("duet-chips");
        chips.setId("selected-features");
        others.addClassName("duet-chips");
        others.setId("other-features");
        makeEqual = tool("Make equal", "make-equal", "Make the selected features equal (A = B)");
        relate = tool("Relate", "relate", "Compute one selected feature from the others");
        indexed = tool("Indexed", "indexed-relate", "Compute a row of numbers from their index (i × step + start)");
        dig = tool("Dig hole", "dig-hole", "Give the selected features' constants names of their own");
        Div featureTools = new Div(makeEqual, relate, indexed, dig);
        featureTools.addClassName("duet-relate-tools");

        MenuBar arrange = new MenuBar();
        arrange.addThemeVariants(MenuBarVariant.LUMO_SMALL, MenuBarVariant.LUMO_TERTIARY);
        arrange.setId("arrange");
        align = arrange.addItem("Align");
        align.setId("align");
        SubMenu am = align.getSubMenu();
        for (String[] s : new String[][] {
            {"left", "Left edges"},
            {"center", "Centres (horizontally)"},
            {"right", "Right edges"},
            {"top", "Top edges"},
            {"middle", "Middles (vertically)"},
            {"bottom", "Bottom edges"}
        }) {
            am.addItem(s[1], e -> actions.run("align-" + s[0], "Align " + s[1].toLowerCase()))
                    .setId("align-" + s[0]);
        }
        distribute = arrange.addItem("Distribute");
        distribute.setId("distribute");
        distribute
                .getSubMenu()
                .addItem("Horizontally", e -> actions.run("distribute-h", "Distribute horizontally"))
                .setId("distribute-h");
        distribute
                .getSubMenu()
                .addItem("Vertically", e -> actions.run("distribute-v", "Distribute vertically"))
                .setId("distribute-v");
        size = arrange.addItem("Same size");
        size.setId("same-size");
        size.getSubMenu()
                .addItem("Width", e -> actions.run("equal-width", "Same width"))
                .setId("equal-width");
        size.getSubMenu()
                .addItem("Height", e -> actions.run("equal-height", "Same height"))
                .setId("equal-height");
        size.getSubMenu()
                .addItem("Width and height", e -> actions.run("equal-size", "Same size"))
                .setId("equal-size");
        spacing = tool(
                "Keep spacing",
                "keep-spacing",
                "Keep the gap between the selected shapes (or two pairs) as a variable");
        inside = tool(
                "Keep inside", "inside", "Keep the selected point (or the first shape's centre) inside the last shape");
        Div shapeTools = new Div(arrange, spacing, inside);
        shapeTools.addClassName("duet-relate-tools");

        results.addClassName("duet-relate-results");
        results.setId("relate-results");
        Span h1 = new Span("Features");
        h1.addClassName("duet-inspector-subtitle");
        Span h2 = new Span("Shapes");
        h2.addClassName("duet-inspector-subtitle");
        add(h1, chips, others, featureTools, h2, shapeTools, results);
    }

    private Button tool(String label, String tool, String title) {
        Button b = new Button(label, e -> actions.run(tool, label));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        b.setId("tool-" + tool);
        b.getElement().setAttribute("title", title);
        return b;
    }

    /** Shows the selected features and enables the tools that this selection allows. */
    void update(List<String[]> features, List<String[]> otherFeatures, int shapes) {
        chips.removeAll();
        others.removeAll();
        for (String[] f : otherFeatures) { // {ref, label}: colours, opacities, stroke width, rotation of the shape
            Button b = new Button("+ " + f[1], e -> actions.addFeature(f[0]));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.addClassName("duet-add-feature");
            b.getElement().setAttribute("data-ref", f[0]);
            b.getElement().setAttribute("title", "Select " + f[1] + " of this shape");
            others.add(b);
        }
        if (features.isEmpty()) {
            Span hint = new Span("On the canvas, click a point's hairs (its x or y), its handle (both), or a width, "
                    + "height or radius line.");
            hint.addClassName("duet-inspector-hint");
            chips.add(hint);
        }
        for (String[] f : features) { // {ref, label}
            Span chip = new Span(f[1]);
            chip.addClassName("duet-chip");
            chip.getElement().setAttribute("data-ref", f[0]);
            Button x = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> actions.removeFeature(f[0]));
            x.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            x.getElement().setAttribute("title", "Unselect " + f[1]);
            chip.add(x);
            chips.add(chip);
        }
        int n = features.size();
        makeEqual.setEnabled(n >= 2);
        relate.setEnabled(n >= 2);
        indexed.setEnabled(n >= 2 || (n == 0 && shapes >= 2));
        dig.setEnabled(n >= 1);
        align.setEnabled(shapes >= 2);
        distribute.setEnabled(shapes >= 3);
        size.setEnabled(shapes >= 2);
        spacing.setEnabled(shapes == 2 || shapes == 4 || n == 2 || n == 4);
        inside.setEnabled((n >= 1 && shapes >= 1) || shapes == 2);
    }

    void clearResults() {
        results.removeAll();
    }

    void searching(String label) {
        results.removeAll();
        Span s = new Span(label + ": searching…");
        s.addClassName("duet-inspector-hint");
        results.add(s);
    }

    void message(String text) {
        results.removeAll();
        Span s = new Span(text);
        s.addClassName("duet-relate-message");
        results.add(s);
    }

    /** The ranked candidates of a request; {@code note} (time limit, no solution) is shown under them. */
    void show(String label, List<Candidate> candidates, String note) {
        results.removeAll();
        Span title = new Span(label + ": " + candidates.size() + (candidates.size() == 1 ? " way" : " ways"));
        title.addClassName("duet-inspector-subtitle");
        results.add(title);
        for (Candidate c : candidates) {
            Div item = new Div();
            item.addClassName("duet-alternative");
            item.addClassName("duet-candidate");
            item.getElement().setAttribute("data-rank", String.valueOf(c.rank()));
            Span text = new Span(c.rank() + ". " + c.description());
            item.add(text);
            item.getElement().setAttribute("title", "Hover to preview, click to apply");
            item.getElement().addEventListener("mouseenter", e -> actions.preview(c));
            item.getElement().addEventListener("mouseleave", e -> actions.endPreview());
            item.addClickListener(e -> actions.apply(c));
            results.add(item);
        }
        if (note != null && !note.isEmpty()) {
            Span m = new Span(note);
            m.addClassName("duet-relate-message");
            results.add(m);
        }
    }
}
