package org.yuqing.platform.stack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElasticsearchNodeTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String ONE_SHARD_STANDARD_TEXT = """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
             "mappings": {"properties": {"text": {"type": "text", "analyzer": "standard"}}}}
            """;

    @Test
    void node_starts_answers_cluster_health_and_indexes_a_chinese_document() throws Exception {
        ElasticsearchNode node = ElasticsearchNode.shared();
        String index = "chinese-" + UUID.randomUUID();

        assertThat(send(node, "GET", "/_cluster/health", null).body()).contains("\"cluster_name\":\"yuqing\"");
        assertThat(send(node, "PUT", "/" + index, ONE_SHARD_STANDARD_TEXT).statusCode()).isEqualTo(200);
        String document = "{\"text\":\"化工厂发生爆炸\"}";
        assertThat(send(node, "POST", "/" + index + "/_doc?refresh=true", document).statusCode()).isEqualTo(201);

        assertThat(phraseHits(node, index, "工厂发生")).isEqualTo(1);
        assertThat(phraseHits(node, index, "工厂爆炸")).isZero();
    }

    @Test
    void stopped_node_leaves_no_process_and_keeps_its_data_on_restart() throws Exception {
        Path directory = Files.createTempDirectory(StackDirectories.scratchRoot(), "es-restart-");
        ElasticsearchNode.Settings settings =
                ElasticsearchNode.Settings.of(ElasticsearchNode.scratchDistributionHome(), directory);
        try {
            long pid;
            long serverPid;
            List<ProcessHandle> descendants;
            int port;
            try (ElasticsearchNode node = startShortLived(settings)) {
                assertThat(send(node, "PUT", "/kept", ONE_SHARD_STANDARD_TEXT).statusCode()).isEqualTo(200);
                String document = "{\"text\":\"重启后仍在\"}";
                assertThat(send(node, "PUT", "/kept/_doc/1?refresh=true", document).statusCode()).isEqualTo(201);
                pid = node.pid();
                serverPid = node.serverPid();
                descendants = ProcessHandle.of(pid).orElseThrow().descendants().toList();
                port = node.httpPort();
                assertThat(descendants).extracting(ProcessHandle::pid).contains(serverPid);
            }

            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(ProcessHandle.of(serverPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(descendants).noneMatch(ProcessHandle::isAlive);
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                }
            }).isInstanceOf(ConnectException.class);
            assertThat(directory.resolve("es.pid")).doesNotExist();

            try (ElasticsearchNode node = startShortLived(settings)) {
                assertThat(send(node, "GET", "/kept/_count", null).body()).contains("\"count\":1");
            }
        } finally {
            ElasticsearchDistribution.deleteTree(directory);
        }
    }

    @Test
    void start_stops_a_node_an_earlier_launcher_left_running_in_the_same_directory() throws Exception {
        Path directory = Files.createTempDirectory(StackDirectories.scratchRoot(), "es-leftover-");
        ElasticsearchNode.Settings settings =
                ElasticsearchNode.Settings.of(ElasticsearchNode.scratchDistributionHome(), directory);
        // Never closed, like the node of a launcher killed with SIGKILL.
        ElasticsearchNode leftover = startShortLived(settings);
        try {
            long leftoverServer = leftover.serverPid();
            try (ElasticsearchNode node = startShortLived(settings)) {
                assertThat(ProcessHandle.of(leftover.pid()).filter(ProcessHandle::isAlive)).isEmpty();
                assertThat(ProcessHandle.of(leftoverServer).filter(ProcessHandle::isAlive)).isEmpty();
                assertThat(node.serverPid()).isNotEqualTo(leftoverServer);
                assertThat(send(node, "GET", "/_cluster/health", null).statusCode()).isEqualTo(200);
            }
        } finally {
            leftover.close();
            ElasticsearchDistribution.deleteTree(directory);
        }
    }

    @Test
    void settings_reject_a_heap_or_port_the_node_could_not_use() {
        Path somewhere = Path.of("/tmp");
        assertThatThrownBy(() -> ElasticsearchNode.Settings.of(somewhere, somewhere).withHeap("1 GB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 GB");
        assertThatThrownBy(() -> ElasticsearchNode.Settings.of(somewhere, somewhere).withPorts(70000, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ElasticsearchNode startShortLived(ElasticsearchNode.Settings settings) {
        return ElasticsearchNode.start(settings, ElasticsearchNode.SHORT_LIVED_JVM_OPTIONS);
    }

    private static long phraseHits(ElasticsearchNode node, String index, String phrase) throws Exception {
        String query = "{\"query\": {\"match_phrase\": {\"text\": \"" + phrase + "\"}}}";
        HttpResponse<String> response = send(node, "POST", "/" + index + "/_search", query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher total = Pattern.compile("\"total\":\\{\"value\":(\\d+)").matcher(response.body());
        assertThat(total.find()).as(response.body()).isTrue();
        return Long.parseLong(total.group(1));
    }

    private static HttpResponse<String> send(ElasticsearchNode node, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.httpUri() + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
