package org.yuqing.casework.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.security.AccessRules;
import org.yuqing.security.Role;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * The role matrix of casework. The library adds health/info (everyone), {@code /internal/events} (SERVICE) and
 * {@code /api/casework/audit} (ADMIN) before these rules, and refuses every endpoint they do not name.
 * Which objects a permitted caller sees is decided by unit scope (属地管理) in the features, not here.
 *
 * <table>
 *   <caption>Casework endpoints and the roles that may call them</caption>
 *   <tr><th>endpoint</th><th>roles</th></tr>
 *   <tr><td>{@code GET /api/casework/cases}, {@code GET /api/casework/cases/{id}},
 *           {@code GET /api/casework/cases/{id}/ledger}, {@code GET /api/casework/accountability},
 *           {@code GET /api/casework/notifications}, {@code GET /api/casework/cases/{id}/attachments/{attachmentId}},
 *           {@code GET /api/casework/notifications/deliveries} (the delivery log),
 *           {@code GET /api/casework/accountability/units} (迟报/漏报/瞒报 per unit),
 *           {@code GET /api/casework/cases/{id}/heat} (the incident's heat series),
 *           {@code GET /api/casework/deadlines/mine} (my deadlines)</td>
 *       <td>every person: MONITOR, ANALYST, LEADER, UNIT_HANDLER, PUBLISHER, ADMIN</td></tr>
 *   <tr><td>{@code GET /api/casework/cases/{id}/documents/{kind}.{format}} (登记表、专报、总结评估 as PDF/DOCX; audited
 *           as EXPORT)</td><td>every person</td></tr>
 *   <tr><td>{@code GET /api/casework/ledger/verify} (reveals no case content)</td><td>every person</td></tr>
 *   <tr><td>{@code POST /api/casework/notifications/{id}/read} (one's own inbox)</td><td>every person</td></tr>
 *   <tr><td>{@code POST /api/casework/cases} (open a case by hand, 人工立案)</td><td>ANALYST, UNIT_HANDLER</td></tr>
 *   <tr><td>{@code POST /api/casework/cases/{id}/reports}, {@code .../transitions}, {@code .../review},
 *           {@code .../tasks}, {@code .../tasks/{taskId}/complete}, {@code .../comments}, {@code .../attachments}
 *           (work on a case), {@code PUT /api/casework/cases/{id}/assignees} (指派经办人)</td>
 *       <td>ANALYST, UNIT_HANDLER, LEADER</td></tr>
 *   <tr><td>{@code POST /api/casework/notifications/deliveries/{id}/retry} (retry a failed delivery by hand)</td>
 *       <td>ANALYST, UNIT_HANDLER, LEADER, ADMIN</td></tr>
 *   <tr><td>{@code GET /api/casework/contacts/people}, {@code PUT|DELETE /api/casework/contacts/people/{login}},
 *           {@code GET /api/casework/contacts/units}, {@code PUT /api/casework/contacts/units/{unitId}}
 *           (the contact directory: addresses and robot webhooks, configuration)</td><td>ADMIN</td></tr>
 *   <tr><td>anything else, for any role; INGEST and SERVICE on the business API</td><td>nobody (403)</td></tr>
 * </table>
 * Configuration changes are ADMIN only: the contact directory (reading it too, as it holds personal addresses); the
 * escalation chain itself is service configuration.
 */
@Configuration(proxyBeanMethods = false)
public class CaseworkAccessRules {

    private static final String[] PERSONS = {Role.MONITOR.name(), Role.ANALYST.name(), Role.LEADER.name(),
            Role.UNIT_HANDLER.name(), Role.PUBLISHER.name(), Role.ADMIN.name()};
    private static final String[] OPEN_BY_HAND = {Role.ANALYST.name(), Role.UNIT_HANDLER.name()};
    private static final String[] WORK_ON_CASES = {Role.ANALYST.name(), Role.UNIT_HANDLER.name(), Role.LEADER.name()};
    private static final String[] RETRY_DELIVERIES = {Role.ANALYST.name(), Role.UNIT_HANDLER.name(), Role.LEADER.name(),
            Role.ADMIN.name()};

    /** @return the rules: reads for every person, case work for the roles that handle cases */
    @Bean
    AccessRules caseworkRules() {
        return rules -> rules
                .requestMatchers(GET, "/api/casework/cases", "/api/casework/cases/*", "/api/casework/cases/*/ledger",
                        "/api/casework/ledger/verify", "/api/casework/accountability",
                        "/api/casework/notifications", "/api/casework/cases/*/attachments/*",
                        "/api/casework/notifications/deliveries", "/api/casework/accountability/units",
                        "/api/casework/cases/*/heat", "/api/casework/deadlines/mine")
                .hasAnyRole(PERSONS)
                .requestMatchers(PUT, "/api/casework/cases/*/assignees").hasAnyRole(WORK_ON_CASES)
                .requestMatchers(POST, "/api/casework/notifications/deliveries/*/retry").hasAnyRole(RETRY_DELIVERIES)
                .requestMatchers(GET, "/api/casework/contacts/people", "/api/casework/contacts/units")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(PUT, "/api/casework/contacts/people/*", "/api/casework/contacts/units/*")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(DELETE, "/api/casework/contacts/people/*").hasRole(Role.ADMIN.name())
                .requestMatchers(GET, "/api/casework/cases/*/documents/*").hasAnyRole(PERSONS)
                .requestMatchers(POST, "/api/casework/notifications/*/read").hasAnyRole(PERSONS)
                .requestMatchers(POST, "/api/casework/cases").hasAnyRole(OPEN_BY_HAND)
                .requestMatchers(POST, "/api/casework/cases/*/reports", "/api/casework/cases/*/transitions",
                        "/api/casework/cases/*/review", "/api/casework/cases/*/tasks",
                        "/api/casework/cases/*/tasks/*/complete", "/api/casework/cases/*/comments",
                        "/api/casework/cases/*/attachments").hasAnyRole(WORK_ON_CASES);
    }
}
