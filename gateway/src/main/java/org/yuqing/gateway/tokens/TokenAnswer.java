package org.yuqing.gateway.tokens;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON answer of a successful token request (RFC 6749 §5.1): {@code access_token}, {@code token_type},
 * {@code expires_in}. Its {@link #toString()} leaves the token out, so that logging the answer (Spring MVC logs the
 * body it writes at DEBUG, in full at TRACE) never logs a credential.
 *
 * @param accessToken the compact token
 * @param tokenType   always {@code Bearer}
 * @param expiresIn   seconds until the token expires
 */
public record TokenAnswer(@JsonProperty("access_token") String accessToken,
                          @JsonProperty("token_type") String tokenType,
                          @JsonProperty("expires_in") long expiresIn) {

    /**
     * A bearer token's answer.
     *
     * @param token     the issued token
     * @param expiresIn seconds until it expires
     * @return the answer
     */
    public static TokenAnswer bearer(IssuedToken token, long expiresIn) {
        return new TokenAnswer(token.value(), "Bearer", expiresIn);
    }

    /**
     * Hides the token itself.
     *
     * @return the type and lifetime only
     */
    @Override
    public String toString() {
        return "TokenAnswer[token_type=" + tokenType + ", expires_in=" + expiresIn + "]";
    }
}
