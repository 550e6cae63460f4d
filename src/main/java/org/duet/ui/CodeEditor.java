package org.duet.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.util.List;

/** The code pane (frontend/duet-code-editor.ts): CodeMirror 6 with little's highlighting and error marks. */
@Tag("duet-code-editor")
@JsModule("./duet-code-editor.ts")
@NpmPackage(value = "codemirror", version = "6.0.2")
@NpmPackage(value = "@codemirror/state", version = "6.7.6")
@NpmPackage(value = "@codemirror/view", version = "6.43.15")
@NpmPackage(value = "@codemirror/language", version = "6.13.1")
@NpmPackage(value = "@codemirror/commands", version = "6.11.1")
@NpmPackage(value = "@codemirror/lint", version = "6.9.8")
@NpmPackage(value = "@codemirror/search", version = "6.7.2")
@NpmPackage(value = "@codemirror/autocomplete", version = "6.20.4")
@NpmPackage(value = "@lezer/highlight", version = "1.2.5")
public class CodeEditor extends Component {
    private String text = "";
    /** The serial of the last text put into the pane (the browser sends with each change the one it typed on). */
    private int serial;
    /** The number of the last change received from the pane. */
    private int seen;

    public CodeEditor() {
        // received even while a modal dialog is open: the keystrokes made just before the conflict dialog took the
        // focus must still arrive, to be kept in the user's version
        getElement()
                .addEventListener("duet-change", e -> {
                    JsonObject d = e.getEventData();
                    String value = d.getString("event.detail.value");
                    int typedOn = (int) d.getNumber("event.detail.serial");
                    seen = Math.max(seen, (int) d.getNumber("event.detail.seq"));
                    text = value;
                    fireEvent(new ChangeEvent(this, true, value, typedOn));
                })
                .addEventData("event.detail.value")
                .addEventData("event.detail.serial")
                .addEventData("event.detail.seq")
                .allowInert();
    }

    /** The largest program, in UTF-8 bytes, that typing or pasting may make in the pane (0: no limit). */
    public void setMaxBytes(int bytes) {
        getElement().setProperty("maxBytes", bytes);
    }

    /** An edit was not made because the program would have been {@code bytes} long, over the pane's limit. */
    @DomEvent("duet-too-large")
    public static class TooLargeEvent extends ComponentEvent<CodeEditor> {
        public final long bytes;

        public TooLargeEvent(CodeEditor source, boolean fromClient, @EventData("event.detail.bytes") double bytes) {
            super(source, fromClient);
            this.bytes = (long) bytes;
        }
    }

    public Registration onTooLarge(ComponentEventListener<TooLargeEvent> l) {
        return addListener(TooLargeEvent.class, l);
    }

    /** The text as last sent by the browser or set by the server. */
    public String getText() {
        return text;
    }

    /** The serial of the last text put into the pane. */
    public int serial() {
        return serial;
    }

    /**
     * Replaces the pane's text (keeps the cursor where the text did not change); an edit the browser had not sent
     * yet is sent first, as typed on the text it was typed on. Returns the new text's serial.
     */
    public int setText(String t) {
        return put(t, false);
    }

    /**
     * Shows a text that came from elsewhere (another window's version), unless the pane has edits this server has
     * not seen yet: then the pane keeps them (and sends them, typed on the older text). Returns the text's serial.
     */
    public int offerText(String t) {
        return put(t, true);
    }

    private int put(String t, boolean unlessUnsent) {
        text = t;
        serial++;
        getElement().callJsFunction("setText", t, serial, seen, unlessUnsent);
        return serial;
    }

    /** An error mark: offsets in the text (a point if to == from) and the message shown on hover. */
    public record Mark(int from, int to, String message) {}

    public void setErrors(List<Mark> errors) {
        JsonArray a = Json.createArray();
        for (Mark m : errors) {
            JsonObject o = Json.createObject();
            o.put("from", m.from());
            o.put("to", m.to());
            o.put("message", m.message());
            a.set(a.length(), o);
        }
        getElement().callJsFunction("setErrors", a);
    }

    /** A highlighted range of the text: offsets and a CSS class (duet-mark-drives, -depends, -changed, -unsolved). */
    public record Highlight(int from, int to, String cls, String title) {}

    public void setMarks(List<Highlight> marks) {
        JsonArray a = Json.createArray();
        for (Highlight m : marks) {
            JsonObject o = Json.createObject();
            o.put("from", m.from());
            o.put("to", m.to());
            o.put("cls", m.cls());
            if (m.title() != null) o.put("title", m.title());
            a.set(a.length(), o);
        }
        getElement().callJsFunction("setMarks", a);
    }

    public void reveal(int offset) {
        getElement().callJsFunction("reveal", offset);
    }

    public void focusEditor() {
        getElement().callJsFunction("focusEditor");
    }

    /** The pane's text changed (typing): the new text, and the serial of the text it was typed on. */
    public static class ChangeEvent extends ComponentEvent<CodeEditor> {
        public final String value;
        public final int typedOn;

        public ChangeEvent(CodeEditor source, boolean fromClient, String value, int typedOn) {
            super(source, fromClient);
            this.value = value;
            this.typedOn = typedOn;
        }
    }

    @DomEvent("duet-run")
    public static class RunEvent extends ComponentEvent<CodeEditor> {
        public RunEvent(CodeEditor source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    @DomEvent("duet-undo")
    public static class UndoEvent extends ComponentEvent<CodeEditor> {
        public UndoEvent(CodeEditor source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    @DomEvent("duet-redo")
    public static class RedoEvent extends ComponentEvent<CodeEditor> {
        public RedoEvent(CodeEditor source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    @DomEvent("duet-save")
    public static class SaveEvent extends ComponentEvent<CodeEditor> {
        public SaveEvent(CodeEditor source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    /** The number menu of the code pane: freeze, thaw, pin or unpin the literal at an offset of the text. */
    @DomEvent("duet-number-action")
    public static class NumberActionEvent extends ComponentEvent<CodeEditor> {
        public final int offset;
        public final String action;

        public NumberActionEvent(
                CodeEditor source,
                boolean fromClient,
                @EventData("event.detail.offset") int offset,
                @EventData("event.detail.action") String action) {
            super(source, fromClient);
            this.offset = offset;
            this.action = action;
        }
    }

    public Registration onNumberAction(ComponentEventListener<NumberActionEvent> l) {
        return addListener(NumberActionEvent.class, l);
    }

    /** The pinned literals' ranges (for the number menu's labels). */
    public void setPinned(List<int[]> ranges) {
        JsonArray a = Json.createArray();
        for (int[] r : ranges) {
            JsonArray p = Json.createArray();
            p.set(0, r[0]);
            p.set(1, r[1]);
            a.set(a.length(), p);
        }
        getElement().callJsFunction("setPinned", a);
    }

    public Registration onChange(ComponentEventListener<ChangeEvent> l) {
        return addListener(ChangeEvent.class, l);
    }

    public Registration onRun(ComponentEventListener<RunEvent> l) {
        return addListener(RunEvent.class, l);
    }

    public Registration onUndo(ComponentEventListener<UndoEvent> l) {
        return addListener(UndoEvent.class, l);
    }

    public Registration onRedo(ComponentEventListener<RedoEvent> l) {
        return addListener(RedoEvent.class, l);
    }

    public Registration onSave(ComponentEventListener<SaveEvent> l) {
        return addListener(SaveEvent.class, l);
    }
}
