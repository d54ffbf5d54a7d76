/**
 * Calls from the console to the platform API through the gateway, as the browser's logged-in user (the bearer token
 * the gateway relayed is passed on), and who that user is, read from the validated token.
 */
package org.yuqing.ui.gateway;
