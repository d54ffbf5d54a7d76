package org.yuqing.ui.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.springframework.web.util.HtmlUtils;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleTime;

/**
 * The topic editor (dialog {@code topic-editor}): name, owning unit, the mode ({@code topic-mode}: 词组 — the four word
 * groups — or 高级表达式, {@code topic-expression}), the site and media-type filters ({@code topic-sites},
 * {@code topic-media}), 启用 ({@code topic-enabled}), 测试 (monitoring tries the draft over the recent posts the user
 * may see and lists the matches with the words highlighted in {@code topic-preview}; nothing is saved) and 保存. A
 * refusal of monitoring is shown as its detail ({@code topic-error}) and at the fields it names; an invalid expression
 * is shown under the expression field with the character it points at marked ({@code topic-expression-marker}); the
 * dialog stays open with what was typed.
 */
class TopicEditor extends Dialog {

    /** How many days back the trial looks. */
    static final int TRIAL_DAYS = 7;
    static final String WORDS = "words";
    static final String EXPRESSION = "expression";
    static final List<String> MEDIA_TYPES = List.of("NEWS", "FORUM", "WEIBO", "WECHAT", "VIDEO", "GOVERNMENT", "OTHER");
    /** Where monitoring's detail of an invalid expression says the error is: 第 12 个字符处 (counting from 1). */
    private static final Pattern POSITION = Pattern.compile("第 (\\d+) 个字符处");

    private final TopicClient client;
    private final TopicRecord editing;
    private final Consumer<String> saved;
    private final TextField name = new TextField();
    private final ComboBox<String> unit = new ComboBox<>();
    private final RadioButtonGroup<String> mode = new RadioButtonGroup<>();
    private final TextArea region = new TextArea();
    private final TextArea subject = new TextArea();
    private final TextArea event = new TextArea();
    private final TextArea exclude = new TextArea();
    private final TextArea expression = new TextArea();
    private final Div expressionMarker = new Div();
    private final Paragraph expressionHelp = new Paragraph();
    private final Paragraph rule = new Paragraph();
    private final TextArea sites = new TextArea();
    private final MultiSelectComboBox<String> media = new MultiSelectComboBox<>();
    private final Checkbox enabled = new Checkbox();
    private final Span error = new Span();
    private final Div preview = new Div();

