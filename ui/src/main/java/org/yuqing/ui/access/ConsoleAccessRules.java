package org.yuqing.ui.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.security.AccessRules;

/**
 * The console's HTTP rules. The console is one Vaadin application: its pages, its static resources and its own
 * requests (UIDL, heartbeat, uploads) all travel through the gateway with the user's token, so the rule is simply
 * "a valid token". Which person may use which page is decided per view ({@link AdminOnly}); the data behind each page
 * is guarded again by the service that owns it.
 *
 * <table>
 *   <caption>Console endpoints and who may call them</caption>
 *   <tr><th>path</th><th>who</th><th>added by</th></tr>
 *   <tr><td>{@code /actuator/health}, {@code /actuator/info}</td><td>anyone</td><td>the security library</td></tr>
 *   <tr><td>{@code /api/ui/audit}</td><td>ADMIN (log-only here: always empty)</td><td>the security library</td></tr>
 *   <tr><td>everything else (pages, {@code /VAADIN/**}, Vaadin's own requests)</td>
 *       <td>any valid token, any role</td><td>this bean</td></tr>
 * </table>
 * CSRF stays Vaadin's own (a per-UI token in every UIDL request); the login page is the gateway's.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleAccessRules {

    @Bean
    AccessRules consoleRules() {
        // Not anyRequest(): the library closes the chain with its own anyRequest().denyAll().
        return rules -> rules.requestMatchers("/**").authenticated();
    }
}
