package org.yuqing.ui.topics;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleTime;

/**
 * The topic editor (dialog {@code topic-editor}): name, owning unit, the four word groups, 测试 (a trial run over the
 * recent posts the user may see, listed with the hits highlighted in {@code topic-preview}) and 保存. A refusal of
 * monitoring is shown as its detail ({@code topic-error}) and at the fields it names; the dialog stays open with
 * what was typed.
 */
class TopicEditor extends Dialog {

    /** How far back the trial run looks. */
    static final Duration PREVIEW_WINDOW = Duration.ofDays(7);
    /** Matches the trial run lists at most. */
    static final int PREVIEW_LIMIT = 20;

    private final TopicClient client;
    private final Clock clock;
    private final TopicRecord editing;
    private final Consumer<String> saved;
    private final TextField name = new TextField();
    private final ComboBox<String> unit = new ComboBox<>();
    private final TextArea region = new TextArea();
    private final TextArea subject = new TextArea();
    private final TextArea event = new TextArea();
    private final TextArea exclude = new TextArea();
    private final Span error = new Span();
    private final Div preview = new Div();

    /**
     * @param client  the topics API
     * @param clock   the console's clock, for the trial run's window
     * @param units   the units the user may give a topic to, own units first
     * @param editing the topic to change, {@code null} for a new one
     * @param saved   called with the topic's name after a successful save
     */
    TopicEditor(TopicClient client, Clock clock, List<String> units, TopicRecord editing, Consumer<String> saved) {
        this.client = client;
        this.clock = clock;
        this.editing = editing;
        this.saved = saved;
        setId("topic-editor");
        setHeaderTitle(editing == null ? getTranslation("monitoring.topics.createTitle")
                : getTranslation("monitoring.topics.editTitle", editing.name()));
        setWidth("52em");

        name.setId("topic-name");
        name.setLabel(getTranslation("monitoring.topics.field.name"));
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        unit.setId("topic-unit");
        unit.setLabel(getTranslation("monitoring.topics.field.unit"));
        unit.setItems(units);
        unit.setRequiredIndicatorVisible(true);
        words(region, "topic-region", "monitoring.topics.field.region", "monitoring.topics.help.region");
        words(subject, "topic-subject", "monitoring.topics.field.subject", "monitoring.topics.help.subject");
        words(event, "topic-event", "monitoring.topics.field.event", "monitoring.topics.help.event");
        words(exclude, "topic-exclude", "monitoring.topics.field.exclude", "monitoring.topics.help.exclude");
        if (editing != null) {
            name.setValue(editing.name());
            unit.setValue(editing.unitId());
            region.setValue(WordList.format(editing.regionWords()));
            subject.setValue(WordList.format(editing.subjectWords()));
            event.setValue(WordList.format(editing.eventWords()));
            exclude.setValue(WordList.format(editing.excludeWords()));
        } else if (!units.isEmpty()) {
            unit.setValue(units.getFirst());
        }

        FormLayout form = new FormLayout(name, unit, region, subject, event, exclude);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        Paragraph rule = new Paragraph(getTranslation("monitoring.topics.rule"));
        rule.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "0.875em");
        error.setId("topic-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        preview.setId("topic-preview");
        preview.setWidthFull();
        add(form, rule, error, preview);

        Button cancel = new Button(getTranslation("dialog.cancel"), click -> close());
        cancel.setId("topic-cancel");
        Button test = new Button(getTranslation("monitoring.topics.test"), click -> runTrial());
        test.setId("topic-test");
        Button save = new Button(getTranslation("dialog.save"), click -> save());
        save.setId("topic-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(cancel, test, save);
    }

    private void words(TextArea field, String id, String labelKey, String helpKey) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setHelperText(getTranslation(helpKey));
        field.setWidthFull();
    }

    /** @return the topic as typed */
    TopicDraft draft() {
        return new TopicDraft(name.getValue().strip(), unit.getValue(), WordList.parse(region.getValue()),
                WordList.parse(subject.getValue()), WordList.parse(event.getValue()),
                WordList.parse(exclude.getValue()));
    }

