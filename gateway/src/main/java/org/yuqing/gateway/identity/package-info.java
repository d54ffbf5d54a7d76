/**
 * Who the user is (身份认证): the user and unit directory in PostgreSQL (seeded from configuration when empty), browser
 * form login, HTTP Basic and the gateway's own bearer tokens, CSRF of the session, the user's own identity API
 * ({@code /api/me}, {@code /api/identity/me}, {@code /api/identity/token}) and the tokens relayed for logged-in users.
 */
package org.yuqing.gateway.identity;
