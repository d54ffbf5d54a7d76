package org.yuqing.ui.units;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.ui.layout.NavEntry;

/**
 * Where this feature's page appears in the side navigation.
 */
@Configuration(proxyBeanMethods = false)
class UnitsNavigation {

    @Bean
    NavEntry unitsNavEntry() {
        return NavEntry.admin("nav.units", "units", "nav-units", 900);
    }
}
