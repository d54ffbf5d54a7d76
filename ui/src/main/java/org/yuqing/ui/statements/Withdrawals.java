package org.yuqing.ui.statements;

import java.util.function.Consumer;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.FormDialog;

/**
 * The two ways a publisher takes back a published statement, as dialogs the editor and the delivery board share:
 * 撤回 (retract, with the reason the public page shows; ids {@code retract-dialog}, {@code retract-reason},
 * {@code retract-dialog-save}) and 更正 (a correction notice that goes through the same approvals; ids
 * {@code correct-dialog}, {@code correct-title}, {@code correct-body}, {@code correct-reason},
 * {@code correct-dialog-save}). A refusal keeps the dialog open and shows the service's explanation.
 */
public final class Withdrawals {

    private Withdrawals() {
    }

    /**
     * Opens the retract dialog.
     *
     * @param client    the publishing API
     * @param texts     texts in the user's language
     * @param statement a published statement
     * @param done      called after the retraction was recorded
     */
    public static void retract(PublishingClient client, PublishingTexts texts, Statement statement, Runnable done) {
        TextArea reason = new TextArea(texts.text("publishing.withdraw.reason"));
        reason.setId("retract-reason");
        reason.setRequired(true);
        reason.setWidthFull();
        reason.setHelperText(texts.text("publishing.withdraw.reasonHelp"));
        FormLayout form = new FormLayout(reason);
        new FormDialog("retract-dialog", texts.text("publishing.withdraw.retractTitle", statement.title()), form,
                () -> {
                    if (reason.getValue().isBlank()) {
                        reason.setInvalid(true);
                        ConsoleNotifications.error(texts.text("publishing.withdraw.reasonRequired"));
                        return false;
                    }
                    try {
                        client.retract(statement.id(), reason.getValue().strip());
                    } catch (GatewayCallException e) {
                        ConsoleNotifications.error(e.userMessage(texts::text));
                        return false;
                    }
                    ConsoleNotifications.success(texts.text("publishing.withdraw.retracted", statement.title()));
                    done.run();
                    return true;
                }).open();
    }

    /**
     * Opens the correction dialog.
     *
     * @param client    the publishing API
     * @param texts     texts in the user's language
     * @param statement a published statement
     * @param opened    given the notice's id once drafted (empty string when it could not be found again)
     */
    public static void correct(PublishingClient client, PublishingTexts texts, Statement statement,
                               Consumer<String> opened) {
        TextField title = new TextField(texts.text("publishing.editor.title"));
        title.setId("correct-title");
        title.setValue(texts.text("publishing.withdraw.noticeTitle", statement.title()));
        title.setWidthFull();
        TextArea body = new TextArea(texts.text("publishing.withdraw.noticeBody"));
        body.setId("correct-body");
        body.setWidthFull();
        body.setMinHeight("8em");
        TextArea reason = new TextArea(texts.text("publishing.withdraw.correctionReason"));
        reason.setId("correct-reason");
        reason.setWidthFull();
        reason.setHelperText(texts.text("publishing.withdraw.reasonHelp"));
        FormLayout form = new FormLayout(title, body, reason);
        new FormDialog("correct-dialog", texts.text("publishing.withdraw.correctTitle", statement.title()), form,
                () -> {
                    if (title.getValue().isBlank() || body.getValue().isBlank() || reason.getValue().isBlank()) {
                        ConsoleNotifications.error(texts.text("publishing.withdraw.correctionRequired"));
                        return false;
                    }
                    String notice;
                    try {
                        notice = client.correct(statement, title.getValue().strip(), body.getValue().strip(),
                                reason.getValue().strip()).orElse("");
                    } catch (GatewayCallException e) {
                        ConsoleNotifications.error(e.userMessage(texts::text));
                        return false;
                    }
                    ConsoleNotifications.success(texts.text("publishing.withdraw.correctionDrafted"));
                    opened.accept(notice);
                    return true;
                }).open();
    }
}
