package org.yuqing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yuqing.architecture.fixtures.elasticsearch.casework.review.IncidentTimeline;
import org.yuqing.architecture.fixtures.elasticsearch.monitoring.search.PostSearch;

class ElasticsearchRulesTest {

    private static final String ROOT = Fixtures.root("elasticsearch");

    @Test
    void a_module_other_than_monitoring_using_the_elasticsearch_client_is_reported() {
        String report = Fixtures.violationsReported(ElasticsearchRules.onlyMonitoringUsesElasticsearch(ROOT), ROOT);

        assertThat(report)
                .contains("only " + ROOT + ".monitoring should use the Elasticsearch client")
                .contains(IncidentTimeline.class.getName())
                .contains("co.elastic.clients.elasticsearch.ElasticsearchClient")
                .doesNotContain(PostSearch.class.getName());
    }
}