    private void runTrial() {
        preview.removeAll();
        TopicDraft draft = draft();
        if (draft.hasNoMatchWords()) {
            preview.add(new Paragraph(getTranslation("monitoring.topics.preview.noWords")));
            return;
        }
        RecentPosts recent;
        try {
            recent = client.recentPosts(clock.instant().minus(PREVIEW_WINDOW));
        } catch (GatewayCallException e) {
            preview.add(new Paragraph(getTranslation("monitoring.topics.preview.unavailable",
                    e.userMessage(this::getTranslation))));
            return;
        }
        List<TopicPreview.Match> matches = TopicPreview.run(draft, recent.hits());
        Span summary = new Span(getTranslation("monitoring.topics.preview.summary", recent.hits().size(),
                matches.size()));
        summary.setId("topic-preview-summary");
        summary.getStyle().set("font-weight", "600");
        preview.add(summary);
        for (TopicPreview.Match match : matches.subList(0, Math.min(PREVIEW_LIMIT, matches.size()))) {
            preview.add(matchCard(match));
        }
        if (matches.size() > PREVIEW_LIMIT) {
            preview.add(new Paragraph(getTranslation("monitoring.topics.preview.more", matches.size() - PREVIEW_LIMIT)));
        }
    }

    private Div matchCard(TopicPreview.Match match) {
        Div card = new Div();
        card.addClassName("topic-preview-match");
        card.getStyle().set("padding", "0.3em 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        Div title = new Div();
        title.addClassName("topic-preview-title");
        title.getStyle().set("font-weight", "600");
        // escaped by TopicPreview: only its own <em> marks are markup
        title.getElement().setProperty("innerHTML", match.titleHtml().isEmpty()
                ? getTranslation("monitoring.untitled") : match.titleHtml());
        List<String> meta = new ArrayList<>();
        if (match.post().site() != null) {
            meta.add(match.post().site());
        }
        if (match.post().publishedAt() != null) {
            meta.add(ConsoleTime.format(match.post().publishedAt()));
        }
        meta.add(getTranslation("monitoring.topics.preview.hits", String.join("、", match.hits())));
        Span metaLine = new Span(String.join(" · ", meta));
        metaLine.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "0.875em");
        Paragraph text = new Paragraph();
        text.addClassName("highlight");
        text.getStyle().set("margin", "0.2em 0");
        text.getElement().setProperty("innerHTML", match.textHtml());
        card.add(title, metaLine, text);
        return card;
    }

    private void save() {
        clearErrors();
        TopicDraft draft = draft();
        if (draft.name().isEmpty() || draft.unitId() == null) {
            error.setText(getTranslation("monitoring.topics.required"));
            name.setInvalid(draft.name().isEmpty());
            unit.setInvalid(draft.unitId() == null);
            return;
        }
        try {
            if (editing == null) {
                client.create(draft);
            } else {
                client.update(editing.id(), draft);
            }
        } catch (GatewayCallException e) {
            String message = e.userMessage(this::getTranslation);
            error.setText(message);
            e.detail().ifPresent(this::markFields);
            return;
        }
        close();
        saved.accept(draft.name());
    }

    private void clearErrors() {
        error.setText("");
        for (var field : List.of(name, region, subject, event, exclude)) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
        unit.setInvalid(false);
        unit.setErrorMessage(null);
    }

    /** Puts each {@code field: message} of monitoring's detail at the field it names. */
    private void markFields(String detail) {
        Map<String, List<com.vaadin.flow.component.HasValidation>> fields = Map.of(
                "name", List.of(name), "unitId", List.of(unit), "regionWords", List.of(region),
                "subjectWords", List.of(subject), "eventWords", List.of(event), "excludeWords", List.of(exclude));
        for (String part : detail.split(";\\s*")) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String message = part.substring(colon + 1).strip();
            for (String field : part.substring(0, colon).strip().split("/")) {
                for (var component : fields.getOrDefault(field, List.of())) {
                    component.setInvalid(true);
                    component.setErrorMessage(message);
                }
            }
        }
    }
}