    /**
     * @param client  the topics API
     * @param units   the units the user may give a topic to, own units first
     * @param editing the topic to change, {@code null} for a new one
     * @param saved   called with the topic's name after a successful save
     */
    TopicEditor(TopicClient client, List<String> units, TopicRecord editing, Consumer<String> saved) {
        this.client = client;
        this.editing = editing;
        this.saved = saved;
        setId("topic-editor");
        setHeaderTitle(editing == null ? getTranslation("monitoring.topics.createTitle")
                : getTranslation("monitoring.topics.editTitle", editing.name()));
        setWidth("56em");

        name.setId("topic-name");
        name.setLabel(getTranslation("monitoring.topics.field.name"));
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        unit.setId("topic-unit");
        unit.setLabel(getTranslation("monitoring.topics.field.unit"));
        unit.setItems(units);
        unit.setRequiredIndicatorVisible(true);
        mode.setId("topic-mode");
        mode.setLabel(getTranslation("monitoring.topics.field.mode"));
        mode.setItems(WORDS, EXPRESSION);
        mode.setItemLabelGenerator(m -> getTranslation("monitoring.topics.mode." + m));
        words(region, "topic-region", "monitoring.topics.field.region", "monitoring.topics.help.region");
        words(subject, "topic-subject", "monitoring.topics.field.subject", "monitoring.topics.help.subject");
        words(event, "topic-event", "monitoring.topics.field.event", "monitoring.topics.help.event");
        words(exclude, "topic-exclude", "monitoring.topics.field.exclude", "monitoring.topics.help.exclude");
        expression.setId("topic-expression");
        expression.setLabel(getTranslation("monitoring.topics.field.expression"));
        expression.setPlaceholder(getTranslation("monitoring.topics.help.expressionExample"));
        expression.setWidthFull();
        expression.addValueChangeListener(change -> expressionMarker.setVisible(false));
        expressionMarker.setId("topic-expression-marker");
        expressionMarker.getStyle().set("font-family", "monospace").set("white-space", "pre-wrap")
                .set("color", "var(--lumo-error-text-color)");
        expressionMarker.setVisible(false);
        expressionHelp.setText(getTranslation("monitoring.topics.help.expression"));
        secondary(expressionHelp);
        sites.setId("topic-sites");
        sites.setLabel(getTranslation("monitoring.topics.field.sites"));
        sites.setHelperText(getTranslation("monitoring.topics.help.sites"));
        sites.setWidthFull();
        media.setId("topic-media");
        media.setLabel(getTranslation("monitoring.topics.field.media"));
        media.setHelperText(getTranslation("monitoring.topics.help.media"));
        media.setItems(MEDIA_TYPES);
        media.setItemLabelGenerator(m -> getTranslation("monitoring.medium." + m));
        media.setWidthFull();
        enabled.setId("topic-enabled");
        enabled.setLabel(getTranslation("monitoring.topics.field.enabled"));
        enabled.setValue(true);
        if (editing != null) {
            name.setValue(editing.name());
            unit.setValue(editing.unitId());
            region.setValue(WordList.format(editing.regionWords()));
            subject.setValue(WordList.format(editing.subjectWords()));
            event.setValue(WordList.format(editing.eventWords()));
            exclude.setValue(WordList.format(editing.excludeWords()));
            expression.setValue(editing.isExpression() ? editing.expression() : "");
            sites.setValue(WordList.format(editing.sites()));
            media.setValue(editing.mediaTypes().stream().filter(MEDIA_TYPES::contains).toList());
            enabled.setValue(editing.enabled());
            mode.setValue(editing.isExpression() ? EXPRESSION : WORDS);
        } else {
            mode.setValue(WORDS);
            if (!units.isEmpty()) {
                unit.setValue(units.getFirst());
            }
        }

        FormLayout form = new FormLayout(name, unit, region, subject, event, exclude);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        FormLayout filters = new FormLayout(sites, media);
        filters.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        rule.setText(getTranslation("monitoring.topics.rule"));
        secondary(rule);
        error.setId("topic-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        preview.setId("topic-preview");
        preview.setWidthFull();
        add(form, mode, expression, expressionMarker, expressionHelp, rule, filters, enabled, error, preview);
        // name and unit belong to both modes: the form keeps them, the word groups are hidden in expression mode
        mode.addValueChangeListener(change -> showMode());
        showMode();

        Button cancel = new Button(getTranslation("dialog.cancel"), click -> close());
        cancel.setId("topic-cancel");
        Button test = new Button(getTranslation("monitoring.topics.test"), click -> runTrial());
        test.setId("topic-test");
        Button save = new Button(getTranslation("dialog.save"), click -> save());
        save.setId("topic-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(cancel, test, save);
    }

    private static void secondary(Paragraph paragraph) {
        paragraph.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "0.875em");
    }

    private void words(TextArea field, String id, String labelKey, String helpKey) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setHelperText(getTranslation(helpKey));
        field.setWidthFull();
    }

    private boolean expressionMode() {
        return EXPRESSION.equals(mode.getValue());
    }

    private void showMode() {
        boolean e = expressionMode();
        for (TextArea field : List.of(region, subject, event, exclude)) {
            field.setVisible(!e);
        }
        rule.setVisible(!e);
        expression.setVisible(e);
        expressionHelp.setVisible(e);
        expressionMarker.setVisible(false);
    }

    /** @return the topic as typed; only the fields of the chosen mode count */
    TopicDraft draft() {
        boolean e = expressionMode();
        return new TopicDraft(name.getValue().strip(), unit.getValue(),
                e ? List.of() : WordList.parse(region.getValue()), e ? List.of() : WordList.parse(subject.getValue()),
                e ? List.of() : WordList.parse(event.getValue()), e ? List.of() : WordList.parse(exclude.getValue()),
                e ? expression.getValue().strip() : null, WordList.parse(sites.getValue()),
                MEDIA_TYPES.stream().filter(media.getValue()::contains).toList(), enabled.getValue());
    }

    private void runTrial() {
        clearErrors();
        preview.removeAll();
        TopicDraft draft = draft();
        if (draft.hasNoMatchWords()) {
            preview.add(new Paragraph(getTranslation(expressionMode() ? "monitoring.topics.preview.noExpression"
                    : "monitoring.topics.preview.noWords")));
            return;
        }
        TopicTrial trial;
        try {
            trial = client.test(draft, TRIAL_DAYS);
        } catch (GatewayCallException e) {
            showRefusal(e);
            return;
        }
        Span summary = new Span(getTranslation("monitoring.topics.preview.summary", trial.days(), trial.total(),
                trial.hits().size()));
        summary.setId("topic-preview-summary");
        summary.getStyle().set("font-weight", "600");
        preview.add(summary);
        for (TopicTrial.Post post : trial.hits()) {
            preview.add(matchCard(post));
        }
    }

