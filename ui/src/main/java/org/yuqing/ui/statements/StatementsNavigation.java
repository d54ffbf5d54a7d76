package org.yuqing.ui.statements;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.ui.layout.NavEntry;

/**
 * Where 口径发布 appears in the side navigation.
 */
@Configuration(proxyBeanMethods = false)
class StatementsNavigation {

    @Bean
    NavEntry statementsNavEntry() {
        return NavEntry.of("publishing.nav.statements", "statements", "nav-statements", 500);
    }
}
