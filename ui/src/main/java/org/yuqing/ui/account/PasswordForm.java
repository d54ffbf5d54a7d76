package org.yuqing.ui.account;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.FormDialog;

/**
 * The form of 修改密码 (ids {@code password-current}, {@code password-new}, {@code password-repeat}): checked here
 * first ({@link NewPasswordCheck}, the message at the field concerned), then sent to the gateway; a refusal (e.g.
 * 当前密码不正确) is shown as the gateway explains it and keeps what was typed.
 */
final class PasswordForm extends FormLayout {

    private final AccountClient client;
    private final PasswordField current = new PasswordField();
    private final PasswordField newPassword = new PasswordField();
    private final PasswordField repeat = new PasswordField();

    private PasswordForm(AccountClient client) {
        this.client = client;
        current.setLabel(getTranslation("account.password.current"));
        current.setId("password-current");
        newPassword.setLabel(getTranslation("account.password.new"));
        newPassword.setId("password-new");
        newPassword.setHelperText(getTranslation("account.password.newHelp", NewPasswordCheck.MIN_LENGTH));
        repeat.setLabel(getTranslation("account.password.repeat"));
        repeat.setId("password-repeat");
        for (PasswordField field : fields()) {
            field.setRequired(true);
            field.setWidthFull();
        }
        add(current, newPassword, repeat);
        setResponsiveSteps(new ResponsiveStep("0", 1));
    }

    /**
     * The dialog {@code password-dialog} with this form; it closes only when the gateway accepted the change.
     *
     * @param client the gateway's identity API as the current user
     * @return the dialog, not yet open
     */
    static FormDialog dialog(AccountClient client) {
        PasswordForm form = new PasswordForm(client);
        return new FormDialog("password-dialog", form.getTranslation("account.password.title"), form, form::save);
    }

    private List<PasswordField> fields() {
        return List.of(current, newPassword, repeat);
    }

    private boolean save() {
        fields().forEach(field -> field.setInvalid(false));
        Optional<NewPasswordCheck> problem = NewPasswordCheck.of(current.getValue(), newPassword.getValue(),
                repeat.getValue());
        if (problem.isPresent()) {
            PasswordField field = switch (problem.get()) {
                case CURRENT_MISSING -> current;
                case TOO_SHORT -> newPassword;
                case MISMATCH -> repeat;
            };
            field.setErrorMessage(getTranslation(problem.get().messageKey(), NewPasswordCheck.MIN_LENGTH));
            field.setInvalid(true);
            return false;
        }
        try {
            client.changePassword(current.getValue(), newPassword.getValue());
        } catch (GatewayCallException e) {
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
            return false;
        }
        ConsoleNotifications.success(getTranslation("account.password.changed"));
        return true;
    }
}
