package org.duet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.util.function.Consumer;
import org.duet.doc.Examples;

/** Duet's example programs with thumbnails rendered from the programs; choosing one opens a copy. */
final class ExamplesDialog {
    private ExamplesDialog() {}

    static void open(Consumer<Examples.Example> chosen) {
        Dialog d = new Dialog();
        d.setId("examples-dialog");
        d.setHeaderTitle("Examples");
        d.setWidth("min(60em, 95vw)");
        Div grid = new Div();
        grid.addClassName("duet-gallery");
        for (Examples.Example ex : Examples.all()) {
            Div card = new Div();
            card.addClassName("duet-example");
            card.getElement().setAttribute("data-example", ex.name());
            card.getElement().setAttribute("title", ex.description());
            Image img = new Image(Examples.thumbnailDataUrl(ex), ex.name());
            img.addClassName("duet-thumb");
            Span label = new Span(ex.name());
            label.addClassName("duet-example-name");
            card.add(img, label);
            card.addClickListener(e -> {
                d.close();
                chosen.accept(ex);
            });
            grid.add(card);
        }
        d.add(grid);
        d.getFooter().add(new Button("Close", e -> d.close()));
        d.open();
    }
}
