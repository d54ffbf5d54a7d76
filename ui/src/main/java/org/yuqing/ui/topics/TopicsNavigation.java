package org.yuqing.ui.topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.ui.layout.NavEntry;

/**
 * Where this feature's page appears in the side navigation: after the search.
 */
@Configuration(proxyBeanMethods = false)
class TopicsNavigation {

    @Bean
    NavEntry topicsNavEntry() {
        return NavEntry.of("monitoring.nav.topics", "topics", "nav-topics", 300);
    }
}
