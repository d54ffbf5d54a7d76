package org.yuqing.casework;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.casework.cases.CaseworkProperties;

import java.time.Clock;

/** Service-wide beans: the clock every deadline is measured by, and the casework settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseworkProperties.class)
class CaseworkConfiguration {

    // One injectable clock, so deadlines can be tested at any moment.
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
