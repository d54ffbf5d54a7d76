/**
 * Who the user is (身份认证): the configured user directory, browser form login and HTTP Basic, and {@code /api/me}.
 */
package org.yuqing.gateway.identity;
