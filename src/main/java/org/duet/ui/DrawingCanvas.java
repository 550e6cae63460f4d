package org.duet.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import elemental.json.JsonArray;

/** The canvas (frontend/duet-canvas.ts): the program's SVG with zoom, pan and pointer coordinates. */
@Tag("duet-canvas")
@JsModule("./duet-canvas.ts")
public class DrawingCanvas extends Component {
    /** Shows a drawing: SVG text produced by Duet's writer (allow-listed, escaped). */
    public void setSvg(String svg) {
        getElement().callJsFunction("setSvg", svg);
    }

    /** Sets changed attributes of shapes already shown: [[index, name, value], …]. */
    public void patch(java.util.List<org.duet.svg.CanvasDiff.Update> updates) {
        elemental.json.JsonArray a = elemental.json.Json.createArray();
        for (org.duet.svg.CanvasDiff.Update u : updates) {
            elemental.json.JsonArray e = elemental.json.Json.createArray();
            e.set(0, u.index());
            e.set(1, u.name());
            e.set(2, u.value());
            a.set(a.length(), e);
        }
        getElement().callJsFunction("patch", a);
    }

    /**
     * The server's answer to a drag step for the total displacement (dx, dy): the changed attributes. Verdict on the
     * browser's prediction of this step: "ok" (it was right; the predicted attributes are left out of the updates),
     * "wrong" (the browser drops the prediction for the rest of the gesture; every predicted attribute is included)
     * or "" (no prediction: during a predicted drag the browser then skips, from an answer for an older displacement,
     * the attributes it predicts).
     */
    public void dragPatch(
            double dx, double dy, java.util.List<org.duet.svg.CanvasDiff.Update> updates, String verdict) {
        elemental.json.JsonArray a = elemental.json.Json.createArray();
        for (org.duet.svg.CanvasDiff.Update u : updates) {
            elemental.json.JsonArray e = elemental.json.Json.createArray();
            e.set(0, u.index());
            e.set(1, u.name());
            e.set(2, u.value());
            a.set(a.length(), e);
        }
        getElement().callJsFunction("dragPatch", dx, dy, a, verdict);
    }

    /** The prediction of a zone's drags ({@link org.duet.sync.Prediction#json()}), or null: they cannot be predicted. */
    public void setPrediction(int shape, String zone, String json) {
        getElement().callJsFunction("setPrediction", shape, zone, json);
    }

    public void setDimmed(boolean dimmed) {
        getElement().callJsFunction("setDimmed", dimmed);
    }

    public void resetView() {
        getElement().callJsFunction("resetView");
    }

    public void fit() {
        getElement().callJsFunction("fit", false);
    }

    public void zoomIn() {
        getElement().callJsFunction("zoomBy", 1.25);
    }

    public void zoomOut() {
        getElement().callJsFunction("zoomBy", 0.8);
    }

    public void actualSize() {
        getElement().callJsFunction("setZoom", 1);
    }

    /** The zones of a shape: [{name, active}] — handles are drawn for these. */
    public void setZones(int shape, JsonArray zones) {
        getElement().callJsFunction("setZones", shape, zones);
    }

    /** A shape's features for the relate tools: [{name, kind, point, x, y, x1, y1, x2, y2}] in the shape's units. */
    public void setFeatures(int shape, JsonArray features) {
        getElement().callJsFunction("setFeatures", shape, features);
    }

    /** Shows these features ("N.name") as selected (without telling the server back). */
    public void setFeatureSelection(java.util.List<String> refs) {
        JsonArray a = elemental.json.Json.createArray();
        for (String r : refs) a.set(a.length(), r);
        getElement().callJsFunction("setFeatureSelection", a, false);
    }

    /** The program's point widgets: [{name, x, y, active}] in drawing units. */
    public void setPoints(JsonArray points) {
        getElement().callJsFunction("setPoints", points);
    }

    public void clearZones() {
        getElement().callJsFunction("clearZones");
    }

    public void setCaption(String caption) {
        getElement().callJsFunction("setCaption", caption);
    }

    /** The program's sliders: [{index, name, value, lo, hi, int, label}]. */
    public void setSliders(JsonArray sliders) {
        getElement().callJsFunction("setSliders", sliders);
    }

