/**
 * The single entry of the platform: routes every service under one origin and serves the console.
 */
package org.yuqing.gateway;
