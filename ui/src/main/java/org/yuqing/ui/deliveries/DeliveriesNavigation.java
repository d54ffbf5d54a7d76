package org.yuqing.ui.deliveries;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.ui.layout.NavEntry;

/**
 * Where 发布看板 appears in the side navigation.
 */
@Configuration(proxyBeanMethods = false)
class DeliveriesNavigation {

    @Bean
    NavEntry deliveriesNavEntry() {
        return NavEntry.of("publishing.nav.deliveries", "deliveries", "nav-deliveries", 520);
    }
}
