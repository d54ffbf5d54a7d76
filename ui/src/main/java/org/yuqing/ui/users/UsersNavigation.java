package org.yuqing.ui.users;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.ui.layout.NavEntry;

/**
 * Where this feature's page appears in the side navigation.
 */
@Configuration(proxyBeanMethods = false)
class UsersNavigation {

    @Bean
    NavEntry usersNavEntry() {
        return NavEntry.admin("nav.users", "users", "nav-users", 910);
    }
}
