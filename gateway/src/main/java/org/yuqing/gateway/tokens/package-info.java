/**
 * The gateway as token issuer (令牌签发): its RSA signing keys kept in the directory, the JWKS and RFC 8414 metadata,
 * the signed platform tokens and the OAuth2 client-credentials endpoint for services and crawlers.
 */
package org.yuqing.gateway.tokens;
