package org.yuqing.monitoring.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.yuqing.security.AccessRules;
import org.yuqing.security.Role;

/**
 * The role rules of the monitoring service, in one place. The security library puts health and info
 * (everyone), {@code /internal/events} (SERVICE) and {@code GET /api/monitoring/audit} (ADMIN) before them
 * and refuses whatever they do not name.
 *
 * <table>
 *   <caption>Who may call what</caption>
 *   <tr><th>endpoint</th><th>roles</th></tr>
 *   <tr><td>{@code GET /imports/{id}} (an import's progress; only its uploader gets past 404)</td>
 *       <td>INGEST, MONITOR, ADMIN</td></tr>
 *   <tr><td>{@code POST /topics/{id}/backfill}, {@code GET /topics/{id}/backfills/{jobId}} (a topic over history)</td>
 *       <td>MONITOR, ANALYST, ADMIN</td></tr>
 *   <tr><td>{@code POST /admin/reindex}, {@code GET /admin/reindex/{jobId}} (derived fields of stored posts)</td>
 *       <td>ADMIN</td></tr>
 *   <tr><td>{@code PUT /negative-words} (the negative lexicon, one for every unit)</td><td>ADMIN</td></tr>
 *   <tr><td>every other {@code GET /api/monitoring/**} (topics, sources, incidents, posts, search, export,
 *       snapshots)</td>
 *       <td>MONITOR, ANALYST, LEADER, UNIT_HANDLER, PUBLISHER, ADMIN</td></tr>
 *   <tr><td>{@code POST /topics}, {@code PUT /topics/{id}}, {@code DELETE /topics/{id}}, {@code POST /topics/test} (trying a draft)</td>
 *       <td>MONITOR, ANALYST, ADMIN</td></tr>
 *   <tr><td>{@code POST /sources}, {@code PUT /sources/{id}}, {@code DELETE /sources/{id}}, {@code POST /sources/{id}/poll} (poll now)</td>
 *       <td>MONITOR, ADMIN</td></tr>
 *   <tr><td>{@code POST /posts}, {@code POST /posts/bulk}, {@code POST /imports} (ingest)</td>
 *       <td>INGEST, MONITOR, ADMIN</td></tr>
 *   <tr><td>anything else</td><td>nobody</td></tr>
 * </table>
 * Which objects a permitted caller sees is decided by unit scope (属地管理) in the features themselves.
 */
@Configuration(proxyBeanMethods = false)
public class MonitoringAccessRules {

    private static final String API = "/api/monitoring";

    /** Every person's role: the readers of the business API. */
    static final String[] PERSONS = {Role.MONITOR.name(), Role.ANALYST.name(), Role.LEADER.name(),
            Role.UNIT_HANDLER.name(), Role.PUBLISHER.name(), Role.ADMIN.name()};
    static final String[] TOPIC_EDITORS = {Role.MONITOR.name(), Role.ANALYST.name(), Role.ADMIN.name()};
    static final String[] SOURCE_EDITORS = {Role.MONITOR.name(), Role.ADMIN.name()};
    static final String[] INGESTERS = {Role.INGEST.name(), Role.MONITOR.name(), Role.ADMIN.name()};

    /** @return the service's role rules */
    @Bean
    AccessRules monitoringRules() {
        return rules -> rules
                // an import's progress is for its uploader, a crawler among them: before the readers' rule
                .requestMatchers(HttpMethod.GET, API + "/imports/*").hasAnyRole(INGESTERS)
                // jobs over the stored posts: before the readers' rule as well
                .requestMatchers(HttpMethod.GET, API + "/topics/*/backfills/*").hasAnyRole(TOPIC_EDITORS)
                .requestMatchers(HttpMethod.POST, API + "/topics/*/backfill").hasAnyRole(TOPIC_EDITORS)
                .requestMatchers(API + "/admin/**").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, API + "/**").hasAnyRole(PERSONS)
                .requestMatchers(HttpMethod.POST, API + "/topics", API + "/topics/test").hasAnyRole(TOPIC_EDITORS)
                .requestMatchers(HttpMethod.PUT, API + "/topics/*").hasAnyRole(TOPIC_EDITORS)
                .requestMatchers(HttpMethod.PUT, API + "/negative-words").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.DELETE, API + "/topics/*").hasAnyRole(TOPIC_EDITORS)
                .requestMatchers(HttpMethod.POST, API + "/sources", API + "/sources/*/poll").hasAnyRole(SOURCE_EDITORS)
                .requestMatchers(HttpMethod.PUT, API + "/sources/*").hasAnyRole(SOURCE_EDITORS)
                .requestMatchers(HttpMethod.DELETE, API + "/sources/*").hasAnyRole(SOURCE_EDITORS)
                .requestMatchers(HttpMethod.POST, API + "/posts", API + "/posts/bulk", API + "/imports")
                .hasAnyRole(INGESTERS);
    }
}
