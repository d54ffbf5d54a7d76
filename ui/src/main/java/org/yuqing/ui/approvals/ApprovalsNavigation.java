package org.yuqing.ui.approvals;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.ui.layout.NavEntry;

/**
 * Where 审批 appears in the side navigation.
 */
@Configuration(proxyBeanMethods = false)
class ApprovalsNavigation {

    @Bean
    NavEntry approvalsNavEntry() {
        return NavEntry.of("publishing.nav.approvals", "approvals", "nav-approvals", 510);
    }
}
