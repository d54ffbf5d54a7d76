package org.yuqing.monitoring.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yuqing.monitoring.MonitoringIntegrationTest;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retention: posts live in monthly indices behind the alias, made by the index template; the retention job deletes
 * the months older than the setting and keeps the rest searchable.
 */
class PostRetentionTest extends MonitoringIntegrationTest {

    @Autowired
    PostIndex index;
    @Autowired
    PostRetention retention;
    @Autowired
    ElasticsearchClient client;

    @Test
    void months_older_than_the_retention_are_deleted_and_the_others_kept_behind_the_alias() throws Exception {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        YearMonth kept = now.minusMonths(11);
        YearMonth dropped = now.minusMonths(12);
        YearMonth ancient = now.minusMonths(40);
        List<PostDocument> posts = List.of(post(now), post(kept), post(dropped), post(ancient));
        index.indexAll(posts);
        assertThat(index.monthlyIndices()).containsKeys(now, kept, dropped, ancient);
        // the template puts every monthly index behind the alias
        assertThat(client.indices().getAlias(a -> a.name(index.alias())).aliases())
                .containsKeys(index.indexFor(posts.get(0).publishedAt()), index.indexFor(posts.get(2).publishedAt()));

        List<YearMonth> deleted = retention.purge(12);

        assertThat(deleted).contains(dropped, ancient).doesNotContain(kept, now);
        assertThat(index.monthlyIndices()).containsKeys(now, kept).doesNotContainKeys(dropped, ancient);
        assertThat(index.find(posts.get(0).id())).isPresent();
        assertThat(index.find(posts.get(1).id())).isPresent();
        assertThat(index.find(posts.get(2).id())).isEmpty();
        assertThat(index.find(posts.get(3).id())).isEmpty();
        assertThat(retention.purge(12)).isEmpty();
        assertThatThrownBy(() -> retention.purge(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_retention_is_off_unless_configured() {
        assertThat(retention.months()).isZero();
    }

    private static PostDocument post(YearMonth month) {
        String url = "https://retention.example.cn/" + UUID.randomUUID();
        Instant published = month.atDay(2).atStartOfDay().toInstant(ZoneOffset.UTC);
        return new PostDocument(org.yuqing.monitoring.ingest.PostIngest.postId(url), null, null, url, "retention.example.cn",
                "NEWS", null, "保留期测试", "保留期测试正文", published, published, new PostDocument.Metrics(1, 0, 0, 0),
                List.of(), List.of(), List.of());
    }
}
