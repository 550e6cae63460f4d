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
    public void setSvg(String svg) { getElement().callJsFunction("setSvg", svg); }

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
    public void dragPatch(double dx, double dy, java.util.List<org.duet.svg.CanvasDiff.Update> updates, String verdict) {
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

    public void setDimmed(boolean dimmed) { getElement().callJsFunction("setDimmed", dimmed); }

    public void resetView() { getElement().callJsFunction("resetView"); }

    public void fit() { getElement().callJsFunction("fit", false); }

    public void zoomIn() { getElement().callJsFunction("zoomBy", 1.25); }

    public void zoomOut() { getElement().callJsFunction("zoomBy", 0.8); }

    public void actualSize() { getElement().callJsFunction("setZoom", 1); }

    /** The zones of a shape: [{name, active}] — handles are drawn for these. */
    public void setZones(int shape, JsonArray zones) { getElement().callJsFunction("setZones", shape, zones); }

    public void clearZones() { getElement().callJsFunction("clearZones"); }

    public void setCaption(String caption) { getElement().callJsFunction("setCaption", caption); }

    /** The program's sliders: [{index, name, value, lo, hi, int, label}]. */
    public void setSliders(JsonArray sliders) { getElement().callJsFunction("setSliders", sliders); }

    /** A drag step has been handled: the browser may send the next one. */
    public void dragAck() { getElement().callJsFunction("dragAck"); }

    /** The pointer entered a shape (shape = its element index, −1 for none) or one of its zones. */
    @DomEvent("duet-hover")
    public static class HoverEvent extends ComponentEvent<DrawingCanvas> {
        public final int shape;
        public final String zone;

        public HoverEvent(DrawingCanvas source, boolean fromClient, @EventData("event.detail.shape") int shape,
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

        public DragEvent(DrawingCanvas source, boolean fromClient, @EventData("event.detail.shape") int shape,
                         @EventData("event.detail.zone") String zone, @EventData("event.detail.phase") String phase,
                         @EventData("event.detail.dx") double dx, @EventData("event.detail.dy") double dy,
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

        public SliderEvent(DrawingCanvas source, boolean fromClient, @EventData("event.detail.index") int index,
                           @EventData("event.detail.value") double value, @EventData("event.detail.phase") String phase) {
            super(source, fromClient);
            this.index = index;
            this.value = value;
            this.phase = phase;
        }
    }

    public Registration onHover(ComponentEventListener<HoverEvent> l) { return addListener(HoverEvent.class, l); }

    public Registration onDrag(ComponentEventListener<DragEvent> l) { return addListener(DragEvent.class, l); }

    public Registration onSlider(ComponentEventListener<SliderEvent> l) { return addListener(SliderEvent.class, l); }
}
