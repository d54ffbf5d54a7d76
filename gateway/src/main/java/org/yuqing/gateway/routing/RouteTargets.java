package org.yuqing.gateway.routing;

import java.net.URI;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the gateway sends each path family, {@code yuqing.gateway.routes.*}; base URIs without a path (any path is
 * ignored: the gateway never rewrites paths).
 *
 * @param monitoring {@code /api/monitoring/**}
 * @param grading    {@code /api/grading/**}
 * @param casework   {@code /api/casework/**}
 * @param publishing {@code /api/publishing/**} and the public statements site {@code /public/**}
 * @param console    everything else that is not the gateway's own (the Vaadin console)
 */
@ConfigurationProperties("yuqing.gateway.routes")
record RouteTargets(URI monitoring, URI grading, URI casework, URI publishing, URI console) {

    RouteTargets {
        Objects.requireNonNull(monitoring, "yuqing.gateway.routes.monitoring");
        Objects.requireNonNull(grading, "yuqing.gateway.routes.grading");
        Objects.requireNonNull(casework, "yuqing.gateway.routes.casework");
        Objects.requireNonNull(publishing, "yuqing.gateway.routes.publishing");
        Objects.requireNonNull(console, "yuqing.gateway.routes.console");
    }
}
