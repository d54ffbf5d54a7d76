package org.yuqing.ui.sources;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.ui.layout.NavEntry;

/**
 * Where this feature's page appears in the side navigation: after the topics.
 */
@Configuration(proxyBeanMethods = false)
class SourcesNavigation {

    @Bean
    NavEntry sourcesNavEntry() {
        return NavEntry.of("monitoring.nav.sources", "sources", "nav-sources", 310);
    }
}
