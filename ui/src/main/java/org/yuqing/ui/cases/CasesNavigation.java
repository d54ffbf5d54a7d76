package org.yuqing.ui.cases;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.ui.layout.NavEntry;

/**
 * Where this feature's page appears in the side navigation.
 */
@Configuration(proxyBeanMethods = false)
class CasesNavigation {

    @Bean
    NavEntry casesNavEntry() {
        return NavEntry.of("nav.cases", "cases", "nav-cases", 100).alsoAt("");
    }
}
