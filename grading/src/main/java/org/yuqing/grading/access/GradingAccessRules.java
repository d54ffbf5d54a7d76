package org.yuqing.grading.access;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.yuqing.security.AccessRules;
import org.yuqing.security.Role;

import java.util.Arrays;

/**
 * The role rules of the grading service (角色权限). The library adds health/info (open), {@code /internal/events}
 * (SERVICE) and {@code GET /api/grading/audit} (ADMIN) before these, and refuses everything not named here.
 *
 * <table>
 *   <caption>grading endpoints and the roles allowed</caption>
 *   <tr><th>endpoint</th><th>roles</th><th>audited as</th></tr>
 *   <tr><td>every {@code GET /api/grading/**} (plans, plan versions, plan exports, assignments, incident grades
 *       and the list of recently graded incidents, lexicon, what-if and plan comparison by query parameters)</td>
 *       <td>MONITOR, ANALYST, LEADER, UNIT_HANDLER, PUBLISHER, ADMIN</td><td>—</td></tr>
 *   <tr><td>{@code POST /api/grading/what-if}, {@code POST /api/grading/what-if/compare},
 *       {@code POST /api/grading/classification/classify}
 *       (pure computations, nothing is stored)</td>
 *       <td>MONITOR, ANALYST, LEADER, UNIT_HANDLER, PUBLISHER, ADMIN</td><td>—</td></tr>
 *   <tr><td>{@code POST|DELETE /api/grading/incidents/{id}/override} (改定 level/category, confirm the
 *       classification, clear the override)</td><td>ANALYST</td><td>OVERRIDE</td></tr>
 *   <tr><td>{@code POST|PUT|PATCH|DELETE /api/grading/plans/**} (预案: create, edit, import, assign, delete, and
 *       validate a document without storing it, {@code POST /api/grading/plans/validate}, not audited)</td>
 *       <td>ADMIN</td><td>PLAN_CHANGE</td></tr>
 *   <tr><td>{@code PUT /api/grading/assignments/{unitId}} (预案指派 of a unit in the caller's scope)</td>
 *       <td>ADMIN</td><td>PLAN_CHANGE</td></tr>
 *   <tr><td>{@code POST|PUT|PATCH|DELETE /api/grading/classification/lexicon/**} (分类词库)</td>
 *       <td>ADMIN</td><td>CONFIG_CHANGE</td></tr>
 * </table>
 *
 * INGEST and SERVICE tokens reach none of the business API. Which incidents a person sees is decided by unit
 * scope (属地管理) in the handlers, not here, as is whose assignments a person sees and changes; plans and the
 * lexicon are shared by every unit. Exporting a plan (a GET) is audited as EXPORT.
 */
@Component
class GradingAccessRules implements AccessRules {

    private static final String[] PERSONS = Arrays.stream(new Role[]{Role.MONITOR, Role.ANALYST, Role.LEADER,
            Role.UNIT_HANDLER, Role.PUBLISHER, Role.ADMIN}).map(Role::name).toArray(String[]::new);
    private static final HttpMethod[] WRITES = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE};

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/grading/**").hasAnyRole(PERSONS)
                .requestMatchers(HttpMethod.POST, "/api/grading/what-if").hasAnyRole(PERSONS)
                .requestMatchers(HttpMethod.POST, "/api/grading/what-if/compare").hasAnyRole(PERSONS)
                .requestMatchers(HttpMethod.PUT, "/api/grading/assignments/*").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/grading/classification/classify").hasAnyRole(PERSONS)
                .requestMatchers(HttpMethod.POST, "/api/grading/incidents/*/override").hasRole(Role.ANALYST.name())
                .requestMatchers(HttpMethod.DELETE, "/api/grading/incidents/*/override").hasRole(Role.ANALYST.name());
        for (HttpMethod write : WRITES) {
            rules.requestMatchers(write, "/api/grading/plans/**").hasRole(Role.ADMIN.name())
                    .requestMatchers(write, "/api/grading/classification/lexicon/**").hasRole(Role.ADMIN.name());
        }
    }
}