    private Div matchCard(TopicTrial.Post post) {
        Div card = new Div();
        card.addClassName("topic-preview-match");
        card.getStyle().set("padding", "0.3em 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        String plainTitle = post.title() == null ? "" : post.title();
        String titleHtml = null;
        List<String> passages = new ArrayList<>();
        for (String highlight : post.highlights()) {
            // the title comes back whole (and first) when it matched; the rest are passages of the text
            if (titleHtml == null && !plainTitle.isEmpty()
                    && HtmlUtils.htmlUnescape(highlight.replace("<em>", "").replace("</em>", "")).equals(plainTitle)) {
                titleHtml = safeHtml(highlight);
            } else {
                passages.add(safeHtml(highlight));
            }
        }
        Div title = new Div();
        title.addClassName("topic-preview-title");
        title.getStyle().set("font-weight", "600");
        title.getElement().setProperty("innerHTML", titleHtml != null ? titleHtml
                : plainTitle.isEmpty() ? HtmlUtils.htmlEscape(getTranslation("monitoring.untitled"), "UTF-8")
                : HtmlUtils.htmlEscape(plainTitle, "UTF-8"));
        List<String> meta = new ArrayList<>();
        if (post.site() != null) {
            meta.add(post.site());
        }
        if (post.mediaType() != null) {
            meta.add(getTranslation("monitoring.medium." + post.mediaType()));
        }
        if (post.publishedAt() != null) {
            meta.add(ConsoleTime.format(post.publishedAt()));
        }
        Span metaLine = new Span(String.join(" · ", meta));
        metaLine.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "0.875em");
        Paragraph text = new Paragraph();
        text.addClassName("highlight");
        text.getStyle().set("margin", "0.2em 0");
        text.getElement().setProperty("innerHTML", passages.isEmpty()
                ? HtmlUtils.htmlEscape(snippet(post.text()), "UTF-8") : String.join(" … ", passages));
        card.add(title, metaLine, text);
        return card;
    }

    private static String snippet(String text) {
        String t = text == null ? "" : text;
        return t.length() <= 140 ? t : t.substring(0, 140) + "…";
    }

    /**
     * A highlight of monitoring made safe to render: everything escaped, then only the bare {@code <em>} marks
     * restored (posts are written by strangers; monitoring escapes its passages already, so they are unescaped first).
     */
    static String safeHtml(String highlight) {
        return HtmlUtils.htmlEscape(HtmlUtils.htmlUnescape(highlight), "UTF-8")
                .replace("&lt;em&gt;", "<em>").replace("&lt;/em&gt;", "</em>");
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
            showRefusal(e);
            return;
        }
        close();
        saved.accept(draft.name());
    }

    private void showRefusal(GatewayCallException e) {
        String message = e.userMessage(this::getTranslation);
        error.setText(message);
        Optional<String> detail = e.detail();
        if (detail.isEmpty()) {
            return;
        }
        if (expressionMode() && (POSITION.matcher(detail.get()).find() || detail.get().startsWith("表达式"))) {
            markExpression(detail.get());
        } else {
            markFields(detail.get());
        }
    }

    /** Shows an expression error under the field, the character it names marked in a copy of the expression. */
    private void markExpression(String detail) {
        expression.setInvalid(true);
        expression.setErrorMessage(detail);
        Matcher at = POSITION.matcher(detail);
        if (!at.find()) {
            return;
        }
        String source = expression.getValue().strip();
        int position = Math.min(Integer.parseInt(at.group(1)) - 1, source.length());
        String marked = source.substring(position, Math.min(position + 1, source.length()));
        expressionMarker.getElement().setProperty("innerHTML", HtmlUtils.htmlEscape(source.substring(0, position), "UTF-8")
                + "<mark>" + (marked.isEmpty() ? "␣" : HtmlUtils.htmlEscape(marked, "UTF-8")) + "</mark>"
                + HtmlUtils.htmlEscape(source.substring(Math.min(position + 1, source.length())), "UTF-8"));
        expressionMarker.setVisible(true);
    }

    private void clearErrors() {
        error.setText("");
        for (var field : List.of(name, region, subject, event, exclude, expression, sites)) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
        unit.setInvalid(false);
        unit.setErrorMessage(null);
        media.setInvalid(false);
        media.setErrorMessage(null);
        expressionMarker.setVisible(false);
    }

    /** Puts each {@code field: message} of monitoring's detail at the field it names. */
    private void markFields(String detail) {
        Map<String, List<HasValidation>> fields = Map.of(
                "name", List.of(name), "unitId", List.of(unit), "regionWords", List.of(region),
                "subjectWords", List.of(subject), "eventWords", List.of(event), "excludeWords", List.of(exclude),
                "expression", List.of(expression), "sites", List.of(sites), "mediaTypes", List.of(media));
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
