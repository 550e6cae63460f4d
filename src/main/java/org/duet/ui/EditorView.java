package org.duet.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.InputStreamDownloadCallback;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.duet.doc.Examples;
import org.duet.doc.History;
import org.duet.doc.PaneSync;
import org.duet.doc.Workspace;
import org.duet.edit.Blobs;
import org.duet.edit.Draw;
import org.duet.edit.Gesture;
import org.duet.edit.Tool;
import org.duet.eval.Limits;
import org.duet.eval.Runner;
import org.duet.lang.DuetException;
import org.duet.lang.Loc;
import org.duet.svg.PngExport;
import org.duet.svg.Renderer;
import org.duet.sync.Alternatives;
import org.duet.sync.DragResult;
import org.duet.sync.Heuristics;
import org.duet.sync.ShapeZones;
import org.duet.sync.Sync;
import org.duet.sync.SyncTable;
import org.duet.sync.Zone;

/**
 * The editor: the code pane and the canvas side by side, a toolbar, and a status line. Every change of the program
 * is saved at once (atomically), recorded in the document's history, and re-run off the UI thread; an error keeps
 * the last good drawing, dimmed, and marks the error in the code.
 */
@Route("doc/:name")
@RouteAlias("")
@CssImport("./styles/duet.css")
public class EditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EditorView.class);

    /** The first document of a fresh workspace. */
    static final String WELCOME = "welcome";

    private final Workspace workspace = Services.workspace();
    private final CodeEditor code = new CodeEditor();
    private final DrawingCanvas canvas = new DrawingCanvas();
    private final Span docName = new Span();
    private final Span status = new Span();
    /** Where in the program the status line's error is (a click there goes to it), or -1. */
    private int statusOffset = -1;

    private final Span info = new Span();
    private final Checkbox ghosts = new Checkbox("Ghosts");
    private final com.vaadin.flow.component.select.Select<Heuristics> heuristics =
            new com.vaadin.flow.component.select.Select<>();
    /** The zone table of the shown program version (computed on first hover), and the shapes whose zones were sent. */
    private SyncTable table;

    private final java.util.Set<Integer> zonesSent = new java.util.HashSet<>();
    /** A drag or slider gesture in progress: the program at mouse-down, its table, the zone, the latest text. */
    private SyncTable dragTable;

    private Zone dragZone;
    private String dragBase, dragText;
    private double dragDx, dragDy;
    /** Predictions of zone drags sent to the browser for the table {@code predTable}, by "shape/zone" (null: none). */
    private SyncTable predTable;

    private final java.util.Map<String, org.duet.sync.Prediction> predictions = new java.util.HashMap<>();
    /** The prediction the browser has for the drag in progress, or null. */
    private org.duet.sync.Prediction dragPrediction;
    /** Other ways of making the last drag, offered in a panel over the canvas. */
    private final AlternativesPanel alternatives = new AlternativesPanel();

    private final InspectorPanel inspector = new InspectorPanel(this::clearSelection);
    /** Selected features ("N.name"), in the order they were selected; shapes whose features were sent. */
    private List<String> featureRefs = List.of();

    private final java.util.Set<Integer> featuresSent = new java.util.HashSet<>();
    private final RelatePanel relate = new RelatePanel(new RelatePanel.Actions() {
        @Override
        public void run(String tool, String label) {
            runRelate(tool, label);
        }

        @Override
        public void removeFeature(String ref) {
            List<String> l = new java.util.ArrayList<>(featureRefs);
            l.remove(ref);
            featureRefs = List.copyOf(l);
            canvas.setFeatureSelection(featureRefs);
            showSelection();
        }

        @Override
        public void addFeature(String ref) {
            if (featureRefs.contains(ref)) return;
            List<String> l = new java.util.ArrayList<>(featureRefs);
            l.add(ref);
            featureRefs = List.copyOf(l);
            canvas.setFeatureSelection(featureRefs);
            relate.clearResults();
            showSelection();
        }

        @Override
        public void preview(org.duet.synth.Candidate c) {
            previewProgram(c.program());
        }

        @Override
        public void endPreview() {
            EditorView.this.endPreview();
        }

        @Override
        public void apply(org.duet.synth.Candidate c) {
            applyRelate(c);
        }
    });
    /** Selected shapes (element indexes), in the order they were selected. */
    private List<Integer> selection = List.of();
    /** The number whose provenance the inspector shows (null: none). */
    private String whyKey;
    /** Pinned locations (ids): the zones whose traces contain them are driven by them. Kept while ids stay valid. */
    private final java.util.Set<Integer> pins = new java.util.HashSet<>();

    private int pinsLocCount = -1;
    private MenuItem undoItem, redoItem;
    /** The drawing tools in the header. */
    private final ToolPalette palette = new ToolPalette(this::toolChosen);

    private String name;
    private String revision;
    private History history;
    /** The program text as this editor knows it (the last version typed, undone to, or loaded). */
    private String text = "";

    private final AtomicLong generation = new AtomicLong();
    private Renderer.Result lastGood;
    private Consumer<Workspace.Change> workspaceListener;
    /** Which version the pane types on, and the user's own text while a conflict with another version is open. */
    private final PaneSync sync = new PaneSync();

    public EditorView() {
        setSizeFull();
        setPadding(false);
        setSpacing(false);
        addClassName("duet-editor");

        code.addClassName("duet-code");
        code.setId("code");
        canvas.addClassName("duet-canvas");
        canvas.setId("canvas");

        Div canvasArea = new Div(canvas, alternatives, inspector);
        canvasArea.addClassName("duet-canvas-area");
        SplitLayout split = new SplitLayout(code, canvasArea);
        split.setSplitterPosition(42);
        split.setSizeFull();
        split.addClassName("duet-split");

        add(header(), split, statusBar());
        setFlexGrow(1, split);

        code.onChange(e -> typed(e.value, e.typedOn));
        code.setMaxBytes(org.duet.app.Limits.MAX_DOCUMENT_BYTES);
        code.onTooLarge(e -> setStatus(org.duet.app.Limits.editTooLarge(e.bytes), true));
        code.onRun(e -> render());
        code.onUndo(e -> undo());
        code.onRedo(e -> redo());
        code.onSave(
                e -> Notification.show("Duet saves every change as you type.", 2000, Notification.Position.TOP_END));
        ghosts.addValueChangeListener(e -> showDrawing());
        canvas.onHover(e -> hover(e.shape, e.zone));
        canvas.onSelect(e -> select(e.shapes));
        canvas.onFeatures(e -> {
            featureRefs = e.refs;
            relate.clearResults();
            showSelection();
        });
        inspector.tools().add(relate);
        canvas.onAsk(e -> askAlternatives(e.shape, e.zone));
        code.onNumberAction(e -> numberAction(e.offset, e.action));
        canvas.onDrag(this::dragged);
        canvas.onHover(e -> predictFor(e.shape, e.zone));
        canvas.onSlider(this::slid);
        canvas.onDraw(this::drawn);
        canvas.onTool(e -> palette.cursorChosen());
        canvas.onDelete(e -> deleteSelected());
        heuristics.setItems(Heuristics.values());
        heuristics.setItemLabelGenerator(
                h -> "Heuristics: " + h.name().charAt(0) + h.name().substring(1).toLowerCase());
        heuristics.setValue(Heuristics.BIASED);
        heuristics.setId("heuristics");
        heuristics.addClassName("duet-heuristics");
        heuristics.getElement().setAttribute("title", "How a drag chooses which numbers of the program to change");
        heuristics.addValueChangeListener(e -> {
            table = null;
            zonesSent.clear();
            featuresSent.clear();
            canvas.clearZones();
            showSelection();
        });
        shortcuts();
    }

    // ------------------------------------------------------------------------------------------------ layout

    private Component header() {
        Span logo = new Span("Duet");
        logo.addClassName("duet-logo");
        docName.addClassName("duet-docname");
        docName.setId("doc-name");
        docName.getElement().setAttribute("title", "Rename this document");
        docName.addClickListener(e -> rename());

        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        menu.setId("menu");

        MenuItem file = menu.addItem("Document");
        file.setId("menu-document");
        SubMenu fm = file.getSubMenu();
        fm.addItem("Open… (Alt+O)", e -> documents()).setId("menu-open");
        fm.addItem("New (Alt+N)", e -> newDocument()).setId("menu-new");
        fm.addItem("Examples…", e -> examples()).setId("menu-examples");
        fm.addItem("Rename…", e -> rename()).setId("menu-rename");
        fm.addItem("Duplicate", e -> duplicate()).setId("menu-duplicate");
        fm.addItem("Delete", e -> delete()).setId("menu-delete");
        fm.addItem("Upload a .little file…", e -> UploadDialog.open(this::openUploaded))
                .setId("menu-upload");

        MenuItem export = menu.addItem("Export");
        export.setId("menu-export");
        SubMenu em = export.getSubMenu();
        em.addItem(downloadLink("SVG", "export-svg", this::svgDownload));
        em.addItem(downloadLink("PNG (1×)", "export-png1", e -> pngDownload(1)));
        em.addItem(downloadLink("PNG (2×)", "export-png2", e -> pngDownload(2)));
        em.addItem("PNG at a width…", e -> PngWidthDialog.open(this::currentCanvasForExport, () -> name))
                .setId("export-pngw");
        em.addItem(downloadLink("Program (.little)", "export-little", e -> littleDownload()));

        undoItem = menu.addItem(new Icon(VaadinIcon.ARROW_BACKWARD), e -> undo());
        undoItem.setId("undo");
        undoItem.getElement().setAttribute("title", "Undo (Ctrl+Z)");
        redoItem = menu.addItem(new Icon(VaadinIcon.ARROW_FORWARD), e -> redo());
        redoItem.setId("redo");
        redoItem.getElement().setAttribute("title", "Redo (Ctrl+Shift+Z)");

        ghosts.setId("ghosts");
        ghosts.getElement().setAttribute("title", "Show ghost shapes: slider widgets and other helpers (G)");

        Button help = new Button(new Icon(VaadinIcon.QUESTION_CIRCLE_O), e -> HelpDialog.open());
        help.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        help.setId("help");
        help.getElement().setAttribute("title", "Keyboard shortcuts and help (?)");

        Div tools = new Div();
        tools.addClassName("duet-tools");
        tools.setId("tools");
        tools.add(palette);

        HorizontalLayout h = new HorizontalLayout(logo, docName, menu, tools, heuristics, ghosts, help);
        h.addClassName("duet-header");
        h.setWidthFull();
        h.setAlignItems(FlexComponent.Alignment.CENTER);
        h.expand(tools);
        return h;
    }

    private Component statusBar() {
        status.addClassName("duet-status-text");
        status.setId("status");
        status.addClickListener(e -> {
            if (statusOffset >= 0) code.reveal(statusOffset);
        });
        info.addClassName("duet-status-info");
        info.setId("status-info");
        HorizontalLayout s = new HorizontalLayout(status, info);
        s.addClassName("duet-status");
        s.setWidthFull();
        s.expand(status);
        return s;
    }

    private Anchor downloadLink(String label, String id, InputStreamDownloadCallback callback) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(callback), label);
        a.setDownload(true);
        a.setId(id);
        a.addClassName("duet-download");
        return a;
    }

    private void shortcuts() {
        Shortcuts.addShortcutListener(this, this::undo, Key.KEY_Z, KeyModifier.CONTROL)
                .listenOn(this);
        Shortcuts.addShortcutListener(this, this::redo, Key.KEY_Z, KeyModifier.CONTROL, KeyModifier.SHIFT)
                .listenOn(this);
        Shortcuts.addShortcutListener(this, this::redo, Key.KEY_Y, KeyModifier.CONTROL)
                .listenOn(this);
        Shortcuts.addShortcutListener(this, this::documents, Key.KEY_O, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, this::newDocument, Key.KEY_N, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> render(), Key.ENTER, KeyModifier.CONTROL);
        // single keys only when the focus is not in a text field or the code pane (handled in the browser)
        code.getElement()
                .executeJs("if (window.__duetKeys) return; window.__duetKeys = true;"
                        + "window.addEventListener('keydown', e => {"
                        + "  const t = e.composedPath ? e.composedPath()[0] : e.target;"
                        // Ctrl+Z/Ctrl+Y outside the editor's elements (e.g. after a click on the page): the document's
                        // undo, never the browser's own, which would undo keystrokes inside the code pane behind the
                        // program history's back
                        + "  if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.code === 'KeyZ' || e.code === 'KeyY')) {"
                        + "    const ed = document.querySelector('.duet-editor');"
                        + "    const path = e.composedPath ? e.composedPath() : [];"
                        + "    const typing = t && (t.isContentEditable || t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT'"
                        + "        && /^(text|search|number|email|url|tel|password)$/.test(t.type)));"
                        + "    if (!ed || typing || path.includes(ed) || (t.closest && t.closest('vaadin-dialog-overlay'))) return;"
                        + "    e.preventDefault();"
                        + "    ed.dispatchEvent(new KeyboardEvent('keydown', {key: e.key, code: e.code, ctrlKey: true,"
                        + "        shiftKey: e.shiftKey, bubbles: true}));"
                        + "    return;"
                        + "  }"
                        + "  if (e.ctrlKey || e.metaKey || e.altKey) return;"
                        + "  if (t && (t.closest && (t.closest('.cm-editor') || t.closest('vaadin-dialog-overlay'))"
                        + "      || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) return;"
                        + "  const c = document.querySelector('duet-canvas');"
                        + "  if (e.key === 'f' || e.key === 'F') { c && c.fit(); e.preventDefault(); }"
                        + "  else if (e.key === '+' || e.key === '=') { c && c.zoomBy(1.25); e.preventDefault(); }"
                        + "  else if (e.key === '-') { c && c.zoomBy(0.8); e.preventDefault(); }"
                        + "  else if (e.key === '0') { c && c.setZoom(1); e.preventDefault(); }"
                        + "  else if (e.key === 'g' || e.key === 'G') { document.getElementById('ghosts').click(); e.preventDefault(); }"
                        + "  else if (e.key === '?') { document.getElementById('help').click(); e.preventDefault(); }"
                        // the drawing tools (Esc is the canvas's: it also cancels a drawing in progress)
                        + "  else if ({v:1, l:1, r:1, e:1, p:1, h:1, t:1, b:1}[e.key.toLowerCase()]) {"
                        + "    const id = {v:'cursor', l:'line', r:'rect', e:'ellipse', p:'polygon', h:'path', t:'text',"
                        + "        b:'stretchy'}[e.key.toLowerCase()];"
                        + "    const b = document.getElementById('tool-' + id); if (b) { b.click(); e.preventDefault(); }"
                        + "  }"
                        + "});");
    }

    // ------------------------------------------------------------------------------------------------ documents

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String requested = event.getRouteParameters().get("name").orElse(null);
        if (requested == null) {
            String last = workspace.lastOpened();
            if (last == null) last = firstDocument();
            // route parameters, not a hand-built "doc/…" path: Vaadin would keep %20 etc. in the parameter
            event.forwardTo(EditorView.class, new RouteParameters("name", last));
            return;
        }
        load(requested);
    }

    /** The tab's title: the document's name (set after each navigation; a fixed @PageTitle would hide it). */
    @Override
    public String getPageTitle() {
        return name == null ? "Duet" : name + " — Duet";
    }

    /** The most recent document, or a new welcome document in an empty workspace. */
    private String firstDocument() {
        try {
            List<Workspace.Entry> docs = workspace.list();
            if (!docs.isEmpty()) return docs.get(0).name();
            String n = workspace.uniqueName(WELCOME);
            workspace.create(n, Examples.welcome(), this);
            return n;
        } catch (IOException | Workspace.WorkspaceException e) {
            return WELCOME;
        }
    }

    static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void load(String requested) {
        try {
            Workspace.Doc d = workspace.open(requested);
            name = d.name();
            revision = d.revision();
            text = d.text();
            history = new History(text);
            workspace.setLastOpened(name);
            docName.setText(name);
            sync.loaded(code.setText(text));
            canvas.resetView();
            lastGood = null;
            selection = List.of();
            featureRefs = List.of();
            canvas.setFeatureSelection(featureRefs);
            relate.clearResults();
            whyKey = null;
            pins.clear();
            canvas.setSelected(selection);
            inspector.hide();
            render(true);
            updateUndoRedo();
        } catch (Workspace.WorkspaceException e) {
            name = null;
            docName.setText("(no document)");
            sync.loaded(code.setText(""));
            canvas.setSvg("<svg xmlns='http://www.w3.org/2000/svg'></svg>");
            setStatus(e.getMessage() + " Open another document from the Document menu.", true);
        } catch (IOException e) {
            setStatus("Cannot read “" + requested + "”: " + e.getMessage(), true);
        }
    }

    void open(String docName) {
        UI.getCurrent().navigate(EditorView.class, new RouteParameters("name", docName));
    }

    private void documents() {
        DocumentsDialog.open(workspace, name, this::open, this::afterDelete);
    }

    private void examples() {
        ExamplesDialog.open(ex -> {
            try {
                String n = workspace.uniqueName(ex.name());
                workspace.create(n, ex.text(), this);
                open(n);
                Notification.show(
                        "A copy of the example “" + ex.name() + "” — yours to change.",
                        3000,
                        Notification.Position.TOP_END);
            } catch (Exception e) {
                error(e.getMessage());
            }
        });
    }

    private void newDocument() {
        try {
            String n = workspace.uniqueName("untitled");
            workspace.create(n, Examples.blank(), this);
            open(n);
        } catch (Exception e) {
            error(e.getMessage());
        }
    }

    private void rename() {
        if (name == null) return;
        NameDialog.open("Rename document", name, newName -> {
            try {
                workspace.rename(name, newName, this);
                open(newName);
                return null;
            } catch (Workspace.WorkspaceException e) {
                return e.getMessage();
            } catch (IOException e) {
                return "Cannot rename: " + e.getMessage();
            }
        });
    }

    private void duplicate() {
        if (name == null) return;
        try {
            // the text this editor has (the same as on disk, unless the document was deleted or changed elsewhere)
            String copy = workspace.uniqueName(name + " copy");
            workspace.create(copy, text, this);
            open(copy);
            Notification.show("Duplicated as “" + copy + "”.", 2500, Notification.Position.TOP_END);
        } catch (Exception e) {
            error(e.getMessage());
        }
    }

    private void delete() {
        if (name == null) return;
        String deleted = name;
        try {
            String token = workspace.delete(deleted, this);
            afterDelete(deleted, token);
        } catch (Exception e) {
            error(e.getMessage());
        }
    }

    /** After a document was deleted (here or from the documents dialog): offer to undo it. */
    private void afterDelete(String deleted, String token) {
        Notification n = new Notification();
        n.setPosition(Notification.Position.TOP_END);
        n.setDuration(10000);
        Button undoDelete = new Button("Undo", e -> {
            n.close();
            try {
                String restored = workspace.restore(token, this);
                open(restored);
            } catch (Exception ex) {
                error(ex.getMessage());
            }
        });
        undoDelete.setId("undo-delete");
        undoDelete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        n.add(new HorizontalLayout(new Span("Deleted “" + deleted + "”."), undoDelete));
        n.open();
        if (deleted.equals(name)) open(firstDocument());
    }

    private void openUploaded(String fileName, String content) {
        String base = fileName.replaceAll("(?i)\\.little$", "")
                .replaceAll("[^\\p{L}\\p{N} ._()+,'-]", "_")
                .strip();
        if (base.isEmpty() || base.startsWith(".")) base = "uploaded" + base;
        try {
            String n = workspace.uniqueName(base.length() > Workspace.MAX_NAME - 4 ? base.substring(0, 60) : base);
            workspace.create(n, content, this);
            open(n);
        } catch (Exception e) {
            error(e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ editing

    /** The pane's text changed: {@code newText}, typed on the pane's text of serial {@code typedOn}. */
    private void typed(String newText, int typedOn) {
        if (name == null) return;
        String tooLarge = org.duet.app.Limits.programTooLarge(newText);
        if (tooLarge != null) { // the pane refuses such an edit; this is for a client that did not
            setStatus(tooLarge, true);
            return;
        }
        switch (sync.typed(newText, typedOn, text)) {
            case OUTDATED -> { // typed on a version that another window's has replaced since: never saved over it
                keepMine(newText);
                openConflict();
                return;
            }
            case MINE -> { // the conflict's choice is open: the pane's text is the user's own, kept for the copy
                keepMine(newText);
                return;
            }
            case SAVE -> {}
        }
        // typed before the pane was given a newer text by this window (an undo or a drag step the keystrokes crossed):
        // the typing is kept, and the pane shows what is saved (and types on it from now on)
        boolean behind = typedOn < code.serial();
        if (newText.equals(text)) {
            if (behind) code.setText(text);
            return;
        }
        alternatives.hide();
        text = newText;
        history.typed(newText, System.currentTimeMillis());
        if (behind) code.setText(text);
        save();
        render();
        updateUndoRedo();
    }

    /** While a conflict is open: the editor's text is the user's own (shown in the pane, run, never saved). */
    private void keepMine(String mine) {
        if (mine.equals(text)) return;
        text = mine;
        history.typed(mine, System.currentTimeMillis());
        render();
        updateUndoRedo();
    }

    private void undo() {
        if (history == null) return;
        String t = history.undo();
        if (t != null) replaceText(t);
    }

    private void redo() {
        if (history == null) return;
        String t = history.redo();
        if (t != null) replaceText(t);
    }

    /** A change made by the editor itself (undo, redo, later canvas gestures): shown in the pane, saved, run. */
    private void replaceText(String t) {
        text = t;
        code.setText(t);
        save();
        render();
        updateUndoRedo();
    }

    private void updateUndoRedo() {
        undoItem.setEnabled(history != null && history.canUndo());
        redoItem.setEnabled(history != null && history.canRedo());
    }

    private void save() {
        if (name == null || sync.inConflict()) return; // (in conflict: nothing is written until the user chooses)
        try {
            revision = workspace.save(name, text, revision, this);
        } catch (Workspace.Conflict c) {
            // the document changed since this window's revision (another window, another program)
            sync.refused(text);
            openConflict();
        } catch (Workspace.WorkspaceException e) {
            setStatus(
                    e.getMessage() + " Your text is kept here; save it under a new name from Document → Duplicate.",
                    true);
        } catch (IOException e) {
            setStatus("Could not save: " + e.getMessage(), true);
        }
    }

    /**
     * Another window or program changed the document, and this window's text was typed on an older version: the
     * document is not overwritten. The pane shows the user's own text (and goes on taking what they type until the
     * dialog has the focus); they choose between the latest other version and a copy holding exactly their text.
     * Other versions arriving meanwhile are not put into the pane.
     */
    private void openConflict() {
        code.offerText(sync.mine());
        ConflictDialog.open(name, this::loadTheirs, this::keepMineAsCopy);
    }

    private void loadTheirs() {
        try {
            Workspace.Doc d = workspace.open(name);
            sync.resolved();
            revision = d.revision();
            text = d.text();
            history.changed(text);
            sync.cameFromElsewhere(code.setText(text));
            render();
            updateUndoRedo();
        } catch (Workspace.WorkspaceException | IOException e) {
            error(e.getMessage() + " Your text is kept: keep it as a copy.");
            openConflict();
        }
    }

    private void keepMineAsCopy() {
        try {
            String copy = workspace.uniqueName(name + " (mine)");
            workspace.create(copy, sync.mine(), this);
            sync.resolved();
            open(copy);
        } catch (Workspace.WorkspaceException | IOException e) {
            error("Could not make the copy: " + e.getMessage());
            openConflict();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        workspaceListener = change -> {
            if (change.origin() == this) return;
            ui.access(() -> otherChange(change));
        };
        workspace.addListener(workspaceListener);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (workspaceListener != null) workspace.removeListener(workspaceListener);
    }

    /** Another editor changed the workspace. */
    private void otherChange(Workspace.Change c) {
        if (name == null || !c.name().equals(name)) return;
        if (c.newName() == null) {
            setStatus(
                    "“" + name
                            + "” was deleted in another window. Your text is still here: use Document → Duplicate to keep it.",
                    true);
            return;
        }
        if (!c.newName().equals(name)) {
            setStatus("This document was renamed to “" + c.newName() + "” in another window.", false);
            if (sync.inConflict()) { // the choice stays open, under the new name
                name = c.newName();
                docName.setText(name);
                UI.getCurrent().getPage().getHistory().replaceState(null, "doc/" + encode(name));
                workspace.setLastOpened(name);
                return;
            }
            open(c.newName());
            return;
        }
        if (sync.inConflict()) return; // the pane keeps the user's text; "Load the other version" loads the latest
        if (c.revision() != null && !c.revision().equals(revision) && c.text() != null) {
            // the other window saved: its text is shown, unless the pane has edits not yet received here (typed on the
            // version before: they arrive as outdated, and the conflict's choice opens; nothing typed is lost)
            revision = c.revision();
            text = c.text();
            history.changed(text);
            sync.cameFromElsewhere(code.offerText(text));
            render();
            updateUndoRedo();
            Notification.show("Updated with changes made in another window.", 2000, Notification.Position.TOP_END);
        }
    }

    // ------------------------------------------------------------------------------------------------ running

    /** True while a run of this editor's program is in progress (at most one at a time per editor). */
    private boolean running;
    /** The text changed while a run was in progress: run again when it ends. */
    private boolean runAgain;

    /**
     * Runs the program off the UI thread (other editors and this page stay responsive whatever the program
     * does). One run at a time per editor: changes made meanwhile are run together when it ends.
     */
    private void render() {
        render(false);
    }

    /** Run of a document just opened: wait briefly, so the first page usually arrives with its drawing. */
    private static final long FIRST_RUN_WAIT_MS = 500;
    /** The generation whose result was already shown synchronously (its asynchronous delivery is then skipped). */
    private long shownInline = -1;

    private void render(boolean waitBriefly) {
        if (name == null) return;
        if (running) {
            runAgain = true;
            return;
        }
        running = true;
        long gen = generation.incrementAndGet();
        String program = text;
        String doc = name;
        UI ui = UI.getCurrent();
        long t0 = System.nanoTime();
        CompletableFuture<Object> run = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return (Object) Renderer.render(doc, program, Limits.DEFAULT, Renderer.Frame.FIRST);
                    } catch (DuetException e) {
                        return e;
                    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                        return new DuetException("internal error: " + e);
                    }
                },
                Runner.EXECUTOR);
        if (waitBriefly) {
            try {
                Object result = run.get(FIRST_RUN_WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
                running = false;
                shownInline = gen;
                showResult(result, (System.nanoTime() - t0) / 1e6);
                return;
            } catch (java.util.concurrent.TimeoutException e) {
                // a slow program: its drawing is pushed when it is ready
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                // reported by the asynchronous path below
            }
        }
        run.thenAccept(result -> ui.access(() -> {
            if (shownInline == gen) return;
            running = false;
            if (runAgain || !program.equals(text) || !doc.equals(name)) {
                runAgain = false;
                render();
                if (!doc.equals(name)) return;
            }
            if (gen != generation.get()) return;
            showResult(result, (System.nanoTime() - t0) / 1e6);
        }));
    }

    private void showResult(Object result, double ms) {
        if (result instanceof Renderer.Result) {
            lastGood = (Renderer.Result) result;
            code.setErrors(List.of());
            table = null;
            zonesSent.clear();
            featuresSent.clear();
            canvas.clearZones();
            showDrawing();
            updateSliders();
            updatePoints();
            if (pinsLocCount != lastGood.program.locs().size()) {
                pins.clear(); // literals were added or removed: ids no longer name the same numbers
                code.setPinned(List.of());
                pinsLocCount = lastGood.program.locs().size();
            }
            showSelection();
            String shownText = lastGood.program.source().original();
            try {
                palette.setFunctions(Runner.call(() -> Draw.lambdaFunctions(shownText)));
            } catch (DuetException e) {
                palette.setFunctions(List.of());
            }
            int n = lastGood.canvas.elements().size();
            // (why a gesture drew nothing stays: a run begun before it, and ending after it, does not wipe it out)
            if (generation.get() > gestureStatusGen) setStatus("", false);
            info.setText(n + (n == 1 ? " shape" : " shapes") + " · " + String.format("%.0f ms", ms) + " · saved");
        } else {
            DuetException e = (DuetException) result;
            if (e.hasPosition()) {
                code.setErrors(List.of(new CodeEditor.Mark(e.offset(), e.offset() + 1, e.bareMessage())));
                setStatus("Line " + e.line() + ", column " + e.column() + ": " + e.bareMessage(), true);
                statusOffset = e.offset();
                status.getStyle().set("cursor", "pointer");
                status.getElement().setAttribute("title", "Click to go to this place in the code");
            } else {
                code.setErrors(List.of());
                setStatus(e.bareMessage(), true);
            }
            canvas.setDimmed(true);
            info.setText("saved");
        }
    }

    // ------------------------------------------------------------------------------------------------ drawing

    /** A tool was chosen in the palette (or by its key): the canvas draws with it (null: the cursor). */
    private void toolChosen(Tool tool) {
        canvas.setTool(tool);
        if (tool != null) canvas.setCaption("");
    }

    /**
     * A shape was drawn on the canvas: its code is added to the program (org.duet.edit.Draw) as one undo step; the
     * tool stays chosen. A gesture that draws nothing (no movement, too few points …) says why in the status line.
     */
    private void drawn(DrawingCanvas.DrawEvent e) {
        if (name == null) {
            gestureStatus("Nothing drawn: no document is open.");
            return;
        }
        Gesture g;
        Tool tool;
        try {
            tool = Tool.parse(e.tool);
            g = new Gesture(e.points, e.shift, e.closed, null, tool == Tool.LAMBDA ? palette.function() : null);
        } catch (DuetException ex) {
            gestureStatus(ex.bareMessage());
            return;
        }
        String base = text;
        Draw.Result r;
        try {
            r = Runner.call(() -> Draw.draw(base, tool, g));
        } catch (DuetException ex) {
            gestureStatus(
                    (ex instanceof org.duet.edit.DrawException ? "" : "Mend the program first: ") + ex.bareMessage());
            return;
        }
        applyEdit(r.text());
        int at = r.text().indexOf(r.inserted());
        if (at >= 0) {
            // (the pane is not focused: the tool's keys stay with the canvas)
            code.setMarks(List.of(new CodeEditor.Highlight(
                    at,
                    at + r.inserted().length(),
                    "duet-mark-changed",
                    r.name() == null ? "drawn by the λ tool" : "the new shape " + r.name())));
        }
    }

    /** Delete (outside the code pane): the blobs of the selected shapes leave the drawing's list, as one undo step. */
    private void deleteSelected() {
        if (name == null || selection.isEmpty()) return;
        if (lastGood == null || !lastGood.program.source().original().equals(text)) {
            setStatus(
                    "The drawing is not up to date with the program: run it (Ctrl+Enter), then select and delete.",
                    true);
            return;
        }
        List<Integer> shapes = selection;
        String base = text;
        String newText;
        try {
            newText = Runner.call(() -> Blobs.deleteShapes(base, shapes));
        } catch (DuetException ex) {
            String m = ex.bareMessage();
            setStatus(m.startsWith("cannot delete") ? "C" + m.substring(1) : "Cannot delete: " + m, true);
            return;
        }
        applyEdit(newText);
    }

    /** A change of the program made on the canvas (drawing, deleting): one undo step, shown, saved and run. */
    private void applyEdit(String newText) {
        applyEdit(newText, false);
    }

    /**
     * A change of the program made by a tool: one undo step, shown, saved and run; the selection is cleared unless
     * {@code keepSelection} (the shapes stay where they were).
     */
    private void applyEdit(String newText, boolean keepSelection) {
        if (newText.equals(text)) return;
        alternatives.hide();
        if (!keepSelection) select(List.of());
        text = newText;
        history.changed(text);
        code.setText(text);
        code.setMarks(List.of());
        save();
        render();
        updateUndoRedo();
    }

    // ------------------------------------------------------------------------------------------------ live sync

    /** The zone table of the program on the canvas (computed once per program version and heuristics). */
    private SyncTable table() {
        if (table == null
                && lastGood != null
                && lastGood.program.source().original().equals(text)) {
            Renderer.Result shown = lastGood;
            Heuristics h = heuristics.getValue();
            try {
                table = Runner.call(() -> Sync.table(shown, h));
            } catch (DuetException e) {
                table = null;
            }
        }
        return table;
    }

    /** Runs {@code use} with the zone table of the program on the canvas, building it in the background if needed. */
    private void withTable(Consumer<SyncTable> use) {
        if (table != null) {
            use.accept(table);
            return;
        }
        Renderer.Result shown = lastGood;
        if (shown == null || !shown.program.source().original().equals(text)) return;
        Heuristics h = heuristics.getValue();
        UI ui = UI.getCurrent();
        CompletableFuture.supplyAsync(() -> Runner.call(() -> Sync.table(shown, h)), Runner.EXECUTOR)
                .thenAccept(t -> ui.access(() -> {
                    if (lastGood != shown || heuristics.getValue() != h) return; // another version is shown now
                    if (table == null) table = t;
                    use.accept(table);
                }))
                .exceptionally(e -> backgroundFailed(ui, "find the drag zones of the drawing", e));
    }

    /** The pointer is over a shape (or one of its handles): send its zones, caption the zone, light up the code. */
    private void hover(int shape, String zoneName) {
        if (dragZone != null || palette.tool() != null) return; // (a drawing tool draws, it does not drag)
        SyncTable t = table();
        if (t != null && shape < 0 && zoneName != null && zoneName.startsWith("PointSlider")) {
            Zone w = t.zone(Sync.WIDGETS, zoneName);
            if (w != null) {
                w = w.pinned(pins);
                canvas.setCaption(zoneCaption(w));
                List<CodeEditor.Highlight> marks = new java.util.ArrayList<>();
                for (Loc l : w.assigned())
                    marks.add(highlight(t.program(), l, "duet-mark-drives", "a drag changes " + locName(l)));
                code.setMarks(marks);
                return;
            }
        }
        if (t == null || shape < 0) {
            canvas.setCaption("");
            code.setMarks(List.of());
            return;
        }
        ShapeZones sz = t.shape(shape);
        if (sz == null) {
            canvas.setCaption(shapeName(shape) + " — it has nothing to drag");
            code.setMarks(List.of());
            return;
        }
        sendZones(sz);
        Zone z = zoneName == null || zoneName.isEmpty() ? null : sz.zone(zoneName);
        if (z != null) z = z.pinned(pins);
        if (z == null) {
            canvas.setCaption(shapeName(shape));
            code.setMarks(List.of());
            return;
        }
        canvas.setCaption(zoneCaption(z) + (z.active() ? "   · A: other ways" : ""));
        List<CodeEditor.Highlight> marks = new java.util.ArrayList<>();
        for (Loc l : z.assigned())
            marks.add(highlight(t.program(), l, "duet-mark-drives", "a drag changes " + locName(l)));
        for (Loc l : z.otherCandidates())
            marks.add(highlight(t.program(), l, "duet-mark-depends", "the shape depends on " + locName(l)));
        code.setMarks(marks);
    }

    /** Sends a shape's zones to the browser (once per program version): names, activity, widget values. */
    private void sendZones(ShapeZones sz) {
        if (!zonesSent.add(sz.shape)) return;
        elemental.json.JsonArray list = elemental.json.Json.createArray();
        for (Zone z : sz.zones) {
            elemental.json.JsonObject o = elemental.json.Json.createObject();
            o.put("name", z.name);
            o.put("active", z.active());
            if (z.name.endsWith("Ball") && !z.elements.isEmpty()) {
                double v = z.elements.get(0).value;
                if (Double.isFinite(v)) o.put("value", v);
                double ring = z.elements.get(0).ring();
                if (Double.isFinite(ring)) o.put("ring", ring);
            }
            list.set(list.length(), o);
        }
        canvas.setZones(sz.shape, list);
    }

    // ------------------------------------------------------------------------------------------------ selection

    /** The inspector's close button: no shapes, no features. */
    private void clearSelection() {
        featureRefs = List.of();
        canvas.setFeatureSelection(featureRefs);
        select(List.of());
    }

    /** The user selected shapes on the canvas (or cleared the selection). */
    private void select(List<Integer> shapes) {
        List<Integer> before = selection;
        selection = List.copyOf(shapes);
        if (!before.equals(selection)) {
            whyKey = null;
            relate.clearResults();
        }
        if (shapes.isEmpty()) canvas.setSelected(List.of());
        showSelection();
    }

    /** Zones (for the widgets) and the inspector for the current selection; after a run, drops shapes that are gone. */
    private void showSelection() {
        if (lastGood != null) {
            int n = lastGood.canvas.elements().size();
            List<Integer> valid = new java.util.ArrayList<>();
            for (int s : selection) if (s >= 0 && s < n) valid.add(s);
            if (valid.size() != selection.size()) {
                selection = List.copyOf(valid);
                canvas.setSelected(selection);
            }
        }
        Renderer.Result r = lastGood;
        if (r != null && !featureRefs.isEmpty()) {
            // features of shapes that are gone, or that a shape no longer has, are dropped
            List<String> valid = new java.util.ArrayList<>();
            for (String ref : featureRefs) {
                try {
                    org.duet.synth.FeatureCatalog.resolve(r, org.duet.synth.FeatureCatalog.parseRef(ref));
                    valid.add(ref);
                } catch (DuetException | IllegalArgumentException e) {
                    // dropped
                }
            }
            if (valid.size() != featureRefs.size()) {
                featureRefs = List.copyOf(valid);
                canvas.setFeatureSelection(featureRefs);
            }
        }
        if ((selection.isEmpty() && featureRefs.isEmpty()) || r == null) {
            inspector.hide();
            return;
        }
        java.util.Set<Integer> featured = new java.util.LinkedHashSet<>(selection);
        for (String ref : featureRefs)
            if (ref.indexOf('.') > 0) featured.add(Integer.parseInt(ref.substring(0, ref.indexOf('.'))));
        for (int s : featured) sendFeatures(r, s);
        List<String[]> labels = new java.util.ArrayList<>();
        List<org.duet.synth.FeatureInfo> sliders = null;
        for (String ref : featureRefs) {
            int dot = ref.indexOf('.');
            if (dot < 0) { // a slider's value: named after its variable
                if (sliders == null) sliders = org.duet.synth.FeatureCatalog.sliders(r);
                String label = ref;
                for (org.duet.synth.FeatureInfo f : sliders)
                    if (f.name.equals(ref)) label = ref + " (" + f.formula + ")";
                labels.add(new String[] {ref, label});
                continue;
            }
            int s = Integer.parseInt(ref.substring(0, dot));
            labels.add(new String[] {ref, r.canvas.elements().get(s).sourceKind + s + "." + ref.substring(dot + 1)});
        }
        List<String[]> others = new java.util.ArrayList<>();
        if (!selection.isEmpty()) {
            int last = selection.get(selection.size() - 1);
            try {
                for (org.duet.synth.FeatureInfo f : Runner.call(() -> org.duet.synth.FeatureCatalog.of(r, last)))
                    if (f.kind == org.duet.synth.FeatureInfo.Kind.OTHER && !featureRefs.contains(f.ref()))
                        others.add(new String[] {f.ref(), f.name});
            } catch (DuetException e) {
                // no features
            }
        }
        relate.update(labels, others, selection.size());
        if (selection.isEmpty()) {
            inspector.showFeaturesOnly("Selected features");
            return;
        }
        // the zones give the selected shapes their widgets; built in the background if this version has no table yet
        // (a large drawing's table takes tens of milliseconds: not on every run while typing with a shape selected)
        List<Integer> shapes = selection;
        withTable(t -> {
            for (int s : shapes) {
                ShapeZones sz = selection.contains(s) ? t.shape(s) : null;
                if (sz != null) sendZones(sz);
            }
        });
        int last = selection.get(selection.size() - 1);
        String name = org.duet.edit.ShapeNames.of(r, last);
        String heading = selection.size() == 1 ? name : selection.size() + " shapes selected · " + name;
        java.util.Map<String, Double> values;
        try {
            values = Runner.call(() -> org.duet.sync.Provenance.values(r, last));
        } catch (DuetException e) {
            values = java.util.Map.of();
        }
        inspector.show(heading, values, this::why);
        if (whyKey != null && values.containsKey(whyKey)) why(whyKey);
        else whyKey = null;
    }

    /** A shape's features (names, kinds, geometry) to the browser, once per program version. */
    private void sendFeatures(Renderer.Result r, int shape) {
        if (!featuresSent.add(shape)) return;
        List<org.duet.synth.FeatureInfo> fs;
        try {
            fs = Runner.call(() -> org.duet.synth.FeatureCatalog.of(r, shape));
        } catch (DuetException e) {
            return;
        }
        elemental.json.JsonArray list = elemental.json.Json.createArray();
        for (org.duet.synth.FeatureInfo f : fs) {
            elemental.json.JsonObject o = elemental.json.Json.createObject();
            o.put("name", f.name);
            o.put("kind", f.kind.name());
            if (f.point != null) o.put("point", f.point);
            String[] keys = {"x", "y", "x1", "y1", "x2", "y2"};
            double[] vals = {f.x, f.y, f.x1, f.y1, f.x2, f.y2};
            for (int i = 0; i < keys.length; i++) if (Double.isFinite(vals[i])) o.put(keys[i], vals[i]);
            list.set(list.length(), o);
        }
        canvas.setFeatures(shape, list);
    }

    /** The references a relate tool works on: features for feature tools, shapes for the shape tools. */
    private List<String> relateRefs(String tool) {
        List<String> shapes = new java.util.ArrayList<>();
        for (int s : selection) shapes.add(String.valueOf(s));
        switch (tool) {
            case "make-equal":
            case "relate":
            case "dig-hole":
                return featureRefs;
            case "indexed-relate":
                return featureRefs.isEmpty() ? shapes : featureRefs;
            case "keep-spacing":
                return shapes.size() == 2 || shapes.size() == 4 ? shapes : featureRefs;
            case "inside": {
                if (featureRefs.isEmpty()) return shapes;
                List<String> l = new java.util.ArrayList<>(featureRefs);
                if (!shapes.isEmpty()) l.add(shapes.get(shapes.size() - 1));
                return l;
            }
            default:
                return shapes;
        }
    }

    /** Runs a relate tool on the selection in the background and lists its ranked candidates. */
    private void runRelate(String tool, String label) {
        List<String> refs = relateRefs(tool);
        if (refs.isEmpty()) {
            relate.message(label + ": select "
                    + (tool.startsWith("align") || tool.startsWith("distribute") || tool.startsWith("equal")
                            ? "shapes"
                            : "features")
                    + " first.");
            return;
        }
        String program = text;
        UI ui = UI.getCurrent();
        relate.searching(label);
        Renderer.Result shown =
                lastGood != null && lastGood.program.source().original().equals(program) ? lastGood : null;
        CompletableFuture.supplyAsync(
                        () -> Runner.call(() -> shown != null
                                ? org.duet.synth.Relate.run(
                                        shown,
                                        tool,
                                        org.duet.synth.FeatureCatalog.parseRefs(String.join(",", refs)),
                                        org.duet.synth.Relate.DEFAULTS)
                                : org.duet.synth.Relate.run(
                                        program, tool, String.join(",", refs), org.duet.synth.Relate.DEFAULTS)),
                        Runner.EXECUTOR)
                .whenComplete((res, err) -> ui.access(() -> {
                    if (!program.equals(text)) {
                        relate.clearResults();
                        return;
                    }
                    if (err != null) {
                        Throwable c = err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                                ? err.getCause()
                                : err;
                        relate.message(label + ": "
                                + (c instanceof DuetException
                                        ? ((DuetException) c).bareMessage()
                                        : "the search failed (" + c + ")"));
                        return;
                    }
                    if (res.candidates().isEmpty()) {
                        relate.message(label + ": "
                                + (res.message() == null || res.message().isEmpty()
                                        ? "no way to do it was found."
                                        : res.message()));
                        return;
                    }
                    relate.show(label, res.candidates(), res.message());
                }));
    }

    /** Shows another program in the code pane and on the canvas without committing it (a preview). */
    private void previewProgram(String program) {
        hideHandlesForPreview();
        try {
            Renderer.Result rr =
                    Runner.call(() -> Renderer.render(name, program, Limits.DEFAULT, Renderer.Frame.FIRST));
            canvas.setSvg(Runner.call(() -> rr.canvas.toCanvasSvg(ghosts.getValue())));
            code.setText(program);
            // mark what differs from the current program
            int a = 0, n = Math.min(program.length(), text.length());
            while (a < n && program.charAt(a) == text.charAt(a)) a++;
            int eP = program.length(), eT = text.length();
            while (eP > a && eT > a && program.charAt(eP - 1) == text.charAt(eT - 1)) {
                eP--;
                eT--;
            }
            code.setMarks(eP > a ? List.of(new CodeEditor.Highlight(a, eP, "duet-mark-changed", null)) : List.of());
            if (eP > a) code.reveal(a);
        } catch (DuetException e) {
            canvas.setCaption("this candidate gives an error: " + e.bareMessage());
        }
    }

    /** Applies a relate candidate: one undo step; the feature selection is cleared. */
    private void applyRelate(org.duet.synth.Candidate c) {
        previewing = false;
        relate.clearResults();
        featureRefs = List.of();
        canvas.setFeatureSelection(featureRefs);
        applyEdit(c.program(), true);
        setStatus("Applied: " + c.description(), false);
    }

    /** "Why is it here?": the provenance of one number of the last selected shape. */
    private void why(String key) {
        if (lastGood == null || selection.isEmpty()) return;
        whyKey = key;
        Renderer.Result r = lastGood;
        int shape = selection.get(selection.size() - 1);
        try {
            org.duet.sync.Provenance.Step s = Runner.call(() -> org.duet.sync.Provenance.of(r, shape, key, 200));
            inspector.showWhy(s, step -> {
                code.reveal(step.start());
                code.setMarks(List.of(new CodeEditor.Highlight(
                        step.start(),
                        step.end(),
                        step.constant() ? "duet-mark-drives" : "duet-mark-depends",
                        step.label())));
            });
        } catch (DuetException e) {
            inspector.showWhyError(e.bareMessage());
        }
    }

    /** Tells the code pane which literals are pinned (ids of this program). */
    private void showPins(org.duet.lang.Program p) {
        pinsLocCount = p.locs().size();
        List<int[]> ranges = new java.util.ArrayList<>();
        for (int id : pins) {
            Loc pl = p.loc(id);
            if (pl != null) ranges.add(new int[] {pl.numStart, pl.numEnd});
        }
        code.setPinned(ranges);
    }

    /** Freeze, thaw, pin or unpin the literal at an offset of the code (the code pane's number menu). */
    private void numberAction(int offset, String action) {
        org.duet.lang.Program p;
        try {
            p = lastGood != null && lastGood.program.source().text().equals(text)
                    ? lastGood.program
                    : Runner.call(() -> org.duet.lang.Parser.parse(new org.duet.lang.Source(name, text), false));
        } catch (DuetException e) {
            setStatus("Mend the program first: " + e.bareMessage(), true);
            return;
        }
        Loc l = org.duet.lang.Printer.literalAt(p, offset);
        if (l == null) {
            setStatus("That is not a number of the program (it may be inside a string or a comment).", true);
            return;
        }
        switch (action) {
            case "freeze":
            case "thaw": {
                Loc.Annotation a = action.equals("freeze")
                        ? Loc.Annotation.FROZEN
                        : p.unannotatedFrozen() ? Loc.Annotation.THAWED : Loc.Annotation.NONE;
                String newText = org.duet.lang.Printer.annotate(p, l, a);
                if (newText.equals(text)) return;
                pins.remove(l.id());
                applyEdit(newText, true);
                setStatus(
                        (action.equals("freeze") ? "Frozen: drags no longer change " : "Thawed: drags may change ")
                                + locName(l) + ".",
                        false);
                return;
            }
            case "pin":
            case "unpin":
                if (action.equals("pin")) pins.add(l.id());
                else pins.remove(l.id());
                showPins(p);
                setStatus(
                        action.equals("pin")
                                ? "Pinned: drags of shapes that depend on " + locName(l) + " change it first."
                                : "Unpinned " + locName(l) + ".",
                        false);
                return;
            default:
        }
    }

    /** A number of the shown program, as the editor names it (its variable, else where it is). */
    private String locName(Loc l) {
        return org.duet.sync.Captions.number(lastGood == null ? null : lastGood.program, l);
    }

    /** A shape of the shown drawing, by the program's own names ({@link org.duet.edit.ShapeNames}). */
    private String shapeName(int shape) {
        if (shape < 0) return "";
        return lastGood == null ? "a shape" : org.duet.edit.ShapeNames.of(lastGood, shape);
    }

    private String zoneName(Zone z) {
        return org.duet.sync.Captions.zone(z, shapeName(z.shape)).strip();
    }

    private String zoneCaption(Zone z) {
        return org.duet.sync.Captions.hover(z, shapeName(z.shape), lastGood == null ? null : lastGood.program)
                .strip();
    }

    /** The range of a literal's text in the program: digits, annotation and slider range. */
    private static CodeEditor.Highlight highlight(org.duet.lang.Program p, Loc l, String cls, String title) {
        String src = p.source().text();
        int end = l.numEnd;
        if (end < src.length() && "!?~".indexOf(src.charAt(end)) >= 0) end++;
        if (end < src.length() && src.charAt(end) == '{') {
            int close = src.indexOf('}', end);
            if (close > 0 && close - end < 40) end = close + 1;
        }
        return new CodeEditor.Highlight(l.numStart, end, cls, title);
    }

    private void dragged(DrawingCanvas.DragEvent e) {
        switch (e.phase) {
            case "start": {
                SyncTable t = table();
                dragZone = null;
                if (t == null) {
                    canvas.dragAck();
                    return;
                }
                try {
                    dragZone = Sync.find(t, e.shape, e.zone).pinned(pins);
                } catch (DuetException ex) {
                    canvas.setCaption(ex.bareMessage());
                    canvas.dragAck();
                    return;
                }
                dragTable = t;
                dragBase = text;
                dragText = null;
                dragPrediction = sendPrediction(t, dragZone);
                lastConfirm = 0;
                canvas.dragAck();
                return;
            }
            case "move":
                if (dragZone != null) {
                    long now = System.nanoTime();
                    if (e.predicted && dragPrediction != null && now - lastConfirm < CONFIRM_EVERY_NS) {
                        // the browser shows this step already: the server checks it at most every CONFIRM_EVERY_NS
                        // (and always at pointer-up), so that re-running a large program does not take the CPU
                        // the browser needs to draw
                        dragDx = e.dx;
                        dragDy = e.dy;
                    } else {
                        step(e.dx, e.dy, e.predicted);
                        lastConfirm = System.nanoTime();
                    }
                }
                canvas.dragAck();
                return;
            default: // end
                if (dragZone != null && e.moved) step(e.dx, e.dy, false);
                // the browser may show its prediction of a position whose program gives an error: the gesture's result
                if (dragZone != null && dragBase != null) code.setText(dragText != null ? dragText : dragBase);
                // a gesture that changed nothing is not run again: its drawing replaces whatever was predicted
                // (a click, with no move, predicted nothing: the drawing stays as it is)
                if (dragPrediction != null && e.moved && (dragText == null || dragText.equals(dragBase))) showDrawing();
                dragPrediction = null;
                finishGesture();
                canvas.dragAck(); // after pointer-up: the browser stops holding back older answers
        }
    }

    /** The pointer is over a zone: the browser gets the prediction of its drags, ready before the press. */
    private void predictFor(int shape, String zoneName) {
        if (dragZone != null || shape < 0 || zoneName == null || zoneName.isEmpty()) return;
        SyncTable t = table();
        Zone z = t == null ? null : t.zone(shape, zoneName);
        if (z != null && z.active()) sendPrediction(t, z);
    }

    /**
     * Sends the browser the prediction of a zone's drags, once per program version (null if they cannot be
     * predicted). Built off the UI thread (a large drawing takes tens of milliseconds); returns the prediction if it
     * is already known.
     */
    private org.duet.sync.Prediction sendPrediction(SyncTable t, Zone z) {
        if (z.shape < 0) return null;
        if (predTable != t) {
            predTable = t;
            predictions.clear();
        }
        String key = z.shape + "/" + z.name;
        if (predictions.containsKey(key)) return predictions.get(key);
        predictions.put(key, null); // being built
        UI ui = UI.getCurrent();
        CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                org.duet.sync.Prediction p = org.duet.sync.Prediction.of(t, z);
                                return new Object[] {p, p == null ? null : p.json()};
                            } catch (RuntimeException ex) {
                                return new Object[] {null, null};
                            }
                        },
                        Runner.EXECUTOR)
                .thenAccept(r -> ui.access(() -> {
                    if (predTable != t) return; // the program changed meanwhile
                    org.duet.sync.Prediction p = (org.duet.sync.Prediction) r[0];
                    predictions.put(key, p);
                    canvas.setPrediction(z.shape, z.name, (String) r[1]);
                    if (dragZone == z && dragTable == t)
                        dragPrediction = p; // a drag of this zone has started meanwhile
                }));
        return null;
    }

    private void step(double dx, double dy) {
        step(dx, dy, false);
    }

    /**
     * One step of a gesture: solve from the mouse-down program, run the result, show drawing and code. When the
     * browser already shows its prediction of this step ({@code predicted}), the code pane is left to it (an answer
     * arriving late would set older numbers); the last step of a gesture always sets it.
     */
    /** During a predicted drag, how often the server runs a step to check the browser's prediction. */
    static final long CONFIRM_EVERY_NS = 100_000_000L;

    private long lastConfirm;

    private void step(double dx, double dy, boolean predicted) {
        dragDx = dx;
        dragDy = dy;
        DragResult r;
        try {
            r = Sync.drag(dragTable, dragZone, dx, dy);
        } catch (DuetException ex) {
            canvas.setCaption(ex.bareMessage());
            return;
        }
        String newText = r.newText;
        Renderer.Result rr;
        try {
            rr = Runner.call(() -> Renderer.render(name, newText, Limits.DEFAULT, Renderer.Frame.FIRST));
        } catch (DuetException ex) {
            canvas.setCaption("this position gives an error: " + ex.bareMessage());
            return;
        }
        dragText = newText;
        Renderer.Result previous = lastGood;
        lastGood = rr;
        // usually only numbers moved: send just the attributes that changed
        List<org.duet.svg.CanvasDiff.Update> updates =
                previous == null ? null : Runner.call(() -> org.duet.svg.CanvasDiff.diff(previous.canvas, rr.canvas));
        org.duet.sync.Prediction pred = dragPrediction;
        String verdict = "";
        if (updates != null && pred != null) {
            // Was the browser's prediction of this step right? Then its attributes need not be sent (an answer
            // arriving after later moves would set them back); if not, all of them, and the browser drops it.
            org.duet.sync.Prediction.Step ps = predicted ? pred.predict(dx, dy) : null;
            List<org.duet.sync.Prediction.Template> tms = pred.templates();
            boolean right = ps != null;
            for (int i = 0; right && i < tms.size(); i++) {
                org.duet.svg.Attr a = rr.canvas
                        .elements()
                        .get(tms.get(i).element())
                        .attr(tms.get(i).name());
                right = a != null
                        && org.duet.sync.Prediction.sameText(
                                a.text, ps.attributes().get(i));
            }
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (org.duet.sync.Prediction.Template tm : tms) keys.add(tm.element() + "|" + tm.name());
            List<org.duet.svg.CanvasDiff.Update> out = new java.util.ArrayList<>();
            for (org.duet.svg.CanvasDiff.Update u : updates)
                if (!right || !keys.contains(u.index() + "|" + u.name())) out.add(u);
            if (!right) {
                java.util.Set<String> sent = new java.util.HashSet<>();
                for (org.duet.svg.CanvasDiff.Update u : out) sent.add(u.index() + "|" + u.name());
                for (org.duet.sync.Prediction.Template tm : tms) {
                    org.duet.svg.Attr a = rr.canvas.elements().get(tm.element()).attr(tm.name());
                    if (a != null && sent.add(tm.element() + "|" + tm.name()))
                        out.add(new org.duet.svg.CanvasDiff.Update(tm.element(), tm.name(), a.text));
                }
            }
            updates = out;
            verdict = !predicted ? "" : right ? "ok" : "wrong";
        }
        if (updates != null) canvas.dragPatch(dx, dy, updates, verdict);
        else canvas.setSvg(Runner.call(() -> rr.canvas.toCanvasSvg(ghosts.getValue())));
        if (!predicted) { // else the browser shows the code of its prediction
            code.setText(newText);
            List<CodeEditor.Highlight> marks = new java.util.ArrayList<>();
            java.util.Set<Integer> unsolved = new java.util.HashSet<>();
            for (DragResult.Element el : r.unsolved()) if (el.loc != null) unsolved.add(el.loc.id());
            for (Loc l : dragZone.assigned()) {
                Loc now = rr.program.loc(l.id());
                if (now == null) continue;
                String cls = unsolved.contains(l.id())
                        ? "duet-mark-unsolved"
                        : r.changedLocs.containsKey(l.id()) ? "duet-mark-changed" : "duet-mark-drives";
                marks.add(highlight(
                        rr.program,
                        now,
                        cls,
                        unsolved.contains(l.id()) ? "could not be solved for this position" : null));
            }
            code.setMarks(marks);
        }
        StringBuilder cap = new StringBuilder(zoneName(dragZone));
        cap.append(String.format("  dx %.0f dy %.0f", dx, dy));
        if (!r.exact()) cap.append("  — not every attribute can follow");
        canvas.setCaption(cap.toString());
    }

    /** The end of a drag or slider gesture: one undo step, saved, and run as usual. */
    private void finishGesture() {
        String result = dragText;
        boolean changed = dragZone != null && result != null && !result.equals(dragBase);
        if (changed && dragZone.shape >= 0) offerAlternatives(dragTable, dragZone, dragDx, dragDy, result);
        else alternatives.hide();
        dragZone = null;
        dragTable = null;
        dragText = null;
        dragBase = null;
        if (changed) {
            text = result;
            history.changed(text);
            save();
            render();
            updateUndoRedo();
        }
    }

    /**
     * After a drag: the other ways of making it (ranked by Choco-backed search) are listed; hovering one previews
     * its drawing and code, clicking it replaces the drag's edit (still one undo step).
     */
    private void offerAlternatives(SyncTable t, Zone zone, double dx, double dy, String applied) {
        UI ui = UI.getCurrent();
        CompletableFuture.supplyAsync(() -> Alternatives.alternatives(t, zone, dx, dy, 5), Runner.EXECUTOR)
                .thenAccept(result -> ui.access(() -> {
                    if (!applied.equals(text)) return; // the program changed meanwhile
                    List<Alternatives.Alternative> others = new java.util.ArrayList<>();
                    for (Alternatives.Alternative a : result) if (!a.program.equals(applied)) others.add(a);
                    if (others.isEmpty()) {
                        alternatives.hide();
                        return;
                    }
                    alternatives.show(
                            others,
                            result.truncated,
                            this::previewAlternative,
                            this::endPreview,
                            this::applyAlternative);
                }))
                .exceptionally(e -> backgroundFailed(ui, "look for other ways to make the drag", e));
    }

    /** How far the drawing moves in the preview of a way to drag a zone (asked for while hovering, key A). */
    static final double ASK_PREVIEW = 20;

    /**
     * While hovering a zone, the user asked which constants it could change: every way of moving it is listed
     * (ranked as after a drag); hovering one previews a small move made that way, clicking one pins its constants, so
     * that later drags of the zone change them.
     */
    private void askAlternatives(int shape, String zoneName) {
        SyncTable t = table();
        if (t == null || dragZone != null) return;
        Zone z;
        try {
            z = Sync.find(t, shape, zoneName);
        } catch (DuetException e) {
            canvas.setCaption(e.bareMessage());
            return;
        }
        if (!z.active()) {
            canvas.setCaption(zoneCaption(z));
            return;
        }
        Zone zone = z;
        String applied = text;
        UI ui = UI.getCurrent();
        canvas.setCaption("looking for the ways to drag " + zoneName(z) + "…");
        CompletableFuture.supplyAsync(
                        () -> Alternatives.alternatives(t, zone, ASK_PREVIEW, ASK_PREVIEW, 6), Runner.EXECUTOR)
                .thenAccept(result -> ui.access(() -> {
                    if (!applied.equals(text)) return;
                    canvas.setCaption("");
                    if (result.isEmpty()) {
                        canvas.setCaption(zoneName(zone) + ": no way to move it was found");
                        return;
                    }
                    alternatives.show(
                            "Ways to drag " + zoneName(zone),
                            a -> "change "
                                    + String.join(
                                            " and ",
                                            a.changes.stream().map(c -> c.name).toList()),
                            result,
                            result.truncated,
                            this::previewAlternative,
                            this::endPreview,
                            a -> {
                                endPreview();
                                alternatives.hide();
                                for (Loc l : zone.assigned()) pins.remove(l.id());
                                for (Alternatives.Change c : a.changes) pins.add(c.loc.id());
                                if (lastGood != null) showPins(lastGood.program);
                                setStatus(
                                        "Pinned: drags of " + zoneName(zone) + " now change "
                                                + String.join(
                                                        " and ",
                                                        a.changes.stream()
                                                                .map(c -> c.name)
                                                                .toList()) + ".",
                                        false);
                            });
                }))
                .exceptionally(e -> backgroundFailed(ui, "look for the ways to drag " + zoneName(zone), e));
    }

    private void previewAlternative(Alternatives.Alternative a) {
        hideHandlesForPreview();
        try {
            Renderer.Result rr =
                    Runner.call(() -> Renderer.render(name, a.program, Limits.DEFAULT, Renderer.Frame.FIRST));
            canvas.setSvg(Runner.call(() -> rr.canvas.toCanvasSvg(ghosts.getValue())));
            code.setText(a.program);
            List<CodeEditor.Highlight> marks = new java.util.ArrayList<>();
            for (Alternatives.Change c : a.changes) {
                Loc now = rr.program.loc(c.loc.id());
                if (now != null) marks.add(highlight(rr.program, now, "duet-mark-changed", null));
            }
            code.setMarks(marks);
        } catch (DuetException e) {
            canvas.setCaption("this alternative gives an error: " + e.bareMessage());
        }
    }

    private void endPreview() {
        code.setText(text);
        code.setMarks(List.of());
        showDrawing();
        if (previewing) {
            previewing = false;
            showSelection(); // handles and features of the real drawing again
        }
    }

    /** A preview is shown: the handles and features of the selection were taken down (they belong to the program). */
    private boolean previewing;

    private void hideHandlesForPreview() {
        if (previewing) return;
        previewing = true;
        zonesSent.clear();
        featuresSent.clear();
        canvas.clearZones();
    }

    private void applyAlternative(Alternatives.Alternative a) {
        previewing = false;
        alternatives.hide();
        text = a.program;
        history.replaceCurrent(text);
        code.setText(text);
        code.setMarks(List.of());
        save();
        render();
        updateUndoRedo();
    }

    /**
     * The program's range sliders (numbers written n{lo-hi}), shown beside the canvas. Read from the program's
     * literals, so that typing does not compute the zone table; the table is built when a slider is moved.
     */
    private void updateSliders() {
        if (dragZone != null) return;
        elemental.json.JsonArray list = elemental.json.Json.createArray();
        if (lastGood != null) {
            for (Loc l : lastGood.program.locs()) {
                if (l.range == null) continue;
                elemental.json.JsonObject o = elemental.json.Json.createObject();
                o.put("index", l.id());
                o.put("name", locName(l));
                o.put("value", l.value);
                o.put("lo", l.range.lo());
                o.put("hi", l.range.hi());
                o.put("int", l.range.integral() && l.value == Math.floor(l.value));
                o.put("label", org.duet.lang.JsNumber.toString(l.value));
                list.set(list.length(), o);
            }
        }
        canvas.setSliders(list);
    }

    /** The program's point widgets ((e : Point) pairs of numbers): drawn on the canvas, dragged like handles. */
    private void updatePoints() {
        elemental.json.JsonArray list = elemental.json.Json.createArray();
        if (lastGood != null && !lastGood.points.isEmpty()) {
            SyncTable t = table();
            int k = 0;
            for (org.duet.eval.Value.Num[] p : lastGood.points) {
                String zone = "PointSlider" + (++k);
                Zone z = t == null ? null : t.zone(Sync.WIDGETS, zone);
                elemental.json.JsonObject o = elemental.json.Json.createObject();
                o.put("name", zone);
                o.put("x", p[0].v);
                o.put("y", p[1].v);
                o.put("active", z != null && z.active());
                list.set(list.length(), o);
            }
        }
        canvas.setPoints(list);
    }

    /** A slider moved: e.index is its literal's location id. */
    private void slid(DrawingCanvas.SliderEvent e) {
        if (dragZone == null) {
            SyncTable t = table();
            if (t == null) return;
            Zone widget = null;
            for (Zone z : t.widgets())
                if (!z.trigger().isEmpty() && z.trigger().get(0).loc.id() == e.index) widget = z;
            if (widget == null || !widget.active()) return;
            dragTable = t;
            dragZone = widget;
            dragBase = text;
            dragText = null;
        }
        Loc l = dragZone.trigger().isEmpty() ? null : dragZone.trigger().get(0).loc;
        if (l != null && l.range != null && l.range.hi() != l.range.lo()) {
            double dx = (e.value - l.value) * 100 / (l.range.hi() - l.range.lo());
            step(dx, 0);
        }
        if ("end".equals(e.phase)) finishGesture();
    }

    private void showDrawing() {
        if (lastGood == null) {
            canvas.setSvg("<svg xmlns='http://www.w3.org/2000/svg'></svg>");
            return;
        }
        canvas.setDimmed(false);
        Renderer.Result shown = lastGood;
        boolean withGhosts = ghosts.getValue();
        canvas.setSvg(Runner.call(() -> shown.canvas.toCanvasSvg(withGhosts)));
    }

    /**
     * Work in the background failed: it is logged and the status line says what could not be done (a Duet error,
     * such as a limit, with its own message). Returns null, for {@code exceptionally}.
     */
    private Void backgroundFailed(UI ui, String what, Throwable failure) {
        Throwable e = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        LOG.warn("could not {}", what, e);
        String message = "Could not " + what + ": "
                + (e instanceof DuetException ? ((DuetException) e).bareMessage() : "an internal error (see the log)");
        ui.access(() -> setStatus(message, true));
        return null;
    }

    /** The run generation current when a drawing gesture's refusal was put in the status line. */
    private long gestureStatusGen = -1;

    /** Why a drawing gesture drew nothing: shown until a newer version of the program is shown. */
    private void gestureStatus(String message) {
        setStatus(message, true);
        gestureStatusGen = generation.get();
    }

    private void setStatus(String message, boolean error) {
        status.setText(message);
        status.getElement().getClassList().set("duet-error", error);
        statusOffset = -1;
        status.getStyle().remove("cursor");
        status.getElement().removeAttribute("title");
    }

    private void error(String message) {
        Notification n = Notification.show(message, 5000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    // ------------------------------------------------------------------------------------------------ export

    /** The drawing to export: the current program's, freshly rendered (an error gives none). */
    private Renderer.Result currentCanvasForExport() {
        try {
            return Renderer.render(name == null ? "program" : name, text);
        } catch (DuetException e) {
            return null;
        }
    }

    private String fileBase() {
        return name == null ? "drawing" : name.replaceAll("[^\\p{L}\\p{N}._-]+", "-");
    }

    private DownloadResponse svgDownload(com.vaadin.flow.server.streams.DownloadEvent e) {
        Renderer.Result r = currentCanvasForExport();
        if (r == null) return DownloadResponse.error(422, "The program has an error; fix it to export the drawing.");
        byte[] svg = r.canvas.toExportSvg().getBytes(StandardCharsets.UTF_8);
        return new DownloadResponse(new ByteArrayInputStream(svg), fileBase() + ".svg", "image/svg+xml", svg.length);
    }

    private DownloadResponse pngDownload(double scale) {
        Renderer.Result r = currentCanvasForExport();
        if (r == null) return DownloadResponse.error(422, "The program has an error; fix it to export the drawing.");
        try {
            byte[] png = PngExport.png(r.canvas, scale);
            String suffix = scale == 1 ? "" : "@" + (int) scale + "x";
            return new DownloadResponse(
                    new ByteArrayInputStream(png), fileBase() + suffix + ".png", "image/png", png.length);
        } catch (DuetException ex) {
            return DownloadResponse.error(422, ex.bareMessage());
        }
    }

    private DownloadResponse littleDownload() {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new DownloadResponse(
                new ByteArrayInputStream(b), fileBase() + ".little", "text/plain;charset=utf-8", b.length);
    }
}
