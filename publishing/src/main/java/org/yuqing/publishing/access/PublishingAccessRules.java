package org.yuqing.publishing.access;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yuqing.security.AccessRules;
import org.yuqing.security.Role;

/**
 * The role rules of the publishing service. The security library adds health/info (everyone), {@code /internal/events}
 * ({@link Role#SERVICE}) and {@code /api/publishing/audit} ({@link Role#ADMIN}) before them and refuses everything
 * they do not name after them. Which unit's statements a caller may touch is decided per object (属地管理), not here.
 *
 * <table>
 *   <caption>Who may do what</caption>
 *   <tr><th>endpoint</th><th>roles</th></tr>
 *   <tr><td>{@code GET /api/publishing/statements}, {@code GET /api/publishing/statements/{id}},
 *       {@code GET …/statements/{id}/versions}, {@code GET …/statements/{id}/versions/{a}/diff/{b}},
 *       {@code GET …/statements/{id}/renditions}, {@code GET /api/publishing/templates}</td>
 *       <td>MONITOR, ANALYST, LEADER, UNIT_HANDLER, PUBLISHER, ADMIN</td></tr>
 *   <tr><td>{@code POST /api/publishing/statements} (draft), {@code PUT /api/publishing/statements/{id}} (edit)</td>
 *       <td>PUBLISHER, UNIT_HANDLER, ANALYST</td></tr>
 *   <tr><td>{@code POST /api/publishing/statements/{id}/approvals} (approve or reject, 审定)</td>
 *       <td>LEADER only</td></tr>
 *   <tr><td>{@code POST /api/publishing/statements/{id}/publish},
 *       {@code POST /api/publishing/statements/{id}/releases/{channel}/retry},
 *       {@code POST /api/publishing/statements/{id}/releases/manual/proof},
 *       {@code PUT …/statements/{id}/schedule}, {@code DELETE …/statements/{id}/schedule} (定时发布),
 *       {@code POST …/statements/{id}/retract} (撤回), {@code POST …/statements/{id}/corrections} (更正)</td>
 *       <td>PUBLISHER only</td></tr>
 *   <tr><td>{@code GET /api/publishing/channels} (channel configuration)</td><td>ADMIN only</td></tr>
 *   <tr><td>{@code /public/**} (the public statements site and its Atom feed)</td>
 *       <td>everyone, no token</td></tr>
 * </table>
 */
@Component
class PublishingAccessRules implements AccessRules {

    private static final String STATEMENTS = "/api/publishing/statements";

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules
                .requestMatchers("/public/**").permitAll()
                .requestMatchers(HttpMethod.GET, STATEMENTS, STATEMENTS + "/*", STATEMENTS + "/*/versions",
                        STATEMENTS + "/*/versions/*/diff/*", STATEMENTS + "/*/renditions", "/api/publishing/templates")
                .hasAnyRole(names(Role.MONITOR, Role.ANALYST, Role.LEADER, Role.UNIT_HANDLER, Role.PUBLISHER,
                        Role.ADMIN))
                .requestMatchers(HttpMethod.POST, STATEMENTS)
                .hasAnyRole(names(Role.PUBLISHER, Role.UNIT_HANDLER, Role.ANALYST))
                .requestMatchers(HttpMethod.PUT, STATEMENTS + "/*")
                .hasAnyRole(names(Role.PUBLISHER, Role.UNIT_HANDLER, Role.ANALYST))
                .requestMatchers(HttpMethod.POST, STATEMENTS + "/*/approvals").hasRole(Role.LEADER.name())
                .requestMatchers(HttpMethod.POST, STATEMENTS + "/*/publish").hasRole(Role.PUBLISHER.name())
                .requestMatchers(HttpMethod.POST, STATEMENTS + "/*/releases/*/retry").hasRole(Role.PUBLISHER.name())
                .requestMatchers(HttpMethod.POST, STATEMENTS + "/*/releases/manual/proof").hasRole(Role.PUBLISHER.name())
                .requestMatchers(HttpMethod.PUT, STATEMENTS + "/*/schedule").hasRole(Role.PUBLISHER.name())
                .requestMatchers(HttpMethod.DELETE, STATEMENTS + "/*/schedule").hasRole(Role.PUBLISHER.name())
                .requestMatchers(HttpMethod.POST, STATEMENTS + "/*/retract").hasRole(Role.PUBLISHER.name())
                .requestMatchers(HttpMethod.POST, STATEMENTS + "/*/corrections").hasRole(Role.PUBLISHER.name())
                .requestMatchers(HttpMethod.GET, "/api/publishing/channels").hasRole(Role.ADMIN.name());
    }

    private static String[] names(Role... roles) {
        String[] names = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            names[i] = roles[i].name();
        }
        return names;
    }
}
