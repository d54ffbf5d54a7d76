/**
 * Who may call which endpoint of the monitoring service (角色权限): the service's one
 * {@link org.yuqing.security.AccessRules} bean.
 */
package org.yuqing.monitoring.access;
