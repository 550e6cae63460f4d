package org.duet.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.duet.edit.LambdaFunction;
import org.duet.edit.Tool;

/**
 * The drawing tools in the header (interaction.md §6.1): Cursor, Line, Rect, Ellipse, Polygon, Path, Text and λ (with
 * a drop-down of the functions it can draw), and the "stretchy" toggle that makes Rect, Ellipse, Polygon and Path
 * draw their bounding-box variants. The chosen tool is highlighted; each button's tooltip gives its key.
 */
final class ToolPalette extends Div {
    /** The buttons of the palette. */
    enum Kind {
        CURSOR(
                "cursor",
                "Cursor: select and drag shapes",
                "V or Esc",
                "<path d='M4 2.5v12.2l3.1-3.1 2.3 4.9 2-0.9-2.3-4.8h4.4z' fill='currentColor'/>"),
        LINE(
                "line",
                "Line — Shift: a multiple of 45°",
                "L",
                "<line x1='3' y1='14' x2='14' y2='3' stroke='currentColor' stroke-width='2' stroke-linecap='round'/>"),
        RECT(
                "rect",
                "Rectangle — Shift: a square",
                "R",
                "<rect x='2.5' y='4.5' width='12' height='9' rx='0.5' fill='none' stroke='currentColor' stroke-width='1.6'/>"),
        ELLIPSE(
                "ellipse",
                "Ellipse — Shift: a circle",
                "E",
                "<ellipse cx='8.5' cy='9' rx='6.5' ry='4.8' fill='none' stroke='currentColor' stroke-width='1.6'/>"),
        POLYGON(
                "polygon",
                "Polygon: click the points, click the first one (or double-click) to finish, Esc cancels",
                "P",
                "<polygon points='8.5,2.5 15,7.5 12.5,14.5 4.5,14.5 2,7.5' fill='none' stroke='currentColor' "
                        + "stroke-width='1.6' stroke-linejoin='round'/>"),
        PATH(
                "path",
                "Path: click the points (hold Q or C for curve control points); click the last point again to "
                        + "finish, the first to close",
                "H",
                "<path d='M2 13.5C4.5 2 9 16 15 3.5' fill='none' stroke='currentColor' stroke-width='1.6' "
                        + "stroke-linecap='round'/><circle cx='2' cy='13.5' r='1.4' fill='currentColor'/>"
                        + "<circle cx='15' cy='3.5' r='1.4' fill='currentColor'/>"),
        TEXT(
                "text",
                "Text: drag its box (the height is the font size)",
                "T",
                "<path d='M3 3.5h11M8.5 3.5V15' fill='none' stroke='currentColor' stroke-width='2' "
                        + "stroke-linecap='round'/>"),
        LAMBDA(
                "lambda",
                "λ: drag a box for an instance of a function of the program that takes bounds — Shift: a " + "square",
                null,
                null);
        final String id, title, key, icon;

        Kind(String id, String title, String key, String icon) {
            this.id = id;
            this.title = title;
            this.key = key;
            this.icon = icon;
        }
    }

    private final Map<Kind, NativeButton> buttons = new EnumMap<>(Kind.class);
    private final NativeButton stretchyButton;
    private final Select<LambdaFunction> functions = new Select<>();
    private final Consumer<Tool> onChange;
    private Kind kind = Kind.CURSOR;
    private boolean stretchy;

    /** {@code onChange} gets the tool to draw with (null: the cursor) whenever it changes. */
    ToolPalette(Consumer<Tool> onChange) {
        this.onChange = onChange;
        addClassName("duet-tool-palette");
        getElement().setAttribute("role", "toolbar");
        for (Kind k : Kind.values()) {
            NativeButton b = new NativeButton();
            b.setId("tool-" + k.id);
            b.addClassName("duet-tool");
            b.getElement().setAttribute("title", k.title + (k.key == null ? "" : " (" + k.key + ")"));
            b.getElement().setAttribute("aria-label", k.title);
            if (k.icon != null) {
                b.getElement()
                        .setProperty("innerHTML", "<svg viewBox='0 0 17 17' aria-hidden='true'>" + k.icon + "</svg>");
            } else {
                b.setText("λ");
                b.addClassName("duet-tool-lambda");
            }
            b.addClickListener(e -> choose(k));
            buttons.put(k, b);
            add(b);
            if (k == Kind.CURSOR) add(separator());
        }
        functions.setId("tool-function");
        functions.addClassName("duet-tool-function");
        functions.setItemLabelGenerator(LambdaFunction::label);
        functions.getElement().setAttribute("title", "What the λ tool draws");
        functions.setItems(LambdaFunction.STAR);
        functions.setValue(LambdaFunction.STAR);
        functions.setVisible(false);
        add(functions);
        add(separator());
        stretchyButton = new NativeButton();
        stretchyButton.setId("tool-stretchy");
        stretchyButton.addClassNames("duet-tool", "duet-tool-stretchy");
        stretchyButton
                .getElement()
                .setProperty(
                        "innerHTML",
                        "<svg viewBox='0 0 17 17' aria-hidden='true'>"
                                + "<rect x='3' y='3' width='11' height='11' fill='none' stroke='currentColor' stroke-dasharray='2 1.5'/>"
                                + "<rect x='1' y='1' width='4' height='4' fill='currentColor'/>"
                                + "<rect x='12' y='12' width='4' height='4' fill='currentColor'/></svg><span>Stretchy</span>");
        stretchyButton
                .getElement()
                .setAttribute(
                        "title",
                        "Stretchy: Rect, Ellipse, Polygon and Path draw their "
                                + "bounding-box variants, which stretch with their bounds [left top right bot] (B)");
        stretchyButton.getElement().setAttribute("aria-pressed", "false");
        stretchyButton.addClickListener(e -> setStretchy(!stretchy));
        add(stretchyButton);
        show();
    }

