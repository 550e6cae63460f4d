package org.duet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.duet.doc.Workspace;

/** The workspace's documents: open, new, rename, duplicate, delete (with undo). */
final class DocumentsDialog {
    private DocumentsDialog() {}

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneId.systemDefault());

    static void open(Workspace ws, String current, Consumer<String> open, BiConsumer<String, String> deleted) {
        Dialog d = new Dialog();
        d.setId("documents-dialog");
        d.setHeaderTitle("Documents");
        d.setWidth("40em");
        Grid<Workspace.Entry> grid = new Grid<>();
        grid.setId("documents");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Workspace.Entry::name).setHeader("Name").setFlexGrow(3).setSortable(true);
        grid.addColumn(e -> WHEN.format(e.modified())).setHeader("Changed").setFlexGrow(2);
        grid.addComponentColumn(e -> actions(ws, e, d, grid, open, deleted))
                .setHeader("")
                .setFlexGrow(2);
        grid.setHeight("22em");
        grid.addItemDoubleClickListener(e -> {
            d.close();
            open.accept(e.getItem().name());
        });
        refresh(ws, grid);
        Button create = new Button(
                "New document",
                VaadinIcon.PLUS.create(),
                e -> NameDialog.open("New document", ws.uniqueName("untitled"), n -> {
                    try {
                        ws.create(n, org.duet.doc.Examples.blank(), d);
                        d.close();
                        open.accept(n);
                        return null;
                    } catch (Exception ex) {
                        return ex.getMessage();
                    }
                }));
        create.setId("documents-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(grid);
        d.getFooter().add(new Button("Close", e -> d.close()), create);
        d.open();
    }

    private static void refresh(Workspace ws, Grid<Workspace.Entry> grid) {
        try {
            List<Workspace.Entry> list = ws.list();
            grid.setItems(list);
        } catch (IOException e) {
            grid.setItems(List.of());
        }
    }

    private static HorizontalLayout actions(
            Workspace ws,
            Workspace.Entry e,
            Dialog d,
            Grid<Workspace.Entry> grid,
            Consumer<String> open,
            BiConsumer<String, String> deleted) {
        Button o = small("Open", VaadinIcon.FOLDER_OPEN_O, () -> {
            d.close();
            open.accept(e.name());
        });
        o.addClassName("doc-open");
        Button r = small(
                "Rename",
                VaadinIcon.EDIT,
                () -> NameDialog.open("Rename document", e.name(), n -> {
                    try {
                        ws.rename(e.name(), n, d);
                        refresh(ws, grid);
                        return null;
                    } catch (Exception ex) {
                        return ex.getMessage();
                    }
                }));
        r.addClassName("doc-rename");
        Button c = small("Duplicate", VaadinIcon.COPY_O, () -> {
            try {
                ws.duplicate(e.name(), d);
                refresh(ws, grid);
            } catch (Exception ex) {
                com.vaadin.flow.component.notification.Notification.show(ex.getMessage());
            }
        });
        c.addClassName("doc-duplicate");
        Button x = small("Delete", VaadinIcon.TRASH, () -> {
            try {
                String token = ws.delete(e.name(), d);
                refresh(ws, grid);
                deleted.accept(e.name(), token);
            } catch (Exception ex) {
                com.vaadin.flow.component.notification.Notification.show(ex.getMessage());
            }
        });
        x.addClassName("doc-delete");
        x.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout h = new HorizontalLayout(o, r, c, x);
        h.setSpacing(false);
        return h;
    }

    private static Button small(String title, VaadinIcon icon, Runnable r) {
        Button b = new Button(icon.create(), e -> r.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        b.getElement().setAttribute("title", title);
        b.getElement().setAttribute("aria-label", title);
        return b;
    }
}
