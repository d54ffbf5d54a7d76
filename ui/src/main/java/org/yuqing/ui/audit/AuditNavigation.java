package org.yuqing.ui.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.ui.layout.NavEntry;

/**
 * Where this feature's page appears in the side navigation.
 */
@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavEntry auditNavEntry() {
        return NavEntry.admin("nav.audit", "audit", "nav-audit", 920);
    }
}
