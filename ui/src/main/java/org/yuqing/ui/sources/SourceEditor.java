package org.yuqing.ui.sources;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * The source editor (dialog {@code source-editor}): name, feed URL, owning unit, media type of its posts, polling
 * interval in minutes and whether it is polled. A refusal of monitoring is shown as its detail
 * ({@code source-error}) and at the fields it names; the dialog stays open with what was typed.
 */
class SourceEditor extends Dialog {

    /** Media types a source's posts may get (monitoring's {@code Medium}). */
    static final List<String> MEDIA = List.of("NEWS", "FORUM", "WEIBO", "WECHAT", "VIDEO", "GOVERNMENT", "OTHER");

    private final SourceClient client;
    private final SourceRecord editing;
    private final Runnable saved;
    private final TextField name = new TextField();
    private final TextField url = new TextField();
    private final ComboBox<String> unit = new ComboBox<>();
    private final Select<String> medium = new Select<>();
    private final IntegerField minutes = new IntegerField();
    private final Checkbox enabled = new Checkbox();
    private final Span error = new Span();

    SourceEditor(SourceClient client, List<String> units, SourceRecord editing, Runnable saved) {
        this.client = client;
        this.editing = editing;
        this.saved = saved;
        setId("source-editor");
        setHeaderTitle(editing == null ? getTranslation("monitoring.sources.createTitle")
                : getTranslation("monitoring.sources.editTitle", editing.name()));
        setWidth("40em");

        name.setId("source-name");
        name.setLabel(getTranslation("monitoring.sources.field.name"));
        name.setRequiredIndicatorVisible(true);
        url.setId("source-url");
        url.setLabel(getTranslation("monitoring.sources.field.url"));
        url.setPlaceholder("https://example.cn/rss.xml");
        url.setRequiredIndicatorVisible(true);
        unit.setId("source-unit");
        unit.setLabel(getTranslation("monitoring.sources.field.unit"));
        unit.setItems(units);
        medium.setId("source-medium");
        medium.setLabel(getTranslation("monitoring.sources.field.medium"));
        medium.setItems(MEDIA);
        medium.setItemLabelGenerator(m -> getTranslation("monitoring.medium." + m));
        minutes.setId("source-interval");
        minutes.setLabel(getTranslation("monitoring.sources.field.interval"));
        minutes.setHelperText(getTranslation("monitoring.sources.help.interval"));
        minutes.setMin(1);
        minutes.setMax(1440);
        minutes.setStepButtonsVisible(true);
        enabled.setId("source-enabled");
        enabled.setLabel(getTranslation("monitoring.sources.field.enabled"));
        if (editing != null) {
            name.setValue(editing.name());
            url.setValue(editing.url() == null ? "" : editing.url());
            unit.setValue(editing.unitId());
            medium.setValue(editing.mediaType() == null ? "NEWS" : editing.mediaType());
            minutes.setValue(minutesOf(editing.pollInterval()));
            enabled.setValue(editing.enabled());
        } else {
            if (!units.isEmpty()) {
                unit.setValue(units.getFirst());
            }
            medium.setValue("NEWS");
            minutes.setValue(15);
            enabled.setValue(true);
        }
        FormLayout form = new FormLayout(name, url, unit, medium, minutes, enabled);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setColspan(url, 2);
        error.setId("source-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(form, error);

        Button cancel = new Button(getTranslation("dialog.cancel"), click -> close());
        cancel.setId("source-cancel");
        Button save = new Button(getTranslation("dialog.save"), click -> save());
        save.setId("source-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(cancel, save);
    }

    /** The interval in whole minutes, {@code null} when it is not an ISO-8601 duration. */
    static Integer minutesOf(String pollInterval) {
        if (pollInterval == null) {
            return null;
        }
        try {
            return (int) Duration.parse(pollInterval).toMinutes();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void save() {
        error.setText("");
        for (HasValidation field : List.of(name, url, unit, minutes)) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
        if (name.getValue().isBlank() || url.getValue().isBlank() || unit.getValue() == null) {
            error.setText(getTranslation("monitoring.sources.required"));
            return;
        }
        SourceDraft draft = new SourceDraft(name.getValue().strip(), "FEED", url.getValue().strip(), unit.getValue(),
                medium.getValue(), minutes.getValue() == null ? null : Duration.ofMinutes(minutes.getValue()).toString(),
                enabled.getValue());
        try {
            if (editing == null) {
                client.create(draft);
            } else {
                client.update(editing.id(), draft);
            }
        } catch (GatewayCallException e) {
            error.setText(e.userMessage(this::getTranslation));
            e.detail().ifPresent(this::markFields);
            return;
        }
        close();
        saved.run();
    }

    /** Puts each {@code field: message} of monitoring's detail at the field it names. */
    private void markFields(String detail) {
        Map<String, HasValidation> fields = Map.of("name", name, "url", url, "unitId", unit,
                "pollInterval", minutes);
        for (String part : detail.split(";\\s*")) {
            int colon = part.indexOf(':');
            HasValidation field = colon < 0 ? null : fields.get(part.substring(0, colon).strip());
            if (field != null) {
                field.setInvalid(true);
                field.setErrorMessage(part.substring(colon + 1).strip());
            }
        }
    }
}
