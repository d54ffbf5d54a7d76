/**
 * Routes (路由) from public paths to the services and the console, and the token relayed on every proxied request.
 */
package org.yuqing.gateway.routing;
