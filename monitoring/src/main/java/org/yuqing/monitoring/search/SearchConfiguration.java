package org.yuqing.monitoring.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.monitoring.incidents.IncidentProperties;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;

/**
 * The Elasticsearch client, built directly on the REST 5 transport with a Jackson 3 mapper, from
 * {@code yuqing.elasticsearch.uri}.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    Rest5Client elasticsearchRestClient(@Value("${yuqing.elasticsearch.uri:http://127.0.0.1:9200}") URI uri) {
        return Rest5Client.builder(uri).build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(Rest5Client restClient) {
        JsonMapper json = JsonMapper.builder()
                // documents written by a newer release may carry fields this one does not know
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return new ElasticsearchClient(new Rest5ClientTransport(restClient, new Jackson3JsonpMapper(json)));
    }

    @Bean
    PostIndex postIndex(ElasticsearchClient client, @Value("${yuqing.monitoring.index-prefix:posts}") String prefix,
                        IncidentProperties incidents) {
        return new PostIndex(client, prefix, incidents.mainstreamSites());
    }
}
