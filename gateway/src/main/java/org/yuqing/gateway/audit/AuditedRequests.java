package org.yuqing.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * What an audit line says about a request: the client's address and the login name an HTTP Basic client claims.
 */
public final class AuditedRequests {

    /** Request attribute holding the authenticated login name, set once authentication has run. */
    public static final String PRINCIPAL = AuditedRequests.class.getName() + ".principal";

    private AuditedRequests() {
    }

    /**
     * The client's address. This is the TCP peer: behind a reverse proxy, enable Spring Boot's
     * {@code server.forward-headers-strategy} so that it is the original client's.
     *
     * @param request the request
     * @return the address, e.g. {@code 127.0.0.1}
     */
    public static String clientIp(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /**
     * The login name of an {@code Authorization: Basic} header, without its password.
     *
     * @param request the request
     * @return the claimed login, empty without a well-formed Basic header
     */
    public static Optional<String> claimedBasicLogin(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Who a request is from for an audit line: the authenticated login if authentication ran, else the login an
     * HTTP Basic header claims, else {@link AuditEvent#ANONYMOUS}.
     *
     * @param request the request
     * @return a login name or {@code anonymous}
     */
    public static String who(HttpServletRequest request) {
        if (request.getAttribute(PRINCIPAL) instanceof String login) {
            return login;
        }
        return claimedBasicLogin(request).orElse(AuditEvent.ANONYMOUS);
    }
}
