package org.yuqing.architecture;

import com.tngtech.archunit.lang.ArchRule;

/** Elasticsearch belongs to monitoring, which keeps the post store. */
final class ElasticsearchRules {

    /** The Java API client and, should it ever come back, the low-level or server classes. */
    static final String[] ELASTICSEARCH = {"co.elastic.clients..", "org.elasticsearch.."};

    private ElasticsearchRules() {
    }

    /** Only {@code <root>.monitoring} uses the Elasticsearch client. */
    static ArchRule onlyMonitoringUsesElasticsearch(String root) {
        return ModuleLibraries.onlyModuleUses(root, "monitoring", "the Elasticsearch client",
                "monitoring alone owns the post store in Elasticsearch; the other services ask monitoring "
                        + "over HTTP or react to its events",
                ELASTICSEARCH);
    }
}