    /** A drag step has been handled: the browser may send the next one. */
    public void dragAck() {
        getElement().callJsFunction("dragAck");
    }

    /** The pointer entered a shape (shape = its element index, −1 for none) or one of its zones. */
    @DomEvent("duet-hover")
    public static class HoverEvent extends ComponentEvent<DrawingCanvas> {
        public final int shape;
        public final String zone;

        public HoverEvent(
                DrawingCanvas source,
                boolean fromClient,
                @EventData("event.detail.shape") int shape,
                @EventData("event.detail.zone") String zone) {
            super(source, fromClient);
            this.shape = shape;
            this.zone = zone;
        }
    }

    /** A drag of a zone: phase start, move (total displacement dx, dy in the shape's units) or end. */
    @DomEvent("duet-drag")
    public static class DragEvent extends ComponentEvent<DrawingCanvas> {
        public final int shape;
        public final String zone, phase;
        public final double dx, dy;
        public final boolean moved;
        /** The browser showed its own prediction of this step (drawing and code). */
        public final boolean predicted;

        public DragEvent(
                DrawingCanvas source,
                boolean fromClient,
                @EventData("event.detail.shape") int shape,
                @EventData("event.detail.zone") String zone,
                @EventData("event.detail.phase") String phase,
                @EventData("event.detail.dx") double dx,
                @EventData("event.detail.dy") double dy,
                @EventData("event.detail.moved") boolean moved,
                @EventData("event.detail.predicted") boolean predicted) {
            super(source, fromClient);
            this.shape = shape;
            this.zone = zone;
            this.phase = phase;
            this.dx = dx;
            this.dy = dy;
            this.moved = moved;
            this.predicted = predicted;
        }
    }

    /** A slider of the program was moved to a value (phase move or end). */
    @DomEvent("duet-slider")
    public static class SliderEvent extends ComponentEvent<DrawingCanvas> {
        public final int index;
        public final double value;
        public final String phase;

        public SliderEvent(
                DrawingCanvas source,
                boolean fromClient,
                @EventData("event.detail.index") int index,
                @EventData("event.detail.value") double value,
                @EventData("event.detail.phase") String phase) {
            super(source, fromClient);
            this.index = index;
            this.value = value;
            this.phase = phase;
        }
    }

    /** The user selected shapes (click, Shift-click, Esc): their element indexes, separated by spaces. */
    @DomEvent("duet-select")
    public static class SelectEvent extends ComponentEvent<DrawingCanvas> {
        public final java.util.List<Integer> shapes;

        public SelectEvent(DrawingCanvas source, boolean fromClient, @EventData("event.detail.shapes") String shapes) {
            super(source, fromClient);
            java.util.List<Integer> l = new java.util.ArrayList<>();
            for (String w : shapes.trim().split("\\s+")) {
                if (w.isEmpty()) continue;
                try {
                    l.add(Integer.parseInt(w));
                } catch (NumberFormatException e) {
                    // ignore what the browser should not send
                }
            }
            this.shapes = java.util.Collections.unmodifiableList(l);
        }
    }

    /** The user asked (key A) which constants the hovered zone could change. */
    @DomEvent("duet-ask-alternatives")
    public static class AskEvent extends ComponentEvent<DrawingCanvas> {
        public final int shape;
        public final String zone;

        public AskEvent(
                DrawingCanvas source,
                boolean fromClient,
                @EventData("event.detail.shape") int shape,
                @EventData("event.detail.zone") String zone) {
            super(source, fromClient);
            this.shape = shape;
            this.zone = zone;
        }
    }

    /** The user selected or unselected features: their references ("N.name"), in selection order. */
    @DomEvent("duet-features")
    public static class FeaturesEvent extends ComponentEvent<DrawingCanvas> {
        public final java.util.List<String> refs;

        public FeaturesEvent(DrawingCanvas source, boolean fromClient, @EventData("event.detail.refs") String refs) {
            super(source, fromClient);
            java.util.List<String> l = new java.util.ArrayList<>();
            for (String w : refs.trim().split("\\s+"))
                if (w.matches("\\d{1,7}\\.[A-Za-z][A-Za-z0-9]{0,40}|slider[1-9]\\d{0,6}")) l.add(w);
            this.refs = java.util.Collections.unmodifiableList(l);
        }
    }

