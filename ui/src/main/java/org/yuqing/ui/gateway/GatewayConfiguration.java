package org.yuqing.ui.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's one client of the platform API.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    GatewayApi gatewayApi(RestClient.Builder builder, JsonMapper json, GatewayProperties properties) {
        return GatewayApi.create(builder, json, properties.url(), BearerForwarding.fromCurrentVaadinRequest());
    }
}
