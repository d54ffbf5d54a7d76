package org.yuqing.architecture;

import com.tngtech.archunit.lang.ArchRule;

/** Spring Cloud Gateway belongs to the gateway. */
final class GatewayRules {

    private GatewayRules() {
    }

    /** Only {@code <root>.gateway} uses Spring Cloud Gateway. */
    static ArchRule onlyGatewayUsesSpringCloudGateway(String root) {
        return ModuleLibraries.onlyModuleUses(root, "gateway", "Spring Cloud Gateway",
                "the gateway is the single entry that routes, authenticates and rate-limits; a service that "
                        + "routes requests itself would be a second, unguarded entry",
                "org.springframework.cloud.gateway..");
    }
}
