package org.duet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** Keyboard shortcuts and a few words on how Duet works. */
final class HelpDialog {
    private HelpDialog() {}

    static final String[][] SHORTCUTS = {
        {"Ctrl+Enter", "Run the program now (it also runs by itself as you type)"},
        {"Ctrl+Z", "Undo"},
        {"Ctrl+Shift+Z, Ctrl+Y", "Redo"},
        {"Alt+O", "Open a document"},
        {"Alt+N", "New document"},
        {"F", "Fit the drawing in the canvas"},
        {"+ / −", "Zoom in / out"},
        {"0", "Actual size"},
        {"Wheel, pinch", "Zoom around the pointer"},
        {"Drag the background, Space+drag, middle button", "Pan"},
        {"G", "Show or hide ghosts (slider widgets and other helpers)"},
        {"Drag a shape, a corner, an edge, a point", "Change the program's numbers so the drawing follows"},
        {"Shift (or X / Y held) while dragging", "Keep to one axis"},
        {
            "Click a shape, Shift+click",
            "Select it (its colour, opacity, width and rotation handles appear), add to the selection"
        },
        {"Esc", "Clear the selection; with a drawing tool: cancel the shape being drawn, or go back to the cursor"},
        {"Delete, Backspace", "Remove the selected shapes from the drawing (their definitions stay in the code)"},
        {"V", "Cursor tool: select and drag"},
        {"L / R / E / T", "Line, rectangle, ellipse, text tool: drag on the canvas (Shift: 45°, square, circle)"},
        {"P / H", "Polygon, path tool: click the points; click the first (or double-click) to finish, Esc cancels"},
        {"Q or C held (path tool)", "The click is a curve's control point (quadratic, cubic)"},
        {"B", "Stretchy: rectangles, ellipses, polygons and paths drawn in bounds [left top right bot]"},
        {"λ (toolbar)", "Draw an instance of a function of the program that takes bounds (chosen in its list)"},
        {
            "Click a point's hair, a handle, a width line, a slider's name",
            "Select features (x, y, the point, a width, a slider's value) for the relate tools in the inspector"
        },
        {"A (pointer on a handle)", "List the ways to drag it; click one to pin the numbers it changes"},
        {"Right-click a number in the code", "Freeze or thaw it, pin it so that drags change it first"},
        {"?", "This help"},
        {"Ctrl+F (in the code)", "Find"},
    };

    static void open() {
        Dialog d = new Dialog();
        d.setId("help-dialog");
        d.setHeaderTitle("Duet — keyboard and help");
        Div table = new Div();
        table.addClassName("duet-shortcuts");
        for (String[] s : SHORTCUTS) {
            Span k = new Span(s[0]);
            k.addClassName("duet-key");
            Span v = new Span(s[1]);
            table.add(k, v);
        }
        d.add(
                new Paragraph("A drawing in Duet is a program in little. Edit the code on the left and the canvas on "
                        + "the right follows; every change is saved as you type. Numbers carry annotations: 3! is frozen, "
                        + "3? thawed, 3{0-10} gets a slider."),
                new H4("Shortcuts"),
                table);
        d.getFooter().add(new Button("Close", e -> d.close()));
        d.setWidth("40em");
        d.open();
    }
}
