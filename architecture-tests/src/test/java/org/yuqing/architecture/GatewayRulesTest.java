package org.yuqing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yuqing.architecture.fixtures.gateway.gateway.routes.ServiceRoutes;
import org.yuqing.architecture.fixtures.gateway.monitoring.ingest.IngestRoutes;

class GatewayRulesTest {

    private static final String ROOT = Fixtures.root("gateway");

    @Test
    void a_module_other_than_gateway_using_spring_cloud_gateway_is_reported() {
        String report = Fixtures.violationsReported(GatewayRules.onlyGatewayUsesSpringCloudGateway(ROOT), ROOT);

        assertThat(report)
                .contains("only " + ROOT + ".gateway should use Spring Cloud Gateway")
                .contains(IngestRoutes.class.getName())
                .contains("org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions")
                .doesNotContain(ServiceRoutes.class.getName());
    }
}
