/**
 * What every HTTP API of the monitoring service shares: problem+json errors for what a caller got
 * wrong (bad input, unknown ids) and the identity headers the gateway forwards.
 */
package org.yuqing.monitoring.web;
