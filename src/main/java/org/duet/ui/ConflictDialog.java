package org.duet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** The document changed elsewhere while this window was editing it: the user chooses, nothing is overwritten. */
final class ConflictDialog {
    private ConflictDialog() {}

    static void open(String name, Runnable takeTheirs, Runnable keepMineAsCopy) {
        Dialog d = new Dialog();
        d.setId("conflict-dialog");
        d.setHeaderTitle("“" + name + "” changed elsewhere");
        d.add(new Paragraph("Another window or tab (or another program) saved a different version of this document "
                + "while you were editing it. Duet has not overwritten it, and your text is still here, as you typed "
                + "it. Load the other version (the latest; Undo brings yours back), or keep yours as a copy, "
                + "“" + name + " (mine)”."));
        Button theirs = new Button("Load the other version", e -> {
            d.close();
            takeTheirs.run();
        });
        theirs.setId("conflict-theirs");
        Button mine = new Button("Keep mine as a copy", e -> {
            d.close();
            keepMineAsCopy.run();
        });
        mine.setId("conflict-mine");
        mine.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // one of the two choices must be made: until then nothing is saved over the document
        d.setCloseOnOutsideClick(false);
        d.setCloseOnEsc(false);
        d.getFooter().add(theirs, mine);
        d.open();
    }
}
