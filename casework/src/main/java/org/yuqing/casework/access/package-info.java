/**
 * Who may call which casework endpoint (角色权限): the service's role rules in one place, on top of the shared
 * security library's token validation and refuse-by-default.
 */
package org.yuqing.casework.access;