    private static Div separator() {
        Div d = new Div();
        d.addClassName("duet-tool-sep");
        return d;
    }

    /** Chooses a button's tool (the cursor for Kind.CURSOR) and tells the listener. */
    void choose(Kind k) {
        kind = k;
        show();
        onChange.accept(tool());
    }

    /** The canvas went back to the cursor by itself: highlight it, nothing else to tell. */
    void cursorChosen() {
        kind = Kind.CURSOR;
        show();
    }

    void setStretchy(boolean s) {
        boolean affects = stretchy != s
                && (kind == Kind.RECT || kind == Kind.ELLIPSE || kind == Kind.POLYGON || kind == Kind.PATH);
        stretchy = s;
        show();
        if (affects) onChange.accept(tool());
    }

    boolean stretchy() {
        return stretchy;
    }

    /** The tool to draw with; null for the cursor. */
    Tool tool() {
        return switch (kind) {
            case CURSOR -> null;
            case LINE -> Tool.LINE;
            case TEXT -> Tool.TEXT;
            case LAMBDA -> Tool.LAMBDA;
            case RECT -> stretchy ? Tool.RECT_BB : Tool.RECT;
            case ELLIPSE -> stretchy ? Tool.ELLIPSE_BB : Tool.ELLIPSE;
            case POLYGON -> stretchy ? Tool.POLYGON_BB : Tool.POLYGON;
            case PATH -> stretchy ? Tool.PATH_BB : Tool.PATH;
        };
    }

    /** What the λ tool draws. */
    LambdaFunction function() {
        LambdaFunction f = functions.getValue();
        return f == null ? LambdaFunction.STAR : f;
    }

    /** Chooses what the λ tool draws (as the drop-down does). */
    void chooseFunction(LambdaFunction f) {
        functions.setValue(f);
    }

    /** The functions the λ tool offers for the current program (the chosen one is kept if still offered). */
    void setFunctions(List<LambdaFunction> fs) {
        List<LambdaFunction> now = new ArrayList<>(fs);
        if (now.isEmpty()) now.add(LambdaFunction.STAR);
        LambdaFunction chosen = functions.getValue();
        List<String> before = new ArrayList<>(), after = new ArrayList<>();
        functions.getListDataView().getItems().forEach(f -> before.add(f.label()));
        now.forEach(f -> after.add(f.label()));
        if (before.equals(after)) return;
        functions.setItems(now);
        LambdaFunction keep = now.get(0);
        if (chosen != null) for (LambdaFunction f : now) if (f.name().equals(chosen.name())) keep = f;
        functions.setValue(keep);
    }

    /** The tool a button chooses, as its word ('' for the cursor). */
    private String wordOf(Kind k) {
        Kind was = kind;
        kind = k;
        Tool t = tool();
        kind = was;
        return t == null ? "" : t.word;
    }

    private void show() {
        for (Map.Entry<Kind, NativeButton> e : buttons.entrySet()) {
            boolean on = e.getKey() == kind;
            // the canvas takes the tool from the button at the click itself (frontend/duet-canvas.ts): a drag begun
            // right after the click or the key is drawn with it, not with the tool before it
            e.getValue().getElement().setAttribute("data-tool", wordOf(e.getKey()));
            e.getValue().getElement().getClassList().set("duet-tool-active", on);
            e.getValue().getElement().setAttribute("aria-pressed", String.valueOf(on));
        }
        stretchyButton.getElement().getClassList().set("duet-tool-active", stretchy);
        stretchyButton.getElement().setAttribute("aria-pressed", String.valueOf(stretchy));
        functions.setVisible(kind == Kind.LAMBDA);
    }
}
