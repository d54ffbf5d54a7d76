package org.yuqing.ui.gateway;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the console reaches the platform API, {@code yuqing.console.gateway.*}.
 *
 * @param url the gateway's base URL, e.g. {@code http://127.0.0.1:8080}
 */
@ConfigurationProperties("yuqing.console.gateway")
record GatewayProperties(URI url) {

    GatewayProperties {
        url = url == null ? URI.create("http://127.0.0.1:8080") : url;
    }
}
