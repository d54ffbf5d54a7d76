package org.yuqing.ui.search;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.ui.layout.NavEntry;

/**
 * Where this feature's page appears in the side navigation.
 */
@Configuration(proxyBeanMethods = false)
class SearchNavigation {

    @Bean
    NavEntry searchNavEntry() {
        return NavEntry.of("nav.search", "search", "nav-search", 200);
    }
}
