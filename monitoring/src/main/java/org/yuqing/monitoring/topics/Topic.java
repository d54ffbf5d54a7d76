package org.yuqing.monitoring.topics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A monitoring topic (监测主题), built one of two ways:
 * <ul>
 *   <li><b>word groups</b> ({@code expression} null): a post matches when every non-empty group among region, subject
 *       and event words has at least one hit (any word of a group; all non-empty groups) and no exclude word hits;</li>
 *   <li><b>an advanced expression</b> ({@link TopicExpression}; the word groups are empty): a post matches when the
 *       expression is true, each of its terms true when it hits.</li>
 * </ul>
 * Either way a post also needs its site among {@code sites} (equal to one, or a subdomain of one) when that list is not
 * empty, and its media type among {@code mediaTypes} when that list is not empty; a disabled topic matches nothing.
 * Words are kept as the user typed them (trimmed, de-duplicated); matching normalises them.
 *
 * @param id           the topic's id
 * @param name         its name, e.g. 化工厂事故
 * @param unitId       the unit that owns it and the incidents it opens (属地)
 * @param regionWords  place names (地域词); may be empty
 * @param subjectWords who or what (主体词); may be empty
 * @param eventWords   what happened (事件词); may be empty
 * @param excludeWords words that disqualify a post (排除词); may be empty
 * @param expression   the advanced expression (高级表达式) as typed, or null for a word-group topic
 * @param sites        only posts of these sites (domains, lower case) and their subdomains; empty: any site
 * @param mediaTypes   only posts of these media types (NEWS, WEIBO, …); empty: any
 * @param enabled      whether the topic matches at all (停用的主题不匹配任何帖子)
 * @param createdBy    login of the user who created it
 * @param createdAt    when it was created
 * @param updatedBy    login of the user who changed it last
 * @param updatedAt    when it was changed last
 */
public record Topic(
        UUID id,
        String name,
        String unitId,
        List<String> regionWords,
        List<String> subjectWords,
        List<String> eventWords,
        List<String> excludeWords,
        String expression,
        List<String> sites,
        List<String> mediaTypes,
        boolean enabled,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    /** Copies the lists; absent filter lists are empty; nothing else may be null. */
    public Topic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitId, "unitId");
        regionWords = List.copyOf(regionWords);
        subjectWords = List.copyOf(subjectWords);
        eventWords = List.copyOf(eventWords);
        excludeWords = List.copyOf(excludeWords);
        sites = sites == null ? List.of() : List.copyOf(sites);
        mediaTypes = mediaTypes == null ? List.of() : List.copyOf(mediaTypes);
    }

    /** An enabled word-group topic without site or media-type filters. */
    public Topic(UUID id, String name, String unitId, List<String> regionWords, List<String> subjectWords,
                 List<String> eventWords, List<String> excludeWords, String createdBy, Instant createdAt,
                 String updatedBy, Instant updatedAt) {
        this(id, name, unitId, regionWords, subjectWords, eventWords, excludeWords, null, List.of(), List.of(), true,
                createdBy, createdAt, updatedBy, updatedAt);
    }

    /**
     * The parsed expression of an expression topic.
     *
     * @return the expression, or null for a word-group topic
     * @throws InvalidExpressionException when the stored expression does not parse (never for a saved topic)
     */
    public TopicExpression parsedExpression() {
        return expression == null ? null : TopicExpression.parse(expression);
    }

    /**
     * Whether the site and media-type filters let a post through.
     *
     * @param site      the post's site (lower case domain); null passes only when there is no site filter
     * @param mediaType the post's media type name; null passes only when there is no media-type filter
     */
    public boolean admits(String site, String mediaType) {
        if (!sites.isEmpty() && (site == null || sites.stream().noneMatch(d -> site.equals(d) || site.endsWith("." + d)))) {
            return false;
        }
        return mediaTypes.isEmpty() || (mediaType != null && mediaTypes.contains(mediaType));
    }
}
