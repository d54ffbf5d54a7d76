package org.yuqing.casework.escalation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the escalation settings ({@code yuqing.casework.escalation}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EscalationProperties.class)
class EscalationConfiguration {
}
