package org.yuqing.gateway.protection;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cross-origin calls of the API (跨域), {@code yuqing.gateway.cors.*}.
 *
 * @param allowedOrigins browser origins other than the gateway's own that may call {@code /api/**} with the
 *                       {@code Authorization} and {@code Content-Type} headers, e.g. {@code https://screen.example.cn};
 *                       empty (the default) allows the same origin only
 */
@ConfigurationProperties("yuqing.gateway.cors")
record CorsProperties(List<String> allowedOrigins) {

    CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
        if (allowedOrigins.contains("*")) {
            throw new IllegalArgumentException("yuqing.gateway.cors.allowed-origins: list the origins, not *");
        }
    }
}
