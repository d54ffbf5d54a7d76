/**
 * 用户管理: the people who may log in — their units, roles and whether they are enabled — and password resets.
 */
package org.yuqing.ui.users;
