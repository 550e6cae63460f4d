package org.duet.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/** The canvas (frontend/duet-canvas.ts): the program's SVG with zoom, pan and pointer coordinates. */
@Tag("duet-canvas")
@JsModule("./duet-canvas.ts")
public class DrawingCanvas extends Component {
    /** Shows a drawing: SVG text produced by Duet's writer (allow-listed, escaped). */
    public void setSvg(String svg) { getElement().callJsFunction("setSvg", svg); }

    public void setDimmed(boolean dimmed) { getElement().callJsFunction("setDimmed", dimmed); }

    public void resetView() { getElement().callJsFunction("resetView"); }

    public void fit() { getElement().callJsFunction("fit", false); }

    public void zoomIn() { getElement().callJsFunction("zoomBy", 1.25); }

    public void zoomOut() { getElement().callJsFunction("zoomBy", 0.8); }

    public void actualSize() { getElement().callJsFunction("setZoom", 1); }
}
