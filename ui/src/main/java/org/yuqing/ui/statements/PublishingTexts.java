package org.yuqing.ui.statements;

import java.util.Locale;

import org.yuqing.ui.i18n.ConsoleTranslations;

/**
 * The console's names for the publishing API's codes (kinds, states, approval steps, channels, delivery states) in
 * the user's language: our own text when the bundle has one, else the service's Chinese name, else the code.
 */
public final class PublishingTexts {

    private final ConsoleTranslations translations;
    private final Locale locale;

    private PublishingTexts(ConsoleTranslations translations, Locale locale) {
        this.translations = translations;
        this.locale = locale;
    }

    /**
     * @param translations the console's texts
     * @param locale       the user's language
     * @return the names in that language
     */
    public static PublishingTexts of(ConsoleTranslations translations, Locale locale) {
        return new PublishingTexts(translations, locale);
    }

    /**
     * @param key    message key
     * @param params parameters
     * @return the text
     */
    public String text(String key, Object... params) {
        return translations.getTranslation(key, locale, params);
    }

    /**
     * @param code        kind code
     * @param serviceName the service's name for it
     * @return the kind's name
     */
    public String kind(String code, String serviceName) {
        return named("publishing.kind." + code, serviceName, code);
    }

    /**
     * @param code state code
     * @return the state's name
     */
    public String state(String code) {
        return named("publishing.state." + code, null, code);
    }

    /**
     * @param code        approval step code
     * @param serviceName the service's name for it
     * @return the step's name
     */
    public String step(String code, String serviceName) {
        return named("publishing.step." + code, serviceName, code);
    }

    /**
     * @param code  channel name
     * @param label the service's label for it (renditions), may be {@code null}
     * @return the channel's name
     */
    public String channel(String code, String label) {
        return named("publishing.channel." + code, label, code);
    }

    /**
     * @param code        level code, e.g. {@code MAJOR}
     * @param serviceName the service's name for it
     * @return the level's name (the console's own {@code level.*} texts)
     */
    public String level(String code, String serviceName) {
        return named("level." + code, serviceName, code);
    }

    /**
     * How far the approval chain of the current text has come, e.g. {@code 1/2 · 待分管领导}.
     *
     * @param statement a statement
     * @return the text: approvals so far of those required, and the step awaited
     */
    public String approvals(Statement statement) {
        int required = statement.requiredApprovals().size();
        if (required == 0) {
            return text("publishing.approvals.noneRequired");
        }
        int counted = Math.min(required, statement.counted().size());
        if (statement.returned()) {
            return text("publishing.approvals.returned", counted, required,
                    step(statement.approvals().getLast().step(), statement.approvals().getLast().stepName()));
        }
        if (statement.awaitsApproval()) {
            return text("publishing.approvals.waiting", counted, required, step(statement.nextStep(), null));
        }
        return text("publishing.approvals.complete", counted, required);
    }

    private String named(String key, String serviceName, String code) {
        if (translations.has(key, locale)) {
            return translations.getTranslation(key, locale);
        }
        return serviceName != null ? serviceName : code == null ? "" : code;
    }
}