    public Registration onFeatures(ComponentEventListener<FeaturesEvent> l) {
        return addListener(FeaturesEvent.class, l);
    }

    public Registration onAsk(ComponentEventListener<AskEvent> l) {
        return addListener(AskEvent.class, l);
    }

    public Registration onSelect(ComponentEventListener<SelectEvent> l) {
        return addListener(SelectEvent.class, l);
    }

    /** Shows these shapes as selected. */
    public void setSelected(java.util.List<Integer> shapes) {
        elemental.json.JsonArray a = elemental.json.Json.createArray();
        for (int s : shapes) a.set(a.length(), s);
        getElement().callJsFunction("setSelected", a);
    }

    public Registration onHover(ComponentEventListener<HoverEvent> l) {
        return addListener(HoverEvent.class, l);
    }

    public Registration onDrag(ComponentEventListener<DragEvent> l) {
        return addListener(DragEvent.class, l);
    }

    public Registration onSlider(ComponentEventListener<SliderEvent> l) {
        return addListener(SliderEvent.class, l);
    }

    // ------------------------------------------------------------------------------------------------ drawing tools

    /** Chooses a drawing tool (its {@link org.duet.edit.Tool#word}) or the cursor (null). */
    public void setTool(org.duet.edit.Tool tool) {
        getElement().callJsFunction("setTool", tool == null ? "" : tool.word);
    }

    /** A shape was drawn: the tool's word and its points in the drawing's units (see frontend/duet-draw.ts). */
    @DomEvent("duet-draw")
    public static class DrawEvent extends ComponentEvent<DrawingCanvas> {
        public final String tool;
        public final java.util.List<org.duet.edit.Gesture.Click> points;
        public final boolean shift, closed;

        public DrawEvent(
                DrawingCanvas source,
                boolean fromClient,
                @EventData("event.detail.tool") String tool,
                @EventData("event.detail.points") String points,
                @EventData("event.detail.shift") boolean shift,
                @EventData("event.detail.closed") boolean closed) {
            super(source, fromClient);
            this.tool = tool;
            this.points = parsePoints(points);
            this.shift = shift;
            this.closed = closed;
        }
    }

    /** "x,y,KIND x,y,KIND …" (KIND: PLAIN, Q or C) as clicks; what does not parse is left out. */
    static java.util.List<org.duet.edit.Gesture.Click> parsePoints(String s) {
        java.util.List<org.duet.edit.Gesture.Click> out = new java.util.ArrayList<>();
        if (s == null) return out;
        for (String w : s.trim().split("\\s+")) {
            String[] f = w.split(",");
            if (f.length < 2) continue;
            try {
                double x = Double.parseDouble(f[0]), y = Double.parseDouble(f[1]);
                if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
                org.duet.edit.Gesture.ClickKind k = org.duet.edit.Gesture.ClickKind.PLAIN;
                if (f.length > 2 && (f[2].equals("Q") || f[2].equals("C")))
                    k = org.duet.edit.Gesture.ClickKind.valueOf(f[2]);
                out.add(new org.duet.edit.Gesture.Click(x, y, k));
            } catch (NumberFormatException e) {
                // ignore what the browser should not send
            }
        }
        return out;
    }

    /** The canvas went back to the cursor by itself (Esc, or a press and release without drawing). */
    @DomEvent("duet-tool")
    public static class ToolEvent extends ComponentEvent<DrawingCanvas> {
        public final String tool;

        public ToolEvent(DrawingCanvas source, boolean fromClient, @EventData("event.detail.tool") String tool) {
            super(source, fromClient);
            this.tool = tool;
        }
    }

    /** The Delete (or Backspace) key, pressed outside the code pane and the fields. */
    @DomEvent("duet-delete")
    public static class DeleteEvent extends ComponentEvent<DrawingCanvas> {
        public DeleteEvent(DrawingCanvas source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    public Registration onDraw(ComponentEventListener<DrawEvent> l) {
        return addListener(DrawEvent.class, l);
    }

    public Registration onTool(ComponentEventListener<ToolEvent> l) {
        return addListener(ToolEvent.class, l);
    }

    public Registration onDelete(ComponentEventListener<DeleteEvent> l) {
        return addListener(DeleteEvent.class, l);
    }
}
