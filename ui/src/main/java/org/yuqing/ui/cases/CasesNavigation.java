package org.yuqing.ui.cases;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.ui.layout.NavEntry;

/**
 * Where this feature's pages appear in the side navigation: 案件 (the board, also the start page), 我的期限 and 责任追究.
 */
@Configuration(proxyBeanMethods = false)
class CasesNavigation {

    @Bean
    NavEntry casesNavEntry() {
        return NavEntry.of("nav.cases", "cases", "nav-cases", 100).alsoAt("");
    }

    @Bean
    NavEntry deadlinesNavEntry() {
        return NavEntry.of("casework.nav.deadlines", "deadlines", "nav-deadlines", 110);
    }

    @Bean
    NavEntry accountabilityNavEntry() {
        return NavEntry.of("casework.nav.accountability", "accountability", "nav-accountability", 120);
    }
}
