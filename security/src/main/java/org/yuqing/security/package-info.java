/**
 * Security shared by every service: each one is an OAuth2 resource server that validates the platform's signed
 * tokens itself (defence in depth behind the gateway), knows its {@link org.yuqing.security.Caller} with roles and
 * unit scope (属地管理), refuses whatever its {@link org.yuqing.security.AccessRules} do not allow, and writes denied
 * attempts and sensitive actions to its {@link org.yuqing.security.AuditTrail}.
 */
package org.yuqing.security;
