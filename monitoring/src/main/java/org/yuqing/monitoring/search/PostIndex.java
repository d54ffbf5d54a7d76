package org.yuqing.monitoring.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.mapping.IndexOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import co.elastic.clients.util.NamedValue;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import tools.jackson.databind.json.JsonMapper;


import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The post store: one index per month of publication ({@code <prefix>-yyyy.MM}, UTC), all behind the
 * alias {@code <prefix>}; an index template (installed idempotently at startup and before the first
 * write) gives each new monthly index its mapping and the alias.
 *
 * <p>Title and text are analysed by the standard analyzer, one token per Chinese character, so a
 * phrase query is a substring match; their {@code bigram} subfields hold character pairs for
 * relevance and later clustering. The {@code matchText} field holds the canonical token strings of
 * title and text that topic queries ({@link TopicQuery}) search, with the matcher's semantics; a
 * template change (version 2 added {@code matchText}, version 3 {@code unitIds}, version 4 {@code heat}) is also put
 * into the mapping of existing monthly indices, whose older posts need re-indexing to be found by topic queries and
 * by search, and to sort by heat.
 *
 * <p>Unit scope (属地管理): a post carries {@code unitIds}, the owning units of the topics it matched; every search
 * filters on the caller's unit scope, so a post matched by no topic is found by nobody.
 */
public class PostIndex {

