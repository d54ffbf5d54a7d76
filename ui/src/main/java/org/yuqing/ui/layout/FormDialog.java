package org.yuqing.ui.layout;

import java.util.function.BooleanSupplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;

/**
 * A dialog with a form and 取消 / 保存 buttons. It closes on save only when the save succeeded, so a refused change
 * keeps what the user typed. Ids: the dialog's own, {@code <id>-save} and {@code <id>-cancel}.
 */
public class FormDialog extends Dialog {

    /**
     * @param id      stable id of the dialog
     * @param title   the header text, already translated
     * @param content the form
     * @param save    performs the change; {@code true} when it succeeded
     */
    public FormDialog(String id, String title, Component content, BooleanSupplier save) {
        super(title);
        setId(id);
        setWidth("34em");
        add(content);
        Button cancel = new Button(getTranslation("dialog.cancel"), click -> close());
        cancel.setId(id + "-cancel");
        Button ok = new Button(getTranslation("dialog.save"), click -> {
            if (save.getAsBoolean()) {
                close();
            }
        });
        ok.setId(id + "-save");
        ok.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(cancel, ok);
    }
}
