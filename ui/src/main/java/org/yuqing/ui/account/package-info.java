/**
 * 我的账号: the logged-in user's own account (login, name, units, roles) and the change of their own password.
 */
package org.yuqing.ui.account;
