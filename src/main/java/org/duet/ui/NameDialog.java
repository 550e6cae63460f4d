package org.duet.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Function;
import org.duet.doc.Workspace;

/** Asks for a document name; the action returns an error message to show, or null when done. */
final class NameDialog {
    private NameDialog() {}

    static void open(String title, String initial, Function<String, String> action) {
        Dialog d = new Dialog();
        d.setHeaderTitle(title);
        TextField field = new TextField("Name");
        field.setId("name-field");
        field.setValue(initial == null ? "" : initial);
        field.setWidth("22em");
        field.setMaxLength(Workspace.MAX_NAME + 20);
        field.addValueChangeListener(e -> {
            String why = Workspace.checkName(e.getValue());
            field.setInvalid(why != null);
            field.setErrorMessage(why);
        });
        Button ok = new Button("OK", e -> {
            String v = field.getValue();
            String why = Workspace.checkName(v);
            if (why == null) why = action.apply(v);
            if (why != null) {
                field.setInvalid(true);
                field.setErrorMessage(why);
            } else {
                d.close();
            }
        });
        ok.setId("name-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClickShortcut(Key.ENTER);
        Button cancel = new Button("Cancel", e -> d.close());
        d.add(field);
        d.getFooter().add(cancel, ok);
        d.open();
        field.focus();
    }
}
