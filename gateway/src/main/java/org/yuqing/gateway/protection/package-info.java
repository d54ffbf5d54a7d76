/**
 * Protection of the entry (入口防护): security headers on every answer, the request body size limit and per-user /
 * per-client rate limits, each refusal a problem+json.
 */
package org.yuqing.gateway.protection;