    private static final System.Logger LOG = System.getLogger(PostIndex.class.getName());
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,100}");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);
    private static final String TEMPLATE = "/elasticsearch/posts-index-template.json";
    private static final String EM_START = "<em>";
    private static final String EM_END = "</em>";
    /** The keyword field with the owning units of a post, which every search filters on. */
    static final String UNIT_IDS = "unitIds";
    /** Volume buckets are days (and hours) of China Standard Time, the users' calendar. */
    static final String TIME_ZONE = "Asia/Shanghai";
    private static final String VOLUME = "volume";
    private static final String SITES = "sites";
    private static final String MEDIA_TYPES = "mediaTypes";
    private static final String MAINSTREAM = "mainstream";
    private static final String TOPICS = "topics";
    private static final int TOP_TOPICS = 20;
    private static final int TOP_SITES = 20;
    private static final int MEDIA_TYPE_BUCKETS = 20;
    /** Posts per Elasticsearch request of a scan. */
    private static final int SCAN_PAGE = 500;

    private final ElasticsearchClient client;
    private final String prefix;
    private final List<String> mainstream;
    /** The client's JSON mapper, for serialising documents once; null for a client of another mapper. */
    private final JsonMapper json;
    private volatile boolean templateInstalled;

    /**
     * @param client the Elasticsearch client
     * @param prefix index prefix and alias name, lower case (default {@code posts})
     */
    public PostIndex(ElasticsearchClient client, String prefix) {
        this(client, prefix, List.of());
    }

    /**
     * @param client          the Elasticsearch client
     * @param prefix          index prefix and alias name, lower case (default {@code posts})
     * @param mainstreamSites domains of mainstream outlets (主流媒体) for the mainstream filter: a site is mainstream
     *                        when it equals one or ends with "." plus one
     */
    public PostIndex(ElasticsearchClient client, String prefix, List<String> mainstreamSites) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("yuqing.monitoring.index-prefix must be a lower-case index name, was " + prefix);
        }
        this.client = client;
        this.json = client != null && client._jsonpMapper() instanceof Jackson3JsonpMapper m ? m.objectMapper() : null;
        this.prefix = prefix;
        this.mainstream = mainstreamSites.stream().map(d -> d.strip().toLowerCase(Locale.ROOT))
                .map(d -> d.endsWith(".") ? d.substring(0, d.length() - 1) : d)
                .filter(d -> !d.isEmpty()).distinct().toList();
    }

    /** The alias over all monthly indices. */
    public String alias() {
        return prefix;
    }

    /** The monthly index a post published at {@code publishedAt} is written to. */
    public String indexFor(Instant publishedAt) {
        return prefix + "-" + MONTH.format(publishedAt);
    }

    /**
     * The monthly indices that exist, by month, oldest first: the indices named {@code <prefix>-yyyy.MM} exactly (other
     * indices matching the template's pattern are not this store's months and are left alone).
     *
     * @throws SearchUnavailableException when Elasticsearch cannot be reached
     */
    public java.util.SortedMap<java.time.YearMonth, String> monthlyIndices() {
        Pattern monthly = Pattern.compile(Pattern.quote(prefix) + "-(\\d{4})\\.(\\d{2})");
        java.util.SortedMap<java.time.YearMonth, String> months = new java.util.TreeMap<>();
        try {
            for (String name : client.indices().get(g -> g.index(prefix + "-*").allowNoIndices(true).ignoreUnavailable(true))
                    .indices().keySet()) {
                java.util.regex.Matcher m = monthly.matcher(name);
                if (m.matches()) {
                    int month = Integer.parseInt(m.group(2));
                    if (month >= 1 && month <= 12) {
                        months.put(java.time.YearMonth.of(Integer.parseInt(m.group(1)), month), name);
                    }
                }
            }
            return months;
        } catch (IOException | ElasticsearchException e) {
            throw unavailable("listing the monthly indices", e);
        }
    }

    /**
     * Deletes a monthly index and the posts in it.
     *
     * @throws SearchUnavailableException when Elasticsearch cannot be reached or refuses
     */
    public void deleteMonth(java.time.YearMonth month) {
        String name = prefix + "-" + String.format(Locale.ROOT, "%04d.%02d", month.getYear(), month.getMonthValue());
        try {
            client.indices().delete(d -> d.index(name).ignoreUnavailable(true));
        } catch (IOException | ElasticsearchException e) {
            throw unavailable("deleting index " + name, e);
        }
    }

    /**
     * Installs (or replaces) the index template for {@code <prefix>-*}. Idempotent.
     *
     * @throws SearchUnavailableException when Elasticsearch cannot be reached
     */
    public void installTemplate() {
        String json = template().replace("{{prefix}}", prefix);
        try {
            client.indices().putIndexTemplate(PutIndexTemplateRequest.of(b -> b
                    .withJson(new StringReader(json))
                    .name(prefix + "-posts")));
            // monthly indices created by an older template get the fields added since (no-op when present);
            // their posts written before lack matchText until re-indexed
            client.indices().putMapping(m -> m.index(prefix + "-*").allowNoIndices(true).ignoreUnavailable(true)
                    .properties(TopicQuery.FIELD, p -> p.text(t -> t.analyzer("standard").norms(false)
                            .indexOptions(IndexOptions.Positions)))
                    .properties(UNIT_IDS, p -> p.keyword(k -> k))
                    .properties(StoredPost.HEAT, p -> p.long_(l -> l)));
            templateInstalled = true;
        } catch (IOException | ElasticsearchException e) {
            throw unavailable("installing the index template", e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void installTemplateAtStartup() {
        try {
            installTemplate();
        } catch (SearchUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "Elasticsearch index template not installed yet; retrying before the first write", e);
        }
    }

    /**
     * Writes many posts in one bulk request and waits until they are searchable; like
     * {@link #index} for each, copies left in another month's index are removed. For imports and
     * backfills.
     *
     * @param posts the posts, each id at most once
     * @throws SearchUnavailableException when Elasticsearch cannot be reached or refuses a post
     */
    public void indexAll(List<PostDocument> posts) {
        indexAll(posts, posts.stream().map(PostDocument::id).collect(Collectors.toSet()), true);
    }

    /**
     * Writes many posts in one bulk request; copies left in another month's index are removed.
     *
     * <p>Every post is in at most one monthly index (each write removes the copies it leaves behind), so a post the
     * bulk request <em>updated</em> was already in its month's index and has no copy elsewhere; only a post the
     * request <em>created</em> in its month's index and that may have been stored before ({@code mayHaveCopies}: its
     * month may have changed) is looked for in the other months — for a bulk of new posts, not at all. When some must
     * be looked for and the bulk did not wait for a refresh, the indices are refreshed first, so a copy written a
     * moment ago is found too.
     *
     * @param posts         the posts, each id at most once
     * @param mayHaveCopies the posts that may have been stored before, under another publication month
     * @param waitForSearch whether to return only once the posts are searchable ({@code refresh=wait_for}); without
     *                      it they become searchable at the next refresh (within a second)
     * @throws SearchUnavailableException when Elasticsearch cannot be reached or refuses a post
     */
    public void indexAll(List<PostDocument> posts, Set<UUID> mayHaveCopies, boolean waitForSearch) {
        indexAll(posts, Map.of(), mayHaveCopies, waitForSearch);
    }

    /**
     * Writes many posts in one bulk request like {@link #indexAll(List, Set, boolean)}, each post given a version in
     * {@code versions} as an external version: Elasticsearch keeps a post's document of the highest version it was
     * given, so a write that arrives late (an older submission's, a catch-up's) never replaces a newer one, and is not
     * an error. A write at the version already stored replaces it ({@code external_gte}): a job rewriting a post writes
     * at the version it read, so it changes the post unless a newer submission was stored meanwhile. Copies in other
     * months are removed under the same rule: a copy of a higher version stays, and the document just written, being
     * older, is removed instead.
     *
     * @param versions the version of each post to write with ({@code version_type=external_gte}); posts without one
     *                 are written unconditionally
     * @throws SearchUnavailableException when Elasticsearch cannot be reached or refuses a post
     */
    public void indexAll(List<PostDocument> posts, Map<UUID, Long> versions, Set<UUID> mayHaveCopies,
                         boolean waitForSearch) {
        if (posts.isEmpty()) {
            return;
        }
        if (!templateInstalled) {
            installTemplate();
        }
        Refresh refresh = waitForSearch ? Refresh.WaitFor : Refresh.False;
        try {
            BulkResponse written = client.bulk(b -> {
                for (PostDocument post : posts) {
                    Long version = versions.get(post.id());
                    b.operations(o -> o.index(i -> {
                        i.index(indexFor(post.publishedAt())).id(post.id().toString()).document(source(post));
                        return version == null ? i : i.version(version).versionType(VersionType.ExternalGte);
                    }));
                }
                return b.refresh(refresh);
            });
            failIfAny(written, "storing " + posts.size() + " posts");
            Map<String, String> target = new HashMap<>();
            Map<String, Long> version = new HashMap<>();
            Set<String> candidates = new HashSet<>();
            posts.forEach(p -> target.put(p.id().toString(), indexFor(p.publishedAt())));
            versions.forEach((id, v) -> version.put(id.toString(), v));
            mayHaveCopies.forEach(id -> candidates.add(id.toString()));
            List<String> moved = written.items().stream()
                    .filter(item -> "created".equals(item.result()) && candidates.contains(item.id()))
                    .map(BulkResponseItem::id).distinct().toList();
            if (moved.isEmpty()) {
                return;
            }
            if (!waitForSearch) {
                client.indices().refresh(r -> r.index(prefix).ignoreUnavailable(true).allowNoIndices(true));
            }
            List<Hit<Void>> stale = client.search(s -> s.index(prefix).ignoreUnavailable(true).allowNoIndices(true)
                            .query(q -> q.ids(ids -> ids.values(moved)))
                            .source(src -> src.fetch(false))
                            .size(Math.min(10_000, moved.size() * 3)),
                    Void.class).hits().hits().stream().filter(h -> !h.index().equals(target.get(h.id()))).toList();
            if (stale.isEmpty()) {
                return;
            }
            BulkResponse removed = client.bulk(b -> {
                stale.forEach(h -> b.operations(o -> o.delete(d -> {
                    d.index(h.index()).id(h.id());
                    Long v = version.get(h.id());
                    return v == null ? d : d.version(v).versionType(VersionType.External);
                })));
                return b.refresh(refresh);
            });
            failIfAny(removed, "removing copies in other months");
            // a copy newer than the document just written (a later submission moved the post back meanwhile) stays, and
            // the older document goes: removed unless something newer still has replaced it since
            List<String> outdated = removed.items().stream().filter(PostIndex::isVersionConflict)
                    .map(BulkResponseItem::id).distinct().toList();
            if (!outdated.isEmpty()) {
                failIfAny(client.bulk(b -> {
                    outdated.forEach(id -> b.operations(o -> o.delete(d -> d.index(target.get(id)).id(id)
                            .version(version.get(id)).versionType(VersionType.ExternalGte))));
                    return b.refresh(refresh);
                }), "removing documents older than their copies");
            }
        } catch (IOException | ElasticsearchException e) {
            throw unavailable("storing " + posts.size() + " posts", e);
        }
    }

    /**
     * The document as Elasticsearch stores it, serialised here once into bytes by the client's own JSON mapper (same
     * JSON): the client passes bytes through, where it would otherwise serialise every document again into a buffer
     * grown by copying.
     */
    private Object source(PostDocument post) {
        StoredPost stored = StoredPost.of(post);
        return json == null ? stored : BinaryData.of(json.writeValueAsBytes(stored), ContentType.APPLICATION_JSON);
    }

    /** A write refused because the document already has a higher version: not a failure, a newer write won. */
    private static boolean isVersionConflict(BulkResponseItem item) {
        return item.error() != null && item.status() == 409
                && "version_conflict_engine_exception".equals(item.error().type());
    }

    private static void failIfAny(BulkResponse response, String what) {
        if (response.errors()
                && response.items().stream().anyMatch(item -> item.error() != null && !isVersionConflict(item))) {
            String first = response.items().stream().filter(item -> item.error() != null && !isVersionConflict(item))
                    .map(item -> item.id() + ": " + item.error().reason()).findFirst().orElse("unknown error");
            throw new SearchUnavailableException("Elasticsearch refused some documents while " + what + ", first " + first, null);
        }
    }

    /**
     * The post with this id, if stored.
     *
     * @throws SearchUnavailableException when Elasticsearch cannot be reached
     */
    public Optional<PostDocument> find(UUID id) {
        try {
            SearchResponse<PostDocument> response = client.search(s -> s
                            .index(prefix).ignoreUnavailable(true).allowNoIndices(true)
                            .query(q -> q.ids(ids -> ids.values(id.toString())))
                            .size(1),
                    PostDocument.class);
            return response.hits().hits().stream().map(Hit::source).findFirst();
        } catch (IOException | ElasticsearchException e) {
            throw unavailable("reading post " + id, e);
        }
    }

    /**
     * Searches the posts of the query's unit scope: each term must occur as a phrase in the title or the text, and
     * every filter must hold. The answer carries a cursor for the next page when this one is full and, when the query
     * asks for them, the facets of all matching posts (without the topic facet).
     *
     * @throws SearchUnavailableException when Elasticsearch cannot be reached
     */
    public PostSearchResult search(PostQuery query) {
        return search(query, Map.of());
    }

    /**
     * Like {@link #search(PostQuery)}, with a topic facet over the given topics when the query asks for facets.
     *
     * @param query      the query
     * @param topicNames the topics the caller may see, by id, with their names: the topic facet counts only these
     *                   (a post may have matched topics of other units too)
     * @throws SearchUnavailableException when Elasticsearch cannot be reached
     */
    public PostSearchResult search(PostQuery query, Map<UUID, String> topicNames) {
        if (query.unitScope().isEmpty()) {
            return new PostSearchResult(0, List.of(), null, query.interval() == null ? null
                    : new PostSearchResult.Aggregations(query.interval(), List.of(), List.of(), List.of(),
                    List.of(new PostSearchResult.Bucket("true", 0), new PostSearchResult.Bucket("false", 0)), List.of()));
        }
        Query q = query(query);
        List<FieldValue> topicIds = topicNames.keySet().stream().map(UUID::toString).sorted().map(FieldValue::of).toList();
        try {
            SearchResponse<PostDocument> response = client.search(s -> {
                s.index(prefix).ignoreUnavailable(true).allowNoIndices(true)
                        .query(q)
                        .size(query.size())
                        .trackTotalHits(t -> t.enabled(true))
                        .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags(EM_START).postTags(EM_END)
                                .fields(NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0))),
                                        NamedValue.of("text", HighlightField.of(f -> f.fragmentSize(120).numberOfFragments(3)))));
                page(s, query);
                if (query.interval() != null) {
                    Query mainstream = mainstreamSites();
                    s.aggregations(VOLUME, a -> a.dateHistogram(h -> h.field("publishedAt").timeZone(TIME_ZONE).minDocCount(1)
                                    .calendarInterval(query.interval() == PostQuery.Interval.HOUR
                                            ? CalendarInterval.Hour : CalendarInterval.Day)))
                            .aggregations(SITES, a -> a.terms(t -> t.field("site").size(TOP_SITES)))
                            .aggregations(MEDIA_TYPES, a -> a.terms(t -> t.field("mediaType").size(MEDIA_TYPE_BUCKETS)))
                            .aggregations(MAINSTREAM, a -> a.filters(f -> f.filters(b -> b.keyed(Map.of(
                                    "true", mainstream,
                                    "false", Query.of(n -> n.bool(not -> not.mustNot(mainstream))))))));
                    if (!topicIds.isEmpty()) {
                        s.aggregations(TOPICS, a -> a.terms(t -> t.field("topicIds").size(TOP_TOPICS)
                                .include(i -> i.terms(topicIds.stream().map(FieldValue::stringValue).toList()))));
                    }
                }
                return s;
            }, PostDocument.class);
            long total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
            List<Hit<PostDocument>> found = response.hits().hits();
            List<PostSearchResult.Hit> hits = found.stream().map(PostIndex::hit).toList();
            String next = found.size() < query.size() ? null
                    : new SearchCursor(query.effectiveOrder(), found.getLast().sort()).encode();
            PostSearchResult.Aggregations aggregations = null;
            if (query.interval() != null) {
                var mainstream = response.aggregations().get(MAINSTREAM).filters().buckets().keyed();
                List<PostSearchResult.TopicBucket> topics = topicIds.isEmpty() ? List.of()
                        : response.aggregations().get(TOPICS).sterms().buckets().array().stream()
                        .map(b -> {
                            UUID id = UUID.fromString(b.key().stringValue());
                            return new PostSearchResult.TopicBucket(id, topicNames.get(id), b.docCount());
                        }).toList();
                aggregations = new PostSearchResult.Aggregations(query.interval(),
                        response.aggregations().get(VOLUME).dateHistogram().buckets().array().stream()
                                .map(b -> new PostSearchResult.Bucket(Instant.ofEpochMilli(b.key()).toString(), b.docCount()))
                                .toList(),
                        terms(response.aggregations().get(SITES)), terms(response.aggregations().get(MEDIA_TYPES)),
                        List.of(new PostSearchResult.Bucket("true", mainstream.get("true").docCount()),
                                new PostSearchResult.Bucket("false", mainstream.get("false").docCount())),
                        topics);
            }
            return new PostSearchResult(total, hits, next, aggregations);
        } catch (IOException | ElasticsearchException e) {
            throw unavailable("searching posts", e);
        }
    }

    /**
     * The posts of the unit scope published since {@code since} that a topic query matches, newest first, with the
     * passages the highlight query marks: for trying a topic draft (试查) before saving it.
     *
     * @param topic     the topic's query ({@link TopicQuery#of})
     * @param highlight what to mark in title and text ({@link TopicQuery#highlight}), or null
     * @param since     earliest publication time
     * @param size      at most this many posts
     * @param unitScope only posts of these units; empty finds nothing
     * @return the first {@code size} posts and how many match in all (no cursor, no facets)
     * @throws SearchUnavailableException when Elasticsearch cannot be reached
     */
    public PostSearchResult searchTopic(Query topic, Query highlight, Instant since, int size, java.util.Set<String> unitScope) {
        if (unitScope.isEmpty()) {
            return new PostSearchResult(0, List.of(), null, null);
        }
        List<FieldValue> units = unitScope.stream().sorted().map(FieldValue::of).toList();
        Query q = Query.of(b -> b.bool(all -> all
                .filter(f -> f.terms(t -> t.field(UNIT_IDS).terms(v -> v.value(units))))
                .filter(f -> f.range(r -> r.date(d -> d.field("publishedAt").gte(since.toString()))))
                .filter(topic)));
        try {
            SearchResponse<PostDocument> response = client.search(s -> {
                s.index(prefix).ignoreUnavailable(true).allowNoIndices(true).query(q).size(size)
                        .trackTotalHits(t -> t.enabled(true))
                        .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                if (highlight != null) {
                    s.highlight(h -> h.encoder(HighlighterEncoder.Html).preTags(EM_START).postTags(EM_END)
                            .highlightQuery(highlight)
                            .fields(NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0))),
                                    NamedValue.of("text", HighlightField.of(f -> f.fragmentSize(120).numberOfFragments(3)))));
                }
                return s;
            }, PostDocument.class);
            long total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
            return new PostSearchResult(total, response.hits().hits().stream().map(PostIndex::hit).toList(), null, null);
        } catch (IOException | ElasticsearchException e) {
            throw unavailable("trying a topic", e);
        }
    }

    /**
     * Every post of the query (its terms, filter, order and unit scope; paging and facets ignored), in the query's
     * order, at most {@code limit}, page by page with {@code search_after}: for exports, which must not hold
     * everything in memory.
     *
     * @param query the query
     * @param limit at most this many posts
     * @param sink  takes each post in turn
     * @return how many posts were passed to the sink
     * @throws SearchUnavailableException when Elasticsearch cannot be reached (the sink may have had some posts)
     */
    public int scan(PostQuery query, int limit, Consumer<PostDocument> sink) {
        if (query.unitScope().isEmpty() || limit <= 0) {
            return 0;
        }
        Query q = query(query);
        int passed = 0;
        SearchCursor after = null;
        try {
            while (passed < limit) {
                int size = Math.min(SCAN_PAGE, limit - passed);
                PostQuery page = new PostQuery(query.terms(), query.filter(), 0, size, query.order(), after, null,
                        query.unitScope());
                SearchResponse<PostDocument> response = client.search(s -> {
                    s.index(prefix).ignoreUnavailable(true).allowNoIndices(true).query(q).size(size)
                            .trackTotalHits(t -> t.enabled(false));
                    page(s, page);
                    return s;
                }, PostDocument.class);
                List<Hit<PostDocument>> hits = response.hits().hits();
                for (Hit<PostDocument> hit : hits) {
                    sink.accept(hit.source());
                    passed++;
                }
                if (hits.size() < size) {
                    break;
                }
                after = new SearchCursor(query.effectiveOrder(), hits.getLast().sort());
            }
            return passed;
        } catch (IOException | ElasticsearchException e) {
            throw unavailable("exporting posts", e);
        }
    }

    /**
     * How many stored posts, of every unit, the query matches; for the progress of background jobs, which work for
     * every unit.
     *
     * @throws SearchUnavailableException when Elasticsearch cannot be reached
     */
    public long countAll(Query query) {
        try {
            return client.count(c -> c.index(prefix).ignoreUnavailable(true).allowNoIndices(true).query(query)).count();
        } catch (IOException | ElasticsearchException e) {
            throw unavailable("counting posts", e);
        }
    }

    /**
     * Every stored post, of every unit, the query matches, with its version, oldest publication first, page by page with
     * {@code search_after} (publication time, then id: stable while the pages' posts are rewritten); for background
     * jobs (topic backfill, re-index), not for users, whose searches are scoped.
     *
     * @param query    the query
     * @param pageSize posts per page
     * @param pages    takes each page in turn
     * @return how many posts were passed
     * @throws SearchUnavailableException when Elasticsearch cannot be reached (earlier pages were passed)
     */
    public long scanAll(Query query, int pageSize, Consumer<List<VersionedPost>> pages) {
        long passed = 0;
        List<FieldValue> after = null;
        try {
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<PostDocument> response = client.search(s -> {
                    s.index(prefix).ignoreUnavailable(true).allowNoIndices(true).query(query).size(pageSize)
                            .trackTotalHits(t -> t.enabled(false)).version(true)
                            .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Asc)))
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, PostDocument.class);
                List<Hit<PostDocument>> hits = response.hits().hits();
                if (!hits.isEmpty()) {
                    pages.accept(hits.stream().map(h -> new VersionedPost(h.source(), h.version() == null ? 0 : h.version()))
                            .toList());
                    passed += hits.size();
                }
                if (hits.size() < pageSize) {
                    return passed;
                }
                after = hits.getLast().sort();
            }
        } catch (IOException | ElasticsearchException e) {
            throw unavailable("scanning posts", e);
        }
    }

    /** The query's terms and filters, within its unit scope. */
    private Query query(PostQuery query) {
        List<FieldValue> units = query.unitScope().stream().sorted().map(FieldValue::of).toList();
        PostFilter filter = query.filter();
        return Query.of(b -> b.bool(all -> {
            all.filter(f -> f.terms(t -> t.field(UNIT_IDS).terms(v -> v.value(units))));
            for (String term : query.terms()) {
                all.must(phraseInTitleOrText(term));
            }
            if (filter.since() != null || filter.until() != null) {
                all.filter(f -> f.range(r -> r.date(d -> {
                    d.field("publishedAt");
                    if (filter.since() != null) {
                        d.gte(filter.since().toString());
                    }
                    if (filter.until() != null) {
                        d.lt(filter.until().toString());
                    }
                    return d;
                })));
            }
            anyOf(all, "site", filter.sites());
            anyOf(all, "mediaType", filter.mediaTypes());
            anyOf(all, "topicIds", filter.topicIds().stream().map(UUID::toString).toList());
            anyOf(all, "incidentIds", filter.incidentIds().stream().map(UUID::toString).toList());
            if (filter.mainstream() != null) {
                Query mainstream = mainstreamSites();
                if (filter.mainstream()) {
                    all.filter(mainstream);
                } else {
                    all.mustNot(mainstream);
                }
            }
            return all;
        }));
    }

    private static void anyOf(BoolQuery.Builder all, String field, Collection<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> v = values.stream().sorted().map(FieldValue::of).toList();
            all.filter(f -> f.terms(t -> t.field(field).terms(terms -> terms.value(v))));
        }
    }

    /** A site of a mainstream outlet: equal to one of the configured domains or a subdomain of one. */
    private Query mainstreamSites() {
        return Query.of(b -> b.bool(any -> {
            for (String domain : mainstream) {
                any.should(s -> s.term(t -> t.field("site").value(domain)))
                        .should(s -> s.wildcard(w -> w.field("site").value("*." + domain)));
            }
            // no configured outlet: nothing is mainstream
            any.should(s -> s.matchNone(n -> n));
            return any.minimumShouldMatch("1");
        }));
    }

    /** Sorts the request by the query's order with stable tie-breaks and places it at the query's page. */
    private static void page(SearchRequest.Builder s, PostQuery query) {
        switch (query.effectiveOrder()) {
            case RELEVANCE -> s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
            // posts stored before heat existed have none and come last until re-indexed
            case HEAT -> s.sort(o -> o.field(f -> f.field(StoredPost.HEAT).order(SortOrder.Desc).missing("_last")));
            case TIME -> {
            }
        }
        s.sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
        if (query.after() != null) {
            s.searchAfter(query.after().values());
        } else {
            s.from(query.from());
        }
    }

    private static List<PostSearchResult.Bucket> terms(Aggregate aggregate) {
        return aggregate.sterms().buckets().array().stream()
                .map(b -> new PostSearchResult.Bucket(b.key().stringValue(), b.docCount())).toList();
    }

    private static Query phraseInTitleOrText(String term) {
        return Query.of(b -> b.bool(BoolQuery.of(any -> any
                .should(s -> s.matchPhrase(p -> p.field("title").query(term)))
                .should(s -> s.matchPhrase(p -> p.field("text").query(term)))
                .minimumShouldMatch("1"))));
    }

    private static PostSearchResult.Hit hit(Hit<PostDocument> hit) {
        PostDocument p = hit.source();
        List<String> highlights = new ArrayList<>();
        for (String field : List.of("title", "text")) {
            // the standard tokenizer makes every Chinese character a token of its own, so a phrase
            // comes back as <em>工</em><em>厂</em>: join adjacent marks into one
            hit.highlight().getOrDefault(field, List.of()).forEach(f -> highlights.add(f.replace(EM_END + EM_START, "")));
        }
        return new PostSearchResult.Hit(p.id(), p.title(), p.text(), p.site(), p.url(), p.mediaType(), p.author(),
                p.publishedAt(), p.metrics(), highlights);
    }

    private static String template() {
        try (InputStream in = PostIndex.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TEMPLATE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SearchUnavailableException unavailable(String what, Exception e) {
        if (e instanceof ElasticsearchException refused && refused.error() != null) {
            // the answer says only that Elasticsearch failed; the log keeps why
            LOG.log(System.Logger.Level.WARNING, "Elasticsearch failed while {0}: {1} {2}", what, refused.error().reason(),
                    refused.error().rootCause().stream().map(c -> c.type() + ": " + c.reason()).toList());
        }
        return new SearchUnavailableException("Elasticsearch failed while " + what + ": " + e.getMessage(), e);
    }
}
