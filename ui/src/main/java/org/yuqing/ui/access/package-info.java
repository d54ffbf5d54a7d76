/**
 * Who may use the console: every request needs a valid token (the HTTP rules), and the admin pages (管理) open for
 * administrators only, everyone else sees the access-denied view.
 */
package org.yuqing.ui.access;
