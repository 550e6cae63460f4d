package org.duet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.function.Consumer;
import org.duet.sync.Alternatives;

/** The other ways of making the last drag, over the canvas: hover to preview, click to use one instead. */
final class AlternativesPanel extends Div {
    AlternativesPanel() {
        addClassName("duet-alternatives");
        setId("alternatives");
        setVisible(false);
    }

    void hide() {
        removeAll();
        setVisible(false);
    }

    void show(
            List<Alternatives.Alternative> list,
            boolean truncated,
            Consumer<Alternatives.Alternative> preview,
            Runnable endPreview,
            Consumer<Alternatives.Alternative> apply) {
        show("Other ways to make this drag", null, list, truncated, preview, endPreview, apply);
    }

    /**
     * Lists alternatives under a title; {@code label} (when not null) gives each item's text instead of its
     * description.
     */
    void show(
            String heading,
            java.util.function.Function<Alternatives.Alternative, String> label,
            List<Alternatives.Alternative> list,
            boolean truncated,
            Consumer<Alternatives.Alternative> preview,
            Runnable endPreview,
            Consumer<Alternatives.Alternative> apply) {
        removeAll();
        Span title = new Span(heading);
        title.addClassName("duet-alternatives-title");
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            endPreview.run();
            hide();
        });
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        close.getElement().setAttribute("title", "Keep the drag as it is");
        Div head = new Div(title, close);
        head.addClassName("duet-alternatives-head");
        add(head);
        int i = 0;
        for (Alternatives.Alternative a : list) {
            Div item = new Div();
            item.addClassName("duet-alternative");
            item.getElement().setAttribute("data-rank", String.valueOf(++i));
            Span text = new Span(label == null ? a.description : label.apply(a));
            Span side = new Span(
                    a.otherShapesMoved == 0
                            ? "no other shape moves"
                            : a.otherShapesMoved
                                    + (a.otherShapesMoved == 1 ? " other shape moves" : " other shapes move"));
            side.addClassName("duet-alternative-side");
            item.add(text, side);
            item.getElement().addEventListener("mouseenter", e -> preview.accept(a));
            item.getElement().addEventListener("mouseleave", e -> endPreview.run());
            item.addClickListener(e -> apply.accept(a));
            add(item);
        }
        if (truncated) {
            Span more = new Span("(search stopped at its time limit: there may be more)");
            more.addClassName("duet-alternative-side");
            add(more);
        }
        setVisible(true);
    }
}
