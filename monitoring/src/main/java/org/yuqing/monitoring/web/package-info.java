/**
 * What every HTTP API of the monitoring service shares: problem+json errors for what a caller got
 * wrong (bad input, unknown ids). Who is calling comes from the validated token
 * ({@link org.yuqing.security.Caller}).
 */
package org.yuqing.monitoring.web;
