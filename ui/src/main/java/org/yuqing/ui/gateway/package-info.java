/**
 * Calls from the console to the platform API through the gateway, as the browser's logged-in user (its
 * {@code YUQING_SESSION} cookie is forwarded), and the identity the gateway vouched for on the current request.
 */
package org.yuqing.ui.gateway;
