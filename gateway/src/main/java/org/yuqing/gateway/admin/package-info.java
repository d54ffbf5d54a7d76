/**
 * Administration of the directory (目录管理) under {@code /api/identity/**}: units and users within the administrator's
 * unit scope, and the gateway's audit; every change is audited.
 */
package org.yuqing.gateway.admin;
