package org.yuqing.ui.incidents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.ui.layout.NavEntry;

/**
 * Where this feature's page appears in the side navigation: after the cases, before the search.
 */
@Configuration(proxyBeanMethods = false)
class IncidentsNavigation {

    @Bean
    NavEntry incidentsNavEntry() {
        return NavEntry.of("monitoring.nav.incidents", "incidents", "nav-incidents", 150);
    }
}
